// Reads of case files: the list (search, filters, keyset pages, capped counts), the export,
// one case and its history — each for a viewer, through the privacy layer (decision 008).
import type { Prisma } from "~/generated/prisma/client";
import { IDENTITY_FIELDS } from "~/domain/cases/case-history";
import { exportFieldNames, exportSelect } from "~/domain/data-io/export-fields";
import {
  COUNT_CAP,
  decodeCursor,
  encodeCursor,
  PAGE_SIZE,
  usesKeyset,
  type CaseListQuery,
  type Cursor,
} from "~/domain/cases/list-query";
import { statusValues } from "~/domain/cases/taxonomy";
import { tenureRange } from "~/domain/cases/tenure";
import { scrubDeep } from "~/domain/privacy/case-view";
import { db } from "~/utils/db.server";
import { sqlValue } from "~/utils/sql-value";
import { slaWhere, WAITING_ON_LEADER } from "./queue.server";
import { forViewer, historyForViewer, seesReporter, type Viewer } from "./case-privacy.server";
import { causeSelect, reporterProfileSelect } from "./case-selects.server";

export type { Viewer };

// Reporter identity is selected only for the comp team, so it cannot leak through a page,
// a data request or an export by accident.
function caseSelect(viewer: Viewer) {
  const identity = seesReporter(viewer);
  return {
    id: true,
    title: true,
    complaint: true,
    raisedOn: true,
    channel: true,
    reporterRole: true,
    reporterFunction: true,
    segment: true,
    region: true,
    tenureMonths: true,
    reporterName: identity,
    confidential: identity,
    behaviour: true,
    behaviourDetail: true,
    suspectedCause: true,
    causeDetail: true,
    severity: true,
    peopleAffected: true,
    revenueAtRisk: true,
    tags: true,
    status: true,
    version: true,
    createdAt: true,
    updatedAt: true,
    rootCause: true,
    rootCauseStatement: true,
    // Triage and the SLA clocks (issue 16); the resolution note is free text, scrubbed like the rest.
    triageClass: true,
    resolutionNote: true,
    firstResponseAt: true,
    diagnosisConfirmedAt: true,
    duplicateOf: { select: { id: true, title: true } },
    duplicates: { select: { id: true, title: true } },
    owner: { select: { id: true, name: true } },
    createdBy: { select: { name: true } },
  } satisfies Prisma.CaseSelect;
}

/** "territory carve" → '"territory"* "carve"*': every word, as typed or as a prefix. */
export function ftsQuery(q: string) {
  const terms = q.split(/\s+/).map((t) => t.replace(/"/g, "").trim()).filter(Boolean).slice(0, 12);
  return terms.map((t) => `"${t}"*`).join(" ");
}

/**
 * The text search of a list query: which full-text index (FTS5, see the case_search and
 * public_search migrations) and what to match. Resolved inside the list's own SQL, as a
 * subquery: the matching ids never come into JS. Outside the comp team the search runs over the
 * scrubbed text only (CaseSearchPublic): no query can tell whether a hidden name is there.
 * `broad`: the words match many cases (more than BROAD_SEARCH).
 */
export type CaseSearch = { index: "CaseSearch" | "CaseSearchPublic"; match: string; broad: boolean } | null;

const BROAD_SEARCH = 2_000;

/** The text-search part of a list query, resolved once per request (it probes the index). */
export async function caseSearch(query: CaseListQuery, viewer: Viewer): Promise<CaseSearch> {
  const match = query.q ? ftsQuery(query.q) : "";
  if (!match) return null;
  const index = seesReporter(viewer) ? "CaseSearch" : "CaseSearchPublic";
  // How many cases the words match, counted up to BROAD_SEARCH + 1: first as whole words (a
  // tenth of a millisecond; the prefixes match at least as many), then as prefixes, which
  // takes reading every word they begin (up to a millisecond for a common one).
  const matches = async (words: string) => {
    const [probe] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "${index}" WHERE "${index}" MATCH ? LIMIT ${BROAD_SEARCH + 1})`,
      words,
    );
    return Number(probe?.n ?? 0);
  };
  const broad = (await matches(match.replaceAll('"*', '"'))) > BROAD_SEARCH || (await matches(match)) > BROAD_SEARCH;
  return { index, match, broad };
}

/** A WHERE clause over `"Case" c`, with its bound values in order. */
type Sql = { sql: string; params: unknown[] };

/**
 * The SQL of the full-text part (the index name is one of two constants, never user input).
 * Few matches: SQLite reads those cases by id. Many: "+" keeps it from doing so (thousands of
 * lookups, then a sort) and it walks the list's own index instead, checking each row against
 * the matches, and stops when the page is full.
 */
function searchIds(search: CaseSearch): Sql | null {
  if (!search) return null;
  const index = search.index === "CaseSearch" ? "CaseSearch" : "CaseSearchPublic";
  return { sql: `${search.broad ? "+" : ""}c.id IN (SELECT rowid FROM "${index}" WHERE "${index}" MATCH ?)`, params: [search.match] };
}

async function whereFor(query: CaseListQuery, viewer: Viewer, search?: CaseSearch): Promise<Sql> {
  const filters = and(listWhere(query), await viewWhere(query, viewer));
  const text = searchIds(search === undefined ? await caseSearch(query, viewer) : search);
  return text ? and(filters, text) : filters;
}

/** The queue's views (issue 16): "mine" is the viewer's; the SLA views need the targets and now(). */
async function viewWhere(query: CaseListQuery, viewer: Viewer): Promise<Sql> {
  switch (query.view) {
    case "mine":
      return { sql: `c."ownerId" = ?`, params: [viewer.id] };
    case "unassigned":
      return { sql: `c."ownerId" IS NULL`, params: [] };
    case "waiting":
      return { sql: WAITING_ON_LEADER, params: [] };
    case "at_risk":
    case "breached":
      return slaWhere(query.view);
    default:
      return { sql: "1", params: [] };
  }
}

function and(...parts: Sql[]): Sql {
  const used = parts.filter((p) => p.sql !== "1");
  if (used.length === 0) return { sql: "1", params: [] };
  return { sql: used.map((p) => p.sql).join(" AND "), params: used.flatMap((p) => p.params) };
}

/** Every filter of the list but the text search, as SQL (bound values; no text is spliced in). */
function listWhere(query: CaseListQuery): Sql {
  const parts: Sql[] = [];
  const eq = (column: string, value: unknown) => parts.push({ sql: `c."${column}" = ?`, params: [value] });
  if (query.status) eq("status", query.status);
  if (query.function) eq("reporterFunction", query.function);
  if (query.role) eq("reporterRole", query.role);
  if (query.segment) eq("segment", query.segment);
  if (query.behaviour) eq("behaviour", query.behaviour);
  // The diagnosed root cause where there is one, the suspected cause otherwise.
  if (query.cause) parts.push({ sql: `(c."rootCause" = ? OR (c."rootCause" = '' AND c."suspectedCause" = ?))`, params: [query.cause, query.cause] });
  if (query.triage) eq("triageClass", query.triage === "none" ? "" : query.triage);
  if (query.owner) {
    if (query.owner === "none") parts.push({ sql: `c."ownerId" IS NULL`, params: [] });
    else eq("ownerId", query.owner);
  }
  if (query.tenure) {
    const { min, max } = tenureRange(query.tenure);
    parts.push({ sql: `c."tenureMonths" >= ?`, params: [min] });
    if (max != null) parts.push({ sql: `c."tenureMonths" <= ?`, params: [max] });
  }
  // Dates are bound as Date: the adapter writes them as it stores them (ISO text).
  if (query.from) parts.push({ sql: `c."raisedOn" >= ?`, params: [new Date(`${query.from}T00:00:00.000Z`)] });
  if (query.to) parts.push({ sql: `c."raisedOn" <= ?`, params: [new Date(`${query.to}T23:59:59.999Z`)] });
  return and(...parts);
}

/** ORDER BY for a sort; `reverse` walks it backwards (the page before a keyset cursor). */
function listOrder(sort: CaseListQuery["sort"], reverse = false, table = "c"): string {
  const keys: [string, "ASC" | "DESC"][] = (() => {
    switch (sort) {
      case "raisedOn":
        return [["raisedOn", "ASC"], ["id", "ASC"]];
      case "-updatedAt":
        return [["updatedAt", "DESC"], ["id", "DESC"]];
      case "-severity":
        return [["severityRank", "DESC"], ["raisedOn", "DESC"], ["id", "DESC"]];
      case "status":
        return [["status", "ASC"], ["raisedOn", "DESC"], ["id", "DESC"]];
      default:
        return [["raisedOn", "DESC"], ["id", "DESC"]];
    }
  })();
  const flip = (d: "ASC" | "DESC") => (reverse ? (d === "ASC" ? "DESC" : "ASC") : d);
  return keys.map(([column, dir]) => `${table}."${column}" ${flip(dir)}`).join(", ");
}

/** Rows past the cursor in the list's date order (before it when `backwards`). */
function keysetWhere(sort: CaseListQuery["sort"], cursor: Cursor, backwards: boolean, table = "c"): Sql {
  const ascending = sort === "raisedOn";
  const op = ascending !== backwards ? ">" : "<";
  return { sql: `(${table}."raisedOn", ${table}."id") ${op} (?, ?)`, params: [cursor.raisedOn, cursor.id] };
}

async function rawIds(sql: string, params: unknown[]): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(sql, ...params);
  return rows.map((r) => Number(r.id));
}

/** Matching cases, counted up to `cap` + 1 at most (null: all of them). */
async function cappedCount(where: Sql, cap: number | null): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Case" c WHERE ${where.sql} LIMIT ?)`,
    ...where.params,
    cap == null ? -1 : cap + 1,
  );
  return Number(row?.n ?? 0);
}

const LIST_ROW = {
  id: true,
  title: true,
  raisedOn: true,
  ...reporterProfileSelect,
  ...causeSelect,
  severity: true,
  status: true,
  reporterName: true,
  owner: { select: { name: true } },
  // For the triage column and the SLA ageing (issue 16).
  triageClass: true,
  createdAt: true,
  firstResponseAt: true,
  diagnosisConfirmedAt: true,
} satisfies Prisma.CaseSelect;

/** The cases with these ids, in this order. */
async function rowsByIds<S extends Prisma.CaseSelect & { id: true }>(ids: number[], select: S) {
  const found = await db.case.findMany({ where: { id: { in: ids } }, select });
  const byId = new Map(found.map((r) => [(r as { id: number }).id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ListOptions = {
  /** Where counting stops (tests use a small one). */
  cap?: number;
};

type Page = { ids: number[]; page: number; more: boolean };
type PageRequest = { page: number; after: Cursor | null; before: Cursor | null };
type StatusRow = { status: string; n: number | bigint };

/** Status counts as the tabs show them: a count past the cap is cap + 1. */
const capCounts = (rows: StatusRow[], cap: number) =>
  Object.fromEntries(rows.filter((r) => Number(r.n) > 0).map((r) => [r.status, Math.min(cap + 1, Number(r.n))])) as Record<string, number>;

/**
 * One page of the list, with the status counts of its tabs. Counts are capped (see COUNT_CAP):
 * past the cap `total` is cap + 1, the page count is a lower bound that grows as the reader goes
 * on. The date orders page by keyset when the URL carries a cursor (`after` / `before`); any
 * `?page=N` still opens, by offset.
 *
 * In date order, under filters that an index keeps in that order with each row's status (see
 * inDateIndex), one statement reads the first cap + 1 matching cases in list order: it counts
 * their statuses and takes the page from among them. Only past the cap do the status counts
 * take a pass of their own. Otherwise the counts are one pass and the page a query of its own.
 */
export async function listCases(query: CaseListQuery, viewer: Viewer, search?: CaseSearch, options: ListOptions = {}) {
  const cap = options.cap ?? COUNT_CAP;
  const text = search === undefined ? await caseSearch(query, viewer) : search;
  const others = await whereFor({ ...query, status: undefined }, viewer, text); // the tabs' filters
  const where = query.status ? and({ sql: `c.status = ?`, params: [query.status] }, others) : others;
  const keyset = usesKeyset(query.sort);
  const requested = query.page ?? 1;
  const request: PageRequest = {
    page: requested,
    after: keyset && requested > 1 ? decodeCursor(query.after) : null,
    before: keyset && requested > 1 && !query.after ? decodeCursor(query.before) : null,
  };

  let statusCounts: Record<string, number>;
  let found: Page | null = null;
  if (keyset && others.sql !== "1" && inDateIndex(query)) {
    const window = await orderedWindow(others, query, request, cap);
    statusCounts = window.complete ? capCounts(window.counts, cap) : await statusPass(others, cap);
    found = window.page;
  } else {
    statusCounts = await statusCountsFor(others, cap);
  }
  const total = totalOf(statusCounts, query.status, cap);
  const capped = total > cap;
  const knownPages = Math.max(1, Math.ceil(Math.min(total, cap + 1) / PAGE_SIZE));
  const page = capped ? requested : Math.min(requested, knownPages);
  if (!found || page !== requested) found = await pageOf(where, query.sort, { ...request, page }, capped);

  const identity = seesReporter(viewer);
  const rows = await rowsByIds(found.ids, { ...LIST_ROW, confidential: identity });
  const pageCount = capped ? Math.max(knownPages, found.page + (found.more ? 1 : 0)) : knownPages;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => withoutIdentity(r, identity)),
    total,
    capped,
    page: found.page,
    pageCount,
    // Keyset cursors for the previous and next page links (date orders only).
    prev: keyset && found.page > 1 && first ? encodeCursor(first) : null,
    next: keyset && found.more && last ? encodeCursor(last) : null,
    statusCounts,
  };
}

/**
 * Whether the tabs' filters are among those the (raisedOn, id, status) and (segment, raisedOn,
 * id, status) indexes serve in date order: a segment, a date range, the text search (checked
 * row by row against its matches). Under any other filter the rows must be read, or sorted,
 * and counting them in one pass then taking the page on its own costs less.
 */
function inDateIndex(query: CaseListQuery) {
  const served = new Set<keyof CaseListQuery>(["segment", "from", "to", "q", "status", "sort", "page", "after", "before"]);
  return (Object.keys(query) as (keyof CaseListQuery)[]).every((k) => query[k] == null || served.has(k));
}

/**
 * The first cap + 1 cases under the tabs' filters, in the list's date order, materialised once:
 * their statuses counted (`complete`: all the matches were among them, so the counts are
 * exact) and the page taken from among them. The page stands when the window held all the
 * matches or a full page within it (a window is a prefix of the whole list); otherwise null.
 */
async function orderedWindow(others: Sql, query: CaseListQuery, request: PageRequest, cap: number) {
  const cursor = request.after ?? request.before;
  const backwards = request.before != null;
  const pick = and(
    ...(query.status ? [{ sql: `m.status = ?`, params: [query.status] }] : []),
    ...(cursor ? [keysetWhere(query.sort, cursor, backwards, "m")] : []),
  );
  const rows = await db.$queryRawUnsafe<{ kind: string; status: string | null; n: number | bigint }[]>(
    `WITH m AS MATERIALIZED (SELECT c.id, c.status, c."raisedOn" FROM "Case" c WHERE ${others.sql} ORDER BY ${listOrder(query.sort)} LIMIT ?)
     SELECT 'count' AS kind, status, COUNT(*) AS n FROM m GROUP BY status
     UNION ALL
     SELECT * FROM (SELECT 'page' AS kind, NULL AS status, id AS n FROM m WHERE ${pick.sql} ORDER BY ${listOrder(query.sort, backwards, "m")} LIMIT ? OFFSET ?)`,
    ...others.params,
    cap + 1,
    ...pick.params,
    PAGE_SIZE + 1,
    cursor ? 0 : (request.page - 1) * PAGE_SIZE,
  );
  const counts = rows.filter((r) => r.kind === "count") as StatusRow[];
  const ids = rows.filter((r) => r.kind === "page").map((r) => Number(r.n));
  const complete = counts.reduce((sum, r) => sum + Number(r.n), 0) <= cap;
  let page: Page | null = null;
  if (backwards) {
    // Every row before the cursor is in the window only if the window holds them all.
    if (complete && ids.length >= PAGE_SIZE) page = { ids: ids.slice(0, PAGE_SIZE).reverse(), page: request.page, more: true };
  } else if (complete || ids.length > PAGE_SIZE) {
    page = { ids: ids.slice(0, PAGE_SIZE), page: request.page, more: ids.length > PAGE_SIZE };
  }
  // A cursor page that came out empty (its rows gone): by page number instead.
  if (page && cursor && page.ids.length === 0) page = null;
  return { counts, complete, page };
}

/** The page by its own query: by cursor where there is one, else by page number. */
async function pageOf(where: Sql, sort: CaseListQuery["sort"], request: PageRequest, capped: boolean): Promise<Page> {
  const select = (extra: Sql | null, order: string, offset: number) => {
    const w = extra ? and(where, extra) : where;
    return rawIds(`SELECT c.id FROM "Case" c WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [...w.params, PAGE_SIZE + 1, offset]);
  };
  let page = request.page;
  if (request.after) {
    const ids = await select(keysetWhere(sort, request.after, false), listOrder(sort), 0);
    if (ids.length > 0) return { ids: ids.slice(0, PAGE_SIZE), page, more: ids.length > PAGE_SIZE };
  } else if (request.before) {
    const ids = (await select(keysetWhere(sort, request.before, true), listOrder(sort, true), 0)).slice(0, PAGE_SIZE).reverse();
    // Fewer than a page before the cursor: that is the start of the list, page 1.
    if (ids.length === PAGE_SIZE) return { ids, page, more: true };
    page = 1;
  }
  // No cursor, or its page is gone (deleted rows, a changed filter): by page number.
  let ids = await select(null, listOrder(sort), (page - 1) * PAGE_SIZE);
  if (ids.length === 0 && page > 1 && capped) {
    // A page past the end of a long list (an old bookmark): the last page there is.
    page = Math.max(1, Math.ceil((await cappedCount(where, null)) / PAGE_SIZE));
    ids = await select(null, listOrder(sort), (page - 1) * PAGE_SIZE);
  }
  return { ids: ids.slice(0, PAGE_SIZE), page, more: ids.length > PAGE_SIZE };
}

/** The list's total from its status counts: one status's, or all of them (capped). */
function totalOf(counts: Record<string, number>, status: CaseListQuery["status"], cap: number) {
  if (status) return counts[status] ?? 0;
  return Math.min(cap + 1, Object.values(counts).reduce((a, b) => a + b, 0));
}

/** Every matching case counted by status, in one pass (through a covering index where one fits). */
async function statusPass(where: Sql, cap: number) {
  const rows = await db.$queryRawUnsafe<StatusRow[]>(`SELECT c.status, COUNT(*) AS n FROM "Case" c WHERE ${where.sql} GROUP BY c.status`, ...where.params);
  return capCounts(rows, cap);
}

/**
 * Status counts under filters: with none, each status on its own up to the cap, from the status
 * index (bounded whatever the number of cases); otherwise one pass over the matches.
 */
async function statusCountsFor(where: Sql, cap: number) {
  if (where.sql !== "1") return statusPass(where, cap);
  const rows = await db.$queryRawUnsafe<StatusRow[]>(
    statusValues.map(() => `SELECT ? AS status, (SELECT COUNT(*) FROM (SELECT 1 FROM "Case" c WHERE c.status = ? LIMIT ?)) AS n`).join(" UNION ALL "),
    ...statusValues.flatMap((s) => [s, s, cap + 1]),
  );
  return capCounts(rows, cap);
}

/**
 * Cases per status under the other filters (the status tabs of the list), each capped like the
 * list's total: a count past `cap` reads cap + 1. (listCases returns them too.)
 */
export async function countByStatus(query: CaseListQuery, viewer: Viewer, search?: CaseSearch, options: { cap?: number } = {}) {
  const others = { ...query, status: undefined };
  const text = search === undefined ? await caseSearch(others, viewer) : search;
  return statusCountsFor(await whereFor(others, viewer, text), options.cap ?? COUNT_CAP);
}

export const EXPORT_LIMIT = 100_000;

/** The ids of every case matching the list's filters, in the list's order (capped): what an export writes. */
export async function exportCaseIds(query: CaseListQuery, viewer: Viewer): Promise<number[]> {
  const { sql, params } = await exportIdsSql(query, viewer);
  return rawIds(sql, params);
}

/**
 * The statement exportCaseIds runs, each id with its confidential flag (the access log's mark),
 * for a read on the export worker (decision 044): at 100,000 cases it held the loop ~130 ms.
 * Dates are bound as the adapter binds them.
 */
export async function exportIdsSql(query: CaseListQuery, viewer: Viewer): Promise<Sql> {
  const where = await whereFor(query, viewer);
  const params = [...where.params, EXPORT_LIMIT].map(sqlValue);
  return { sql: `SELECT c.id, c.confidential FROM "Case" c WHERE ${where.sql} ORDER BY ${listOrder(query.sort)} LIMIT ?`, params };
}

/**
 * These cases, in this order, with only the fields the viewer may see: an export reads its rows
 * a page at a time (decision 020). Cases without an external id get "case-<id>", which the
 * import recognises, so an exported file re-imports as an update, not as copies.
 */
export async function exportRows(ids: readonly number[], viewer: Viewer) {
  const identity = seesReporter(viewer);
  // The adapter types the columns as Prisma would (dates, booleans). The columns are the
  // select's, never user input; the ids are numbers.
  const columns = exportFieldNames(identity).map((name) => `c."${name}"`);
  const rows = await db.$queryRawUnsafe<Prisma.CaseGetPayload<{ select: ReturnType<typeof exportSelect> }>[]>(
    `SELECT ${columns.join(", ")} FROM "Case" c WHERE c.id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .flatMap((id) => byId.get(id) ?? [])
    .map((r) => withoutIdentity(r, identity))
    .map((r) => ({ ...r, externalId: r.externalId ?? `case-${r.id}`, tags: r.tags.split(",").filter(Boolean) }));
}

/** Every case matching the list's filters (no paging, capped), as an export writes them. */
export async function exportCases(query: CaseListQuery, viewer: Viewer) {
  return exportRows(await exportCaseIds(query, viewer), viewer);
}

export async function getCase(id: number, viewer: Viewer) {
  const row = await db.case.findUnique({ where: { id }, select: caseSelect(viewer) });
  if (!row) return null;
  // A linked case's title may name its own reporter: scrub with every name involved.
  const related = [id, ...(row.duplicateOf ? [row.duplicateOf.id] : []), ...row.duplicates.map((d) => d.id)];
  return forViewer(viewer, related, row);
}

export async function getCaseHistory(id: number, viewer: Viewer) {
  const events = await db.caseEvent.findMany({
    where: {
      caseId: id,
      // Changes to the reporter's identity are themselves identity.
      ...(seesReporter(viewer) ? {} : { field: { notIn: [...IDENTITY_FIELDS] } }),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: {
      id: true,
      at: true,
      kind: true,
      field: true,
      fromValue: true,
      toValue: true,
      actor: { select: { name: true } },
    },
  });
  return historyForViewer(viewer, id, events);
}

export async function listOwners() {
  return db.user.findMany({
    where: { active: true, role: { in: ["admin", "analyst"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function countCasesBy(field: "status" | "reporterFunction" | "suspectedCause") {
  const rows = await db.case.groupBy({ by: [field], _count: { _all: true } });
  return rows.map((r) => ({ key: String(r[field as keyof typeof r] ?? ""), count: r._count._all }));
}



/**
 * A row as someone who may not know the reporter sees it: the name (and emails, phone numbers)
 * scrubbed from every text field, and the name field itself dropped (selected only to scrub with).
 */
export function withoutIdentity<T extends { reporterName: string }>(row: T, identity: boolean): Omit<T, "reporterName"> | T {
  if (identity) return row;
  const { reporterName, ...rest } = row;
  return scrubDeep(rest, reporterName ? [reporterName] : []);
}

/** How many cases there are, near enough to choose where work runs: the highest id, without a count. */
export async function highestCaseId() {
  const [{ top }] = await db.$queryRawUnsafe<{ top: number | bigint | null }[]>(`SELECT MAX(id) AS top FROM "Case"`);
  return Number(top ?? 0);
}
