import { describe, expect, it } from "vitest";
import { planChangeSchema, planChangesToCsv, planChangesToMarkdown, repeatedExceptions, type PlanChangeRow } from "./plan-change";

const row = (id: number, over: Partial<PlanChangeRow> = {}): PlanChangeRow => ({
  id,
  kind: "exception",
  summary: "Split credit on a partner deal",
  reason: "",
  approvedBy: "CRO",
  effectiveOn: new Date("2027-01-01T00:00:00Z"),
  exceptionKey: "Split credit on partner deals",
  pattern: null,
  brief: null,
  action: null,
  ...over,
});

describe("repeated exceptions", () => {
  it("flags an exception granted three times, however it was typed", () => {
    const rows = [row(1), row(2, { exceptionKey: "split credit on partner deals " }), row(3, { exceptionKey: "Split-credit on partner deals" }), row(4, { exceptionKey: "Ramp relief" }), row(5, { kind: "quota", exceptionKey: "" })];
    expect(repeatedExceptions(rows)).toEqual([{ key: "split credit on partner deals", label: "Split credit on partner deals", times: 3 }]);
    expect(repeatedExceptions(rows.slice(1))).toEqual([]);
  });
});

describe("planChangeSchema", () => {
  it("needs the exception's name for an exception, and a real date", () => {
    const base = { kind: "exception", summary: "x", approvedBy: "CRO", effectiveOn: "2027-01-01" };
    expect(planChangeSchema.safeParse(base).success).toBe(false);
    expect(planChangeSchema.safeParse({ ...base, exceptionKey: "ramp" }).success).toBe(true);
    expect(planChangeSchema.safeParse({ ...base, kind: "quota", effectiveOn: "2027-02-30" }).success).toBe(false);
  });
});

describe("exports", () => {
  const rows = [row(1, { kind: "territory", summary: "Re-carve on potential", reason: "Territory pattern", exceptionKey: "", pattern: { id: 1, name: "Territory carve-up" } }), row(2), row(3), row(4)];
  it("writes CSV with one line per change and neutralised cells", () => {
    const csv = planChangesToCsv([...rows, row(5, { summary: "=HYPERLINK(1)" })]);
    expect(csv.split("\r\n")[0]).toBe("\uFEFFid,effective from,what changed,change,why,approved by,exception,pattern,brief,action");
    expect(csv).toContain("Territory,Re-carve on potential,Territory pattern,CRO,,#1 Territory carve-up");
    expect(csv).toContain("'=HYPERLINK(1)");
  });
  it("writes Markdown with the exceptions to promote first", () => {
    const md = planChangesToMarkdown(rows);
    expect(md).toMatch(/## Make it a plan change\n\n- Split credit on partner deals — granted 3 times/);
    expect(md).toContain("### 2027-01-01 · Territory: Re-carve on potential");
    expect(md).toContain("Pattern: #1 Territory carve-up");
  });
});
