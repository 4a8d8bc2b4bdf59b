// Which complaints the effectiveness check counts as "like the pattern" (issue 15, decision 014
// as amended by 019): the pattern's own cases and those flagged as recurring on it, and any
// other case that fits the pattern's definition — the pattern's cause (as set on the pattern,
// else its cases' most common one) AND its cases' most common behaviour AND, where the themes
// have placed it, one of the themes the pattern's cases sit in. Cause alone counted unrelated
// complaints that merely shared an upstream cause.

import { effectiveCause, UNKNOWN_CAUSE } from "../patterns/effective-cause";

type Member = { behaviour: string; rootCause: string; suspectedCause: string };

export type PatternDefinition = {
  cause: string | null;
  behaviour: string | null;
  /** Themes holding at least one of the pattern's cases; empty when themes are not computed. */
  themeIds: ReadonlySet<string>;
};

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export function patternDefinition(members: readonly Member[], patternCause: string, memberThemes: Iterable<string>): PatternDefinition {
  // The pattern's most common known cause (a tie goes to the alphabetically first), as recurrence reads it.
  const cause = patternCause.trim() || mostCommon(members.map((m) => effectiveCause(m).cause).filter((c) => c !== UNKNOWN_CAUSE));
  return { cause: cause && cause !== UNKNOWN_CAUSE ? cause : null, behaviour: mostCommon(members.map((m) => m.behaviour)), themeIds: new Set(memberThemes) };
}

/**
 * Whether a case that is not one of the pattern's fits its definition. A case the themes have
 * not placed yet (new since the last recompute) is judged on cause and behaviour alone.
 */
export function fitsDefinition(c: Member & { themeId: string | null }, d: PatternDefinition): boolean {
  if (!d.cause || !d.behaviour) return false;
  if (effectiveCause(c).cause !== d.cause || c.behaviour !== d.behaviour) return false;
  return d.themeIds.size === 0 || c.themeId === null || d.themeIds.has(c.themeId);
}
