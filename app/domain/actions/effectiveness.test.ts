import { describe, expect, it } from "vitest";
import { beforeAfterWindows, binomialTwoSided, compareRates } from "./effectiveness";

const DAY = 24 * 60 * 60 * 1000;

describe("compareRates (conditional binomial test of two Poisson counts)", () => {
  it("calls 20 complaints before and 4 after a clear drop", () => {
    const r = compareRates(20, 4);
    expect(r.verdict).toBe("clear-drop");
    // R: binom.test(4, 24, 0.5)$p.value = 0.001544
    expect(r.pValue).toBeCloseTo(0.001544, 5);
    expect(r.sentence).toMatch(/clear drop/i);
  });

  it("calls 10 before and 9 after no change", () => {
    const r = compareRates(10, 9);
    expect(r.verdict).toBe("no-change");
    expect(r.pValue).toBeCloseTo(1, 5);
  });

  it("says too little data when even the most lopsided split could be chance", () => {
    // 4 complaints all before: p = 2 × 0.5^4 = 0.125, never below 0.05.
    expect(compareRates(4, 0).verdict).toBe("too-little-data");
    expect(compareRates(0, 0).verdict).toBe("too-little-data");
    expect(compareRates(0, 0).pValue).toBeNull();
    // 6 all before: p = 0.03125 — now it can be told apart.
    expect(compareRates(6, 0).verdict).toBe("clear-drop");
  });

  it("notices a rise too", () => {
    expect(compareRates(2, 15).verdict).toBe("clear-rise");
  });

  it("weighs unequal windows by their length", () => {
    // Twice as long after: 10 vs 20 is the same rate.
    expect(compareRates(10, 20, 30, 60).verdict).toBe("no-change");
  });

  it("matches known binomial p-values", () => {
    expect(binomialTwoSided(10, 2, 0.5)).toBeCloseTo(0.109375, 6);
    expect(binomialTwoSided(20, 6, 0.3)).toBeCloseTo(1, 6); // the most likely split
    expect(binomialTwoSided(20, 14, 0.3)).toBeLessThan(0.001);
  });
});

describe("beforeAfterWindows", () => {
  const doneAt = new Date("2026-06-01T00:00:00Z");
  const at = new Date(doneAt.getTime() + 90 * DAY);
  const day = (offset: number) => new Date(doneAt.getTime() + offset * DAY);

  it("counts equal windows either side of the done date, per month", () => {
    const dates = [day(-100), day(-89), day(-30), day(-1), day(0), day(45), day(90)];
    const w = beforeAfterWindows(dates, doneAt, at);
    expect(w.days).toBe(90);
    expect(w.before.count).toBe(3); // -89, -30, -1 (-100 is outside the window)
    expect(w.after.count).toBe(2); // 0 and 45 (90 is the end, excluded)
    expect(w.before.perMonth).toBeCloseTo(1, 1);
    expect(w.after.perMonth).toBeCloseTo(0.7, 1);
  });

  it("uses the whole time since the fix when the check is late", () => {
    const w = beforeAfterWindows([day(-150), day(150)], doneAt, day(180));
    expect(w.days).toBe(180);
    expect(w.before.count).toBe(1);
    expect(w.after.count).toBe(1);
  });
});
