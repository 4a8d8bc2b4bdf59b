import { describe, expect, it } from "vitest";
import { chainSentence } from "./chain-merge";
import {
  ATTAINMENT,
  briefCase,
  CONFIDENTIAL_EMAIL,
  CONFIDENTIAL_NAME,
  OPEN_EMAIL,
  OPEN_NAME,
  PLAN_MECHANICS_CASES,
  TERRITORY_CASES,
} from "./fixtures/cases";
import { briefToMarkdown } from "./markdown";
import { checkReadingEase, READING_EASE_TARGET } from "./readability";
import {
  coreChain,
  dominantCause,
  isCrossFunctional,
  MAX_QUOTES,
  PLAN_MECHANICS_LEAD,
  STRUCTURAL_LEAD,
  writeBrief,
} from "./sections";
import { attainmentSentences } from "./sections";
import { nameVariants } from "./text";
import { SECTION_KEYS, type Brief, type BriefCase } from "./types";

const territory = () =>
  writeBrief({ title: "Territory carve hurts Mid-Market", cases: TERRITORY_CASES, attainment: ATTAINMENT, scope: "pattern" });
const planMechanics = () => writeBrief({ title: "Sandbagging", cases: PLAN_MECHANICS_CASES, scope: "pattern" });
const oneCase = (c: BriefCase) => writeBrief({ title: c.title, cases: [c], scope: "case" });

/** Every piece of text a reader could see, with the Markdown download. */
function everything(brief: Brief): string {
  return `${JSON.stringify(brief)}\n${briefToMarkdown(brief, { version: 1, publishedAt: new Date("2026-05-01T00:00:00Z") })}`;
}

const allNames = [...TERRITORY_CASES, ...PLAN_MECHANICS_CASES].map((c) => c.reporterName);

describe("what we see", () => {
  it("counts cases, functions, segments, tenure bands and the date span", () => {
    const text = territory().sections.whatWeSee;
    expect(text).toContain("We have 6 cases on this.");
    expect(text).toContain("4 functions: Sales, Customer Success, Marketing and Partners.");
    expect(text).toContain("3 segments: Mid-Market, SMB and Enterprise.");
    expect(text).toContain("5 tenure bands: under 6 months, 6 to 12 months, 1 to 2 years, 2 to 4 years and over 4 years.");
    expect(text).toContain("The first was raised in Jan 2026 and the last in Apr 2026, 13 weeks apart.");
    expect(text).toContain("This is a pattern, not an anecdote");
  });

  it("describes one case in the singular", () => {
    const text = oneCase(TERRITORY_CASES[0]).sections.whatWeSee;
    expect(text).toBe(
      "This brief is about one case. It comes from Sales. It is in Mid-Market. The person who raised it has been here 1 to 2 years. It was raised in Jan 2026. What we see people do: attrition and low morale. One case is a lead, not yet a pattern.",
    );
  });

  it("does not name the tenure band or the day of a confidential case in a small brief", () => {
    const confidential = TERRITORY_CASES.find((c) => c.confidential)!;
    const text = oneCase(confidential).sections.whatWeSee;
    expect(text).not.toMatch(/years|months/);
    expect(text).toContain("It was raised in Feb 2026.");
    expect(text).not.toMatch(/\b3 Feb\b/);
    // In a pattern of three or more, bands are named: no one band points to a person.
    expect(territory().sections.whatWeSee).toContain("2 to 4 years");
  });

  it("calls one case, or too few cases, an anecdote", () => {
    expect(oneCase(TERRITORY_CASES[0]).sections.whatWeSee).toContain("One case is a lead, not yet a pattern.");
    const two = writeBrief({ title: "x", cases: TERRITORY_CASES.slice(0, 2), scope: "pattern" });
    expect(isCrossFunctional(TERRITORY_CASES.slice(0, 2))).toBe(false);
    expect(two.sections.whatWeSee).toContain("This is still an anecdote");
  });
});

describe("why it is happening", () => {
  it("leads with the chain sentence, root cause first, business outcome last", () => {
    const brief = territory();
    const firstParagraph = brief.sections.whyItHappens.split("\n\n")[0];
    expect(firstParagraph).toBe(chainSentence(coreChain(brief.chain, 6)));
    expect(firstParagraph).toMatch(/^Territory imbalance → .* → missed revenue\.$/);
    expect(firstParagraph).toContain("they miss their targets");
  });

  it("names links seen in one case only", () => {
    const text = territory().sections.whyItHappens;
    expect(text).toContain("seen in one case only");
    expect(text).toContain("“quota setting”");
    expect(text).toContain("5 of 6 cases trace back to territory imbalance. 1 case points to quota setting instead.");
  });

  it("names a weak link inside the chain of a small pattern", () => {
    const a = briefCase({ id: 1, rootCause: "territory_imbalance", behaviour: "attrition_morale", steps: [{ position: 1, answer: "They miss their targets." }] });
    const b = briefCase({ id: 2, rootCause: "territory_imbalance", behaviour: "attrition_morale", steps: [{ position: 1, answer: "Earnings fell." }] });
    const text = writeBrief({ title: "x", cases: [a, b], scope: "pattern" }).sections.whyItHappens;
    expect(text).toContain("Some links were seen in one case only: “they miss their targets” and “earnings fell”.");
  });

  it("says when every link is shared", () => {
    const steps = [{ position: 1, answer: "They miss their targets." }];
    const cases = [1, 2].map((id) => briefCase({ id, rootCause: "territory_imbalance", behaviour: "attrition_morale", steps }));
    expect(writeBrief({ title: "x", cases, scope: "pattern" }).sections.whyItHappens).toContain(
      "Every link in the chain is backed by at least two cases.",
    );
  });
});

describe("what it costs", () => {
  it("sums people affected and revenue at risk", () => {
    const text = territory().sections.whatItCosts;
    expect(text).toContain("up to 74 people affected");
    expect(text).toContain("$2.7M of revenue at risk");
    expect(text).toContain("1 case did not put a figure on it");
  });

  it("quotes attainment for the segments involved, in plain words", () => {
    const text = territory().sections.whatItCosts;
    expect(text).toContain("In Mid-Market, across 120 reps, the average rep reached 92% of quota.");
    expect(text).toContain("the typical rep, the one in the middle, reached only 78%");
    expect(text).toContain("most reps land within 35 points of the average");
    expect(text).toContain("The top 20% of reps bring in 48% of the total.");
    expect(text).toContain("In Enterprise");
    // Strategic has figures but no case in this pattern.
    expect(text).not.toContain("Strategic");
    expect(text).not.toMatch(/\b(mean|median|standard deviation)\b/i);
  });

  it("never shows the results of fewer than three reps", () => {
    const c = briefCase({ segment: "strategic", rootCause: "territory_imbalance" });
    const text = writeBrief({ title: "x", cases: [c], attainment: ATTAINMENT, scope: "case" }).sections.whatItCosts;
    expect(text).toContain("There are too few reps in Strategic to show their results.");
    expect(text).not.toContain("110%");
  });

  it("says when attainment data has not been imported", () => {
    expect(planMechanics().sections.whatItCosts).toContain("Attainment data has not been imported yet.");
  });
});

describe("what a pay change would and would not fix", () => {
  it("opens a structural brief with the plain statement that more pay will not fix it", () => {
    const text = territory().sections.payChange;
    expect(text.startsWith(`${STRUCTURAL_LEAD} The cause is territory imbalance: too little opportunity, not too little pay.`)).toBe(true);
    expect(text).toContain("In 4 of 5 cases, the team judged that a pay change would not fix it.");
    expect(text).toContain("It would not put more good accounts in thin territories.");
    expect(text).toContain("1 case points to quota setting. More pay would not fix that either.");
    expect(territory().summary).toContain("not pay");
  });

  it("for plan mechanics, says what a plan change would fix and what it would not", () => {
    const text = planMechanics().sections.payChange;
    expect(text.startsWith(PLAN_MECHANICS_LEAD)).toBe(true);
    expect(text).toContain("A change to the plan's rules would fix this.");
    expect(text).toContain("Raising pay rates on the same rules would not help");
    expect(text).toContain("A plan change would not fix limits outside the plan");
    expect(text).not.toContain(STRUCTURAL_LEAD);
    expect(planMechanics().summary).toContain("a change to how the plan pays would fix it");
  });

  it("still says pay is not the cause when the team thinks a pay change would help", () => {
    const cases = [1, 2, 3].map((id) => briefCase({ id, rootCause: "product_readiness", payFix: id === 3 ? "no" : "yes" }));
    const text = writeBrief({ title: "x", cases, scope: "pattern" }).sections.payChange;
    expect(text.startsWith("More pay would help only in part. The cause is product readiness: a product that is not ready to sell, not too little pay.")).toBe(true);
    expect(text).toContain("In 2 of 3 cases, the team judged that a pay change would help at least in part.");
    expect(text).toContain("It would not make the product ready to sell.");
  });

  it("does not guess before the cause is known", () => {
    const text = writeBrief({ title: "x", cases: [briefCase()], scope: "case" }).sections.payChange;
    expect(text).toContain("The cause is not known yet.");
  });
});

describe("the dominant cause", () => {
  it("is the most common diagnosed (else suspected) cause", () => {
    expect(dominantCause(TERRITORY_CASES)).toEqual({ cause: "territory_imbalance", count: 5 });
    expect(dominantCause([briefCase({ suspectedCause: "enablement_gap" })])).toEqual({ cause: "enablement_gap", count: 1 });
    expect(dominantCause([briefCase()])).toBeNull();
  });
});

describe("recommended fix", () => {
  it("gives the most common upstream fix and its owner, and lists the others", () => {
    const text = territory().sections.recommendedFix;
    expect(text).toContain("We recommend this fix: rebalance territories on account potential, not account count.");
    expect(text).toContain("RevOps should own it.");
    expect(text).toContain("5 of 6 cases point to it.");
    expect(text).toContain("- Reset quotas when accounts move between reps. Owner: Finance.");
  });

  it("says so when no fix is named yet", () => {
    expect(writeBrief({ title: "x", cases: [briefCase()], scope: "case" }).sections.recommendedFix).toContain(
      "No fix has been named yet.",
    );
  });
});

describe("quotes", () => {
  it("picks up to three short quotes from different functions", () => {
    const { quotes } = territory();
    expect(quotes.length).toBe(MAX_QUOTES);
    expect(new Set(quotes.map((q) => q.function)).size).toBe(quotes.length);
    for (const q of quotes) expect(q.text).toMatch(/^[A-Z].*[.!?]$/);
  });

  it("never quotes a confidential reporter", () => {
    const confidential = TERRITORY_CASES.filter((c) => c.confidential);
    expect(confidential.length).toBeGreaterThan(0);
    const brief = territory();
    for (const c of confidential) {
      for (const q of brief.quotes) expect(c.complaint).not.toContain(q.text);
      expect(everything(brief)).not.toContain("I carry the renewals alone");
    }
    // A brief on the confidential case alone has no quote at all.
    const alone = oneCase(confidential[0]);
    expect(alone.quotes).toEqual([]);
    expect(alone.sections.quotes).toContain("We never quote people who asked to stay confidential.");
  });

  it("never quotes a sentence with a name or an email address", () => {
    const partner = TERRITORY_CASES.find((c) => c.reporterName === OPEN_NAME)!;
    const { quotes } = oneCase(partner);
    expect(quotes).toEqual([
      { text: "The AEs keep every deal to themselves now.", role: "Partner manager", function: "Partners", segment: "Enterprise" },
    ]);
  });
});

describe("names and email addresses", () => {
  it("appear nowhere in a brief or its Markdown", () => {
    for (const brief of [territory(), planMechanics(), ...TERRITORY_CASES.map(oneCase)]) {
      const text = everything(brief);
      for (const variant of nameVariants(allNames)) {
        expect(text, variant).not.toMatch(new RegExp(`(?<![\\p{L}])${variant}(?![\\p{L}])`, "iu"));
      }
      expect(text).not.toMatch(/\S+@\S+\.\w+/);
      expect(text).not.toContain(CONFIDENTIAL_EMAIL);
      expect(text).not.toContain(OPEN_EMAIL);
    }
  });

  it("are scrubbed from Five Whys answers, fixes and a case's title", () => {
    const c = briefCase({
      title: `${CONFIDENTIAL_NAME}'s patch`,
      confidential: true,
      reporterName: CONFIDENTIAL_NAME,
      rootCause: "territory_imbalance",
      behaviour: "attrition_morale",
      upstreamFix: `Ask Dana (${CONFIDENTIAL_EMAIL}) which accounts to move back.`,
      fixOwner: "revops",
      steps: [{ position: 1, answer: "Because Dana's patch lost its best accounts." }],
    });
    const brief = oneCase(c);
    const text = everything(brief);
    expect(text).not.toMatch(/dana|whitfield/i);
    expect(brief.title).toBe("[name]'s patch");
    expect(brief.chain.map((l) => l.text)).toContain("[name]'s patch lost its best accounts");
  });
});

describe("a root cause stated in the team's own words", () => {
  it("is quoted into the sections without the names in it", () => {
    const statement = "Marcus Oyelaran's old accounts were never reassigned.";
    const cases = [1, 2, 3].map((id) =>
      briefCase({ id, rootCause: "other", rootCauseStatement: statement, reporterName: id === 1 ? OPEN_NAME : "", payFix: "no" }),
    );
    const brief = writeBrief({ title: "x", cases, scope: "pattern" });
    expect(brief.sections.whyItHappens).toContain("All 3 cases trace back to [name]'s old accounts were never reassigned.");
    expect(brief.sections.payChange).toContain("The cause is [name]'s old accounts were never reassigned");
    expect(everything(brief)).not.toMatch(/marcus|oyelaran/i);
    expect(brief.summary).toBe("A limit outside the plan, not pay, is behind all 3 cases from 1 function, so more pay will not fix it.");
  });
});

describe("reading ease", () => {
  const briefs: [string, () => Brief][] = [
    ["territory pattern with attainment", territory],
    ["plan-mechanics pattern", planMechanics],
    ["one territory case", () => oneCase(TERRITORY_CASES[0])],
    ["one confidential case", () => oneCase(TERRITORY_CASES[1])],
    ["one plan-mechanics case", () => oneCase(PLAN_MECHANICS_CASES[0])],
  ];

  for (const [name, make] of briefs) {
    it(`every section and the summary of the ${name} brief reach the target`, () => {
      const brief = make();
      for (const key of SECTION_KEYS) {
        const { score } = checkReadingEase(brief.sections[key]);
        expect(score, `${key}: ${brief.sections[key]}`).toBeGreaterThanOrEqual(READING_EASE_TARGET);
      }
      expect(checkReadingEase(brief.summary).score, brief.summary).toBeGreaterThanOrEqual(READING_EASE_TARGET);
    });
  }
});

describe("writeBrief", () => {
  it("writes the summary as one sentence", () => {
    for (const brief of [territory(), planMechanics()]) {
      expect(brief.summary).toMatch(/^[A-Z][^]*\.$/);
      expect(brief.summary.replace(/\$\d+\.\d/g, "").split(/[.!?]\s/).length).toBe(1);
    }
  });

  it("is deterministic and JSON-safe", () => {
    const brief = territory();
    expect(territory()).toEqual(brief);
    expect(JSON.parse(JSON.stringify(brief))).toEqual(brief);
  });

  it("writes every section", () => {
    const brief = territory();
    for (const key of SECTION_KEYS) expect(brief.sections[key].trim(), key).not.toBe("");
  });
});

describe("attainment figures for small teams", () => {
  it("does not quote a segment of fewer than five reps (one rep's share would show)", () => {
    const f = { segment: "smb", reps: 4, mean: 90, median: 85, sd: 20, top10Share: 0.3, top20Share: 0.33, shareAtOrAbove100: 0.25 };
    expect(attainmentSentences(f, "SMB")).toBe("There are too few reps in SMB to show their results.");
    expect(attainmentSentences({ ...f, reps: 5 }, "SMB")).toContain("across 5 reps");
  });
});
