import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * Remix's root suspends until the page's data (single fetch's stream) is decoded. A keystroke or
 * click between hydrateRoot and React's first render makes React render at once, which cannot
 * suspend at the root: React error #345, and the page never hydrates (CI caught it twice). So
 * the decoding is started and waited for first — by asking RemixBrowser, which starts it and
 * throws the promise it waits on until then — and hydration begins with the data in hand.
 */
async function pageDataDecoded() {
  if (!window.__remixContext?.future?.v3_singleFetch || !window.__remixContext.stream) return;
  try {
    RemixBrowser({});
  } catch (thrown) {
    if (thrown instanceof Promise) await thrown;
  }
}

void pageDataDecoded().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
