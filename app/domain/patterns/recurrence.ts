// "Recurring after the fix" (issue item 4): a new case that matches a pattern whose fix is
// in place — the pattern is being monitored or is resolved — by the same cause and alike text.

import { effectiveCause, UNKNOWN_CAUSE } from "./effective-cause";
import { buildIndex, dot, type SparseVector, type TfIdfIndex } from "./text-similarity";
import { caseText, type PatternCase } from "./types";

export const PATTERN_STATUSES = ["open", "briefed", "monitoring", "resolved"] as const;
export type PatternStatus = (typeof PATTERN_STATUSES)[number];
/** Statuses in which the fix is in place, so a new case is a recurrence, not more of the same. */
export const FIXED_STATUSES: readonly string[] = ["monitoring", "resolved"];

/**
 * Cosine to the pattern's centroid. On the labelled fixtures, 0.15 keeps nearly every
 * same-theme complaint worded like the pattern's and lets through ~2–4% of other themes
 * before the cause check, which must also match.
 */
export const DEFAULT_RECURRENCE_SIMILARITY = 0.15;

export type RecurrencePattern = {
  status: string;
  cases: readonly PatternCase[];
  /** When the fix went in (the pattern entered monitoring): older cases are not recurrences. */
  since?: Date | null;
};

export type RecurrenceCheck = {
  recurring: boolean;
  /** Cosine of the new case to the centroid of the pattern's cases, 0..1. */
  score: number;
  /** The pattern's dominant cause, null when none of its cases has one. */
  cause: string | null;
  /** The pattern case most like the new one, to show side by side. */
  closestCaseId: number | null;
  /** Why not, for the tests and for a tooltip. */
  because: "recurring" | "fix-not-in-place" | "before-fix" | "no-cause" | "different-cause" | "not-alike";
};

/** The most common known effective cause of a pattern's cases (a tie goes to the alphabetically first). */
export function dominantCause(cases: readonly PatternCase[]): string | null {
  const counts = new Map<string, number>();
  for (const c of cases) {
    const { cause } = effectiveCause(c);
    if (cause !== UNKNOWN_CAUSE) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [cause, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && cause < best)) {
      best = cause;
      bestCount = n;
    }
  }
  return best;
}

export function isRecurrence(
  newCase: PatternCase,
  pattern: RecurrencePattern,
  { minSimilarity = DEFAULT_RECURRENCE_SIMILARITY, index }: { minSimilarity?: number; index?: TfIdfIndex } = {},
): RecurrenceCheck {
  const members = pattern.cases.filter((c) => c.id !== newCase.id);
  const cause = dominantCause(members);
  const result = (because: RecurrenceCheck["because"], score = 0, closestCaseId: number | null = null) => ({
    recurring: because === "recurring",
    score,
    cause,
    closestCaseId,
    because,
  });

  if (!FIXED_STATUSES.includes(pattern.status)) return result("fix-not-in-place");
  if (pattern.since && newCase.raisedOn.getTime() < pattern.since.getTime()) return result("before-fix");
  const own = effectiveCause(newCase).cause;
  if (cause === null || own === UNKNOWN_CAUSE) return result("no-cause");
  if (own !== cause) return result("different-cause");

  // Without a corpus index the pattern's cases and the new case weigh each other's words.
  const idx = index ?? buildIndex([...members, newCase].map((c) => ({ id: c.id, text: caseText(c) })));
  const vectorOf = (c: PatternCase): SparseVector => idx.vector(c.id) ?? idx.vectorize(caseText(c));
  const query = vectorOf(newCase);
  const centroid = new Map<number, number>();
  let closest: { id: number; score: number } | null = null;
  for (const m of members) {
    const v = vectorOf(m);
    v.idx.forEach((t, j) => centroid.set(t, (centroid.get(t) ?? 0) + v.val[j]));
    const s = dot(query, v);
    if (!closest || s > closest.score) closest = { id: m.id, score: s };
  }
  const norm = Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0));
  let d = 0;
  query.idx.forEach((t, j) => (d += (centroid.get(t) ?? 0) * query.val[j]));
  const score = norm > 0 ? d / norm : 0;
  return result(score >= minSimilarity ? "recurring" : "not-alike", score, closest?.id ?? null);
}

/** Every fixed pattern a new case recurs in, most alike first. */
export function findRecurrences<P extends RecurrencePattern & { id: number }>(
  newCase: PatternCase,
  patterns: readonly P[],
  options: { minSimilarity?: number; index?: TfIdfIndex } = {},
): { patternId: number; score: number; closestCaseId: number | null }[] {
  return patterns
    .map((p) => ({ p, check: isRecurrence(newCase, p, options) }))
    .filter(({ check }) => check.recurring)
    .map(({ p, check }) => ({ patternId: p.id, score: check.score, closestCaseId: check.closestCaseId }))
    .sort((a, b) => b.score - a.score || a.patternId - b.patternId);
}
