// What an action sends back to its page when it does not redirect: which form it answers
// (the intent), that form's Conform result, any list of problems to show beside it, and
// whether someone else saved first (409, decision 003).
// Shared by the server's action kit and the components that read it, so no page casts.
import type { SubmissionResult } from "@conform-to/react";

export type Reply = { intent: string; result: SubmissionResult<string[]>; problems: string[]; conflict: boolean };

/** The Conform result for one form on the page, or nothing when the reply is for another form. */
export function replyFor(reply: Reply | undefined, intent: string): SubmissionResult<string[]> | undefined {
  return reply?.intent === intent ? reply.result : undefined;
}

/** The first error of one field (or of the whole form, field ""), when the reply is for `intent`. */
export function errorOf(reply: Reply | undefined, intent: string | readonly string[], field = ""): string | undefined {
  if (!reply || !(typeof intent === "string" ? [intent] : intent).includes(reply.intent)) return undefined;
  return reply.result.error?.[field]?.[0] ?? undefined;
}
