import { describe, expect, it } from "vitest";
import { LABELLED_COMPLAINTS, labelledCases } from "./fixtures/labelled-complaints";
import { makeCase } from "./fixtures/make-case";
import { dominantCause, findRecurrences, isRecurrence } from "./recurrence";
import { buildIndex } from "./text-similarity";
import { caseText } from "./types";

// A saved pattern: the quota complaints of the fixture, diagnosed as quota setting.
const all = labelledCases();
const quotaCases = all
  .filter((_, i) => LABELLED_COMPLAINTS[i].group === "quota")
  .map((c) => ({ ...c, rootCause: "quota_setting" }));
const pattern = (status: string, since?: Date) => ({ status, cases: quotaCases, since });

const alike = makeCase({
  id: 900,
  raisedOn: new Date("2026-06-02T00:00:00Z"),
  suspectedCause: "quota_setting",
  complaint: "They raised quotas again this year. Attainment across my team is terrible and nobody believes the targets.",
});

describe("isRecurrence", () => {
  it("is not a recurrence while the pattern is open or briefed: the fix is not in place", () => {
    for (const status of ["open", "briefed"]) {
      const r = isRecurrence(alike, pattern(status));
      expect(r.recurring).toBe(false);
      expect(r.because).toBe("fix-not-in-place");
    }
  });

  it("flags a case with the same cause and alike text on a monitored or resolved pattern", () => {
    for (const status of ["monitoring", "resolved"]) {
      const r = isRecurrence(alike, pattern(status));
      expect(r).toMatchObject({ recurring: true, because: "recurring", cause: "quota_setting" });
      expect(r.score).toBeGreaterThanOrEqual(0.15);
      expect(quotaCases.map((c) => c.id)).toContain(r.closestCaseId);
    }
  });

  it("uses a corpus index when given one, with the same answer", () => {
    const index = buildIndex([...all, alike].map((c) => ({ id: c.id, text: caseText(c) })));
    expect(isRecurrence(alike, pattern("monitoring"), { index }).recurring).toBe(true);
  });

  it("is not a recurrence when the cause differs, however alike the text", () => {
    const r = isRecurrence({ ...alike, suspectedCause: "territory_imbalance" }, pattern("monitoring"));
    expect(r).toMatchObject({ recurring: false, because: "different-cause" });
  });

  it("uses the new case's diagnosed cause over its suspected one", () => {
    const r = isRecurrence({ ...alike, suspectedCause: "plan_mechanics", rootCause: "quota_setting" }, pattern("monitoring"));
    expect(r.recurring).toBe(true);
  });

  it("is not a recurrence when the text is not alike", () => {
    const r = isRecurrence(
      { ...alike, complaint: "The office coffee machine has been broken for weeks." },
      pattern("monitoring"),
    );
    expect(r).toMatchObject({ recurring: false, because: "not-alike" });
    expect(r.score).toBeLessThan(0.15);
  });

  it("is not a recurrence when the new case has no cause yet", () => {
    expect(isRecurrence({ ...alike, suspectedCause: "" }, pattern("monitoring")).because).toBe("no-cause");
  });

  it("ignores cases raised before the fix went in", () => {
    const r = isRecurrence(alike, pattern("monitoring", new Date("2026-07-01T00:00:00Z")));
    expect(r.because).toBe("before-fix");
  });

  it("does not count the new case against itself when it is already in the pattern", () => {
    const withIt = { status: "monitoring", cases: [...quotaCases, alike] };
    expect(isRecurrence(alike, withIt).closestCaseId).not.toBe(alike.id);
  });

  it("honours a stricter threshold", () => {
    expect(isRecurrence(alike, pattern("monitoring"), { minSimilarity: 0.99 }).recurring).toBe(false);
  });
});

describe("dominantCause", () => {
  it("is the most common known cause, a tie going alphabetically", () => {
    const c = (suspectedCause: string) => makeCase({ suspectedCause });
    expect(dominantCause([c("quota_setting"), c("quota_setting"), c("enablement_gap"), c("")])).toBe("quota_setting");
    expect(dominantCause([c("quota_setting"), c("enablement_gap")])).toBe("enablement_gap");
    expect(dominantCause([c("")])).toBeNull();
  });
});

describe("findRecurrences", () => {
  it("lists the fixed patterns a case recurs in, most alike first", () => {
    const territory = all
      .filter((_, i) => LABELLED_COMPLAINTS[i].group === "territory")
      .map((c) => ({ ...c, rootCause: "territory_imbalance" }));
    const hits = findRecurrences(alike, [
      { id: 1, status: "monitoring", cases: quotaCases },
      { id: 2, status: "open", cases: quotaCases },
      { id: 3, status: "resolved", cases: territory },
    ]);
    expect(hits.map((h) => h.patternId)).toEqual([1]);
  });
});
