import { describe, expect, it } from "vitest";
import { EXEC_MIN_CELL, showCount } from "./suppress";

describe("showCount", () => {
  it("uses a threshold of 3 by default", () => {
    expect(EXEC_MIN_CELL).toBe(3);
  });

  it("shows 0 as 0 even when suppressing: an empty cell identifies nobody", () => {
    expect(showCount(0, true)).toEqual({ value: 0, text: "0" });
  });

  it("hides 1 and 2 as <3 when suppressing", () => {
    expect(showCount(1, true)).toEqual({ value: null, text: "<3" });
    expect(showCount(2, true)).toEqual({ value: null, text: "<3" });
  });

  it("shows counts at or above the threshold", () => {
    expect(showCount(3, true)).toEqual({ value: 3, text: "3" });
    expect(showCount(4, true)).toEqual({ value: 4, text: "4" });
  });

  it("shows small counts as they are when not suppressing", () => {
    expect(showCount(1, false)).toEqual({ value: 1, text: "1" });
    expect(showCount(2, false)).toEqual({ value: 2, text: "2" });
    expect(showCount(0, false)).toEqual({ value: 0, text: "0" });
  });

  it("formats large counts with thousands separators", () => {
    expect(showCount(12345, true)).toEqual({ value: 12345, text: "12,345" });
    expect(showCount(1000, false).text).toBe("1,000");
  });

  it("honours a custom threshold", () => {
    expect(showCount(4, true, 5)).toEqual({ value: null, text: "<5" });
    expect(showCount(5, true, 5)).toEqual({ value: 5, text: "5" });
  });
});
