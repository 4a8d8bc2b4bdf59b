import { describe, expect, it } from "vitest";
import { triageSummary } from "./triage-counts";

describe("triageSummary", () => {
  const counts = new Map([["data_error", 7], ["calculation_error", 1], ["policy_question", 4], ["exception_request", 5], ["plan_design", 2], ["", 9]]);

  it("shows the comp team every class and the untriaged", () => {
    const s = triageSummary(counts, false);
    expect(s.rows.map((r) => r.count.text)).toEqual(["7", "1", "4", "5", "2", "9"]);
    expect(s.sortedOut.text).toBe("17");
  });

  it("shows executives the sorted-out classes only, with no small figure and none that can be worked out", () => {
    const s = triageSummary(counts, true);
    expect(s.rows.map((r) => r.value)).toEqual(["data_error", "calculation_error", "policy_question", "exception_request"]);
    const shown = s.rows.map((r) => r.count.value);
    expect(shown[1]).toBeNull(); // 1 is below three
    // With the total shown, a second figure is withheld too: the 1 cannot be had by subtraction.
    expect(shown.filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(s.rows.some((r) => r.count.text === "1")).toBe(false);
  });
});
