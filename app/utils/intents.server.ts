// The action kit: an action with several forms is a table from intent to handler. Each handler
// has its zod schema, runs a model command, and says how each of the command's refusals is told
// to the person; the kit does the parsing, the permission check and the HTTP answer, the same
// way for every route. TypeScript checks that every refusal reason has an answer.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type TypedResponse } from "@remix-run/node";
import type { z } from "zod";
import type { Outcome } from "~/utils/outcome";
import type { Reply } from "~/utils/reply";
import { forbidden, notFound } from "~/utils/http.server";

/** How a refusal is told: 403 and 404 replace the page; the others come back to the form. */
export type Answer = { status: 400 | 403 | 404 | 409; message: string; field?: string; problems?: readonly string[] };

export const answer = {
  notFound: (message: string): Answer => ({ status: 404, message }),
  caseNotFound: (id: number): Answer => ({ status: 404, message: `Case #${id} does not exist.` }),
  forbidden: (message: string): Answer => ({ status: 403, message }),
  /** Someone else saved first (decision 003): the person's input stays on screen. */
  conflict: (message: string): Answer => ({ status: 409, message }),
  invalid: (message: string, field?: string, problems?: readonly string[]): Answer => ({ status: 400, message, field, problems }),
};

/** A save that points at an owner or a case that is not there (app/models/case-commands.server.ts). */
export const REFERENCE_ANSWERS = {
  "unknown-owner": answer.invalid("Choose an owner from the comp team", "ownerId"),
  "unknown-duplicate": answer.invalid("Choose an existing case (not this one)", "duplicateOfId"),
} as const satisfies Record<string, Answer>;

type Refused<O> = Extract<O, { ok: false }>;
type Succeeded<O> = Extract<O, { ok: true }>;
const succeeded = <O extends Outcome>(o: O): o is Succeeded<O> => o.ok;
const refusedOutcome = <O extends Outcome>(o: O): o is Refused<O> => !o.ok;

export type Intent<C, S extends z.ZodType, O extends Outcome> = {
  schema: S;
  /** A further check on who may use this intent, beyond the action's own (false → 403). */
  allow?: (ctx: C) => boolean;
  /** Form-level message when the schema refuses a form whose fields are all hidden. */
  invalid?: string;
  /** Fields never sent back to the page (a password). */
  secret?: string[];
  run: (value: z.output<S>, ctx: C) => Promise<O>;
  /** How each refusal is told; a `switch` on `reason` that misses one does not compile. */
  refuse: (refusal: Refused<O>, value: z.output<S>, ctx: C) => Answer;
  /** Where to go when it worked: a redirect (typed `never`, so the page's action data stays typed). */
  done: (result: Succeeded<O>, value: z.output<S>, ctx: C) => TypedResponse<never> | Promise<TypedResponse<never>>;
};

const reply = (value: Reply, status: number) => data(value, { status });
type Answered = TypedResponse<never> | ReturnType<typeof reply>;
/** One intent's handler with its types sealed in, so a table can hold handlers of different forms. */
export type IntentHandler<C> = {
  allowed: (ctx: C) => boolean;
  handle: (formData: FormData, ctx: C, intent: string) => Promise<Answered>;
};

/** Typed handler definitions for one action, whose context (user, ids) is `C`. */
export const intentsFor =
  <C>() =>
  <S extends z.ZodType, O extends Outcome>(spec: Intent<C, S, O>): IntentHandler<C> => ({
    allowed: (ctx) => !spec.allow || spec.allow(ctx),
    handle: async (formData, ctx, intent) => {
      if (spec.allow && !spec.allow(ctx)) throw forbidden();
      const submission = parseWithZod(formData, { schema: spec.schema });
      if (submission.status !== "success") {
        const result = submission.reply({ hideFields: spec.secret, ...(spec.invalid ? { formErrors: [spec.invalid] } : {}) });
        return reply({ intent, result, problems: [], conflict: false }, 400);
      }
      const outcome = await spec.run(submission.value, ctx);
      if (succeeded(outcome)) return spec.done(outcome, submission.value, ctx);
      if (!refusedOutcome(outcome)) throw new Error("An outcome is either done or refused.");
      const a = spec.refuse(outcome, submission.value, ctx);
      if (a.status === 404) throw notFound(a.message);
      if (a.status === 403) throw forbidden(a.message);
      const result = a.field
        ? submission.reply({ hideFields: spec.secret, fieldErrors: { [a.field]: [a.message] } })
        : submission.reply({ hideFields: spec.secret, ...(a.message ? { formErrors: [a.message] } : {}) });
      return reply({ intent, result, problems: [...(a.problems ?? [])], conflict: a.status === 409 }, a.status);
    },
  });

/** A refusal decided before any handler runs (a stale form, say), told like any other. */
export function refusedReply(intent: string, message: string, status: 400 | 409, field = "") {
  return reply({ intent, result: { status: "error", error: { [field]: [message] } }, problems: [], conflict: status === 409 }, status);
}

/**
 * Runs the handler named by the form's `intent` (or `fallback` when the form has none) and
 * answers: a redirect on success, the form's errors with 400/409, or a thrown 403/404.
 */
export async function handleIntent<C>(formData: FormData, ctx: C, table: Record<string, IntentHandler<C>>, fallback?: string): Promise<Answered> {
  const intent = String(formData.get("intent") ?? fallback ?? "");
  const handler = Object.hasOwn(table, intent) ? table[intent] : undefined;
  // An intent that does not exist is refused like the ones this visitor may not use (403), so
  // a probe learns nothing; someone who may use them all is told it is unknown (400).
  if (!handler && Object.values(table).some((h) => !h.allowed(ctx))) throw forbidden();
  if (!handler) return reply({ intent, result: { status: "error", error: { "": ["Unknown action."] } }, problems: [], conflict: false }, 400);
  return handler.handle(formData, ctx, intent);
}
