import { describe, expect, it } from "vitest";
import { direction } from "./trend";

describe("direction of travel across three periods", () => {
  it("reads the latest period against the one before", () => {
    // Distance from the band: 35 → 20 → 5 points: getting closer is better.
    expect(direction("shareAtQuota", [35, 20, 5])).toBe("better");
    expect(direction("shareAtQuota", [5, 20, 35])).toBe("worse");
    expect(direction("quotaAccuracy", [0.3, 0.5, 0.7])).toBe("better");
    expect(direction("gini", [0.2, 0.25, 0.4])).toBe("worse");
    expect(direction("complaints", [3, 2, 1])).toBe("better");
  });
  it("calls a change inside the tolerance the same", () => {
    expect(direction("quotaAccuracy", [0.3, 0.6, 0.61])).toBe("same");
    expect(direction("shareAtQuota", [30, 10, 9])).toBe("same");
  });
  it("skips periods without a figure and needs two", () => {
    expect(direction("gini", [0.4, null, 0.2])).toBe("better");
    expect(direction("gini", [null, null, 0.2])).toBeNull();
  });
});
