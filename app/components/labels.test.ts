import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney } from "./labels";

describe("formatDateTime", () => {
  // The shared formatter must read exactly as toLocaleString did, invalid input included.
  const opts = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" } as const;
  it.each(["2026-11-27T01:05:00Z", "2025-02-28T23:59:59.999Z", "2024-01-01", new Date(Date.UTC(2026, 0, 3, 12, 30))])("reads %s as toLocaleString does", (v) => {
    expect(formatDateTime(v)).toBe(new Date(v).toLocaleString("en-GB", opts));
  });
  it("says Invalid Date for a value that is not a date, as before", () => {
    expect(formatDateTime("not a date")).toBe("Invalid Date");
    expect(formatDate("not a date")).toBe("Invalid Date");
  });
});

describe("formatMoney", () => {
  it("writes whole dollars with separators, negatives and a dash for no figure", () => {
    expect(formatMoney(1234567.6)).toBe("$1,234,568");
    expect(formatMoney(0)).toBe("$0");
    expect(formatMoney(-950)).toBe("-$950");
    expect(formatMoney(null)).toBe("—");
    expect(formatMoney(undefined)).toBe("—");
  });
});
