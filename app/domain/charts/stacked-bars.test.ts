import { describe, expect, it } from "vitest";
import { labelSteps, stackedBars } from "./stacked-bars";

const rows = [
  { month: "2026-01", a: 2, b: 1 },
  { month: "2026-02", a: 0, b: null },
  { month: "2026-03", a: 7, b: 4 },
];

describe("stackedBars", () => {
  it("stacks each slot's values from the bottom up, in the series order", () => {
    const { bars, top } = stackedBars(rows, ["a", "b"], "month", 200);
    expect(top).toBeGreaterThanOrEqual(11);
    const march = bars[2];
    expect(march.key).toBe("2026-03");
    expect(march.total).toBe(11);
    const [a, b] = march.segments;
    expect(a.series).toBe("a");
    expect(a.y + a.height).toBeCloseTo(200); // sits on the axis
    expect(b.y + b.height).toBeCloseTo(a.y); // sits on a
    expect(a.height + b.height).toBeCloseTo((11 / top) * 200);
    expect(a.height / b.height).toBeCloseTo(7 / 4);
  });

  it("draws nothing for a zero or a hidden (null) point: a gap tells nothing", () => {
    const { bars } = stackedBars(rows, ["a", "b"], "month", 200);
    expect(bars[1].segments).toEqual([]);
    expect(bars[1].total).toBe(0);
  });

  it("gives every slot the same share of the width, bars centred in their slot", () => {
    const { bars } = stackedBars(rows, ["a", "b"], "month", 200);
    for (const [i, bar] of bars.entries()) {
      expect(bar.x + bar.width / 2).toBeCloseTo(((i + 0.5) * 100) / 3);
      expect(bar.width).toBeLessThan(100 / 3);
    }
  });

  it("puts round ticks from zero to the top of the scale, at least as high as the tallest bar", () => {
    const { ticks, top } = stackedBars(rows, ["a", "b"], "month", 200);
    expect(ticks[0]).toEqual({ value: 0, y: 200 });
    expect(ticks.at(-1)!.value).toBeLessThanOrEqual(top);
    expect(ticks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps a scale when every point is hidden or there are no rows", () => {
    expect(stackedBars([{ month: "2026-01", a: null }], ["a"], "month", 100).top).toBe(1);
    expect(stackedBars([], ["a"], "month", 100).bars).toEqual([]);
  });
});

describe("labelSteps", () => {
  it("labels every slot when they fit, else every n-th from the first", () => {
    const [wide] = labelSteps(3, [12]);
    expect([0, 1, 2].map(wide)).toEqual([true, true, true]);
    const [six] = labelSteps(24, [6]);
    expect([...Array(24).keys()].filter(six)).toEqual([0, 4, 8, 12, 16, 20]);
  });

  it("shows a label at a narrower width only if it is shown at every wider one", () => {
    const [wide, medium, narrow] = labelSteps(12, [16, 8, 4]);
    const at = (f: (i: number) => boolean) => [...Array(12).keys()].filter(f);
    expect(at(wide)).toHaveLength(12);
    expect(at(medium)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(at(narrow)).toEqual([0, 4, 8]);
    for (const i of at(narrow)) expect(medium(i) && wide(i)).toBe(true);
  });
});
