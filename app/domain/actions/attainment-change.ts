// The attainment picture of the affected group before and after a fix: median (the typical
// rep), spread (sd) and share at quota, from the periods that ended before the fix and the
// periods that began after it. A period the fix fell inside is neither. Groups of fewer than
// five reps are not summarised (the attainment disclosure floor).

import { parsePeriod } from "../variability/period";
import { summarise } from "../variability/stats";

export const MIN_REPS = 5;

type Row = { period: string; segment: string; role: string; attainmentPct: number };

export type AttainmentSide = { periods: string[]; reps: number; median: number | null; sd: number | null; shareAtQuota: number | null; tooFew: boolean };
export type AttainmentChange = { before: AttainmentSide; after: AttainmentSide } | null;

/** First and last instant of a period (UTC). */
export function periodSpan(text: string): { start: Date; end: Date } | null {
  const p = parsePeriod(text);
  if (!p) return null;
  const [m0, months] = p.kind === "year" ? [0, 12] : p.kind === "quarter" ? [(p.index - 1) * 3, 3] : [p.index - 1, 1];
  return { start: new Date(Date.UTC(p.year, m0, 1)), end: new Date(Date.UTC(p.year, m0 + months, 1) - 1) };
}

function side(rows: readonly Row[]): AttainmentSide {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const s = summarise(rows.map((r) => r.attainmentPct));
  const tooFew = s.n < MIN_REPS;
  const round = (v: number | null) => (v === null || tooFew ? null : Math.round(v));
  return {
    periods,
    reps: s.n,
    median: round(s.median),
    sd: round(s.sd),
    shareAtQuota: s.shareAtOrAbove100 === null || tooFew ? null : Math.round(s.shareAtOrAbove100 * 100),
    tooFew,
  };
}

/**
 * The affected group: rows whose segment is one of `segments` (or role one of `roles`, when
 * segments are not given). Null when no period on either side holds any of its rows.
 */
export function attainmentChange(rows: readonly Row[], doneAt: Date, group: { segments: readonly string[]; roles: readonly string[] }): AttainmentChange {
  const inGroup = rows.filter((r) => (group.segments.length ? group.segments.includes(r.segment) : group.roles.includes(r.role)));
  const before: Row[] = [];
  const after: Row[] = [];
  for (const r of inGroup) {
    const span = periodSpan(r.period);
    if (!span) continue;
    if (span.end.getTime() < doneAt.getTime()) before.push(r);
    else if (span.start.getTime() >= doneAt.getTime()) after.push(r);
  }
  if (before.length === 0 && after.length === 0) return null;
  // Only the most recent period before and the earliest after: like for like, one period each.
  const last = (list: Row[], pick: "max" | "min") => {
    const periods = [...new Set(list.map((r) => r.period))].sort((a, b) => periodSpan(a)!.start.getTime() - periodSpan(b)!.start.getTime());
    const chosen = pick === "max" ? periods.at(-1) : periods[0];
    return list.filter((r) => r.period === chosen);
  };
  return { before: side(last(before, "max")), after: side(last(after, "min")) };
}
