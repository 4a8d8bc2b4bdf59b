import { describe, expect, it } from "vitest";
import { comparePeriods, parsePeriod, periodSpan } from "./period";

describe("parsePeriod", () => {
  it("reads quarters, months and fiscal years, normalising case and spaces", () => {
    expect(parsePeriod("2026-Q1")).toEqual({ text: "2026-Q1", year: 2026, kind: "quarter", index: 1 });
    expect(parsePeriod(" 2026-q4 ")).toEqual({ text: "2026-Q4", year: 2026, kind: "quarter", index: 4 });
    expect(parsePeriod("2026-03")).toEqual({ text: "2026-03", year: 2026, kind: "month", index: 3 });
    expect(parsePeriod("fy2026")).toEqual({ text: "FY2026", year: 2026, kind: "year", index: 0 });
  });

  it("refuses anything else", () => {
    for (const bad of ["2026-Q5", "2026-Q0", "2026-13", "2026-00", "2026-3", "Q1 2026", "FY26", "2026", "3/2026", "", "1899-01", "2100-Q1"]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });
});

describe("comparePeriods", () => {
  it("orders chronologically, not alphabetically", () => {
    const periods = ["2026-Q1", "2025-Q4", "2025-12", "FY2025", "2025-02", "2025-Q1", "2026-01"];
    expect([...periods].sort(comparePeriods)).toEqual(["FY2025", "2025-Q1", "2025-Q4", "2025-02", "2025-12", "2026-Q1", "2026-01"]);
  });

  it("puts text that is not a period last", () => {
    expect(["zzz", "2026-Q1", "aaa"].sort(comparePeriods)).toEqual(["2026-Q1", "aaa", "zzz"]);
  });
});

describe("periodSpan", () => {
  it("names one, two or a run of periods, in order", () => {
    expect(periodSpan([])).toBeNull();
    expect(periodSpan(["2026-Q1", "2026-Q1"])).toBe("2026-Q1");
    expect(periodSpan(["2026-Q2", "2026-Q1"])).toBe("2026-Q1 and 2026-Q2");
    expect(periodSpan(["2026-Q3", "2025-Q4", "2026-Q1", "2026-Q2"])).toBe("2025-Q4 to 2026-Q3 (4 periods)");
  });
});
