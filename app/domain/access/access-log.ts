// The access log's vocabulary, its filters (kept in the URL) and its export columns. Pure.
import { z } from "zod";
import type { ExportColumn } from "~/domain/data-io/csv-export";

export const ACCESS_ACTIONS = [
  { value: "read", label: "Read" },
  { value: "role-change", label: "Role changed" },
  { value: "confidential-change", label: "Confidential flag changed" },
  { value: "sso-sign-in", label: "First single sign-on" },
] as const;
export const ACCESS_SUBJECTS = [
  { value: "case", label: "Case file" },
  { value: "whys", label: "Five Whys" },
  { value: "export", label: "Case export" },
  { value: "brief", label: "Brief" },
  { value: "user", label: "User" },
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number]["value"];
export type AccessSubject = (typeof ACCESS_SUBJECTS)[number]["value"];

const actionValues = ACCESS_ACTIONS.map((a) => a.value) as [AccessAction, ...AccessAction[]];
const subjectValues = ACCESS_SUBJECTS.map((s) => s.value) as [AccessSubject, ...AccessSubject[]];
export const accessActionLabel = (v: string) => ACCESS_ACTIONS.find((a) => a.value === v)?.label ?? v;
export const accessSubjectLabel = (v: string) => ACCESS_SUBJECTS.find((s) => s.value === v)?.label ?? v;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
// A filter that does not parse is dropped rather than refused: the page still answers.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const accessFilterSchema = z.object({
  user: optional(z.string().trim().max(200).transform((s) => s || undefined)),
  action: optional(z.enum(actionValues)),
  subject: optional(z.enum(subjectValues)),
  subjectId: optional(z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/)),
  confidential: optional(z.literal("1").transform(() => true)),
  from: optional(day),
  to: optional(day),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AccessFilters = z.infer<typeof accessFilterSchema>;

export function parseAccessFilters(params: URLSearchParams): AccessFilters {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a filter
  const plain = Object.fromEntries([...params].map(([k, v]) => [k, v.replace(/[\u0000-\u001f\u007f]/g, "")]));
  return accessFilterSchema.parse(plain);
}

/** The filters as a query string (for pagination links and the export link). */
export function accessFilterQuery(filters: AccessFilters, overrides: Partial<AccessFilters> = {}) {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["user", "action", "subject", "subjectId", "from", "to"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.confidential) params.set("confidential", "1");
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}

/** [from 00:00, the day after `to` 00:00) in UTC. */
export function accessDateRange(filters: AccessFilters) {
  const from = filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined;
  const to = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000) : undefined;
  return { from, to };
}

export const ACCESS_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: "at", header: "When (UTC)" },
  { key: "userEmail", header: "Who" },
  { key: "role", header: "Role" },
  { key: "action", header: "Action" },
  { key: "subject", header: "What" },
  { key: "subjectId", header: "Id" },
  { key: "confidential", header: "Confidential" },
  { key: "detail", header: "Detail" },
];

/** ACCESS_LOG_DAYS: whole days to keep, 1 at least; anything else means the default, a year. */
export function retentionDays(raw: string | undefined, fallback = 365) {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 36_500 ? n : fallback;
}
