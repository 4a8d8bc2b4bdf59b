// A case's cause for patterns: the diagnosed root cause once the Five Whys has concluded,
// the reporter's suspected cause before that. The source is kept so the page can say which.

import type { PatternCase } from "./types";

export type CauseSource = "diagnosed" | "suspected" | "unknown";
export const UNKNOWN_CAUSE = "unknown";
export const UNKNOWN_CAUSE_LABEL = "Not known yet";

export function effectiveCause(c: Pick<PatternCase, "rootCause" | "suspectedCause">): {
  cause: string;
  source: CauseSource;
} {
  const root = c.rootCause?.trim() ?? "";
  if (root) return { cause: root, source: "diagnosed" };
  const suspected = c.suspectedCause?.trim() ?? "";
  if (suspected) return { cause: suspected, source: "suspected" };
  return { cause: UNKNOWN_CAUSE, source: "unknown" };
}

/** How many cases took their cause from each source: "12 diagnosed, 30 suspected, 4 not known yet". */
export function causeSourceCounts(
  cases: readonly Pick<PatternCase, "rootCause" | "suspectedCause">[],
): Record<CauseSource, number> {
  const out: Record<CauseSource, number> = { diagnosed: 0, suspected: 0, unknown: 0 };
  for (const c of cases) out[effectiveCause(c).source] += 1;
  return out;
}
