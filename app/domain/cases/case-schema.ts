import { z } from "zod";
import {
  behaviourValues,
  causeValues,
  channelValues,
  functionValues,
  reporterRoleValues,
  segmentValues,
  severityValues,
  statusValues,
} from "./taxonomy";

export const COMPLAINT_MAX = 10_000;
const SHORT_MAX = 200;
const DETAIL_MAX = 2_000;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString("en-US")} characters or fewer`)
    .optional()
    .transform((v) => v ?? "");

// A blank (or spaces-only) number field means "not recorded", never 0.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const optionalWhole = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: `${label} must be a number` })
      .int(`${label} must be a whole number`)
      .min(0, `${label} cannot be negative`)
      .max(max, `${label} is too large`)
      .optional(),
  );

/** YYYY-MM-DD that names a day that exists (Date.parse would roll 2026-02-31 into March). */
export function isRealDay(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

// Conform sends empty fields as undefined, so "optional" covers blank inputs.
export const caseFormSchema = z.object({
  complaint: z
    .string({ message: "Write the complaint in the reporter's own words" })
    .trim()
    .min(1, "Write the complaint in the reporter's own words")
    .max(COMPLAINT_MAX, `Keep the complaint under ${COMPLAINT_MAX.toLocaleString("en-US")} characters`),
  behaviour: z.enum(behaviourValues, {
    message: "Choose the behaviour or outcome of concern",
  }),
  title: optionalText(120, "The title"),
  raisedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31")
    .refine(isRealDay, "That is not a real date")
    .optional(),
  channel: z.enum(channelValues, { message: "Choose a channel from the list" }).default("other"),
  reporterRole: z.enum(reporterRoleValues, { message: "Choose a role from the list" }).default("other"),
  reporterFunction: z.enum(functionValues, { message: "Choose a function from the list" }).default("sales"),
  segment: z.enum(segmentValues, { message: "Choose a segment from the list" }).default("other"),
  region: optionalText(SHORT_MAX, "The region"),
  tenureMonths: optionalWhole("Tenure", 600),
  reporterName: optionalText(SHORT_MAX, "The name"),
  confidential: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("off"), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
  behaviourDetail: optionalText(DETAIL_MAX, "The detail"),
  suspectedCause: z.enum(causeValues, { message: "Choose a cause from the list" }).optional(),
  causeDetail: optionalText(DETAIL_MAX, "The detail"),
  severity: z.enum(severityValues, { message: "Choose a severity from the list" }).default("medium"),
  peopleAffected: optionalWhole("People affected", 1_000_000),
  revenueAtRisk: optionalWhole("Revenue at risk", 1_000_000_000_000),
  ownerId: optionalText(64, "The owner"),
  tags: optionalText(SHORT_MAX, "Tags"),
  /** Set at intake when the complaint repeats an existing case. */
  duplicateOfId: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: "Choose a case from the list" }).int("Choose a case from the list").positive("Choose a case from the list").max(2_000_000_000, "Choose a case from the list").optional(),
  ),
});

/**
 * The intake form (issue 14): role and segment are chosen, never defaulted — an "Other" left
 * standing was saved by mistake and skewed the matrices. "Other" is still there to choose.
 * Imports and the intake API keep the defaults of caseFormSchema.
 */
export const caseIntakeSchema = caseFormSchema.extend({
  reporterRole: z.enum(reporterRoleValues, { message: "Choose the reporter's role (Other if none fits)" }),
  segment: z.enum(segmentValues, { message: "Choose the segment (Other if none fits)" }),
});

export type CaseFormInput = z.input<typeof caseFormSchema>;
export type CaseFormData = z.output<typeof caseFormSchema>;

/** The edit form carries the version it was loaded at, for optimistic concurrency. */
export const caseEditSchema = caseFormSchema.extend({
  version: z.coerce.number().int().min(1),
});

export const statusChangeSchema = z.object({
  status: z.enum(statusValues, { message: "Choose a status from the list" }),
  version: z.coerce.number().int().min(1),
});

/** "Repeats case #n": a case number, or blank to clear the link. */
export const linkDuplicateSchema = z.object({
  duplicateOfId: z.preprocess((v) => (v === "" || v == null ? null : v), z.string().regex(/^[1-9]\d{0,8}$/).transform(Number).nullable()),
});

/** Tags are typed as "a, b"; stored normalised, lowercase, unique. */
export function normaliseTags(raw: string): string {
  const seen = new Set<string>();
  for (const t of raw.split(",")) {
    const tag = t.trim().toLowerCase().replace(/\s+/g, "-");
    if (tag) seen.add(tag.slice(0, 40));
  }
  return [...seen].join(",");
}

/** A title when none was typed: the complaint's first sentence, cut at a word. */
export function deriveTitle(complaint: string, max = 80): string {
  const text = complaint.replace(/\s+/g, " ").trim();
  const firstSentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  if (firstSentence.length <= max) return firstSentence;
  const cut = firstSentence.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > 40 ? lastSpace : max).trimEnd()}…`;
}
