// Attainment periods. Three spellings are accepted, because comp teams measure attainment by
// quarter, by month or by (fiscal) year:
//   "2026-Q1"  a quarter (Q1–Q4)
//   "2026-03"  a month (01–12)
//   "FY2026"   a whole (fiscal) year
// Years run 1900–2099. Input is trimmed and upper-cased ("2026-q1" → "2026-Q1", "fy2026" →
// "FY2026"); nothing else is guessed (a "Q1 2026" or "3/2026" is refused with PERIOD_MESSAGE).

export type PeriodKind = "year" | "quarter" | "month";
export type Period = { text: string; year: number; kind: PeriodKind; index: number };

export const PERIOD_MESSAGE = "Use a period like 2026-Q1 (quarter), 2026-03 (month) or FY2026 (year)";

const YEAR = "((?:19|20)\\d{2})";
const QUARTER = new RegExp(`^${YEAR}-Q([1-4])$`);
const MONTH = new RegExp(`^${YEAR}-(0[1-9]|1[0-2])$`);
const FISCAL_YEAR = new RegExp(`^FY${YEAR}$`);

export function parsePeriod(raw: string): Period | null {
  const text = raw.trim().toUpperCase();
  let m = QUARTER.exec(text);
  if (m) return { text, year: Number(m[1]), kind: "quarter", index: Number(m[2]) };
  m = MONTH.exec(text);
  if (m) return { text, year: Number(m[1]), kind: "month", index: Number(m[2]) };
  m = FISCAL_YEAR.exec(text);
  if (m) return { text, year: Number(m[1]), kind: "year", index: 0 };
  return null;
}

// Within a year: the year itself first, then its quarters, then its months. A file normally uses
// one spelling, so this only has to be stable, not clever.
const KIND_ORDER: Record<PeriodKind, number> = { year: 0, quarter: 1, month: 2 };

/** Chronological order; text that is not a period sorts after every period, alphabetically. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return pa.year - pb.year || KIND_ORDER[pa.kind] - KIND_ORDER[pb.kind] || pa.index - pb.index;
}

/**
 * The periods a table's figures cover, in words: "2026-Q1", "2026-Q1 and 2026-Q2",
 * "2026-Q1 to 2026-Q4 (4 periods)"; null when there are none. Issue 14: the page said no period.
 */
export function periodSpan(periods: readonly string[]): string | null {
  const sorted = [...new Set(periods)].sort(comparePeriods);
  if (sorted.length === 0) return null;
  if (sorted.length === 1) return sorted[0];
  if (sorted.length === 2) return `${sorted[0]} and ${sorted[1]}`;
  return `${sorted[0]} to ${sorted.at(-1)} (${sorted.length} periods)`;
}
