import { describe, expect, it } from "vitest";
import { causeSourceCounts, effectiveCause } from "./effective-cause";

describe("effectiveCause", () => {
  it("prefers the diagnosed root cause over the suspected one", () => {
    expect(effectiveCause({ rootCause: "quota_setting", suspectedCause: "plan_mechanics" })).toEqual({
      cause: "quota_setting",
      source: "diagnosed",
    });
  });

  it("falls back to the suspected cause before a diagnosis", () => {
    expect(effectiveCause({ rootCause: "", suspectedCause: "territory_imbalance" })).toEqual({
      cause: "territory_imbalance",
      source: "suspected",
    });
  });

  it("says unknown when neither is recorded (blank or spaces)", () => {
    expect(effectiveCause({ rootCause: " ", suspectedCause: "" })).toEqual({ cause: "unknown", source: "unknown" });
  });

  it("counts the sources", () => {
    expect(
      causeSourceCounts([
        { rootCause: "quota_setting", suspectedCause: "" },
        { rootCause: "", suspectedCause: "quota_setting" },
        { rootCause: "", suspectedCause: "enablement_gap" },
        { rootCause: "", suspectedCause: "" },
      ]),
    ).toEqual({ diagnosed: 1, suspected: 2, unknown: 1 });
  });
});
