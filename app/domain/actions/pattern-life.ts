// A pattern's life follows the work (issue 15): open → briefed → fixing → monitoring →
// resolved, or recurring. Derived from its briefs, actions and checks, never typed by hand, so
// it cannot drift from what happened.

export const PATTERN_LIFE = ["open", "briefed", "fixing", "monitoring", "resolved", "recurring"] as const;
export type PatternLife = (typeof PATTERN_LIFE)[number];
export const PATTERN_LIFE_LABELS: Record<PatternLife, string> = {
  open: "Open",
  briefed: "Briefed",
  fixing: "Fixing",
  monitoring: "Monitoring",
  resolved: "Resolved",
  recurring: "Recurring",
};

export type LifeInput = {
  publishedBriefs: number;
  actions: readonly { status: string; doneAt: Date | null; verdict: string; verdictAt: Date | null }[];
  /** When each "recurring after the fix" flag was raised. */
  recurrences: readonly Date[];
};

export function patternLife({ publishedBriefs, actions, recurrences }: LifeInput): PatternLife {
  const live = actions.filter((a) => a.status !== "rejected");
  const checked = live.filter((a) => a.verdict !== "").sort((a, b) => (b.verdictAt?.getTime() ?? 0) - (a.verdictAt?.getTime() ?? 0));
  const latest = checked[0];
  // The latest check said it did not work: the problem is back until a new fix is checked.
  if (latest?.verdict === "not_effective") return "recurring";
  const done = live.filter((a) => a.doneAt !== null);
  const firstFix = done.length ? Math.min(...done.map((a) => a.doneAt!.getTime())) : null;
  const lastCheck = latest?.verdictAt?.getTime() ?? null;
  // A case like the pattern's arriving after the fix (after the last good check, if any).
  if (firstFix !== null && recurrences.some((r) => r.getTime() >= (lastCheck ?? firstFix))) return "recurring";
  if (live.some((a) => a.status === "proposed" || a.status === "approved" || a.status === "in_progress")) return "fixing";
  if (live.some((a) => a.status === "done" && a.verdict === "")) return "monitoring";
  if (latest?.verdict === "effective") return "resolved";
  if (latest) return "monitoring"; // inconclusive: keep watching
  return publishedBriefs > 0 ? "briefed" : "open";
}
