// Case counts by two dimensions (issue item 1), and the figures an executive may see
// (item 6). Counting is O(n) over cases; the model layer may instead count in SQL with
// GROUP BY and hand the tallies to matrixFromCounts, which is what keeps 100,000 cases fast.

import { EXEC_MIN_CELL, showCount, type ShownCount } from "../privacy/suppress";
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
  max: ShownCount;
  causeSources: Record<CauseSource, ShownCount> | null;
};

/**
 * The matrix as displayed. With `suppress` (executives) every figure from 1 to 2 shows as
 * "<3" with no value, totals included, and a hidden cell gets the palest shade so the
 * shading does not tell 1 from 2.
 */
export function showMatrix(m: Matrix, suppress: boolean): ShownMatrix {
  const show = (n: number) => showCount(n, suppress);
  const entry = (e: MatrixEntry): ShownEntry => ({ value: e.value, label: e.label, total: show(e.total) });
  const cells = m.rows.map((r, ri) =>
    m.cols.map((c, ci) => {
      const n = m.counts[ri][ci];
      const shown = show(n);
      return {
        ...shown,
        level: shown.value === null ? 1 : heatLevel(n, m.max),
        filter: cellFilter(m.rowAxis, r.value, m.colAxis, c.value),
      };
    }),
  );
  const sources = m.causeSources
    ? {
        diagnosed: show(m.causeSources.diagnosed),
        suspected: show(m.causeSources.suspected),
        unknown: show(m.causeSources.unknown),
      }
    : null;
  return {
    rowAxis: m.rowAxis,
    colAxis: m.colAxis,
    rows: m.rows.map(entry),
    cols: m.cols.map(entry),
    cells,
    total: show(m.total),
    max: show(m.max),
    causeSources: sources,
  };
}

/** What an executive sees: no figure below EXEC_MIN_CELL. */
export function suppressMatrix(m: Matrix): ShownMatrix {
  return showMatrix(m, true);
}

export type MonthRow = { month: string } & Record<string, number | string | null>;

/**
 * Cases per calendar month (UTC) and per value of `by`, for a stacked trend chart:
 * [{ month: "2026-03", territory_imbalance: 4, quota_setting: 0, ... }]. Months with no
 * cases between the first and last are included so the axis has no jumps. With
 * `suppress`, a figure of 1–2 becomes null (a gap), never the number.
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
  const out: MonthRow[] = [];
  for (const month of monthsBetween(new Date(first), new Date(last))) {
    const row: MonthRow = { month };
    const counts = byMonth.get(month);
    for (const k of keys) {
      const n = counts?.get(k) ?? 0;
      row[k] = suppress && n > 0 && n < EXEC_MIN_CELL ? null : n;
    }
    out.push(row);
  }
  return out;
}

export function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

function monthsBetween(from: Date, to: Date): string[] {
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
