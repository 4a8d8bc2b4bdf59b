import { describe, expect, it } from "vitest";
import { MATRICES } from "./axes";
import { makeCase } from "./fixtures/make-case";
import {
  buildMatrix,
  casesPerMonth,
  heatLevel,
  matrixFromCounts,
  showMatrix,
  type ShownMatrix,
  suppressMatrix,
} from "./matrix";
import { type Page, solveBounds, solveExhaustive, solveLines } from "../privacy/disclosure-attacker";

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

  // The matrix as the attacker of ../privacy/disclosure-attacker.ts reads it.
  const asPage = (x: ShownMatrix): Page => {
    const shown = new Map<string, { value: number | null; text: string }>();
    const sums: { whole: string; parts: string[] }[] = [];
    x.rows.forEach((_r, ri) => x.cols.forEach((_c, ci) => shown.set(`${ri}/${ci}`, x.cells[ri][ci])));
    x.rows.forEach((r, ri) => shown.set(`r${ri}`, r.total));
    x.cols.forEach((c, ci) => shown.set(`c${ci}`, c.total));
    shown.set("all", x.total);
    x.rows.forEach((_, ri) => sums.push({ whole: `r${ri}`, parts: x.cols.map((__, ci) => `${ri}/${ci}`) }));
    x.cols.forEach((_, ci) => sums.push({ whole: `c${ci}`, parts: x.rows.map((__, ri) => `${ri}/${ci}`) }));
    sums.push({ whole: "all", parts: x.rows.map((_, ri) => `r${ri}`) }, { whole: "all", parts: x.cols.map((_, ci) => `c${ci}`) });
    return { shown, sums, mayBeEmpty: (k) => k.includes("/") };
  };

  it("shows cells of 0, 1 and 2 as <3 with no value, and cells of 3+ as they are", () => {
    // An empty cell reads "<3" too (fewer than three is true of none): a reader cannot tell
    // which cells hold a case, so small cells under a total do not pin each other.
    expect(s.cells.map((row) => row.map((c) => c.text))).toEqual([
      ["<3", "<3", "<3"],
      ["3", "<3", "<3"],
      ["<3", "<3", "<3"],
    ]);
    expect(s.cells[0][0].value).toBeNull();
    expect(s.cells[0][1].value).toBeNull();
    expect(s.cells[1][0].value).toBe(3);
  });

  it("hides totals below three, and a total that would give a hidden cell away", () => {
    // Quota setting: 3 sales + 1 finance = 4. With "3" and "4" both shown, the "<3" is 4 − 3.
    expect(s.rows.map((r) => r.total.text)).toEqual(["<3", "x", "<3"]);
    expect(s.cols.map((c) => c.total.text)).toEqual(["x", "<3", "<3"]);
    expect(s.total.text).toBe("6");
    // 6 = <3 diagnosed + suspected + <3 not known: a shown "4 suspected" would pin the other two.
    expect(s.causeSources).toEqual({
      diagnosed: { value: null, text: "<3" },
      suspected: { value: null, text: "x" },
      unknown: { value: null, text: "<3" },
    });
  });

  it("lets no attacker work out a hidden figure: by lines, by bounds, or by trying every solution", () => {
    const page = asPage(s);
    const nonZero = (found: Map<string, number>) => [...found].filter(([k, v]) => page.shown.get(k)?.value === null && v !== 0);
    expect(nonZero(solveLines(page))).toEqual([]);
    expect(nonZero(solveBounds(page))).toEqual([]);
    expect(nonZero(solveExhaustive(page))).toEqual([]);
  });

  it("gives every hidden cell the same pale shade, and shades by the largest cell shown", () => {
    const two = suppressMatrix(
      matrixFromCounts("cause", "function", [
        { row: "quota_setting", col: "sales", count: 1 },
        { row: "quota_setting", col: "finance", count: 2 },
      ]),
    );
    expect(two.cells[0].map((c) => c.level)).toEqual([1, 1]);
    expect(two.cells[0].map((c) => c.text)).toEqual(["<3", "<3"]);
    // The largest cell is hidden, so the shading scale does not name it.
    expect(two.max.value).toBe(0);
  });

  it("leaves everything visible for other roles", () => {
    const open = showMatrix(m, false);
    expect(open.cells[0][0]).toMatchObject({ value: 1, text: "1" });
    expect(open.cells[1][0].level).toBe(5);
    expect(open.rows[1].total).toEqual({ value: 4, text: "4" });
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
    expect(casesPerMonth(monthly, "cause", { suppress: true })[0]).toMatchObject({ month: "2026-01", quota_setting: 3 });
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
