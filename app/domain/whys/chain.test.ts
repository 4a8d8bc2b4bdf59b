import { describe, expect, it } from "vitest";
import {
  MAX_STEPS,
  PLAN_MECHANICS_JUSTIFICATION_MESSAGE,
  PLAN_TERMS_NUDGE,
  UPSTREAM_PROMPTS,
  canAddStep,
  checkChain,
  cleanLink,
  defaultQuestion,
  looksStructural,
  lowerFirst,
  mentionsPlanTerms,
  readBack,
  readBackLinks,
  renumber,
  reorder,
  structuralHint,
  upstreamPrompt,
  type Conclusion,
  type WhyStep,
} from "./chain";

const step = (position: number, answer: string, extra: Partial<WhyStep> = {}): WhyStep => ({
  id: `s${position}`,
  position,
  question: `Question ${position}?`,
  answer,
  ownerFunction: "sales",
  confidence: "likely",
  ...extra,
});

const steps = (n: number) => Array.from({ length: n }, (_, i) => step(i + 1, `Answer ${i + 1}.`));

const conclusion = (extra: Partial<Conclusion> = {}): Conclusion => ({
  rootCause: "territory_imbalance",
  statement: "Territories were cut without rebalancing account potential.",
  upstreamFix: "Rebalance territories on account potential.",
  fixOwner: "revops",
  payFix: "no",
  payFixWhy: "Paying more does not add accounts.",
  justification: "",
  ...extra,
});

describe("readBack", () => {
  const chain = [
    step(1, "Reps discount to close deals before quarter end."),
    step(2, "Because their pipeline is too thin to hit quota!"),
    step(3, "Territories were split and the new patches have fewer accounts"),
  ];

  it("reads from the root cause back to the symptom, last step first", () => {
    expect(readBack(chain, conclusion(), "Discounting")).toBe(
      "Territories were cut without rebalancing account potential, therefore territories were split and " +
        "the new patches have fewer accounts, therefore their pipeline is too thin to hit quota, therefore " +
        "reps discount to close deals before quarter end, therefore discounting.",
    );
  });

  it("orders by position, not by array order", () => {
    const shuffled = [chain[2], chain[0], chain[1]];
    expect(readBack(shuffled, conclusion(), "Discounting")).toBe(readBack(chain, conclusion(), "Discounting"));
  });

  it("strips trailing punctuation and never doubles the final period", () => {
    const text = readBack([step(1, "Deals slip...  ")], conclusion({ statement: "Pricing changed!!" }), "Deal cycle length.");
    expect(text).toBe("Pricing changed, therefore deals slip, therefore deal cycle length.");
    expect(text).not.toMatch(/\.\./);
    expect(text).not.toMatch(/[!?],/);
  });

  it("keeps acronyms capitalised when lower-casing joined links", () => {
    const text = readBack([step(1, "SDRs stop booking meetings")], conclusion({ statement: "the SDR role changed" }), "Pipeline generation");
    expect(text).toBe("The SDR role changed, therefore SDRs stop booking meetings, therefore pipeline generation.");
  });

  it("reads a one-step chain", () => {
    expect(readBack([step(1, "Enterprise reps were never trained on the new product.")], conclusion({ statement: "Enablement lagged the launch" }), "Churn risk")).toBe(
      "Enablement lagged the launch, therefore enterprise reps were never trained on the new product, therefore churn risk.",
    );
  });

  it("reads a nine-step chain with every link once, in reverse order", () => {
    const text = readBack(steps(9), conclusion({ statement: "Root" }), "Sandbagging");
    expect(text).toBe(
      "Root, therefore answer 9, therefore answer 8, therefore answer 7, therefore answer 6, therefore answer 5, " +
        "therefore answer 4, therefore answer 3, therefore answer 2, therefore answer 1, therefore sandbagging.",
    );
    expect(text.match(/therefore/g)).toHaveLength(10);
  });

  it("leaves out unanswered steps and a missing conclusion", () => {
    expect(readBack([step(1, "Answer one"), step(2, "  ")], null, "Discounting")).toBe("Answer one, therefore discounting.");
    expect(readBack([], null, "")).toBe("");
  });

  it("returns the links for a diagram, root first, in their own casing", () => {
    const links = readBackLinks(chain, conclusion(), "Discounting");
    expect(links.map((l) => l.kind)).toEqual(["root", "step", "step", "step", "symptom"]);
    expect(links[1]).toEqual({
      kind: "step",
      text: "Territories were split and the new patches have fewer accounts",
      stepId: "s3",
      position: 3,
    });
    expect(links[2].text).toBe("Their pipeline is too thin to hit quota");
    expect(links[4].text).toBe("Discounting");
  });
});

describe("text helpers", () => {
  it("cleanLink drops a leading 'because', extra spaces and trailing punctuation", () => {
    expect(cleanLink("  Because, the   quota\nwent up 40%.  ")).toBe("the quota went up 40%");
    expect(cleanLink("Becausewhy")).toBe("Becausewhy");
  });

  it("lowerFirst keeps acronyms and 'I'", () => {
    expect(lowerFirst("Territory")).toBe("territory");
    expect(lowerFirst("A rep left")).toBe("a rep left");
    expect(lowerFirst("QBR targets")).toBe("QBR targets");
    expect(lowerFirst("I think so")).toBe("I think so");
  });
});

describe("checkChain", () => {
  it("passes a complete chain", () => {
    expect(checkChain(steps(3), conclusion())).toEqual({ ok: true, problems: [] });
  });

  it("refuses an empty chain", () => {
    const result = checkChain([], conclusion());
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ field: "steps", message: "Add at least one why step before concluding" }]);
  });

  it("accepts 1 and 9 steps and refuses 10", () => {
    expect(checkChain(steps(1), conclusion()).ok).toBe(true);
    expect(checkChain(steps(MAX_STEPS), conclusion()).ok).toBe(true);
    const ten = checkChain(steps(10), conclusion());
    expect(ten.ok).toBe(false);
    expect(ten.problems).toHaveLength(1);
    expect(ten.problems[0].message).toMatch(/at most 9 steps; this one has 10/);
  });

  it("names each unanswered step by its place in the chain", () => {
    const chain = [step(2, ""), step(1, "Answered"), step(3, "   ")];
    const result = checkChain(chain, conclusion());
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual(["Step 2 has no answer yet", "Step 3 has no answer yet"]);
    expect(result.problems[0]).toMatchObject({ field: "answer", stepPosition: 2, stepId: "s2" });
  });

  it("says when a step is still waiting on a sales leader", () => {
    const result = checkChain([step(1, "Answered"), step(2, "", { askLeaderId: "u7" })], conclusion());
    expect(result.problems.map((p) => p.message)).toEqual(["Step 2 is still waiting for a sales leader's answer"]);
  });

  it("accepts a step a leader has answered", () => {
    expect(checkChain([step(1, "The leader's answer", { askLeaderId: "u7" })], conclusion()).ok).toBe(true);
  });

  it("refuses a step without a question", () => {
    expect(checkChain([step(1, "Yes", { question: " " })], conclusion()).problems.map((p) => p.message)).toEqual([
      "Step 1 has no question",
    ]);
  });

  it("requires a conclusion", () => {
    const result = checkChain(steps(2), null);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { field: "conclusion", message: "Write the conclusion: the root cause, the upstream fix and who owns it" },
    ]);
  });

  it("names missing conclusion fields", () => {
    const result = checkChain(steps(1), conclusion({ statement: "", fixOwner: null, payFixWhy: " " }));
    expect(result.problems.map((p) => p.field)).toEqual(["statement", "fixOwner", "payFixWhy"]);
  });

  it("requires a justification for a plan-mechanics root cause", () => {
    const without = checkChain(steps(2), conclusion({ rootCause: "plan_mechanics", payFix: "yes", justification: "  " }));
    expect(without.ok).toBe(false);
    expect(without.problems).toEqual([{ field: "justification", message: PLAN_MECHANICS_JUSTIFICATION_MESSAGE }]);

    const withIt = checkChain(
      steps(2),
      conclusion({ rootCause: "plan_mechanics", payFix: "yes", justification: "Territories are balanced; only the cap distorts." }),
    );
    expect(withIt.ok).toBe(true);
  });

  it("does not ask other root causes for a justification", () => {
    expect(checkChain(steps(2), conclusion({ rootCause: "quota_setting", justification: null })).ok).toBe(true);
  });

  it("reports every problem at once", () => {
    const result = checkChain([step(1, "")], conclusion({ rootCause: "plan_mechanics" }));
    expect(result.problems.map((p) => p.field)).toEqual(["answer", "justification"]);
  });
});

describe("step limits", () => {
  it("allows adding up to nine steps", () => {
    expect(canAddStep([])).toBe(true);
    expect(canAddStep(steps(8))).toBe(true);
    expect(canAddStep(steps(9))).toBe(false);
    expect(canAddStep(steps(10))).toBe(false);
  });
});

describe("reorder", () => {
  const chain = [step(1, "A"), step(2, "B"), step(3, "C")];
  const answers = (list: WhyStep[]) => list.map((s) => `${s.position}${s.answer}`);

  it("moves a step up or down and renumbers 1..n", () => {
    expect(answers(reorder(chain, "s2", "up"))).toEqual(["1B", "2A", "3C"]);
    expect(answers(reorder(chain, "s2", "down"))).toEqual(["1A", "2C", "3B"]);
  });

  it("is a no-op at the ends and for an unknown id", () => {
    expect(answers(reorder(chain, "s1", "up"))).toEqual(["1A", "2B", "3C"]);
    expect(answers(reorder(chain, "s3", "down"))).toEqual(["1A", "2B", "3C"]);
    expect(answers(reorder(chain, "nope", "up"))).toEqual(["1A", "2B", "3C"]);
  });

  it("does not mutate its input", () => {
    const input = [step(3, "C"), step(1, "A"), step(2, "B")];
    const snapshot = structuredClone(input);
    const result = reorder(input, "s3", "up");
    expect(input).toEqual(snapshot);
    expect(result).not.toBe(input);
    expect(result[1]).not.toBe(input[0]);
    expect(answers(result)).toEqual(["1A", "2C", "3B"]);
  });

  it("matches numeric ids against form strings", () => {
    const numeric = [
      { id: 10, position: 1 },
      { id: 20, position: 2 },
    ];
    expect(reorder(numeric, "20", "up").map((s) => s.id)).toEqual([20, 10]);
  });

  it("renumber closes gaps after a deletion", () => {
    expect(renumber([{ id: 1, position: 5 }, { id: 2, position: 2 }])).toEqual([
      { id: 2, position: 1 },
      { id: 1, position: 2 },
    ]);
  });
});

describe("defaultQuestion", () => {
  it("asks about the behaviour of concern first", () => {
    expect(defaultQuestion(null, "Discounting")).toBe("Why is discounting happening?");
    expect(defaultQuestion(null, "Sandbagging")).toBe("Why is sandbagging happening?");
    expect(defaultQuestion(null, "Deal hoarding")).toBe("Why is deal hoarding happening?");
  });

  it("reads naturally for taxonomy labels that are outcomes, by label or value", () => {
    expect(defaultQuestion(null, "Pipeline generation")).toBe("Why is pipeline generation falling short?");
    expect(defaultQuestion(null, "attrition_morale")).toBe("Why are attrition and morale a problem?");
    expect(defaultQuestion(null, "")).toBe("Why is this happening?");
  });

  it("uses free text when it is not a taxonomy label", () => {
    expect(defaultQuestion(null, "Reps parking deals until next quarter.")).toBe(
      "Why is reps parking deals until next quarter happening?",
    );
  });

  it("asks about the previous answer (rules and table in next-question.test.ts)", () => {
    expect(defaultQuestion({ answer: "Reps chase small deals." }, "Discounting")).toBe("Why is it that reps chase small deals?");
    expect(defaultQuestion({ answer: "  " }, "Discounting")).toBe("Why is that?");
  });
});

describe("upstreamPrompt", () => {
  it("has at least five distinct prompts and rotates through them", () => {
    expect(new Set(UPSTREAM_PROMPTS).size).toBeGreaterThanOrEqual(5);
    const first = Array.from({ length: UPSTREAM_PROMPTS.length }, (_, i) => upstreamPrompt(i));
    expect(new Set(first).size).toBe(UPSTREAM_PROMPTS.length);
    expect(upstreamPrompt(UPSTREAM_PROMPTS.length)).toBe(upstreamPrompt(0));
  });

  it("covers plan mechanics versus constraints, ownership and evidence", () => {
    const all = UPSTREAM_PROMPTS.join(" ");
    expect(all).toMatch(/plan's mechanics, or a constraint the plan sits on/);
    expect(all).toMatch(/territory, segmentation, product readiness, enablement, role definition/);
    expect(all).toMatch(/Who owns this link\?/);
    expect(all).toMatch(/sceptical CFO/);
  });

  it("nudges upstream of the plan when the previous answer is about plan terms", () => {
    for (const answer of ["The accelerator kicks in too late", "SPIFs reward new logos", "Clawbacks scare reps", "The commission rate fell", "Payouts are capped"]) {
      expect(upstreamPrompt(2, answer)).toBe(`${PLAN_TERMS_NUDGE} ${UPSTREAM_PROMPTS[2]}`);
    }
    expect(upstreamPrompt(2, "Territories are thin")).toBe(UPSTREAM_PROMPTS[2]);
  });

  it("names the constraints once when the step's own prompt lists them too (the step-2 hint)", () => {
    const hint = upstreamPrompt(1, "The plan pays commission on bookings");
    expect(hint).toBe(PLAN_TERMS_NUDGE);
    expect(hint.match(/segmentation/g)).toHaveLength(1);
  });

  it("does not mistake sales metrics for plan terms", () => {
    expect(mentionsPlanTerms("Our win rate fell")).toBe(false);
    expect(mentionsPlanTerms("Churn rates rose")).toBe(false);
    expect(mentionsPlanTerms("The rate table changed")).toBe(true);
    expect(mentionsPlanTerms("Reps accelerate deals")).toBe(false);
  });
});

describe("looksStructural", () => {
  it("spots answers that name a constraint the plan sits on", () => {
    expect(structuralHint("The territories were split unevenly")).toBe("territory_imbalance");
    expect(structuralHint("We moved accounts between segments")).toBe("segmentation_shift");
    expect(structuralHint("The product is missing SSO")).toBe("product_readiness");
    expect(structuralHint("Nobody ran enablement for the launch")).toBe("enablement_gap");
    expect(structuralHint("There is no role definition for overlay SEs")).toBe("role_definition");
    expect(structuralHint("Quotas were set top-down")).toBe("quota_setting");
    expect(structuralHint("Pricing changed in March")).toBe("pricing_packaging");
    expect(looksStructural("Territory imbalance")).toBe(true);
  });

  it("does not flag symptoms or plan terms", () => {
    expect(looksStructural("Reps discount heavily at quarter end")).toBe(false);
    expect(looksStructural("The accelerator pays out too late")).toBe(false);
    expect(looksStructural("")).toBe(false);
    expect(looksStructural(null)).toBe(false);
  });
});
