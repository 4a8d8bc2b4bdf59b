import { describe, expect, it } from "vitest";
import { protectAttainment, type AttainmentRow } from "../variability/group";
import { DEFAULT_BAND } from "./health";
import { casesUrlFor, execHealthTable, healthTable, periodRange, type HealthCase } from "./table";

const rows: AttainmentRow[] = [];
const add = (segment: string, period: string, values: number[]) =>
  values.forEach((v, i) => rows.push({ period, repPseudonym: `${segment}-${i}`, role: "ae", segment, region: "EMEA", attainmentPct: v }));
// SMB: healthy (60% at quota). Mid-Market: far below the band, and complaining.
add("smb", "2026-Q1", [70, 90, 95, 100, 105, 110, 115, 120, 130, 101]);
add("smb", "2026-Q2", [70, 90, 95, 100, 105, 110, 115, 120, 130, 101]);
add("mid_market", "2026-Q1", [40, 50, 55, 60, 65, 70, 75, 80, 85, 105]);
add("mid_market", "2026-Q2", [50, 55, 60, 65, 70, 75, 80, 85, 105, 110]);
add("enterprise", "2026-Q2", [80, 90, 100]); // three reps: hidden from executives

const complaint = (segment: string, raisedOn: string, cause = "quota_setting"): HealthCase => ({ raisedOn, segment, role: "ae", region: "EMEA", tenureMonths: 12, cause });
const cases: HealthCase[] = [
  ...Array.from({ length: 4 }, () => complaint("mid_market", "2026-05-10")),
  complaint("mid_market", "2026-05-11", "territory_imbalance"),
  complaint("mid_market", "2026-02-01"),
  complaint("smb", "2026-04-02"),
  complaint("smb", "2026-07-01"), // next quarter: not counted
];

describe("periodRange", () => {
  it("gives the first and last day of quarters, months and years", () => {
    expect(periodRange("2026-Q1")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodRange("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodRange("FY2026")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodRange("soon")).toBeNull();
  });
});

describe("healthTable", () => {
  const table = healthTable(rows, cases, ["segment"], DEFAULT_BAND);
  it("puts poor health with many complaints first, with complaints per 10 reps of the same period", () => {
    const [first] = table;
    expect(first.label).toBe("Mid-Market");
    expect(first.attention).toBe(true);
    expect(first.latest.period).toBe("2026-Q2");
    expect(first.latest.complaints).toBe(5);
    expect(first.latest.per10).toBe(5);
    expect(first.latest.topCauses.map((c) => [c.label, c.count])).toEqual([["Quota setting", 4], ["Territory imbalance", 1]]);
    expect(first.latest.health.shareAtQuota).toBe(0.2);
    expect(first.trends.shareAtQuota).toBe("better"); // 10% → 20% at quota: closer to the band
    expect(first.casesUrl).toBe("/cases?segment=mid_market&from=2026-04-01&to=2026-06-30");
  });
  it("keeps a healthy group's figures and its one complaint", () => {
    const smb = table.find((r) => r.key === "segment=smb")!;
    expect(smb.attention).toBe(false);
    expect(smb.latest.health.bandStatus).toBe("within");
    expect(smb.latest.complaints).toBe(1);
    expect(smb.trends.shareAtQuota).toBe("same");
  });
  it("counts a complaint only in its own group and period when grouped by two fields", () => {
    const sdr = (segment: string, raisedOn: string): HealthCase => ({ ...complaint(segment, raisedOn), role: "sdr" });
    const more = [...cases, sdr("mid_market", "2026-05-12"), sdr("mid_market", "2026-01-15")];
    const byTwo = healthTable(rows, more, ["segment", "role"], DEFAULT_BAND);
    const mid = byTwo.find((r) => r.key === "segment=mid_market|role=ae")!;
    // The SDRs' complaints have no attainment group of their own here, so they count nowhere.
    expect(mid.cells.map((c) => [c.period, c.complaints])).toEqual([["2026-Q1", 1], ["2026-Q2", 5]]);
    expect(byTwo.find((r) => r.key === "segment=smb|role=ae")!.cells.map((c) => c.complaints)).toEqual([0, 1]);
    expect(byTwo.some((r) => r.keys.role === "sdr")).toBe(false);
  });
  it("links to the case list with the group's filters", () => {
    expect(casesUrlFor({ role: "sdr", tenure: "1to2y" }, "2026-03")).toBe("/cases?role=sdr&tenure=1to2y&from=2026-03-01&to=2026-03-31");
  });
});

describe("execHealthTable", () => {
  const exec = execHealthTable(healthTable(rows, cases, ["segment"], DEFAULT_BAND), protectAttainment(rows), DEFAULT_BAND);
  it("hides a group of fewer than five reps and says why", () => {
    const ent = exec.find((r) => r.key === "segment=enterprise")!;
    expect(ent.latest.hidden).toBe(true);
    expect(JSON.stringify(ent)).not.toMatch(/"reps":3/);
  });
  it("shows a complaint count of one or two as <3, and no min or max anywhere", () => {
    // 2026-Q1 has no small group, so nothing there needs withholding: Mid-Market had one complaint.
    const cell = exec.find((r) => r.key === "segment=mid_market")!.cells[0];
    if (cell.hidden) throw new Error("Mid-Market 2026-Q1 should be shown");
    expect(cell.reps).toBe(10);
    expect(cell.complaints.text).toBe("<3");
    expect(cell.per10).toBeNull();
    expect(JSON.stringify(exec)).not.toMatch(/"min"|"max"/);
  });
});
