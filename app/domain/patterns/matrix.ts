// Case counts by two dimensions (issue item 1), and the figures an executive may see
// (item 6). Counting is O(n) over cases; the model layer may instead count in SQL with
// GROUP BY and hand the tallies to matrixFromCounts, which is what keeps 100,000 cases fast.
//
// Executives' figures go through disclosure control (../privacy/disclosure.ts): every cell,
// row total, column total and the grand total is one figure of a linked system, keyed by what
// it counts ("cause=quota_setting&function=sales"), so a total shared by several matrices is
// one figure and is hidden in all of them or none.

import { type Disclosed, DisclosureProblem, EXEC_MIN_CELL, protect, showCount, type ShownCount } from "../privacy/disclosure";
import { type Axis, axisLabel, axisValue, compareAxisValues } from "./axes";
import { type CauseSource, causeSourceCounts } from "./effective-cause";
import type { PatternCase } from "./types";

export type MatrixEntry = { value: string; label: string; total: number };

export type Matrix = {
  rowAxis: Axis;
  colAxis: Axis;
  /** Only values with at least one case, in taxonomy order, unknown last. */
  rows: MatrixEntry[];
  cols: MatrixEntry[];
  /** counts[r][c] for rows[r] × cols[c]. */
  counts: number[][];
  total: number;
  /** The largest cell, for heat-map shading. */
  max: number;
  /** Where the cause came from, so the page can say "12 diagnosed, 30 suspected"; null when no axis is cause. */
  causeSources: Record<CauseSource, number> | null;
};

export type Tally = { row: string; col: string; count: number };

export function buildMatrix(cases: readonly PatternCase[], rowAxis: Axis, colAxis: Axis): Matrix {
  const tallies = new Map<string, Tally>();
  for (const c of cases) {
    const row = axisValue(c, rowAxis);
    const col = axisValue(c, colAxis);
    const key = `${row}\u0000${col}`;
    const t = tallies.get(key);
    if (t) t.count += 1;
    else tallies.set(key, { row, col, count: 1 });
  }
  const usesCause = rowAxis === "cause" || colAxis === "cause";
  return matrixFromCounts(rowAxis, colAxis, [...tallies.values()], usesCause ? causeSourceCounts(cases) : null);
}

/** Builds the matrix from pre-counted tallies (e.g. a SQL GROUP BY). Repeated pairs add up. */
export function matrixFromCounts(
  rowAxis: Axis,
  colAxis: Axis,
  tallies: readonly Tally[],
  causeSources: Record<CauseSource, number> | null = null,
): Matrix {
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  for (const t of tallies) {
    if (t.count <= 0) continue;
    rowTotals.set(t.row, (rowTotals.get(t.row) ?? 0) + t.count);
    colTotals.set(t.col, (colTotals.get(t.col) ?? 0) + t.count);
  }
  const entries = (axis: Axis, totals: Map<string, number>): MatrixEntry[] =>
    [...totals.keys()]
      .sort((a, b) => compareAxisValues(axis, a, b))
      .map((value) => ({ value, label: axisLabel(axis, value), total: totals.get(value)! }));
  const rows = entries(rowAxis, rowTotals);
  const cols = entries(colAxis, colTotals);

  const rowIndex = new Map(rows.map((r, i) => [r.value, i]));
  const colIndex = new Map(cols.map((c, i) => [c.value, i]));
  const counts = rows.map(() => cols.map(() => 0));
  let total = 0;
  for (const t of tallies) {
    if (t.count <= 0) continue;
    counts[rowIndex.get(t.row)!][colIndex.get(t.col)!] += t.count;
    total += t.count;
  }
  const max = Math.max(0, ...counts.flat());
  return { rowAxis, colAxis, rows, cols, counts, total, max, causeSources };
}

/** 0 for an empty cell, else 1..5 in proportion to the largest cell. */
export function heatLevel(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  return Math.min(5, Math.max(1, Math.ceil((count / max) * 5)));
}

/** The case-list filters a cell links to (list-query keys are named like the axes). */
export function cellFilter(rowAxis: Axis, rowValue: string, colAxis: Axis, colValue: string): Record<string, string> {
  return { [rowAxis]: rowValue, [colAxis]: colValue };
}

export type ShownEntry = { value: string; label: string; total: ShownCount };
export type ShownCell = ShownCount & { level: number; filter: Record<string, string> };
export type ShownMatrix = {
  rowAxis: Axis;
  colAxis: Axis;
  rows: ShownEntry[];
  cols: ShownEntry[];
  cells: ShownCell[][];
  total: ShownCount;
  /** The largest figure shown (for shading); for executives, of the cells they can see. */
  max: ShownCount;
  causeSources: Record<CauseSource, ShownCount> | null;
};

/** The grand total every matrix of one date range shares. */
export const ALL = "all";

/** The key of a figure counting cases with one value of one axis: "cause=quota_setting". */
export function axisKey(axis: Axis, value: string): string {
  return `${axis}=${value}`;
}

/** The key of a cell: "cause=quota_setting&function=sales". */
export function cellKey(rowAxis: Axis, rowValue: string, colAxis: Axis, colValue: string): string {
  return `${axisKey(rowAxis, rowValue)}&${axisKey(colAxis, colValue)}`;
}

export const SOURCE_KEYS = { diagnosed: "source=diagnosed", suspected: "source=suspected", unknown: axisKey("cause", "unknown") } as const;

/**
 * Adds a matrix's figures and sums to a disclosure problem. `published` says which parts the
 * page prints (default all); a part printed elsewhere is published through its other table.
 */
export function addMatrix(problem: DisclosureProblem, m: Matrix, published?: (part: "cell" | "row" | "col" | "total", ri: number, ci: number) => boolean) {
  problem.table({
    totalKey: ALL,
    rowKeys: m.rows.map((r) => axisKey(m.rowAxis, r.value)),
    colKeys: m.cols.map((c) => axisKey(m.colAxis, c.value)),
    cellKey: (ri, ci) => cellKey(m.rowAxis, m.rows[ri].value, m.colAxis, m.cols[ci].value),
    counts: m.counts,
    published,
    // For executives an empty cell reads "<3" like a cell of 1 or 2 ("fewer than three" is true
    // of none): a reader cannot tell which cells hold a case, so a row total of 4 over four
    // small cells does not make each of them 1.
    cellOptions: (_ri, _ci, n) => ({ small: n < EXEC_MIN_CELL, smallBounds: [0, EXEC_MIN_CELL - 1] }),
  });
}

/** Diagnosed + suspected + not known yet = all cases: the split the patterns page prints. */
export function addCauseSources(problem: DisclosureProblem, sources: Record<CauseSource, number>, total: number) {
  problem.add(ALL, total);
  problem.add(SOURCE_KEYS.diagnosed, sources.diagnosed);
  problem.add(SOURCE_KEYS.suspected, sources.suspected);
  // Cases with no cause yet are the matrices' "Not known yet" row; with none, a known zero.
  problem.add(SOURCE_KEYS.unknown, sources.unknown);
  problem.sum(ALL, [SOURCE_KEYS.diagnosed, SOURCE_KEYS.suspected, SOURCE_KEYS.unknown]);
}

/**
 * The matrix as displayed. `suppress` false: every figure as it is. `suppress` true
 * (executives): the matrix protected on its own — no figure of 1–2, and no empty cell, is
 * shown ("<3": fewer than three), and further figures are withheld ("x") wherever a hidden one
 * could be worked out from the totals. Or pass the
 * protection of the whole page, when this matrix shares totals with others. A hidden cell gets
 * the palest shade, so shading does not tell 1 from 2 or show a withheld size.
 */
export function showMatrix(m: Matrix, suppress: boolean | Disclosed): ShownMatrix {
  let d: Disclosed | null = null;
  if (suppress === true) {
    const problem = new DisclosureProblem();
    addMatrix(problem, m);
    if (m.causeSources) addCauseSources(problem, m.causeSources, m.total);
    d = protect(problem);
  } else if (suppress) d = suppress;
  const show = (key: string, n: number) => (d ? d.show(key) : showCount(n, false));
  const entry = (axis: Axis) => (e: MatrixEntry): ShownEntry => ({ value: e.value, label: e.label, total: show(axisKey(axis, e.value), e.total) });
  const shownCells = m.rows.map((r, ri) => m.cols.map((c, ci) => show(cellKey(m.rowAxis, r.value, m.colAxis, c.value), m.counts[ri][ci])));
  const max = Math.max(0, ...shownCells.flat().map((c) => c.value ?? 0));
  const cells = shownCells.map((row, ri) =>
    row.map((shown, ci) => ({
      ...shown,
      level: shown.value === null ? 1 : heatLevel(shown.value, max),
      filter: cellFilter(m.rowAxis, m.rows[ri].value, m.colAxis, m.cols[ci].value),
    })),
  );
  const sources = m.causeSources
    ? {
        diagnosed: show(SOURCE_KEYS.diagnosed, m.causeSources.diagnosed),
        suspected: show(SOURCE_KEYS.suspected, m.causeSources.suspected),
        unknown: show(SOURCE_KEYS.unknown, m.causeSources.unknown),
      }
    : null;
  return {
    rowAxis: m.rowAxis,
    colAxis: m.colAxis,
    rows: m.rows.map(entry(m.rowAxis)),
    cols: m.cols.map(entry(m.colAxis)),
    cells,
    total: show(ALL, m.total),
    max: showCount(max, false),
    causeSources: sources,
  };
}

/** What an executive sees of one matrix on its own. */
export function suppressMatrix(m: Matrix): ShownMatrix {
  return showMatrix(m, true);
}

export type MonthRow = { month: string } & Record<string, number | string | null>;

/**
 * Cases per calendar month (UTC) and per value of `by`, for a stacked trend chart:
 * [{ month: "2026-03", territory_imbalance: 4, quota_setting: 0, ... }]. Months with no
 * cases between the first and last are included so the axis has no jumps. With
 * `suppress`, the points go through disclosure control: a hidden figure is null (a gap),
 * never the number.
 */
export function casesPerMonth(
  cases: readonly PatternCase[],
  by: Axis = "cause",
  { suppress = false }: { suppress?: boolean } = {},
): MonthRow[] {
  if (cases.length === 0) return [];
  const byMonth = new Map<string, Map<string, number>>();
  const series = new Set<string>();
  let first = Infinity;
  let last = -Infinity;
  for (const c of cases) {
    const t = c.raisedOn.getTime();
    if (Number.isNaN(t)) continue;
    first = Math.min(first, t);
    last = Math.max(last, t);
    const month = monthKey(c.raisedOn);
    const value = axisValue(c, by);
    series.add(value);
    const counts = byMonth.get(month) ?? new Map<string, number>();
    counts.set(value, (counts.get(value) ?? 0) + 1);
    byMonth.set(month, counts);
  }
  if (!Number.isFinite(first)) return [];
  const keys = [...series].sort((a, b) => compareAxisValues(by, a, b));
  const months = monthsBetween(new Date(first), new Date(last));
  const count = (month: string, k: string) => byMonth.get(month)?.get(k) ?? 0;
  let d: Disclosed | null = null;
  if (suppress) {
    // The chart prints the points only; the month and series totals are tied to them.
    const problem = new DisclosureProblem();
    problem.table({
      totalKey: ALL,
      rowKeys: months.map((m) => `month=${m}`),
      colKeys: keys.map((k) => axisKey(by, k)),
      cellKey: (ri, ci) => `month=${months[ri]}&${axisKey(by, keys[ci])}`,
      counts: months.map((m) => keys.map((k) => count(m, k))),
      published: (part) => part === "cell",
    });
    d = protect(problem);
  }
  return months.map((month) => {
    const row: MonthRow = { month };
    for (const k of keys) row[k] = d ? d.show(`month=${month}&${axisKey(by, k)}`).value : count(month, k);
    return row;
  });
}

export function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  const endY = to.getUTCFullYear();
  const endM = to.getUTCMonth();
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m + 1).padStart(2, "0")}`);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}
