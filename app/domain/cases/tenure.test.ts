import { describe, expect, it } from "vitest";
import { TENURE_BANDS, tenureBand, tenureBandLabel, tenureBandValues, tenureRange } from "./tenure";

describe("tenureBand", () => {
  it.each([
    [0, "lt6m"],
    [5, "lt6m"],
    [6, "6to12m"],
    [12, "6to12m"],
    [13, "1to2y"],
    [24, "1to2y"],
    [25, "2to4y"],
    [48, "2to4y"],
    [49, "4yplus"],
    [600, "4yplus"],
  ] as const)("puts %i months in band %s", (months, band) => {
    expect(tenureBand(months)).toBe(band);
  });

  it("has no band when tenure was not recorded", () => {
    expect(tenureBand(null)).toBeNull();
    expect(tenureBand(undefined)).toBeNull();
  });

  it("has no band for impossible tenures", () => {
    expect(tenureBand(-1)).toBeNull();
    expect(tenureBand(Number.NaN)).toBeNull();
    expect(tenureBand(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe("tenureBandLabel", () => {
  it.each([
    [0, "<6 mo"],
    [5, "<6 mo"],
    [6, "6–12 mo"],
    [12, "6–12 mo"],
    [13, "1–2 y"],
    [24, "1–2 y"],
    [25, "2–4 y"],
    [48, "2–4 y"],
    [49, "4+ y"],
  ] as const)("shows %i months as %s", (months, label) => {
    expect(tenureBandLabel(months)).toBe(label);
  });

  it("shows Unknown when there is no band", () => {
    expect(tenureBandLabel(null)).toBe("Unknown");
    expect(tenureBandLabel(undefined)).toBe("Unknown");
    expect(tenureBandLabel(-3)).toBe("Unknown");
  });
});

describe("tenureRange", () => {
  it("gives the inclusive month range of each band for filters", () => {
    expect(tenureRange("lt6m")).toEqual({ min: 0, max: 5 });
    expect(tenureRange("6to12m")).toEqual({ min: 6, max: 12 });
    expect(tenureRange("1to2y")).toEqual({ min: 13, max: 24 });
    expect(tenureRange("2to4y")).toEqual({ min: 25, max: 48 });
  });

  it("leaves the top band open-ended (null max, not Infinity)", () => {
    expect(tenureRange("4yplus")).toEqual({ min: 49, max: null });
  });

  it("agrees with tenureBand at both ends of every band", () => {
    for (const band of tenureBandValues) {
      const { min, max } = tenureRange(band);
      expect(tenureBand(min)).toBe(band);
      if (max != null) {
        expect(tenureBand(max)).toBe(band);
        expect(tenureBand(max + 1)).not.toBe(band);
      }
    }
  });

  it("bands cover every whole month with no gaps or overlaps", () => {
    for (let i = 1; i < TENURE_BANDS.length; i++) {
      expect(TENURE_BANDS[i].min).toBe(TENURE_BANDS[i - 1].max + 1);
    }
    expect(tenureBandValues).toEqual(["lt6m", "6to12m", "1to2y", "2to4y", "4yplus"]);
  });
});
