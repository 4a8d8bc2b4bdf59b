import { z } from "zod";
import { caseFormSchema } from "../cases/case-schema";

// The intake API takes the intake form's own schema (one set of rules for every way a case
// arrives) plus the caller's external id, which makes a repeated POST an update.

export const EXTERNAL_ID_MAX = 120;

export const externalIdSchema = z
  .string({ message: "Give the case's id in your system (externalId)" })
  .trim()
  .min(1, "Give the case's id in your system (externalId)")
  .max(EXTERNAL_ID_MAX, `Keep externalId under ${EXTERNAL_ID_MAX} characters`)
  .regex(/^[\w.:\-/#@]+$/, "Use letters, digits and . : - / # @ _ in externalId")
  // "case-<n>" is how exports name Upstream's own cases: an integration may not address those.
  .refine((v) => !/^case-\d+$/i.test(v), 'externalId may not look like "case-<number>": that names Upstream\'s own cases');

const intakeFields = caseFormSchema.omit({ ownerId: true, duplicateOfId: true });

export const apiCaseSchema = intakeFields.extend({ externalId: externalIdSchema }).strict();

export type ApiCase = z.output<typeof apiCaseSchema>;

// Fields whose values the caller actually sent: an update changes only those.
const FIELDS = new Set(Object.keys(intakeFields.shape));

export type ApiParse =
  | { ok: true; value: ApiCase; sent: Set<string> }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

/** Checks a parsed JSON body; errors come back per field, as the form shows them. */
export function parseApiCase(body: unknown): ApiParse {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, fieldErrors: {}, formErrors: ["Send one case as a JSON object."] };
  }
  const result = apiCaseSchema.safeParse(normalise(body as Record<string, unknown>));
  if (!result.success) {
    const flat = z.flattenError(result.error);
    return { ok: false, fieldErrors: flat.fieldErrors as Record<string, string[]>, formErrors: flat.formErrors };
  }
  const sent = new Set(Object.keys(body).filter((k) => FIELDS.has(k)));
  // The title is worked out from the complaint when not given.
  if (sent.has("complaint")) sent.add("title");
  if (sent.has("severity")) sent.add("severityRank");
  return { ok: true, value: result.data, sent };
}

// JSON numbers and booleans arrive as such; the form schema reads strings, so numbers are
// passed as text (it coerces) and null means "not given".
function normalise(body: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, typeof v === "number" ? String(v) : v]),
  );
}

/**
 * An integration's external ids live in its own namespace: the same "ZD-1" from two systems is
 * two cases, and neither system can read or overwrite the other's (or a file import's) case.
 * The namespace is the integration's name, folded (case and spacing), so a replacement token
 * made under the same name carries on with the same cases.
 */
export function integrationScope(integrationName: string): string {
  return `api:${integrationName.trim().toLowerCase().replace(/\s+/g, " ")}:`;
}

export function scopedExternalId(integrationName: string, externalId: string): string {
  return `${integrationScope(integrationName)}${externalId}`;
}
