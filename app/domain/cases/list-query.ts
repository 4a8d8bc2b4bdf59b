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
import { triageValues } from "../queue/triage";

// The queue's views (issue 16): whose cases, and where they stand against their SLA.
export const QUEUE_VIEWS = [
  { value: "mine", label: "My cases" },
  { value: "unassigned", label: "Unassigned" },
  { value: "waiting", label: "Waiting on a leader" },
  { value: "at_risk", label: "At risk" },
  { value: "breached", label: "Breached" },
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number]["value"];
const viewValues = QUEUE_VIEWS.map((v) => v.value) as [QueueView, ...QueueView[]];

export const PAGE_SIZE = 25;

/**
 * Counts stop here: the list counts at most COUNT_CAP + 1 matching cases and shows "10,000+"
 * past it, so a page costs the same at 10,000 matches as at a million. A count above the cap
 * means "more than COUNT_CAP".
 */
export const COUNT_CAP = 10_000;

/** "9,798", or "10,000+" for a count past the cap. */
export function countLabel(n: number, cap = COUNT_CAP): string {
  return n > cap ? `${cap.toLocaleString("en-US")}+` : n.toLocaleString("en-US");
}

export const SORTS = [
  { value: "-raisedOn", label: "Newest raised" },
  { value: "raisedOn", label: "Oldest raised" },
  { value: "-updatedAt", label: "Recently updated" },
  { value: "-severity", label: "Most severe" },
  { value: "status", label: "Status" },
] as const;
export type Sort = (typeof SORTS)[number]["value"];
const sortValues = SORTS.map((s) => s.value) as [Sort, ...Sort[]];

// The date orders page by keyset: `after` / `before` hold the last / first row of the page the
// link was made on ("<raisedOn in ms>_<id>"), so the next page starts right after it whatever
// the page number, in constant time. `page` stays in the URL for the pager and for bookmarks.
export const KEYSET_SORTS: readonly (Sort | undefined)[] = [undefined, "-raisedOn", "raisedOn"];
export const usesKeyset = (sort: Sort | undefined) => KEYSET_SORTS.includes(sort);

export type Cursor = { raisedOn: Date; id: number };
const CURSOR = /^(-?\d{1,15})_(\d{1,10})$/;

export function encodeCursor(row: { raisedOn: Date | string; id: number }): string {
  return `${new Date(row.raisedOn).getTime()}_${row.id}`;
}

export function decodeCursor(value: string | undefined): Cursor | null {
  const m = value ? CURSOR.exec(value) : null;
  if (!m) return null;
  const raisedOn = new Date(Number(m[1]));
  const id = Number(m[2]);
  return Number.isNaN(raisedOn.getTime()) || !Number.isSafeInteger(id) ? null : { raisedOn, id };
}

const cursor = z.string().refine((v) => decodeCursor(v) != null);

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
  view: z.enum(viewValues),
  triage: z.enum([...triageValues, "none"]),
  from: isoDay,
  to: isoDay,
  sort: z.enum(sortValues),
  page: z.coerce.number().int().min(1).max(100_000),
  after: cursor,
  before: cursor,
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

/**
 * The query as URL parameters, for links that keep the other filters (pagination, cells). A
 * patch that changes anything drops the page cursor (`after` / `before`) unless it sets one:
 * a cursor belongs to the exact list it was taken from.
 */
export function caseListSearch(query: Partial<Record<keyof CaseListQuery, unknown>>, patch: Partial<CaseListQuery> = {}): string {
  const reset = Object.keys(patch).length > 0 ? { after: undefined, before: undefined } : {};
  const merged: Record<string, unknown> = { ...query, ...reset, ...patch };
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = merged[key];
    if (value == null || value === "") continue;
    if (key === "page" && value === 1) continue;
    if ((key === "after" || key === "before") && !(Number(merged.page) > 1)) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

const NOT_FILTERS = new Set<keyof Shape>(["sort", "page", "after", "before"]);

export function activeFilterCount(query: CaseListQuery): number {
  return FILTER_KEYS.filter((k) => !NOT_FILTERS.has(k) && query[k] != null).length;
}
