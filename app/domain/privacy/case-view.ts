// What people outside the comp team may read of a case (docs/product.md "Roles and what each sees"): never the
// reporter's identity, in any field, its history, notes or Five Whys. Models pass every object
// they return through `shownTo`; routes and components never redact by hand (decision 008).
import { can } from "../auth/permissions";
import { IDENTITY_FIELDS } from "../cases/case-history";
import { scrub } from "./scrub";

export type Audience = "comp-team" | "outside";

/** Whoever may know who raised a case reads it whole; everyone else reads it scrubbed. */
export function audienceOf(role: string): Audience {
  return can(role, "case:see-reporter") ? "comp-team" : "outside";
}

// Values the app itself writes from fixed lists, ids and dates: never a person's words, so they
// are shown as they are. Every other string is scrubbed: a field added tomorrow is safe by default.
const CODE_KEYS = new Set([
  "id",
  "kind",
  "field",
  "status",
  "behaviour",
  "suspectedCause",
  "rootCause",
  "channel",
  "reporterRole",
  "reporterFunction",
  "segment",
  "severity",
  "confidence",
  "ownerFunction",
  "fixOwner",
  "payFix",
  "role",
  "version",
  "whysVersion",
  "position",
  "askedLeaderId",
  "authorId",
]);

// History entries whose values are codes, numbers or dates: shown with their from → to. For any
// other field (free text, Five Whys text, notes) people outside the comp team see who changed
// it and when, never the old or new words: an old value may hold a name in a form the scrubber
// does not know, and it cannot be corrected after the fact.
const HISTORY_VALUES_SHOWN = new Set([
  "raisedOn",
  "channel",
  "reporterRole",
  "reporterFunction",
  "segment",
  "tenureMonths",
  "behaviour",
  "suspectedCause",
  "severity",
  "peopleAffected",
  "revenueAtRisk",
  "ownerId",
  "status",
  "duplicateOfId",
  "step order",
  "note used as evidence",
]);

export const HIDDEN_TEXT = "(text not shown)";

type Json = string | number | boolean | null | Date | undefined | Json[] | { [key: string]: Json };

/** Every string in `value` scrubbed of the names (and any email or phone number), codes left alone. */
export function scrubDeep<T>(value: T, names: readonly string[], key = ""): T {
  if (typeof value === "string") return (CODE_KEYS.has(key) ? value : scrub(value, names)) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, names, key)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k, scrubDeep(v, names, k)])) as T;
  }
  return value;
}

type HistoryEvent = { field: string; fromValue: string; toValue: string };

/** A case's history as someone outside the comp team may read it. */
export function historyForOutside<E extends HistoryEvent>(events: readonly E[], names: readonly string[]): (E & { textHidden: boolean })[] {
  return events
    .filter((e) => !IDENTITY_FIELDS.includes(e.field))
    .map((e) => {
      const shown = HISTORY_VALUES_SHOWN.has(e.field);
      const safe = scrubDeep(e, names);
      return shown ? { ...safe, textHidden: false } : { ...safe, fromValue: e.fromValue ? HIDDEN_TEXT : "", toValue: e.toValue ? HIDDEN_TEXT : "", textHidden: true };
    });
}

/** `value` as a viewer of this audience may see it, given the reporter names involved. */
export function shownTo<T>(audience: Audience, value: T, names: readonly string[]): T {
  return audience === "comp-team" ? value : scrubDeep(value, names);
}

/** The title and complaint as people outside the comp team read them: what their search indexes. */
export function publicSearchText(c: { title: string; complaint: string; reporterName: string }) {
  const names = c.reporterName ? [c.reporterName] : [];
  return { publicTitle: scrub(c.title, names), publicComplaint: scrub(c.complaint, names) };
}
