// Stable theme ids and names across recomputations, and the cause check (issue 13). Pure.

import { causeLabel } from "../cases/taxonomy";
import type { ComputedTheme } from "./theme-partition";

export type PreviousTheme = { id: string; name: string; caseIds: readonly number[] };
export type IdentifiedTheme = ComputedTheme & { id: string; name: string };

/** A new theme keeps an old one's id and name when they share at least this share of cases (Jaccard). */
export const SAME_THEME_OVERLAP = 0.5;

/**
 * Gives each new theme the id and name of the previous theme it overlaps most (greedy, largest
 * overlap first, each previous theme used once), so a theme that gained or lost a case or two
 * keeps its id, its name and the comp team's edits; otherwise a new id from `newId`.
 */
export function matchThemes(
  previous: readonly PreviousTheme[],
  next: readonly ComputedTheme[],
  newId: (theme: ComputedTheme) => string = (t) => t.key,
): IdentifiedTheme[] {
  const pairs: { p: number; n: number; j: number }[] = [];
  const owner = new Map<number, number>();
  previous.forEach((p, i) => p.caseIds.forEach((id) => owner.set(id, i)));
  next.forEach((t, n) => {
    const shared = new Map<number, number>();
    for (const id of t.caseIds) {
      const p = owner.get(id);
      if (p !== undefined) shared.set(p, (shared.get(p) ?? 0) + 1);
    }
    for (const [p, k] of shared) {
      const j = k / (t.caseIds.length + previous[p].caseIds.length - k);
      if (j >= SAME_THEME_OVERLAP) pairs.push({ p, n, j });
    }
  });
  pairs.sort((a, b) => b.j - a.j || a.p - b.p || a.n - b.n);
  const taken = new Set<number>();
  const match = new Map<number, number>();
  for (const { p, n } of pairs) {
    if (taken.has(p) || match.has(n)) continue;
    taken.add(p);
    match.set(n, p);
  }
  const used = new Set(previous.map((p) => p.id));
  return next.map((t, n) => {
    const p = match.get(n);
    if (p !== undefined) return { ...t, id: previous[p].id, name: previous[p].name };
    let id = newId(t);
    while (used.has(id)) id = `${id}x`;
    used.add(id);
    return { ...t, id, name: themeName(t) };
  });
}

/** "Territory, patch, carve": the distinctive terms, else the dominant cause. */
export function themeName(t: Pick<ComputedTheme, "terms" | "dominantCause">): string {
  const words = t.terms.slice(0, 3);
  if (words.length) return words.map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(", ");
  return t.dominantCause ? causeLabel(t.dominantCause) : "Unnamed theme";
}

export type CauseCheckCase = { id: number; suspectedCause: string; rootCause: string };
export type CauseMismatch = { cause: string; caseIds: number[] };

/**
 * Cases filed under a suspected cause (not yet diagnosed) that the theme's cause contradicts,
 * grouped by what they were filed as. Only when the theme's cause rests on a diagnosis or a
 * clear majority (see `dominant`); "other" and blank are not contradicted.
 */
export function causeCheck(theme: Pick<ComputedTheme, "dominantCause">, members: readonly CauseCheckCase[]): CauseMismatch[] {
  if (!theme.dominantCause) return [];
  const by = new Map<string, number[]>();
  for (const c of members) {
    if (c.rootCause || !c.suspectedCause || c.suspectedCause === "other" || c.suspectedCause === theme.dominantCause) continue;
    by.set(c.suspectedCause, [...(by.get(c.suspectedCause) ?? []), c.id]);
  }
  return [...by.entries()].map(([cause, caseIds]) => ({ cause, caseIds })).sort((a, b) => b.caseIds.length - a.caseIds.length || a.cause.localeCompare(b.cause));
}

/** "3 cases filed as plan mechanics read like territory imbalance". */
export function causeCheckSentence(m: CauseMismatch, themeCause: string): string {
  const n = m.caseIds.length;
  return `${n} case${n === 1 ? "" : "s"} filed as ${causeLabel(m.cause).toLowerCase()} read${n === 1 ? "s" : ""} like ${causeLabel(themeCause).toLowerCase()}`;
}
