import { z } from "zod";
import {
  behaviourValues,
  causeValues,
  functionValues,
  reporterRoleValues,
  segmentValues,
  statusValues,
} from "./taxonomy";
import { isRealDay } from "./case-schema";
import { tenureBandValues } from "./tenure";

export const PAGE_SIZE = 25;

export const SORTS = [
  { value: "-raisedOn", label: "Newest raised" },
  { value: "raisedOn", label: "Oldest raised" },
  { value: "-updatedAt", label: "Recently updated" },
  { value: "-severity", label: "Most severe" },
  { value: "status", label: "Status" },
] as const;
export type Sort = (typeof SORTS)[number]["value"];
const sortValues = SORTS.map((s) => s.value) as [Sort, ...Sort[]];

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealDay);

// Filters live in the URL. Anything unknown or malformed is dropped rather than failing the
// page: a shared link with a stale value should still open.
const filterShape = {
  q: z.string().trim().max(200),
  status: z.enum(statusValues),
  function: z.enum(functionValues),
  role: z.enum(reporterRoleValues),
  segment: z.enum(segmentValues),
  tenure: z.enum(tenureBandValues),
  behaviour: z.enum(behaviourValues),
  cause: z.enum(causeValues),
  owner: z.string().max(64),
  from: isoDay,
  to: isoDay,
  sort: z.enum(sortValues),
  page: z.coerce.number().int().min(1).max(100_000),
};

type Shape = typeof filterShape;
export type CaseListQuery = { [K in keyof Shape]?: z.output<Shape[K]> };
export const FILTER_KEYS = Object.keys(filterShape) as (keyof Shape)[];

// Control characters (U+0000–U+001F, U+007F) mean nothing in a filter, and a NUL reaching the
// full-text search is an error: they are dropped from every parameter before it is read.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

export function parseCaseListQuery(params: URLSearchParams): CaseListQuery {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key)?.replace(CONTROL_CHARS, "");
    if (raw == null || raw === "") continue;
    const parsed = filterShape[key].safeParse(raw);
    if (parsed.success && parsed.data !== "") out[key] = parsed.data;
  }
  return out as CaseListQuery;
}

/** The query as URL parameters, for links that keep the other filters (pagination, cells). */
export function caseListSearch(query: CaseListQuery, patch: Partial<CaseListQuery> = {}): string {
  const merged = { ...query, ...patch } as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = merged[key];
    if (value == null || value === "") continue;
    if (key === "page" && value === 1) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function activeFilterCount(query: CaseListQuery): number {
  return FILTER_KEYS.filter((k) => k !== "sort" && k !== "page" && query[k] != null).length;
}
