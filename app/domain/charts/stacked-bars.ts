import { nice, ticks } from "d3-array";

// The geometry of a stacked bar chart drawn as plain SVG on the server (issue 18): no chart
// library reaches the browser, the chart paints with the page, prints, and needs no JavaScript.
// Across, positions are percentages of the plot's width (the SVG stretches with its card, text
// keeps its size); up and down, pixels.

export type Row = Record<string, string | number | null>;
export type Segment = { series: string; value: number; y: number; height: number };
export type Bar = { key: string; x: number; width: number; total: number; segments: Segment[] };
export type Tick = { value: number; y: number };

/** Bars take this share of their slot; the rest is the gap between months. */
const BAR_SHARE = 0.8;

/**
 * Bars for `rows` (one per slot, `keyOf` its label), stacking `series` in the order given from
 * the bottom up. A null or zero value draws nothing (an executive's hidden point is a gap).
 */
export function stackedBars(rows: readonly Row[], series: readonly string[], keyOf: string, height: number) {
  const valueOf = (row: Row, s: string) => (typeof row[s] === "number" && Number(row[s]) > 0 ? Number(row[s]) : 0);
  const totals = rows.map((row) => series.reduce((sum, s) => sum + valueOf(row, s), 0));
  const top = Math.max(1, nice(0, Math.max(1, ...totals), 4)[1]);
  const y = (v: number) => height - (v / top) * height;
  const slot = rows.length ? 100 / rows.length : 100;
  const bars: Bar[] = rows.map((row, i) => {
    let below = 0;
    const segments: Segment[] = [];
    for (const s of series) {
      const value = valueOf(row, s);
      if (!value) continue;
      segments.push({ series: s, value, y: y(below + value), height: y(below) - y(below + value) });
      below += value;
    }
    return { key: String(row[keyOf]), x: i * slot + (slot * (1 - BAR_SHARE)) / 2, width: slot * BAR_SHARE, total: totals[i], segments };
  });
  const axis: Tick[] = ticks(0, top, 4).map((value) => ({ value, y: y(value) }));
  return { bars, ticks: axis, top };
}

/**
 * Which slot labels fit at each width, widest first: at most `rooms[k]` labels at width k, every
 * `step`-th from the first, each narrower step a multiple of the wider one (a label shown narrow
 * is shown wider too). Returned per slot, so the server marks each label and CSS hides it by width.
 */
export function labelSteps(count: number, rooms: readonly number[]): ((i: number) => boolean)[] {
  const steps: number[] = [];
  for (const room of rooms) {
    const wanted = Math.max(1, Math.ceil(count / Math.max(1, room)));
    const wider = steps.at(-1) ?? 1;
    steps.push(wider * Math.ceil(wanted / wider));
  }
  return steps.map((step) => (i: number) => i % step === 0);
}
