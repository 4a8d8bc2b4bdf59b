import { describe, expect, it } from "vitest";
import { monthlySeries } from "./monthly";

describe("monthlySeries", () => {
  const rows = [
    { month: "2026-01", cause: "quota_setting", count: 4 },
    { month: "2026-03", cause: "territory_imbalance", count: 2 },
    { month: "2026-03", cause: "quota_setting", count: 5 },
  ];

  it("fills the months between with zeros and orders causes as the taxonomy does", () => {
    const { data, series } = monthlySeries(rows, false);
    expect(data.map((d) => d.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(data[1]).toEqual({ month: "2026-02", territory_imbalance: 0, quota_setting: 0 });
    expect(series.map((s) => s.label)).toEqual(["Territory imbalance", "Quota setting"]);
  });

  it("does not draw counts of one or two for executives", () => {
    const { data } = monthlySeries(rows, true);
    expect(data[2]).toEqual({ month: "2026-03", territory_imbalance: null, quota_setting: 5 });
  });

  it("gives executives every month as text, a point the chart leaves out reading <3 (never its count)", () => {
    const { table } = monthlySeries(rows, true);
    expect(table.map((t) => t.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(table[2].cells).toEqual(["<3", "5"]);
    expect(table[1].cells.every((text) => text === "<3" || text === "x")).toBe(true);
    expect(monthlySeries(rows, false).table[2].cells).toEqual(["2", "5"]);
  });

  it("rolls over the year", () => {
    const { data } = monthlySeries([{ month: "2025-12", cause: "other", count: 3 }, { month: "2026-01", cause: "other", count: 3 }], false);
    expect(data.map((d) => d.month)).toEqual(["2025-12", "2026-01"]);
  });
});
