import { describe, expect, it } from "vitest";
import { adjustedRandIndex, purity } from "./cluster-metrics";

describe("purity", () => {
  it("is 1 for a perfect clustering, whatever the cluster names", () => {
    expect(purity([7, 7, 9, 9], ["a", "a", "b", "b"])).toBe(1);
  });

  it("counts each cluster's majority group (hand-computed)", () => {
    // Cluster 1 = a,a,b (2 right), cluster 2 = b,c,c (2 right) → 4/6.
    expect(purity([1, 1, 1, 2, 2, 2], ["a", "a", "b", "b", "c", "c"])).toBeCloseTo(4 / 6);
  });

  it("is 1 for all singletons, which is why ARI is reported too", () => {
    expect(purity([1, 2, 3, 4], ["a", "a", "b", "b"])).toBe(1);
  });
});

describe("adjustedRandIndex", () => {
  it("is 1 for identical partitions with different names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ["x", "x", "y", "y", "z"])).toBe(1);
  });

  it("matches a hand-computed example", () => {
    // A = [0,0,0,1,1,1], B = [0,0,1,1,2,2]. Contingency: (0,0)=2 (0,1)=1 (1,1)=1 (1,2)=2.
    // index = C(2,2)+C(2,2) = 2; rows: 2·C(3,2) = 6; cols: 3·C(2,2) = 3; C(6,2) = 15.
    // expected = 6·3/15 = 1.2; max = (6+3)/2 = 4.5; ARI = (2-1.2)/(4.5-1.2) = 0.8/3.3.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 10);
  });

  it("is symmetric", () => {
    const a = [0, 0, 1, 1, 1, 2, 2];
    const b = [1, 0, 0, 1, 2, 2, 2];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
  });

  it("is 0 for all singletons against real groups", () => {
    // index = 0, sumRows = 0 → expected = 0, max = sumCols/2 > 0 → 0.
    expect(adjustedRandIndex([1, 2, 3, 4], ["a", "a", "b", "b"])).toBe(0);
  });

  it("is negative when the clustering splits every true pair", () => {
    // A pairs (1,2),(3,4); B pairs (1,3),(2,4): index 0, expected 2·2/6, max 2 → -0.5.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it("is 1 when both put everything together", () => {
    expect(adjustedRandIndex([1, 1, 1], [2, 2, 2])).toBe(1);
  });
});
