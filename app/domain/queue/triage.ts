import { z } from "zod";
import type { CaseStatus } from "../cases/taxonomy";
import { canMoveStatus } from "../cases/status";

// Triage (issue 16): most complaints are not plan-design signals. Only those go on to the
// Five Whys and the pattern figures by default; the others close with a resolution note.

export const TRIAGE_CLASSES = [
  { value: "data_error", label: "Data or crediting error" },
  { value: "calculation_error", label: "Calculation error" },
  { value: "policy_question", label: "Policy question" },
  { value: "exception_request", label: "Exception request" },
  { value: "plan_design", label: "Plan-design signal" },
] as const;

export type TriageClass = (typeof TRIAGE_CLASSES)[number]["value"];
export const triageValues = TRIAGE_CLASSES.map((t) => t.value) as [TriageClass, ...TriageClass[]];
export const PLAN_DESIGN: TriageClass = "plan_design";

// "Unclassified", not "Not triaged": a case whose status is Triaged can still lack a class
// (status is the workflow, the class is what kind of case it is), and the two sit side by side.
export function triageLabel(value: string | null | undefined) {
  if (!value) return "Unclassified";
  return TRIAGE_CLASSES.find((t) => t.value === value)?.label ?? value;
}

/** Cases the pattern figures count: plan-design signals, and cases not triaged yet. */
export const inPatternScope = (triageClass: string) => triageClass === "" || triageClass === PLAN_DESIGN;

export const RESOLUTION_MAX = 2_000;

export const triageSchema = z
  .object({
    triageClass: z.enum(triageValues, { message: "Choose what kind of case this is" }),
    resolutionNote: z.string().trim().max(RESOLUTION_MAX, `Keep the note under ${RESOLUTION_MAX.toLocaleString("en-US")} characters`).optional().transform((v) => v ?? ""),
    // A case that is not a design signal may still be worth a Five Whys: the analyst says so.
    toWhys: z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true"),
    version: z.coerce.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.triageClass !== PLAN_DESIGN && !v.toWhys && !v.resolutionNote) {
      ctx.addIssue({ code: "custom", path: ["resolutionNote"], message: "Say how it was resolved: the case closes with this note" });
    }
  });

export type TriageData = z.output<typeof triageSchema>;

/**
 * Where triage takes a case: a design signal (or one sent on anyway) from new or reopened to
 * triaged; anything else to closed. A case further along keeps its status.
 */
export function statusAfterTriage(from: CaseStatus, data: Pick<TriageData, "triageClass" | "toWhys">): CaseStatus {
  const goesOn = data.triageClass === PLAN_DESIGN || data.toWhys;
  const to: CaseStatus = goesOn ? "triaged" : "closed";
  if (goesOn && from !== "new" && from !== "reopened") return from;
  return canMoveStatus(from, to) ? to : from;
}
