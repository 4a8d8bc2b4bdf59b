// Actions after a brief (issue 15): what will change, who owns it, by when, and whether it
// worked. Statuses and verdicts are strings in the database; these lists are the check.

import { z } from "zod";
import { functionValues } from "../cases/taxonomy";

export const ACTION_STATUSES = ["proposed", "approved", "in_progress", "done", "rejected"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  proposed: "Proposed",
  approved: "Approved",
  in_progress: "In progress",
  done: "Done",
  rejected: "Rejected",
};

export const VERDICTS = ["effective", "not_effective", "inconclusive"] as const;
export type ActionVerdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<ActionVerdict, string> = {
  effective: "Effective",
  not_effective: "Not effective",
  inconclusive: "Inconclusive",
};

export const statusLabel = (s: string) => ACTION_STATUS_LABELS[s as ActionStatus] ?? s;
export const verdictLabel = (v: string) => VERDICT_LABELS[v as ActionVerdict] ?? v;

/**
 * Where an action may go next. The comp team approves and rejects; the owner (a sales leader,
 * say) moves approved work along and marks it done. Done and rejected are final: a fix that
 * did not work gets a new action, so the record of what was tried stays.
 */
const NEXT: Record<ActionStatus, { to: ActionStatus; who: "comp-team" | "owner" }[]> = {
  proposed: [
    { to: "approved", who: "comp-team" },
    { to: "rejected", who: "comp-team" },
  ],
  approved: [
    { to: "in_progress", who: "owner" },
    { to: "done", who: "owner" },
    { to: "rejected", who: "comp-team" },
  ],
  in_progress: [
    { to: "done", who: "owner" },
    { to: "rejected", who: "comp-team" },
  ],
  done: [],
  rejected: [],
};

/** The statuses this person may move the action to: the comp team may do what an owner may. */
export function nextStatuses(from: string, who: { compTeam: boolean; owner: boolean }): ActionStatus[] {
  const moves = NEXT[from as ActionStatus] ?? [];
  return moves.filter((m) => (m.who === "comp-team" ? who.compTeam : who.compTeam || who.owner)).map((m) => m.to);
}

export const DEFAULT_CHECK_DAYS = 90;
const ID_MAX = 2_000_000_000;
const RELOAD = "Reload the page and try again";
export const ACTION_TITLE_MAX = 200;
export const ACTION_TEXT_MAX = 4_000;

const version = z.coerce.number({ message: RELOAD }).int(RELOAD).min(0, RELOAD).max(ID_MAX, RELOAD);
const optionalId = (message: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), z.coerce.number({ message }).int(message).positive(message).max(ID_MAX, message).optional());
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max.toLocaleString("en-US")} characters`)
    .optional()
    .transform((v) => v ?? "");
const isoDay = (message: string) =>
  z
    .string({ message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message);
const checkDays = z.coerce
  .number({ message: "Enter the number of days, from 7 to 730" })
  .int("Enter a whole number of days")
  .min(7, "Check after at least 7 days")
  .max(730, "Check within two years (730 days)");

/** "12, #15 20" → [12, 15, 20]; anything else is an error on the field. */
const caseRefs = z
  .string()
  .max(2_000, "That is a lot of case numbers")
  .optional()
  .transform((v, ctx) => {
    const ids: number[] = [];
    for (const token of (v ?? "").split(/[\s,;]+/).filter(Boolean)) {
      const m = /^#?(\d{1,9})$/.exec(token);
      if (!m || Number(m[1]) < 1) {
        ctx.addIssue({ code: "custom", message: `“${token.slice(0, 20)}” is not a case number. Use numbers like 12 or #12.` });
        return z.NEVER;
      }
      ids.push(Number(m[1]));
    }
    return [...new Set(ids)];
  });

export const createActionSchema = z
  .object({
    title: z.string({ message: "Say what will change" }).trim().min(1, "Say what will change").max(ACTION_TITLE_MAX, `Keep it under ${ACTION_TITLE_MAX} characters`),
    detail: text(ACTION_TEXT_MAX),
    ownerFunction: z.enum(functionValues as [string, ...string[]], { message: "Choose the function that owns the change" }),
    ownerId: z.string({ message: "Choose the person who owns it" }).min(1, "Choose the person who owns it").max(64, "Choose the person who owns it"),
    dueOn: isoDay("Enter a due date like 2026-12-31"),
    checkDays: checkDays.default(DEFAULT_CHECK_DAYS),
    patternId: optionalId("Choose a pattern from the list"),
    briefId: optionalId("Choose a brief from the list"),
    caseRefs,
  })
  .refine((v) => v.patternId !== undefined || v.briefId !== undefined || v.caseRefs.length > 0, {
    path: ["caseRefs"],
    message: "Link the action to a pattern, a brief or at least one case",
    when: (p) => typeof p.value === "object" && p.value !== null,
  });
export type CreateActionData = z.output<typeof createActionSchema>;

export const moveActionSchema = z
  .object({
    intent: z.literal("move"),
    version,
    status: z.enum(ACTION_STATUSES, { message: "Choose a status" }),
    reason: text(ACTION_TEXT_MAX),
  })
  .refine((v) => v.status !== "rejected" || v.reason.length > 0, {
    path: ["reason"],
    message: "Say why the action is rejected",
    when: (p) => typeof p.value === "object" && p.value !== null,
  });

export const notesSchema = z.object({ intent: z.literal("notes"), version, notes: text(ACTION_TEXT_MAX) });
export const checkDaysSchema = z.object({ intent: z.literal("check-days"), version, checkDays });
export const verdictSchema = z.object({
  intent: z.literal("verdict"),
  version,
  verdict: z.enum(VERDICTS, { message: "Choose effective, not effective or inconclusive" }),
  verdictNote: z.string({ message: "Say in a sentence what you saw" }).trim().min(1, "Say in a sentence what you saw").max(ACTION_TEXT_MAX, `Keep it under ${ACTION_TEXT_MAX.toLocaleString("en-US")} characters`),
});

export const actionFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), version, status: z.enum(ACTION_STATUSES, { message: "Choose a status" }), reason: text(ACTION_TEXT_MAX) }),
  notesSchema,
  checkDaysSchema,
  verdictSchema,
]);

/** The /actions list's filters, from the URL. */
export const ACTION_VIEWS = ["all", "mine", "function", "overdue"] as const;
export const actionListQuery = z.object({
  view: z.enum(ACTION_VIEWS).catch("all"),
  status: z.enum(ACTION_STATUSES).optional().catch(undefined),
  pattern: z.coerce.number().int().positive().max(ID_MAX).optional().catch(undefined),
  fn: z.enum(functionValues as [string, ...string[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export const ACTIONS_PER_PAGE = 50;
export type ActionListQuery = z.output<typeof actionListQuery>;
