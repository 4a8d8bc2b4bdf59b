import { describe, expect, it } from "vitest";
import { MATRICES } from "./axes";
import { makeCase } from "./fixtures/make-case";
import {
  buildMatrix,
  casesPerMonth,
  heatLevel,
  matrixFromCounts,
  showMatrix,
  suppressMatrix,
} from "./matrix";

const cases = [
  // Diagnosed root cause wins over the suspected one.
  makeCase({ rootCause: "quota_setting", suspectedCause: "plan_mechanics", reporterFunction: "sales" }),
  makeCase({ suspectedCause: "quota_setting", reporterFunction: "finance" }),
  makeCase({ suspectedCause: "quota_setting", reporterFunction: "sales" }),
  makeCase({ suspectedCause: "quota_setting", reporterFunction: "sales" }),
  makeCase({ suspectedCause: "territory_imbalance", reporterFunction: "sales" }),
  makeCase({ suspectedCause: "", reporterFunction: "customer_success" }),
];

describe("buildMatrix", () => {
  const m = buildMatrix(cases, "cause", "function");

  it("uses the diagnosed cause over the suspected one and says how many of each", () => {
    expect(m.rows.map((r) => r.value)).not.toContain("plan_mechanics");
    expect(m.causeSources).toEqual({ diagnosed: 1, suspected: 4, unknown: 1 });
  });

  it("orders rows and columns as the taxonomy does, unknown cause last as 'Not known yet'", () => {
    expect(m.rows.map((r) => r.value)).toEqual(["territory_imbalance", "quota_setting", "unknown"]);
    expect(m.rows.map((r) => r.label)).toEqual(["Territory imbalance", "Quota setting", "Not known yet"]);
    expect(m.cols.map((c) => c.value)).toEqual(["sales", "customer_success", "finance"]);
    expect(m.cols.map((c) => c.label)).toEqual(["Sales", "Customer Success", "Finance"]);
  });

  it("counts cells, totals and the largest cell", () => {
    expect(m.counts).toEqual([
      [1, 0, 0],
      [3, 0, 1],
      [0, 1, 0],
    ]);
    expect(m.rows.map((r) => r.total)).toEqual([1, 4, 1]);
    expect(m.cols.map((c) => c.total)).toEqual([4, 1, 1]);
    expect(m.total).toBe(6);
    expect(m.max).toBe(3);
  });

  it("leaves out values with no cases", () => {
    expect(m.cols.map((c) => c.value)).not.toContain("marketing");
  });

  it("bands tenure, with unrecorded tenure as Unknown", () => {
    const t = buildMatrix(
      [makeCase({ tenureMonths: 3 }), makeCase({ tenureMonths: 60 }), makeCase({ tenureMonths: null })],
      "cause",
      "tenure",
    );
    expect(t.cols.map((c) => c.label)).toEqual(["<6 mo", "4+ y", "Unknown"]);
  });

  it("has no cause sources when no axis is cause", () => {
    expect(buildMatrix(cases, "behaviour", "role").causeSources).toBeNull();
  });

  it("defines the four matrices of the page", () => {
    expect(MATRICES.map((x) => `${x.rows}×${x.cols}`)).toEqual([
      "cause×function",
      "cause×segment",
      "behaviour×role",
      "cause×tenure",
    ]);
  });

  it("gives the same matrix from pre-counted tallies", () => {
    const fromTallies = matrixFromCounts(
      "cause",
      "function",
      [
        { row: "quota_setting", col: "sales", count: 3 },
        { row: "territory_imbalance", col: "sales", count: 1 },
        { row: "quota_setting", col: "finance", count: 1 },
        { row: "unknown", col: "customer_success", count: 1 },
      ],
      m.causeSources,
    );
    expect(fromTallies).toEqual(m);
  });

  it("is empty for no cases", () => {
    const e = buildMatrix([], "cause", "function");
    expect(e).toMatchObject({ rows: [], cols: [], counts: [], total: 0, max: 0 });
  });
});

describe("heatLevel", () => {
  it("is 0 for empty cells and 1..5 in proportion to the max", () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(5, 0)).toBe(0);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(3);
    expect(heatLevel(10, 10)).toBe(5);
    expect(heatLevel(12, 10)).toBe(5);
  });
});

describe("suppressMatrix (executives)", () => {
  const m = buildMatrix(cases, "cause", "function");
  const s = suppressMatrix(m);

  it("shows cells of 1 and 2 as <3 with no value, and 0 and 3+ as they are", () => {
    expect(s.cells.map((row) => row.map((c) => c.text))).toEqual([
      ["<3", "0", "0"],
      ["3", "0", "<3"],
      ["0", "<3", "0"],
    ]);
    expect(s.cells[0][0].value).toBeNull();
    expect(s.cells[1][0].value).toBe(3);
  });

  it("hides totals below three too", () => {
    expect(s.rows.map((r) => r.total.text)).toEqual(["<3", "4", "<3"]);
    expect(s.cols.map((c) => c.total.text)).toEqual(["4", "<3", "<3"]);
    expect(s.total.text).toBe("6");
    expect(s.causeSources).toEqual({
      diagnosed: { value: null, text: "<3" },
      suspected: { value: 4, text: "4" },
      unknown: { value: null, text: "<3" },
    });
  });

  it("gives every hidden cell the same pale shade, so shading does not tell 1 from 2", () => {
    const two = suppressMatrix(
      matrixFromCounts("cause", "function", [
        { row: "quota_setting", col: "sales", count: 1 },
        { row: "quota_setting", col: "finance", count: 2 },
      ]),
    );
    expect(two.cells[0].map((c) => c.level)).toEqual([1, 1]);
    expect(two.max.text).toBe("<3");
  });

  it("leaves everything visible for other roles", () => {
    const open = showMatrix(m, false);
    expect(open.cells[0][0]).toMatchObject({ value: 1, text: "1" });
    expect(open.cells[1][0].level).toBe(5);
  });

  it("links every cell to the case list filtered on both values", () => {
    expect(s.cells[1][2].filter).toEqual({ cause: "quota_setting", function: "finance" });
  });
});

describe("casesPerMonth", () => {
  const monthly = [
    makeCase({ raisedOn: new Date("2026-01-05T00:00:00Z"), suspectedCause: "quota_setting" }),
    makeCase({ raisedOn: new Date("2026-01-31T00:00:00Z"), suspectedCause: "quota_setting" }),
    makeCase({ raisedOn: new Date("2026-01-20T00:00:00Z"), suspectedCause: "quota_setting" }),
    makeCase({ raisedOn: new Date("2026-03-01T00:00:00Z"), rootCause: "territory_imbalance" }),
  ];

  it("counts per month and cause, filling empty months with zeros", () => {
    expect(casesPerMonth(monthly, "cause")).toEqual([
      { month: "2026-01", territory_imbalance: 0, quota_setting: 3 },
      { month: "2026-02", territory_imbalance: 0, quota_setting: 0 },
      { month: "2026-03", territory_imbalance: 1, quota_setting: 0 },
    ]);
  });

  it("turns 1–2 into gaps for executives", () => {
    expect(casesPerMonth(monthly, "cause", { suppress: true })[2]).toEqual({
      month: "2026-03",
      territory_imbalance: null,
      quota_setting: 0,
    });
  });

  it("crosses a year boundary", () => {
    const rows = casesPerMonth([
      makeCase({ raisedOn: new Date("2025-11-15T00:00:00Z") }),
      makeCase({ raisedOn: new Date("2026-02-15T00:00:00Z") }),
    ]);
    expect(rows.map((r) => r.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("is empty for no cases", () => {
    expect(casesPerMonth([])).toEqual([]);
  });
});
