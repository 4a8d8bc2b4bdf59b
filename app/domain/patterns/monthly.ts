import { type Disclosed, DisclosureProblem, EXEC_MIN_CELL, protect } from "../privacy/disclosure";
import { axisLabel, compareAxisValues } from "./axes";
import { ALL, axisKey } from "./matrix";

export type MonthCount = { month: string; cause: string; count: number };

function nextMonth(month: string) {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The key of one chart point: cases raised in a month with one effective cause. */
export function monthCauseKey(month: string, cause: string): string {
  return `month=${month}&${axisKey("cause", cause)}`;
}

function grid(rows: readonly MonthCount[]) {
  const causes = [...new Set(rows.map((r) => r.cause))].sort((a, b) => compareAxisValues("cause", a, b));
  const sorted = rows.map((r) => r.month).sort();
  const months: string[] = [];
  if (sorted.length) for (let m = sorted[0]; m <= sorted[sorted.length - 1]; m = nextMonth(m)) months.push(m);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(monthCauseKey(r.month, r.cause), (counts.get(monthCauseKey(r.month, r.cause)) ?? 0) + r.count);
  return { causes, months, count: (m: string, c: string) => counts.get(monthCauseKey(m, c)) ?? 0 };
}

/**
 * Adds the chart's points to a disclosure problem: each month's counts add up to that month's
 * total (not printed) and, over the months, to each cause's total and to all cases (printed by
 * the matrices of the same range).
 */
export function addMonthly(problem: DisclosureProblem, rows: readonly MonthCount[]) {
  const { causes, months, count } = grid(rows);
  if (months.length === 0) return;
  problem.table({
    totalKey: ALL,
    rowKeys: months.map((m) => `month=${m}`),
    colKeys: causes.map((c) => axisKey("cause", c)),
    cellKey: (ri, ci) => monthCauseKey(months[ri], causes[ci]),
    counts: months.map((m) => causes.map((c) => count(m, c))),
    published: (part) => part === "cell",
    // The chart draws a point only when it is shown: a small point and an empty month are the
    // same gap, so a gap tells a reader nothing (not even that the month had a case).
    cellOptions: (_ri, _ci, n) => ({ small: n < EXEC_MIN_CELL, smallBounds: [0, Infinity] }),
  });
}

/**
 * Counts per month and cause (from a GROUP BY) as rows for a stacked chart, months without
 * cases filled with zeros. With `suppress`, the points go through disclosure control on their
 * own; or pass the protection of the whole page. A hidden point is null (not drawn), and so,
 * for executives, is an empty one.
 */
export function monthlySeries(rows: readonly MonthCount[], suppress: boolean | Disclosed) {
  if (rows.length === 0) return { data: [], series: [], table: [] };
  const { causes, months, count } = grid(rows);
  let d: Disclosed | null = null;
  if (suppress === true) {
    const problem = new DisclosureProblem();
    addMonthly(problem, rows);
    d = protect(problem);
  } else if (suppress) d = suppress;
  const shown = (month: string, c: string) => (d ? d.show(monthCauseKey(month, c)) : { value: count(month, c), text: String(count(month, c)) });
  const data = months.map((month) => ({
    month,
    ...Object.fromEntries(causes.map((c) => [c, shown(month, c).value])),
  })) as Record<string, number | string | null>[];
  // The same figures as text, month by month, for the table beside the chart: a point the chart
  // leaves out reads "<3" (zero, one or two: a gap and a small count look alike) or "x".
  const table = months.map((month) => ({ month, cells: causes.map((c) => shown(month, c).text) }));
  return { data, series: causes.map((c) => ({ name: c, label: axisLabel("cause", c) })), table };
}
