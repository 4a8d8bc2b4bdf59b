import { describe, expect, it } from "vitest";
import { direction, periods, quarterStart } from "./direction";

describe("direction of travel", () => {
  it("compares independent reports, and gives none below three", () => {
    expect(direction(5, 3)).toBe("more");
    expect(direction(3, 6)).toBe("fewer");
    expect(direction(4, 4)).toBe("same");
    expect(direction(2, 1)).toBe("too-few");
    expect(direction(0, 0)).toBe("too-few");
  });

  it("uses two back-to-back periods and the calendar quarter from the clock", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const p = periods(now);
    expect(p.current.from.toISOString()).toBe("2026-08-28T12:00:00.000Z");
    expect(p.previous.to).toEqual(p.current.from);
    expect(quarterStart(now).toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });
});
