import { Suspense, type ReactNode } from "react";

/**
 * Hydrates its children apart from the rest of the page (issue 18). React 18 leaves a server-
 * rendered Suspense boundary for later and hydrates it on its own, in idle time, with its own
 * commit: a long page's sections become several short tasks instead of one long one that keeps
 * a phone from answering a tap. Nothing inside suspends, so the fallback never shows; a click
 * on a section not hydrated yet hydrates it at once (React's selective hydration).
 */
export function HydrateApart({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
