import { describe, expect, it } from "vitest";
import { causeCheck, causeCheckSentence, matchThemes } from "./theme-identity";
import type { ComputedTheme } from "./theme-partition";

const theme = (caseIds: number[], over: Partial<ComputedTheme> = {}): ComputedTheme => ({
  key: caseIds.join("-"),
  caseIds,
  terms: ["territory", "patch", "carve"],
  typicalCaseId: caseIds[0],
  causes: [],
  dominantCause: "territory_imbalance",
  dominantSource: "diagnosed",
  from: new Date("2026-01-01"),
  to: new Date("2026-02-01"),
  ...over,
});

describe("matchThemes", () => {
  it("keeps the id and name of a theme whose membership barely moved", () => {
    const out = matchThemes([{ id: "a", name: "Patch sizes", caseIds: [1, 2, 3, 4] }], [theme([1, 2, 3, 4, 5])]);
    expect(out[0]).toMatchObject({ id: "a", name: "Patch sizes" });
  });

  it("gives a new id and a name from the terms when the overlap is small", () => {
    const out = matchThemes([{ id: "a", name: "Patch sizes", caseIds: [1, 2, 3, 4] }], [theme([4, 5, 6, 7])]);
    expect(out[0].id).not.toBe("a");
    expect(out[0].name).toBe("Territory, patch, carve");
  });

  it("hands one previous theme to one new theme only, the larger overlap winning", () => {
    const out = matchThemes([{ id: "a", name: "A", caseIds: [1, 2, 3, 4, 5, 6] }], [theme([1, 2, 3]), theme([1, 2, 3, 4, 5])]);
    expect(out.map((t) => t.id === "a")).toEqual([false, true]);
  });
});

describe("causeCheck", () => {
  it("names the undiagnosed cases filed under another cause than the theme's", () => {
    const members = [
      { id: 1, suspectedCause: "plan_mechanics", rootCause: "" },
      { id: 2, suspectedCause: "plan_mechanics", rootCause: "" },
      { id: 3, suspectedCause: "territory_imbalance", rootCause: "" },
      { id: 4, suspectedCause: "plan_mechanics", rootCause: "territory_imbalance" },
      { id: 5, suspectedCause: "other", rootCause: "" },
    ];
    const out = causeCheck(theme([1, 2, 3, 4, 5]), members);
    expect(out).toEqual([{ cause: "plan_mechanics", caseIds: [1, 2] }]);
    expect(causeCheckSentence(out[0], "territory_imbalance")).toBe("2 cases filed as plan mechanics read like territory imbalance");
  });

  it("says nothing when the theme has no clear cause", () => {
    expect(causeCheck(theme([1]), [{ id: 1, suspectedCause: "quota_setting", rootCause: "" }])).toHaveLength(1);
    expect(causeCheck(theme([1], { dominantCause: "" }), [{ id: 1, suspectedCause: "quota_setting", rootCause: "" }])).toEqual([]);
  });
});
