// Form schemas for saved patterns (a named group of cases with a description). Messages are
// shown next to the form fields, so each one says what to do. Conform sends empty fields as
// undefined and a repeated field (`caseIds`) as an array, or a string when there is one.

import { z } from "zod";
import { PATTERN_STATUSES } from "./recurrence";

export const PATTERN_NAME_MAX = 120;
export const PATTERN_DESCRIPTION_MAX = 2_000;
export const CASE_REFS_MAX = 2_000;
const ID_MAX = 2_000_000_000;

export const PATTERN_STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "briefed", label: "Briefed" },
  { value: "monitoring", label: "Monitoring" },
  { value: "resolved", label: "Resolved" },
] as const satisfies readonly { value: (typeof PATTERN_STATUSES)[number]; label: string }[];

const name = z
  .string({ message: "Give the pattern a name" })
  .trim()
  .min(1, "Give the pattern a name")
  .max(PATTERN_NAME_MAX, `Keep the name under ${PATTERN_NAME_MAX} characters`);

const description = z
  .string()
  .trim()
  .max(PATTERN_DESCRIPTION_MAX, `Keep the description under ${PATTERN_DESCRIPTION_MAX.toLocaleString("en-US")} characters`)
  .optional()
  .transform((v) => v ?? "");

const status = z.enum(PATTERN_STATUSES, { message: "Choose a status: open, briefed, monitoring or resolved" });

const caseId = (message: string) =>
  z.coerce.number({ message }).int(message).positive(message).max(ID_MAX, message);

/** One value or many, blanks dropped: what a repeated hidden field or checkbox list sends. */
const toList = (v: unknown) => {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x) => !(typeof x === "string" && x.trim() === ""));
};

const caseIdList = z
  .preprocess(toList, z.array(caseId("Choose cases from the list"), { message: "Choose cases from the list" }))
  .transform((ids) => [...new Set(ids)]);

const version = z.coerce
  .number({ message: "Reload the page and try again" })
  .int("Reload the page and try again")
  .min(0, "Reload the page and try again");

/**
 * Creating a pattern, by hand (cases may be added later) or from a suggested group, which
 * must keep at least one case.
 */
export const createPatternSchema = z
  .object({
    name,
    description,
    status: status.default("open"),
    source: z.enum(["manual", "suggestion"], { message: "Reload the page and try again" }).default("manual"),
    caseIds: caseIdList,
    // The shared cause a suggestion was grouped by (blank for a pattern made by hand).
    cause: z.string().optional().transform((v) => (v ?? "").slice(0, 64)),
  })
  .refine((v) => v.source !== "suggestion" || v.caseIds.length > 0, {
    path: ["caseIds"],
    message: "Keep at least one case from the suggestion, or create the pattern by hand",
    when: (p) => typeof p.value === "object" && p.value !== null,
  });

export type CreatePatternData = z.output<typeof createPatternSchema>;

export const editPatternSchema = z.object({ name, description, status, version });
export type EditPatternData = z.output<typeof editPatternSchema>;

/**
 * Case references typed by a person: "12, #15 20" → [12, 15, 20]. Anything else is listed in
 * `junk` so the message can quote it.
 */
export function parseCaseRefs(text: string): { ids: number[]; junk: string[] } {
  const ids: number[] = [];
  const junk: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^#?(\d{1,10})$/.exec(token);
    const id = m ? Number(m[1]) : NaN;
    if (id >= 1 && id <= ID_MAX) ids.push(id);
    else junk.push(token);
  }
  return { ids: [...new Set(ids)], junk };
}

/** Adding cases to a pattern: ticked in a list (`caseIds`), typed (`caseRefs`), or both. */
export const addCasesSchema = z
  .object({
    caseIds: caseIdList,
    caseRefs: z
      .string()
      .max(CASE_REFS_MAX, "That is a lot of case numbers: add them in smaller batches")
      .optional()
      .transform((v) => v ?? ""),
  })
  .superRefine((v, ctx) => {
    const { ids, junk } = parseCaseRefs(v.caseRefs);
    if (junk.length > 0) {
      const shown = junk.slice(0, 3).map((j) => `“${j.length > 20 ? `${j.slice(0, 20)}…` : j}”`).join(", ");
      ctx.addIssue({
        code: "custom",
        path: ["caseRefs"],
        message: `${shown} ${junk.length === 1 ? "is not a case number" : "are not case numbers"}. Use numbers like 12 or #12, separated by commas or spaces.`,
      });
    } else if (ids.length === 0 && v.caseIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["caseRefs"], message: "Enter at least one case number, like 12 or #12" });
    }
  })
  .transform((v) => ({ caseIds: [...new Set([...v.caseIds, ...parseCaseRefs(v.caseRefs).ids])] }));

export type AddCasesData = z.output<typeof addCasesSchema>;

export const removeCaseSchema = z.object({ caseId: caseId("Choose a case to remove") });
export type RemoveCaseData = z.output<typeof removeCaseSchema>;
