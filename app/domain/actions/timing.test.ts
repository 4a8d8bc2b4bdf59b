import { describe, expect, it } from "vitest";
import { checkDate, isCheckDue, isOverdue, progressWord } from "./timing";

const due = new Date("2026-12-01T00:00:00Z");
const base = { status: "in_progress", dueOn: due, checkDueOn: null, verdict: "" };

describe("overdue from a set clock", () => {
  it("is on time through the due day and overdue the day after", () => {
    expect(isOverdue(base, new Date("2026-12-01T23:59:00Z"))).toBe(false);
    expect(isOverdue(base, new Date("2026-12-02T00:00:00Z"))).toBe(true);
    expect(progressWord(base, new Date("2026-12-02T00:00:00Z"))).toBe("overdue");
    expect(progressWord(base, new Date("2026-11-02T00:00:00Z"))).toBe("on track");
  });

  it("never calls finished work overdue", () => {
    const late = new Date("2027-06-01T00:00:00Z");
    expect(isOverdue({ ...base, status: "done" }, late)).toBe(false);
    expect(isOverdue({ ...base, status: "rejected" }, late)).toBe(false);
  });
});

describe("check due from a set clock", () => {
  const doneAt = new Date("2026-12-10T12:00:00Z");
  const done = { ...base, status: "done", checkDueOn: checkDate(doneAt, 90) };

  it("falls due 90 days after the action was done, until a verdict is recorded", () => {
    expect(done.checkDueOn.toISOString()).toBe("2027-03-10T12:00:00.000Z");
    expect(isCheckDue(done, new Date("2027-03-10T11:59:00Z"))).toBe(false);
    expect(isCheckDue(done, new Date("2027-03-10T12:00:00Z"))).toBe(true);
    expect(progressWord(done, new Date("2027-01-01T00:00:00Z"))).toBe("monitoring");
    expect(progressWord(done, new Date("2027-04-01T00:00:00Z"))).toBe("check due");
    expect(isCheckDue({ ...done, verdict: "effective" }, new Date("2027-04-01T00:00:00Z"))).toBe(false);
  });
});
