// The Five Whys chain of a case (docs/product.md "Five Whys"): plain functions over plain data,
// shared by the route, the leadership brief and the tests. No Remix, Prisma or server code.

import { BEHAVIOURS, type Cause } from "../cases/taxonomy";
import { questionFromAnswer } from "./next-question";

// ---------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------

type Option<V extends string> = { readonly value: V; readonly label: string };

export const CONFIDENCES = [
  { value: "possible", label: "Possible" },
  { value: "likely", label: "Likely" },
  { value: "confirmed", label: "Confirmed" },
] as const satisfies readonly Option<string>[];

export const PAY_FIX = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "No" },
] as const satisfies readonly Option<string>[];

export type Confidence = (typeof CONFIDENCES)[number]["value"];
export type PayFix = (typeof PAY_FIX)[number]["value"];

export const confidenceValues = CONFIDENCES.map((o) => o.value) as [Confidence, ...Confidence[]];
export const payFixValues = PAY_FIX.map((o) => o.value) as [PayFix, ...PayFix[]];

export function confidenceLabel(value: string | null | undefined): string {
  return CONFIDENCES.find((o) => o.value === value)?.label ?? value ?? "";
}

export function payFixLabel(value: string | null | undefined): string {
  return PAY_FIX.find((o) => o.value === value)?.label ?? value ?? "";
}

// ---------------------------------------------------------------------------------------
// Data shapes. Strings rather than enums where the database stores strings, so rows from
// the database can be passed in as they are.
// ---------------------------------------------------------------------------------------

export type WhyStep = {
  id: string | number;
  /** 1-based order in the chain; `reorder` and `renumber` keep it 1..n. */
  position: number;
  question: string;
  /** Blank while the step is a draft or waiting on a sales leader. */
  answer: string;
  evidence?: string | null;
  evidenceUrl?: string | null;
  ownerFunction?: string | null;
  confidence?: string | null;
  /** Set when the step was put to a sales leader; with a blank answer it means "waiting". */
  askLeaderId?: string | null;
  /** The same, as the database names it. */
  askedLeaderId?: string | null;
};

export type Conclusion = {
  rootCause: string;
  statement: string;
  upstreamFix?: string | null;
  fixOwner?: string | null;
  payFix?: string | null;
  payFixWhy?: string | null;
  justification?: string | null;
};

export type ChainProblem = {
  /** A form field the problem belongs to, e.g. "justification"; "steps" for the chain. */
  field?: string;
  stepPosition?: number;
  stepId?: string | number;
  message: string;
};

export type ChainCheck = { ok: boolean; problems: ChainProblem[] };

export const MIN_STEPS = 1;
export const MAX_STEPS = 9;

/** Shown next to the justification field, and by checkChain. */
export const PLAN_MECHANICS_JUSTIFICATION_MESSAGE =
  "Say why the plan itself, and not a constraint it sits on, is the root cause";

// ---------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------

const blank = (s: string | null | undefined) => !s || s.trim() === "";

/** One line, no trailing punctuation, no leading "Because" (answers to "why?" often start so). */
export function cleanLink(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^because\b[\s,:]*/i, "")
    .replace(/[\s.!?;:,…]+$/u, "");
}

/**
 * Lower-cases the first letter so a link can follow "therefore", unless the first word is an
 * acronym or a name-like word with other capitals ("SDRs", "QBR", "EMEA", "iPhone") or "I".
 */
export function lowerFirst(text: string): string {
  const firstWord = text.split(" ")[0] ?? "";
  if (firstWord === "I" || firstWord.startsWith("I'")) return text;
  if (/[A-Z]/.test(firstWord.slice(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function byPosition<T extends { position: number }>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => a.position - b.position);
}

// ---------------------------------------------------------------------------------------
// Building the chain
// ---------------------------------------------------------------------------------------

export function canAddStep(steps: readonly unknown[]): boolean {
  return steps.length < MAX_STEPS;
}

/** The position a new step gets: after the last one. */
export function nextPosition(steps: readonly { position: number }[]): number {
  return steps.reduce((max, s) => Math.max(max, s.position), 0) + 1;
}

// Some taxonomy labels read badly in "Why is X happening?"; these read naturally.
const FIRST_QUESTIONS: Record<string, string> = {
  pipeline_generation: "Why is pipeline generation falling short?",
  deal_cycle_length: "Why are deal cycles taking longer?",
  churn_risk: "Why is churn risk rising?",
  inflated_pipeline: "Why is pipeline being inflated?",
  short_term_focus: "Why are people focused on the short term?",
  bad_handoffs: "Why are handoffs going badly?",
  forecast_manipulation: "Why is the forecast or data being manipulated?",
  attrition_morale: "Why are attrition and morale a problem?",
  other: "Why is this happening?",
};

/**
 * The pre-filled question of a step (the person can edit it). The first step asks about the
 * case's behaviour of concern (its label, a taxonomy value, or free text); later steps ask
 * about the previous answer (next-question.ts).
 */
export function defaultQuestion(previous: { answer: string } | null, behaviourLabel: string): string {
  if (previous) return questionFromAnswer(previous.answer);
  const label = cleanLink(behaviourLabel);
  const known = BEHAVIOURS.find(
    (b) => b.value === label || b.label.toLowerCase() === label.toLowerCase(),
  );
  if (known && FIRST_QUESTIONS[known.value]) return FIRST_QUESTIONS[known.value];
  if (!label) return "Why is this happening?";
  return `Why is ${lowerFirst(label)} happening?`;
}

/** The constraints a plan sits on, named once for the prompts and the nudge. */
const CONSTRAINTS = "territory, segmentation, product readiness, enablement, role definition";

// Rotating prompts that push the person upstream, one per step.
export const UPSTREAM_PROMPTS = [
  "Describe what people actually do, then ask what makes it the sensible thing for them to do.",
  `Is this the plan's mechanics, or a constraint the plan sits on — ${CONSTRAINTS}?`,
  "Who owns this link? If the answer sits with another function, the fix probably does too.",
  "What evidence would convince a sceptical CFO? A number, a quote, a before-and-after.",
  "Would this still happen if everyone were paid more? If so, the cause is upstream of pay — keep going.",
  "Does this happen in every segment and region, or only some? A pattern that follows territory or segment points upstream of the plan.",
  "Is this a cause or another symptom? Ask what would have to change for it to stop.",
] as const;

export const PLAN_TERMS_NUDGE = `This answer talks about the plan. Before stopping at plan mechanics, check for a constraint upstream of the plan — ${CONSTRAINTS}.`;

// "rate" counts, but not the sales metrics that end in "rate" (win rate, churn rate…).
const PLAN_TERMS =
  /\b(accelerators?|spiffs?|spifs?|clawbacks?|claw-backs?|commissions?|(?<!\b(win|conversion|churn|close|attrition|retention|renewal|response|growth) )rates?|payouts?|pay-outs?|bonus(es)?|kickers?|caps?|capped|decelerators?)\b/i;

/** True when the text talks about the plan's own terms (rates, accelerators, SPIFs…). */
export function mentionsPlanTerms(text: string | null | undefined): boolean {
  return !!text && PLAN_TERMS.test(text);
}

/**
 * A short prompt for step `stepIndex` (0-based). If the previous answer is about the plan's
 * terms, a nudge to look for a constraint upstream of the plan comes first.
 */
export function upstreamPrompt(stepIndex: number, previousAnswer?: string | null): string {
  const n = UPSTREAM_PROMPTS.length;
  const prompt = UPSTREAM_PROMPTS[((Math.trunc(stepIndex) % n) + n) % n];
  if (!mentionsPlanTerms(previousAnswer)) return prompt;
  // The nudge already names the constraints: a prompt that lists them again is left out.
  return prompt.includes(CONSTRAINTS) ? PLAN_TERMS_NUDGE : `${PLAN_TERMS_NUDGE} ${prompt}`;
}

// Words that name a constraint the plan sits on, in the taxonomy's terms. Order matters:
// the first match is the hint.
const STRUCTURAL_PATTERNS: readonly [Exclude<Cause, "plan_mechanics" | "other">, RegExp][] = [
  ["territory_imbalance", /\b(territor(y|ies)|patch(es)?|white ?space|coverage|account (load|list|allocation)s?)\b/i],
  ["segmentation_shift", /\b(segment(s|ed|ation)?|ideal customer profile|icp)\b/i],
  ["product_readiness", /\b(product|features?|roadmap)\b/i],
  ["enablement_gap", /\b(enablement|training|untrained|onboarding|playbooks?|coaching|certification)\b/i],
  ["role_definition", /\b(role definitions?|roles? (is|are) (unclear|undefined|vague|overlapping)|job descriptions?|responsibilit(y|ies)|rules of engagement)\b/i],
  ["quota_setting", /\b(quotas?|quota setting|capacity model)\b/i],
  ["pricing_packaging", /\b(pric(e|es|ing)|packag(e|es|ing)|bundles?|discount (policy|authority))\b/i],
  ["sales_motion_mismatch", /\b(sales motion|buying process|procurement|self-serve|product-led)\b/i],
  ["data_systems", /\b(crm|salesforce|data quality|bad data|lead routing|attribution)\b/i],
];

/** The upstream-cause category an answer seems to name, or null. A heuristic hint only. */
export function structuralHint(answer: string | null | undefined): Cause | null {
  if (!answer) return null;
  return STRUCTURAL_PATTERNS.find(([, re]) => re.test(answer))?.[0] ?? null;
}

/** True when the answer names a structural constraint: "this may be a structural cause — you can stop here". */
export function looksStructural(answer: string | null | undefined): boolean {
  return structuralHint(answer) !== null;
}

// ---------------------------------------------------------------------------------------
// Editing
// ---------------------------------------------------------------------------------------

/** Positions 1..n in the current order; a new array of new objects. */
export function renumber<T extends { position: number }>(steps: readonly T[]): T[] {
  return byPosition(steps).map((s, i) => ({ ...s, position: i + 1 }));
}

/**
 * Moves a step one place up or down. Returns a new array, ordered and numbered 1..n; moving
 * the first step up, the last down, or an unknown id changes nothing but the numbering.
 * Ids are compared as strings because form data carries them as strings.
 */
export function reorder<T extends { id: string | number; position: number }>(
  steps: readonly T[],
  stepId: string | number,
  direction: "up" | "down",
): T[] {
  const ordered = byPosition(steps);
  const from = ordered.findIndex((s) => String(s.id) === String(stepId));
  const to = direction === "up" ? from - 1 : from + 1;
  if (from >= 0 && to >= 0 && to < ordered.length) {
    [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
  }
  return ordered.map((s, i) => ({ ...s, position: i + 1 }));
}

// ---------------------------------------------------------------------------------------
// Checking and reading back
// ---------------------------------------------------------------------------------------

const REQUIRED_CONCLUSION_FIELDS: readonly [keyof Conclusion, string][] = [
  ["rootCause", "Choose the root cause category"],
  ["statement", "State the root cause in a sentence"],
  ["upstreamFix", "Describe the upstream fix"],
  ["fixOwner", "Choose the function that owns the fix"],
  ["payFix", "Say whether a change to pay rates would fix it"],
  ["payFixWhy", "Say why a pay-rate change would or would not fix it"],
];

/**
 * Everything that must hold before a case may be marked diagnosed. Steps are numbered in
 * position order ("Step 3" is the third step the person sees).
 */
export function checkChain(steps: readonly WhyStep[], conclusion: Conclusion | null | undefined): ChainCheck {
  const problems: ChainProblem[] = [];

  if (steps.length < MIN_STEPS) {
    problems.push({ field: "steps", message: "Add at least one why step before concluding" });
  }
  if (steps.length > MAX_STEPS) {
    problems.push({
      field: "steps",
      message: `A chain can have at most ${MAX_STEPS} steps; this one has ${steps.length}. Merge or remove some.`,
    });
  }

  byPosition(steps).forEach((step, i) => {
    const where = { stepPosition: i + 1, stepId: step.id };
    if (blank(step.question)) {
      problems.push({ ...where, field: "question", message: `Step ${i + 1} has no question` });
    }
    if (blank(step.answer)) {
      problems.push({
        ...where,
        field: "answer",
        message: blank(step.askLeaderId ?? step.askedLeaderId)
          ? `Step ${i + 1} has no answer yet`
          : `Step ${i + 1} is still waiting for a sales leader's answer`,
      });
    }
  });

  if (!conclusion) {
    problems.push({
      field: "conclusion",
      message: "Write the conclusion: the root cause, the upstream fix and who owns it",
    });
  } else {
    for (const [field, message] of REQUIRED_CONCLUSION_FIELDS) {
      if (blank(conclusion[field])) problems.push({ field, message });
    }
    if (conclusion.rootCause === "plan_mechanics" && blank(conclusion.justification)) {
      problems.push({ field: "justification", message: PLAN_MECHANICS_JUSTIFICATION_MESSAGE });
    }
  }

  return { ok: problems.length === 0, problems };
}

export type ReadBackLink = {
  kind: "root" | "step" | "symptom";
  /** Cleaned text in its own casing (no trailing punctuation), e.g. for a diagram box. */
  text: string;
  stepId?: string | number;
  position?: number;
};

/**
 * The links of the read-back, root cause first: the conclusion's statement, then the step
 * answers from the last step back to the first, then the behaviour of concern. Blank links
 * (an unanswered step, no conclusion yet) are left out.
 */
export function readBackLinks(
  steps: readonly WhyStep[],
  conclusion: Pick<Conclusion, "statement"> | null | undefined,
  behaviourLabel: string,
): ReadBackLink[] {
  const links: ReadBackLink[] = [];
  // Sentence case for diagram boxes; readBack lower-cases where it joins.
  const root = upperFirst(cleanLink(conclusion?.statement ?? ""));
  if (root) links.push({ kind: "root", text: root });
  for (const step of byPosition(steps).reverse()) {
    const text = upperFirst(cleanLink(step.answer ?? ""));
    if (text) links.push({ kind: "step", text, stepId: step.id, position: step.position });
  }
  const symptom = upperFirst(cleanLink(behaviourLabel));
  if (symptom) links.push({ kind: "symptom", text: symptom });
  return links;
}

/**
 * "X, therefore Y, therefore Z." from the root cause back to the symptom, for the person to
 * confirm before the case is marked diagnosed.
 */
export function readBack(
  steps: readonly WhyStep[],
  conclusion: Pick<Conclusion, "statement"> | null | undefined,
  behaviourLabel: string,
): string {
  const links = readBackLinks(steps, conclusion, behaviourLabel);
  if (links.length === 0) return "";
  const [first, ...rest] = links.map((l) => l.text);
  return `${first}${rest.map((t) => `, therefore ${lowerFirst(t)}`).join("")}.`;
}
