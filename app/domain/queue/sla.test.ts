import { describe, expect, it } from "vitest";
import { businessDaysBetween, createdBeforeFor, DEFAULT_SLA, slaFor, slaTargetsSchema } from "./sla";

const at = (s: string) => new Date(`${s}T10:00:00Z`);
// 2026-11-27 is a Friday.
describe("business days", () => {
  it("skips weekends", () => {
    expect(businessDaysBetween(at("2026-11-27"), at("2026-11-30"))).toBe(1);
    expect(businessDaysBetween(at("2026-11-27"), at("2026-11-29"))).toBe(0);
    expect(businessDaysBetween(at("2026-11-23"), at("2026-11-30"))).toBe(5);
    expect(businessDaysBetween(at("2026-11-30"), at("2026-11-23"))).toBe(0);
  });

  it("finds the latest start that is N business days old", () => {
    const now = at("2026-11-30"); // Monday
    const before = createdBeforeFor(now, 1);
    expect(businessDaysBetween(before, now)).toBe(1);
    expect(businessDaysBetween(new Date(before.getTime() + 24 * 3600_000), now)).toBe(0);
  });
});

describe("slaFor", () => {
  const base = { createdAt: at("2026-11-23"), triageClass: "", status: "new", firstResponseAt: null, diagnosisConfirmedAt: null };
  it("runs the first-response clock until there is a response, then the diagnosis clock", () => {
    expect(slaFor(base, DEFAULT_SLA, at("2026-11-23"))).toMatchObject({ clock: "first_response", state: "at_risk", ageDays: 0 });
    expect(slaFor(base, DEFAULT_SLA, at("2026-11-24"))).toMatchObject({ state: "breached", ageDays: 1 });
    const answered = { ...base, triageClass: "plan_design", status: "triaged", firstResponseAt: at("2026-11-23") };
    expect(slaFor(answered, DEFAULT_SLA, at("2026-11-30"))).toMatchObject({ clock: "diagnosis", targetDays: 20, state: "ok" });
    expect(slaFor(answered, DEFAULT_SLA, at("2026-12-18"))).toMatchObject({ state: "at_risk" });
    expect(slaFor(answered, DEFAULT_SLA, at("2026-12-21"))).toMatchObject({ state: "breached" });
  });

  it("stops the clock once diagnosed or closed", () => {
    expect(slaFor({ ...base, status: "closed" }, DEFAULT_SLA, at("2027-03-01")).state).toBe("met");
  });

  it("checks the admin's targets", () => {
    expect(slaTargetsSchema.safeParse({ "data_error.firstResponseDays": "0" }).success).toBe(false);
  });
});

describe("createdBeforeFor agrees with businessDaysBetween", () => {
  it("on every day of a month, for targets 0 to 12", () => {
    for (let d = 0; d < 31; d += 1) {
      const now = new Date(Date.UTC(2026, 10, 1 + d, 15));
      for (let target = 0; target <= 12; target += 1) {
        const cutoff = createdBeforeFor(now, target);
        expect(businessDaysBetween(cutoff, now)).toBeGreaterThanOrEqual(target);
        expect(businessDaysBetween(new Date(cutoff.getTime() + 1), now)).toBeLessThan(Math.max(target, 1));
      }
    }
  });
});
