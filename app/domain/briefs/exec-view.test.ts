import { describe, expect, it } from "vitest";
import { briefForExecutives, fallbackBasis, SMALL_BRIEF_NOTE, titleForExecutives, withoutSmallCounts } from "./exec-view";
import { ATTAINMENT, briefCase, TERRITORY_CASES } from "./fixtures/cases";
import { briefToMarkdown } from "./markdown";
import { writeBrief } from "./sections";
import type { Brief } from "./types";

const shownEverywhere = () => true;
const everything = (b: Brief) => `${JSON.stringify(b)}\n${briefToMarkdown(b, { version: 1, publishedAt: new Date("2026-05-01T00:00:00Z") })}`;

const lonely = briefCase({
  id: 9001,
  title: "Mid-Market AE: my Enterprise patch has nothing left",
  complaint: "The realignment moved every account I had into the new hires' patches. I discount every deal to close anything at all.",
  raisedOn: new Date("2026-02-17T00:00:00Z"),
  reporterFunction: "customer_success",
  reporterRole: "csm",
  segment: "enterprise",
  tenureMonths: 30,
  confidential: true,
  behaviour: "discounting",
  suspectedCause: "territory_imbalance",
  rootCause: "territory_imbalance",
  upstreamFix: "Rebalance territories on potential.",
  fixOwner: "revops",
  peopleAffected: 4,
  steps: [{ position: 1, answer: "Deep discounts on every renewal." }, { position: 2, answer: "The patch lost its best accounts." }],
});

describe("an executive's copy of a brief on fewer than three cases", () => {
  const brief = writeBrief({ title: lonely.title, cases: [lonely], attainment: ATTAINMENT, scope: "case" });
  const copy = briefForExecutives(brief, { basis: brief.basis!, segmentShown: shownEverywhere });
  const text = everything(copy);

  it("keeps the comp team's copy as it was written", () => {
    expect(brief.sections.whatWeSee).toContain("Customer Success");
    expect(brief.sections.whatWeSee).toContain("This brief is about one case.");
  });

  it("names no function, segment, role, month, behaviour or tenure of the case", () => {
    // (Free text the team wrote in the Five Whys — "deep discounts on every renewal" — stays.)
    for (const word of ["Customer Success", "CSM", "Enterprise", "Feb 2026", "February", "Discounting", "2 to 4 years", "margin erosion"]) {
      expect(text, word).not.toMatch(new RegExp(word, "i"));
    }
    expect(copy.sections.whatWeSee).toBe(SMALL_BRIEF_NOTE);
    expect(copy.chain.map((l) => l.kind)).not.toContain("behaviour");
    expect(copy.quotes.every((q) => !q.role && !q.function && !q.segment)).toBe(true);
  });

  it("says no count of one or two and no case id", () => {
    expect(text).not.toMatch(/#\d+/);
    expect(text).not.toMatch(/\b(1|one) case\b/i);
    expect(text).not.toMatch(/\b(2|two) cases\b/i);
    expect(text).not.toMatch(/\bthis case\b/i);
    // The attainment paragraph names the case's segment: all of it goes, figures included.
    expect(copy.sections.whatItCosts).not.toMatch(/typical rep|reached quota/);
    expect(text).not.toContain("9001");
    expect(copy.chain.every((l) => l.caseIds.length === 0 && l.support === 0 && l.supportText)).toBe(true);
  });

  it("gives a title that names a profile a neutral one", () => {
    expect(copy.title).toBe("A lead on territory imbalance");
    expect(titleForExecutives("Rebalance the patches", brief.basis!)).toBe("Rebalance the patches");
  });

  it("still carries the cause, the fix and the pay verdict", () => {
    expect(copy.summary.toLowerCase()).toContain("territory imbalance");
    expect(copy.sections.recommendedFix).toContain("ebalance territories on potential.");
    expect(copy.sections.payChange).toContain("Paying people more will not fix this.");
  });
});

describe("an executive's copy of a brief on three cases or more", () => {
  const brief = writeBrief({ title: "Territory carve", cases: TERRITORY_CASES, attainment: ATTAINMENT, scope: "pattern" });
  const copy = briefForExecutives(brief, { basis: brief.basis!, segmentShown: shownEverywhere });

  it("keeps the profile, but no case id and no count of one or two", () => {
    expect(copy.sections.whatWeSee).toBe(brief.sections.whatWeSee.replace(/\b1 case\b/g, "fewer than three cases"));
    expect(everything(copy)).not.toMatch(/\b(1|2|one|two) cases?\b/i);
    expect(copy.chain.flatMap((l) => l.caseIds)).toEqual([]);
    for (const [i, l] of copy.chain.entries()) {
      const original = brief.chain[i];
      if (original.support >= 3) expect(l.support).toBe(original.support);
      else expect(l).toMatchObject({ support: 0, supportText: "fewer than 3 cases", single: true });
    }
  });

  it("does not quote a segment's attainment that the variability page withholds", () => {
    const hidden = briefForExecutives(brief, { basis: brief.basis!, segmentShown: (s) => s !== "mid_market" });
    expect(brief.sections.whatItCosts).toMatch(/In Mid-Market, across 120 reps/);
    expect(hidden.sections.whatItCosts).not.toMatch(/In Mid-Market, across/);
    expect(hidden.sections.whatItCosts).toContain("The attainment figures for Mid-Market are not shown here");
  });

  it("does not carry the basis", () => {
    expect(copy).not.toHaveProperty("basis");
  });
});

describe("counts and ids in text the comp team typed", () => {
  it.each([
    ["As seen in #12 and #15, reps wait.", "As seen in a case, reps wait."],
    ["Two cases point to quota setting instead.", "Fewer than three cases point to quota setting instead."],
    ["All 2 cases trace back to pricing.", "All the cases trace back to pricing."],
    ["Both cases trace back to pricing. In both cases, the team judged so.", "All the cases trace back to pricing. In all the cases, the team judged so."],
    ["In 1 of 4 cases, the team judged so.", "In fewer than three of 4 cases, the team judged so."],
    ["Seen in 1 case only.", "Seen in fewer than three cases."],
    ["We have 12 cases and 21 cases.", "We have 12 cases and 21 cases."],
  ])("%s", (input, output) => {
    expect(withoutSmallCounts(input)).toBe(output);
  });
});

describe("a brief written before its basis was kept", () => {
  it("falls back to the source's case count and every taxonomy label", () => {
    const brief = writeBrief({ title: "Old", cases: [lonely], scope: "case" });
    const { basis: _b, ...old } = brief;
    const basis = fallbackBasis(old, 1);
    expect(basis.caseCount).toBe(1);
    const copy = briefForExecutives(old, { basis, segmentShown: shownEverywhere });
    expect(everything(copy)).not.toMatch(/Customer Success|Enterprise|Feb 2026/);
  });
});

describe("plan health in 'what it costs' (issue 17)", () => {
  const health = { period: "2026-Q4", band: { low: 60, high: 70 }, shareAtQuota: 0.17, quotaAccuracy: 0.5, peaks: "a cluster near 80% and one past 200%", gini: 0.25, spearman: 1, complaints: 12, per10: 6.7 };
  const attainment = ATTAINMENT.map((a) => (a.segment === "mid_market" ? { ...a, health } : a));
  const brief = writeBrief({ title: "Territories", cases: TERRITORY_CASES, attainment, scope: "pattern" });
  const quoted =
    "In Mid-Market, in 2026-Q4, 17% of reps reached quota, below the 60–70% band a healthy plan aims for, and 50% finished within 20% of quota.";

  it("quotes the figures for the segments the pattern touches", () => {
    expect(brief.sections.whatItCosts).toContain(quoted);
    expect(brief.sections.whatItCosts).toContain("Results have two peaks, a cluster near 80% and one past 200%");
    expect(brief.sections.whatItCosts).toContain("The same reps raised 12 complaints that period, 6.7 per 10 reps.");
  });
  it("keeps them for executives only where the variability page shows every figure quoted", () => {
    const shown = briefForExecutives(brief, { basis: brief.basis!, segmentShown: shownEverywhere, healthShown: () => true });
    expect(shown.sections.whatItCosts).toContain(quoted);
    const withheld = briefForExecutives(brief, { basis: brief.basis!, segmentShown: shownEverywhere, healthShown: () => false });
    expect(withheld.sections.whatItCosts).not.toContain("in 2026-Q4");
    expect(withheld.sections.whatItCosts).toContain("In Mid-Market, across 120 reps");
  });
});
