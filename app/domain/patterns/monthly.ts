import { showCount } from "../privacy/suppress";
import { axisLabel, compareAxisValues } from "./axes";

export type MonthCount = { month: string; cause: string; count: number };

function nextMonth(month: string) {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * Counts per month and cause (from a GROUP BY) as rows for a stacked chart, months without
 * cases filled with zeros. With `suppress`, counts of 1–2 become null (not drawn).
 */
export function monthlySeries(rows: readonly MonthCount[], suppress: boolean) {
  if (rows.length === 0) return { data: [], series: [] };
  const causes = [...new Set(rows.map((r) => r.cause))].sort((a, b) => compareAxisValues("cause", a, b));
  const months = rows.map((r) => r.month).sort();
  const byMonth = new Map<string, Record<string, number | string | null>>();
  for (let m = months[0]; m <= months[months.length - 1]; m = nextMonth(m)) {
    byMonth.set(m, { month: m, ...Object.fromEntries(causes.map((c) => [c, 0])) });
  }
  for (const r of rows) {
    const row = byMonth.get(r.month)!;
    row[r.cause] = (row[r.cause] as number) + r.count;
  }
  const data = [...byMonth.values()].map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, k === "month" || !suppress ? v : showCount(v as number, true).value]),
    ),
  );
  return { data, series: causes.map((c) => ({ name: c, label: axisLabel("cause", c) })) };
}
