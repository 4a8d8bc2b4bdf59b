import { describe, expect, it } from "vitest";
import { attainmentChange, periodSpan } from "./attainment-change";

const rows = (period: string, segment: string, values: number[]) => values.map((attainmentPct) => ({ period, segment, role: "ae", attainmentPct }));

describe("attainmentChange", () => {
  const doneAt = new Date("2026-04-15T00:00:00Z");

  it("compares the last period before the fix with the first after it", () => {
    const data = [
      ...rows("2026-Q1", "mid_market", [50, 60, 70, 80, 110, 120]),
      ...rows("2026-Q2", "mid_market", [90, 90, 90, 90, 90]), // the fix fell inside Q2: neither side
      ...rows("2026-Q3", "mid_market", [90, 95, 100, 105, 110]),
      ...rows("2026-Q3", "enterprise", [10, 10, 10, 10, 10]),
    ];
    const c = attainmentChange(data, doneAt, { segments: ["mid_market"], roles: [] })!;
    expect(c.before).toMatchObject({ periods: ["2026-Q1"], reps: 6, median: 75, shareAtQuota: 33 });
    expect(c.after).toMatchObject({ periods: ["2026-Q3"], reps: 5, median: 100, shareAtQuota: 60, sd: 7 });
  });

  it("withholds a side with fewer than five reps, and is null without attainment", () => {
    const c = attainmentChange(rows("2026-Q1", "smb", [80, 90, 100]), doneAt, { segments: ["smb"], roles: [] })!;
    expect(c.before).toMatchObject({ reps: 3, tooFew: true, median: null, sd: null, shareAtQuota: null });
    expect(c.after.reps).toBe(0);
    expect(attainmentChange([], doneAt, { segments: ["smb"], roles: [] })).toBeNull();
  });

  it("knows when periods start and end", () => {
    expect(periodSpan("2026-Q2")!.start.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(periodSpan("2026-02")!.end.toISOString()).toBe("2026-02-28T23:59:59.999Z");
  });
});
