// Form schemas of /cases/:id/whys (docs/product.md "Five Whys"). Messages are shown next to the
// form fields, so each one says what to do. Conform sends empty fields as undefined.

import { z } from "zod";
import { causeValues, functionValues } from "../cases/taxonomy";
import { confidenceValues, payFixValues, PLAN_MECHANICS_JUSTIFICATION_MESSAGE } from "./chain";

export const QUESTION_MAX = 500;
export const ANSWER_MAX = 2_000;
export const EVIDENCE_MAX = 2_000;
export const URL_MAX = 2_000;
export const STATEMENT_MAX = 1_000;
export const FIX_MAX = 2_000;
export const PAY_FIX_WHY_MAX = 1_000;
export const JUSTIFICATION_MAX = 2_000;

const chars = (n: number) => `${n.toLocaleString("en-US")} characters`;

const requiredText = (max: number, missing: string, label: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .max(max, `Keep ${label} under ${chars(max)}`);

/** Blank or absent becomes "", so the database gets a string. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} under ${chars(max)}`)
    .optional()
    .transform((v) => v ?? "");

/** Only web links: a `javascript:` or `data:` URL would run when someone clicks it. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const version = z.coerce
  .number({ message: "Reload the page and try again" })
  .int("Reload the page and try again")
  .min(0, "Reload the page and try again");

// Runs the cross-field rules even when another field failed, so every message shows at once.
const whenObject = { when: (p: { value: unknown }) => typeof p.value === "object" && p.value !== null };

/**
 * One why step. The answer is required, except when the step is being put to a sales
 * leader (`askLeaderId`): then it may be saved blank and waits for the leader.
 */
export const whyStepSchema = z
  .object({
    /** Absent when adding a step. */
    stepId: z.coerce
      .number({ message: "That step does not exist" })
      .int("That step does not exist")
      .positive("That step does not exist")
      .max(2_000_000_000, "That step does not exist")
      .optional(),
    question: requiredText(QUESTION_MAX, "Write the why question", "the question"),
    answer: optionalText(ANSWER_MAX, "the answer"),
    evidence: optionalText(EVIDENCE_MAX, "the evidence"),
    evidenceUrl: z
      .string()
      .trim()
      .max(URL_MAX, `Keep the link under ${chars(URL_MAX)}`)
      .refine((v) => v === "" || isHttpUrl(v), "Use a web link starting with http:// or https://")
      .optional()
      .transform((v) => v || undefined),
    ownerFunction: z.enum(functionValues, { message: "Choose the function that owns this step" }),
    confidence: z.enum(confidenceValues, { message: "Choose how confident you are: possible, likely or confirmed" }),
    askLeaderId: z
      .string()
      .trim()
      .max(64, "Choose a sales leader from the list")
      .optional()
      .transform((v) => v || undefined),
    version,
  })
  .refine(
    (v) => (typeof v.answer === "string" && v.answer.trim() !== "") || Boolean(v.askLeaderId),
    { path: ["answer"], message: "Write the answer, or ask a sales leader to answer this step", ...whenObject },
  );

export type WhyStepInput = z.input<typeof whyStepSchema>;
export type WhyStepData = z.output<typeof whyStepSchema>;

/**
 * The conclusion of the chain. A root cause in "plan mechanics" needs a justification: the
 * product's point is that most complaints about the plan have a cause upstream of it.
 */
export const conclusionSchema = z
  .object({
    rootCause: z.enum(causeValues, { message: "Choose the root cause category" }),
    statement: requiredText(STATEMENT_MAX, "State the root cause in a sentence", "the statement"),
    upstreamFix: requiredText(FIX_MAX, "Describe the upstream fix", "the fix"),
    fixOwner: z.enum(functionValues, { message: "Choose the function that owns the fix" }),
    payFix: z.enum(payFixValues, { message: "Say whether a change to pay rates would fix it: yes, partly or no" }),
    payFixWhy: requiredText(
      PAY_FIX_WHY_MAX,
      "Say why a pay-rate change would or would not fix it",
      "the explanation",
    ),
    justification: optionalText(JUSTIFICATION_MAX, "the justification"),
    version,
  })
  .refine(
    (v) =>
      v.rootCause !== "plan_mechanics" ||
      (typeof v.justification === "string" && v.justification.trim() !== ""),
    { path: ["justification"], message: PLAN_MECHANICS_JUSTIFICATION_MESSAGE, ...whenObject },
  );

export type ConclusionInput = z.input<typeof conclusionSchema>;
export type ConclusionData = z.output<typeof conclusionSchema>;

/** Moving a step one place up or down the chain. */
export const moveStepSchema = z.object({
  stepId: z.coerce
    .number({ message: "Choose a step to move" })
    .int("That step does not exist")
    .positive("That step does not exist")
    .max(2_000_000_000, "That step does not exist"),
  direction: z.enum(["up", "down"], { message: "Move the step up or down" }),
});

export type MoveStepData = z.output<typeof moveStepSchema>;

/** The move form and the remove form, each from the chain version the editor saw. */
export const moveStepFormSchema = moveStepSchema.extend({ version });
export const removeStepSchema = moveStepSchema.pick({ stepId: true }).extend({ version });

/**
 * Confirming the read-back ("X, therefore Y, therefore Z") before the case is marked
 * diagnosed. The route still runs checkChain on the stored chain.
 */
export const confirmDiagnosisSchema = z.object({
  confirmed: z
    .union([z.literal("on"), z.literal("true"), z.literal(true)], {
      message: "Read the chain back and tick to confirm it holds",
    }),
  version,
});

export type ConfirmDiagnosisData = z.output<typeof confirmDiagnosisSchema>;
