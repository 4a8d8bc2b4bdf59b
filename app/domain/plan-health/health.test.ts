import { describe, expect, it } from "vitest";
import { DEFAULT_BAND, bandStatus, gini, payCurve, peaks, placeInWords, planHealth, sarleBC } from "./health";

// Enterprise-like: ten reps clustered near 80% and five far past 200%.
const BIMODAL = [74, 76, 78, 79, 80, 80, 81, 82, 84, 86, 205, 215, 225, 235, 250];
// One peak near 90%, symmetric.
const UNIMODAL = [70, 78, 82, 85, 88, 90, 90, 90, 92, 95, 98, 102, 110];

describe("Sarle's bimodality coefficient", () => {
  it("matches the hand-worked value for 1..5 (skewness 0, excess kurtosis −1.2)", () => {
    // BC = (0 + 1) / (−1.2 + 3·4²/(3·2)) = 1 / 6.8
    expect(sarleBC([1, 2, 3, 4, 5])).toBeCloseTo(1 / 6.8, 10);
  });
  it("matches the hand-worked value for two equal spikes of ten", () => {
    // g = 0; population excess kurtosis −2, adjusted: ((n+1)(−2)+6)(n−1)/((n−2)(n−3)) = −36·19/306
    const twoSpikes = [...Array(10).fill(0), ...Array(10).fill(10)];
    const k = (-36 * 19) / 306;
    expect(sarleBC(twoSpikes)).toBeCloseTo(1 / (k + (3 * 19 ** 2) / (18 * 17)), 10);
  });
  it("needs four reps and some spread", () => {
    expect(sarleBC([1, 2, 3])).toBeNull();
    expect(sarleBC([5, 5, 5, 5])).toBeNull();
  });
});

describe("two peaks", () => {
  it("flags a sample with a cluster near 80% and one past 200%, and names both", () => {
    const p = peaks(BIMODAL);
    expect(p.coefficient).toBeGreaterThan(5 / 9);
    expect(p.twoPeaks).toBe(true);
    expect(p.low).toEqual({ at: 80, reps: 10 });
    expect(p.high).toEqual({ at: 225, reps: 5 });
    expect(p.words).toBe("a cluster near 80% and one past 200%");
  });
  it("does not flag one symmetric peak", () => {
    const p = peaks(UNIMODAL);
    expect(p.coefficient).toBeLessThan(5 / 9);
    expect(p.twoPeaks).toBe(false);
    expect(p.words).toBeNull();
  });
  it("does not call one star rep a second peak, even when the coefficient is high", () => {
    const oneStar = [80, 82, 85, 88, 90, 90, 92, 95, 98, 260];
    expect(sarleBC(oneStar)).toBeGreaterThan(5 / 9);
    expect(peaks(oneStar).twoPeaks).toBe(false);
  });
  it("names places in round words", () => {
    expect(placeInWords(83)).toBe("near 80%");
    expect(placeInWords(145)).toBe("near 150%");
    expect(placeInWords(212)).toBe("past 200%");
  });
});

describe("share at quota against the band, and quota accuracy", () => {
  it("puts 6 of 10 at quota inside the default 60–70% band", () => {
    const h = planHealth([50, 70, 90, 95, 100, 101, 110, 120, 130, 150].map((attainmentPct) => ({ attainmentPct })));
    expect(h.shareAtQuota).toBe(0.6);
    expect(h.bandStatus).toBe("within");
    expect(h.flags.some((f) => f.includes("reached quota"))).toBe(false);
  });
  it("says in one sentence when far fewer reached quota than the band", () => {
    const h = planHealth([40, 50, 60, 70, 80, 85, 90, 100, 105, 130].map((attainmentPct) => ({ attainmentPct })));
    expect(h.shareAtQuota).toBe(0.3);
    expect(h.bandStatus).toBe("below");
    expect(h.flags).toContain("Only 30% of reps reached quota, below the 60–70% a healthy plan aims for.");
  });
  it("follows an edited band", () => {
    expect(bandStatus(0.55, { low: 50, high: 60 })).toBe("within");
    expect(bandStatus(0.55, DEFAULT_BAND)).toBe("below");
    expect(bandStatus(0.75, DEFAULT_BAND)).toBe("above");
  });
  it("counts ±20% of quota with both ends in", () => {
    const h = planHealth([79.9, 80, 100, 120, 120.1].map((attainmentPct) => ({ attainmentPct })));
    expect(h.withinTwenty).toBe(3);
    expect(h.quotaAccuracy).toBe(0.6);
  });
  it("flags the bimodal sample with its peaks in a sentence", () => {
    const h = planHealth(BIMODAL.map((attainmentPct) => ({ attainmentPct })));
    expect(h.flags).toContain("Results have two peaks, a cluster near 80% and one past 200%: two different jobs are sharing one plan.");
  });
});

describe("concentration", () => {
  it("gives the Gini of a known sample", () => {
    // Σ|xi − xj| over ordered pairs of 1..5 = 40; 40 / (2·25·3) = 4/15
    expect(gini([1, 2, 3, 4, 5])).toBeCloseTo(4 / 15, 12);
    expect(gini([0, 0, 0, 100])).toBeCloseTo(0.75, 12);
    expect(gini([90, 90, 90])).toBe(0);
    expect(gini([])).toBeNull();
  });
});

describe("pay curve", () => {
  it("reads the 90th-percentile rep's pay against target and a perfect rank correlation", () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ attainmentPct: 50 + i * 10, payout: (5 + i) * 1000, targetIncentive: 10_000 }));
    const pay = payCurve(points)!;
    expect(pay.reps).toBe(10);
    expect(pay.p90Ratio).toBeCloseTo(1.31, 10); // 1.3 + 0.1 × (1.4 − 1.3)
    expect(pay.spearman).toBeCloseTo(1, 10);
  });
  it("says so when pay does not track performance", () => {
    const ratios = [1.2, 0.6, 1.1, 0.7, 1.0, 0.8, 0.9, 0.9, 0.8, 1.0];
    const h = planHealth(ratios.map((r, i) => ({ attainmentPct: 50 + i * 10, payout: r * 10_000, targetIncentive: 10_000 })));
    expect(h.pay!.spearman!).toBeLessThan(0.5);
    expect(h.flags.some((f) => f.startsWith("Pay barely tracks performance"))).toBe(true);
  });
  it("is absent without payout", () => {
    expect(payCurve([{ attainmentPct: 90 }, { attainmentPct: 100 }, { attainmentPct: 110 }])).toBeNull();
  });
});
