import { describe, expect, it } from "vitest";
import {
  FLAG_FEW_CARRY,
  FLAG_TAIL_BEHIND,
  FLAG_WIDE_SPREAD,
  flags,
  histogram,
  summarise,
  topCount,
} from "./stats";

describe("summarise: ten reps, figures computed by hand", () => {
  // values (sorted): 50 80 90 100 100 110 120 150 200 300
  // sum = 1300, n = 10 → mean = 130
  // median = (100 + 110) / 2 = 105 (the 5th and 6th values)
  // deviations from 130: −80 −50 −40 −30 −30 −20 −10 20 70 170
  // squares: 6400 2500 1600 900 900 400 100 400 4900 28900 → sum 47000
  // population variance = 47000 / 10 = 4700 → sd = √4700 ≈ 68.5565
  //   (the sample sd would be √(47000 / 9) ≈ 72.2649 — the test tells them apart)
  // cv = 68.5565 / 130 ≈ 0.527358
  // top 10%: ceil(10 × 10 / 100) = 1 rep → 300 / 1300 ≈ 0.230769
  // top 20%: ceil(10 × 20 / 100) = 2 reps → (300 + 200) / 1300 ≈ 0.384615
  // at or above 100: 100 100 110 120 150 200 300 → 7 / 10 = 0.7
  const values = [120, 50, 300, 100, 90, 200, 110, 80, 150, 100]; // unsorted on purpose
  const s = summarise(values);

  it("counts, mean, median, min, max", () => {
    expect(s.n).toBe(10);
    expect(s.mean).toBe(130);
    expect(s.median).toBe(105);
    expect(s.min).toBe(50);
    expect(s.max).toBe(300);
  });

  it("uses the population standard deviation (divide by n)", () => {
    expect(s.sd).toBeCloseTo(68.5565, 4);
    expect(s.sd).not.toBeCloseTo(72.2649, 2);
  });

  it("coefficient of variation is sd / mean", () => {
    expect(s.cv).toBeCloseTo(0.527358, 5);
  });

  it("top 10% and 20% shares of the sum", () => {
    expect(s.top10Share).toBeCloseTo(300 / 1300, 10);
    expect(s.top20Share).toBeCloseTo(500 / 1300, 10);
  });

  it("share of reps at or above 100% counts exactly 100 in", () => {
    expect(s.shareAtOrAbove100).toBe(0.7);
  });

  it("does not reorder the caller's array", () => {
    expect(values).toEqual([120, 50, 300, 100, 90, 200, 110, 80, 150, 100]);
  });
});

describe("summarise: five reps (odd n)", () => {
  // 80 90 100 110 120: sum 500, mean 100, median 100 (the 3rd value)
  // squares of deviations: 400 100 0 100 400 → 1000 / 5 = 200 → sd = √200 ≈ 14.142136
  // cv = 0.14142136; top 10%: ceil(0.5) = 1 rep → 120 / 500 = 0.24; top 20%: ceil(1) = 1 → 0.24
  // at or above 100: 100 110 120 → 3 / 5 = 0.6
  const s = summarise([80, 90, 100, 110, 120]);
  it("matches the hand computation", () => {
    expect(s.mean).toBe(100);
    expect(s.median).toBe(100);
    expect(s.sd).toBeCloseTo(14.142136, 5);
    expect(s.cv).toBeCloseTo(0.14142136, 7);
    expect(s.top10Share).toBeCloseTo(0.24, 10);
    expect(s.top20Share).toBeCloseTo(0.24, 10);
    expect(s.shareAtOrAbove100).toBe(0.6);
  });
});

describe("top-share rounding: ceil(n × X / 100)", () => {
  it("rounds up, so a small group still has one top rep", () => {
    expect(topCount(1, 10)).toBe(1);
    expect(topCount(7, 10)).toBe(1); // 0.7 → 1
    expect(topCount(7, 20)).toBe(2); // 1.4 → 2
    expect(topCount(11, 10)).toBe(2); // 1.1 → 2
    expect(topCount(10, 10)).toBe(1);
  });

  it("takes exactly 10% / 20% when n divides evenly, and one more rep just past it", () => {
    expect(topCount(30, 10)).toBe(3);
    expect(topCount(30, 20)).toBe(6);
    expect(topCount(31, 10)).toBe(4); // 3.1 → 4
    expect(topCount(31, 20)).toBe(7); // 6.2 → 7
  });

  it("uses exactly 3 and 6 reps for 30 reps", () => {
    // values 1..30: sum = 30 × 31 / 2 = 465
    // top 3 = 28 + 29 + 30 = 87 → 87 / 465 ≈ 0.187097 (4 reps would give 114 / 465)
    // top 6 = 25 + … + 30 = 165 → 165 / 465 ≈ 0.354839 (7 reps would give 189 / 465)
    const s = summarise(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(s.top10Share).toBeCloseTo(87 / 465, 10);
    expect(s.top20Share).toBeCloseTo(165 / 465, 10);
  });
});

describe("summarise: edge cases", () => {
  it("gives n = 0 and no figures for an empty list", () => {
    expect(summarise([])).toEqual({
      n: 0,
      mean: null,
      median: null,
      sd: null,
      cv: null,
      top10Share: null,
      top20Share: null,
      shareAtOrAbove100: null,
      min: null,
      max: null,
    });
  });

  it("one rep: sd 0, carries the whole number", () => {
    const s = summarise([100]);
    expect(s).toMatchObject({ n: 1, mean: 100, median: 100, sd: 0, cv: 0, top10Share: 1, top20Share: 1, shareAtOrAbove100: 1 });
  });

  it("all zero: no cv and no shares (nothing to divide by)", () => {
    const s = summarise([0, 0, 0]);
    expect(s.mean).toBe(0);
    expect(s.cv).toBeNull();
    expect(s.top10Share).toBeNull();
    expect(s.top20Share).toBeNull();
    expect(s.shareAtOrAbove100).toBe(0);
  });

  it("refuses values that are not finite numbers", () => {
    expect(() => summarise([100, Number.NaN])).toThrow(RangeError);
    expect(() => summarise([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe("histogram", () => {
  it("has 20 bins of 10 from 0 and an open-ended 200%+ by default; bins are [from, to)", () => {
    const bins = histogram([0, 5, 9.99, 10, 99.9, 100, 199.99, 200, 350]);
    expect(bins).toHaveLength(21);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 3, label: "0–10%" });
    expect(bins[1]).toEqual({ from: 10, to: 20, count: 1, label: "10–20%" });
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 1, label: "90–100%" });
    expect(bins[10]).toEqual({ from: 100, to: 110, count: 1, label: "100–110%" }); // exactly 100 is "made quota"
    expect(bins[19]).toEqual({ from: 190, to: 200, count: 1, label: "190–200%" });
    expect(bins[20]).toEqual({ from: 200, to: null, count: 2, label: "200%+" });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(9);
  });

  it("takes a bin width and a max", () => {
    const bins = histogram([10, 30, 60, 99, 100, 140], { binWidth: 25, max: 100 });
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ["0–25%", 1],
      ["25–50%", 1],
      ["50–75%", 1],
      ["75–100%", 1],
      ["100%+", 2],
    ]);
  });

  it("rounds a max that is not a whole number of bins up", () => {
    const bins = histogram([119, 120], { binWidth: 30, max: 100 });
    expect(bins.map((b) => b.label)).toEqual(["0–30%", "30–60%", "60–90%", "90–120%", "120%+"]);
    expect(bins.map((b) => b.count)).toEqual([0, 0, 0, 1, 1]);
  });

  it("counts a value below min in the first bin", () => {
    const bins = histogram([20, 55], { min: 50, max: 60 });
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ["50–60%", 2],
      ["60%+", 0],
    ]);
  });

  it("gives empty bins for no values and refuses a zero width", () => {
    expect(histogram([]).every((b) => b.count === 0)).toBe(true);
    expect(() => histogram([1], { binWidth: 0 })).toThrow(RangeError);
  });
});

describe("flags", () => {
  it("flags both a skewed mean and a wide spread (the ten-rep example)", () => {
    // (130 − 105) / 105 ≈ 0.238 > 0.1; cv ≈ 0.527 > 0.5
    expect(flags(summarise([50, 80, 90, 100, 100, 110, 120, 150, 200, 300]))).toEqual([FLAG_FEW_CARRY, FLAG_WIDE_SPREAD]);
    expect(FLAG_FEW_CARRY).toBe("The average is well above the typical rep: a few reps carry the number.");
    expect(FLAG_WIDE_SPREAD).toBe("Results are spread widely: outcomes depend on more than effort.");
  });

  it("says nothing about a tight, symmetric group", () => {
    expect(flags(summarise([80, 90, 100, 110, 120]))).toEqual([]);
  });

  it("does not flag a mean exactly 10% above the median, flags just above", () => {
    // 100 100 130: mean 110, median 100 → (110 − 100) / 100 = 0.1, not above 0.1
    // cv: deviations −10 −10 20 → (100 + 100 + 400) / 3 = 200 → sd ≈ 14.14, cv ≈ 0.129
    expect(flags(summarise([100, 100, 130]))).toEqual([]);
    // 100 100 131: mean 110.33 → gap 0.1033
    expect(flags(summarise([100, 100, 131]))).toEqual([FLAG_FEW_CARRY]);
  });

  it("does not flag a cv of exactly 0.5 (population sd), flags just above", () => {
    // 50 150: mean 100, population sd = 50 → cv = 0.5 (a sample sd of 70.7 would flag it)
    expect(flags(summarise([50, 150]))).toEqual([]);
    // 49 151: sd = 51 → cv 0.51
    expect(flags(summarise([49, 151]))).toEqual([FLAG_WIDE_SPREAD]);
  });

  it("flags a mean well below the median", () => {
    // 0 0 100 100 100: mean 60, median 100 → −0.4
    // deviations −60 −60 40 40 40 → (3600 × 2 + 1600 × 3) / 5 = 2400 → sd ≈ 48.99, cv ≈ 0.816
    expect(flags(summarise([0, 0, 100, 100, 100]))).toEqual([FLAG_TAIL_BEHIND, FLAG_WIDE_SPREAD]);
  });

  it("flags a typical rep at 0% while the average is above it", () => {
    // 0 0 0 0 300: mean 60, median 0
    expect(flags(summarise([0, 0, 0, 0, 300]))).toContain(FLAG_FEW_CARRY);
  });

  it("raises nothing for an empty group or all zeros", () => {
    expect(flags(summarise([]))).toEqual([]);
    expect(flags(summarise([0, 0]))).toEqual([]);
  });
});
