import { describe, expect, it } from "vitest";
import { PLAN_MECHANICS_JUSTIFICATION_MESSAGE } from "./chain";
import {
  conclusionSchema,
  confirmDiagnosisSchema,
  isHttpUrl,
  moveStepSchema,
  whyStepSchema,
} from "./whys-schema";

/** Field → messages, as a form would show them. */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const validStep = {
  question: "Why is discounting happening?",
  answer: "Reps need deals to close this quarter.",
  evidence: "Q3 discount report",
  evidenceUrl: "https://example.com/report",
  ownerFunction: "sales",
  confidence: "likely",
  version: "0",
};

const validConclusion = {
  rootCause: "territory_imbalance",
  statement: "Territories were cut without rebalancing.",
  upstreamFix: "Rebalance territories on account potential.",
  fixOwner: "revops",
  payFix: "no",
  payFixWhy: "Paying more does not add accounts.",
  version: "3",
};

describe("whyStepSchema", () => {
  it("accepts a complete step and coerces the version", () => {
    const result = whyStepSchema.safeParse(validStep);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ version: 0, evidenceUrl: "https://example.com/report" });
    expect(result.data?.askLeaderId).toBeUndefined();
  });

  it("treats absent optional fields as blank", () => {
    const { evidence: _e, evidenceUrl: _u, ...rest } = validStep;
    const result = whyStepSchema.safeParse(rest);
    expect(result.success).toBe(true);
    expect(result.data?.evidence).toBe("");
    expect(result.data?.evidenceUrl).toBeUndefined();
    expect(whyStepSchema.safeParse({ ...validStep, evidenceUrl: "" }).data?.evidenceUrl).toBeUndefined();
  });

  it("requires an answer unless the step is put to a sales leader", () => {
    const blank = whyStepSchema.safeParse({ ...validStep, answer: "   " });
    expect(blank.success).toBe(false);
    expect(errors(blank)).toEqual({ answer: ["Write the answer, or ask a sales leader to answer this step"] });

    const asked = whyStepSchema.safeParse({ ...validStep, answer: undefined, askLeaderId: "leader-1" });
    expect(asked.success).toBe(true);
    expect(asked.data).toMatchObject({ answer: "", askLeaderId: "leader-1" });
  });

  it("shows the answer message together with other field errors", () => {
    const result = whyStepSchema.safeParse({ ...validStep, answer: "", ownerFunction: undefined });
    expect(Object.keys(errors(result)).sort()).toEqual(["answer", "ownerFunction"]);
  });

  it("refuses javascript: and other non-web links", () => {
    for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "ftp://x.test/a", "example.com", "http://"]) {
      const result = whyStepSchema.safeParse({ ...validStep, evidenceUrl: url });
      expect(result.success, url).toBe(false);
      expect(errors(result).evidenceUrl).toEqual(["Use a web link starting with http:// or https://"]);
    }
    expect(isHttpUrl("http://intranet/wiki")).toBe(true);
  });

  it("refuses oversized text with the limit in the message", () => {
    const result = whyStepSchema.safeParse({
      ...validStep,
      question: "q".repeat(501),
      answer: "a".repeat(2001),
      evidence: "e".repeat(2001),
    });
    expect(errors(result)).toEqual({
      question: ["Keep the question under 500 characters"],
      answer: ["Keep the answer under 2,000 characters"],
      evidence: ["Keep the evidence under 2,000 characters"],
    });
    expect(whyStepSchema.safeParse({ ...validStep, question: "q".repeat(500), answer: "a".repeat(2000) }).success).toBe(true);
  });

  it("requires a question", () => {
    expect(errors(whyStepSchema.safeParse({ ...validStep, question: "  " }))).toEqual({ question: ["Write the why question"] });
    expect(errors(whyStepSchema.safeParse({ ...validStep, question: undefined }))).toEqual({ question: ["Write the why question"] });
  });

  it("refuses unknown functions and confidence levels", () => {
    const result = whyStepSchema.safeParse({ ...validStep, ownerFunction: "legal", confidence: "certain" });
    expect(errors(result)).toEqual({
      ownerFunction: ["Choose the function that owns this step"],
      confidence: ["Choose how confident you are: possible, likely or confirmed"],
    });
  });

  it("requires a whole, non-negative version", () => {
    for (const version of [undefined, "-1", "1.5", "abc"]) {
      expect(errors(whyStepSchema.safeParse({ ...validStep, version })).version, String(version)).toEqual([
        "Reload the page and try again",
      ]);
    }
  });
});

describe("conclusionSchema", () => {
  it("accepts a complete conclusion", () => {
    const result = conclusionSchema.safeParse(validConclusion);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ version: 3, justification: "" });
  });

  it("requires a justification when the root cause is plan mechanics", () => {
    const result = conclusionSchema.safeParse({ ...validConclusion, rootCause: "plan_mechanics", payFix: "yes", justification: " " });
    expect(result.success).toBe(false);
    expect(errors(result)).toEqual({ justification: [PLAN_MECHANICS_JUSTIFICATION_MESSAGE] });
    expect(PLAN_MECHANICS_JUSTIFICATION_MESSAGE).toBe(
      "Say why the plan itself, and not a constraint it sits on, is the root cause",
    );

    const justified = conclusionSchema.safeParse({
      ...validConclusion,
      rootCause: "plan_mechanics",
      justification: "Territories and quotas are balanced; the cap alone stops reps from closing.",
    });
    expect(justified.success).toBe(true);
  });

  it("shows the justification message together with other field errors", () => {
    const result = conclusionSchema.safeParse({ ...validConclusion, rootCause: "plan_mechanics", fixOwner: undefined });
    expect(Object.keys(errors(result)).sort()).toEqual(["fixOwner", "justification"]);
  });

  it("names every missing field", () => {
    const result = conclusionSchema.safeParse({ version: "1" });
    expect(errors(result)).toEqual({
      rootCause: ["Choose the root cause category"],
      statement: ["State the root cause in a sentence"],
      upstreamFix: ["Describe the upstream fix"],
      fixOwner: ["Choose the function that owns the fix"],
      payFix: ["Say whether a change to pay rates would fix it: yes, partly or no"],
      payFixWhy: ["Say why a pay-rate change would or would not fix it"],
    });
  });

  it("refuses unknown enums and oversized text", () => {
    const result = conclusionSchema.safeParse({
      ...validConclusion,
      rootCause: "bad_vibes",
      payFix: "maybe",
      statement: "s".repeat(1001),
      upstreamFix: "f".repeat(2001),
      payFixWhy: "w".repeat(1001),
      justification: "j".repeat(2001),
    });
    expect(errors(result)).toEqual({
      rootCause: ["Choose the root cause category"],
      payFix: ["Say whether a change to pay rates would fix it: yes, partly or no"],
      statement: ["Keep the statement under 1,000 characters"],
      upstreamFix: ["Keep the fix under 2,000 characters"],
      payFixWhy: ["Keep the explanation under 1,000 characters"],
      justification: ["Keep the justification under 2,000 characters"],
    });
  });
});

describe("moveStepSchema", () => {
  it("accepts up and down", () => {
    expect(moveStepSchema.safeParse({ stepId: "12", direction: "up" }).success).toBe(true);
    expect(moveStepSchema.safeParse({ stepId: "12", direction: "down" }).success).toBe(true);
  });

  it("refuses a missing step or another direction", () => {
    expect(errors(moveStepSchema.safeParse({ direction: "left" }))).toEqual({
      stepId: ["Choose a step to move"],
      direction: ["Move the step up or down"],
    });
  });

  it("refuses step ids that are not whole positive numbers", () => {
    for (const stepId of ["abc", "0", "-3", "1.5"]) {
      expect(moveStepSchema.safeParse({ stepId, direction: "up" }).success, stepId).toBe(false);
    }
  });
});

describe("confirmDiagnosisSchema", () => {
  it("requires the confirmation tick", () => {
    expect(confirmDiagnosisSchema.safeParse({ confirmed: "on", version: "2" }).success).toBe(true);
    expect(errors(confirmDiagnosisSchema.safeParse({ version: "2" }))).toEqual({
      confirmed: ["Read the chain back and tick to confirm it holds"],
    });
  });
});
