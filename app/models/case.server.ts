import type { Prisma } from "~/generated/prisma/client";
import { deriveTitle, normaliseTags, type CaseFormData } from "~/domain/cases/case-schema";
import { diffCase, IDENTITY_FIELDS, type FieldValues } from "~/domain/cases/case-history";
import { PAGE_SIZE, type CaseListQuery } from "~/domain/cases/list-query";
import { canMoveStatus } from "~/domain/cases/status";
import type { CaseStatus, Severity } from "~/domain/cases/taxonomy";
import { tenureRange } from "~/domain/cases/tenure";
import { publicSearchText, scrubDeep } from "~/domain/privacy/case-view";
import { db } from "~/utils/db.server";
import { writeCases } from "./after-commit.server";
import { forViewer, historyForViewer, seesReporter, type Viewer } from "./case-privacy.server";

export type { Viewer };

const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

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
    duplicateOf: { select: { id: true, title: true } },
    duplicates: { select: { id: true, title: true } },
    owner: { select: { id: true, name: true } },
    createdBy: { select: { name: true } },
  } satisfies Prisma.CaseSelect;
}

const SEARCH_ID_LIMIT = 20_000;

/** "territory carve" → '"territory"* "carve"*': every word, as typed or as a prefix. */
export function ftsQuery(q: string) {
  const terms = q.split(/\s+/).map((t) => t.replace(/"/g, "").trim()).filter(Boolean).slice(0, 12);
  return terms.map((t) => `"${t}"*`).join(" ");
}

/**
 * The ids of cases whose title or complaint contains the words (FTS5 index, see the
 * case_search migration); null when the words match so much that a plain scan is as good.
 */
async function searchIds(q: string, identity: boolean): Promise<number[] | null> {
  const match = ftsQuery(q);
  if (!match) return null;
  // Outside the comp team the search sees only the scrubbed text: no query can tell whether a
  // hidden name is there.
  const index = identity ? "CaseSearch" : "CaseSearchPublic";
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT rowid AS id FROM "${index}" WHERE "${index}" MATCH ? LIMIT ${SEARCH_ID_LIMIT + 1}`,
    match,
  );
  return rows.length > SEARCH_ID_LIMIT ? null : rows.map((r) => Number(r.id));
}

export type CaseSearch = Prisma.CaseWhereInput | null;

/** The text-search part of a list query, resolved once per request (it queries the index). */
export async function caseSearch(query: CaseListQuery, viewer: Viewer): Promise<CaseSearch> {
  if (!query.q) return null;
  const identity = seesReporter(viewer);
  const ids = await searchIds(query.q, identity);
  if (ids) return { id: { in: ids } };
  return identity
    ? { OR: [{ title: { contains: query.q } }, { complaint: { contains: query.q } }] }
    : { OR: [{ publicTitle: { contains: query.q } }, { publicComplaint: { contains: query.q } }] };
}

async function whereFor(query: CaseListQuery, viewer: Viewer, search?: CaseSearch): Promise<Prisma.CaseWhereInput> {
  const where = listWhere({ ...query, q: undefined });
  const text = search === undefined ? await caseSearch(query, viewer) : search;
  return text ? { AND: [where, text] } : where;
}

function listWhere(query: CaseListQuery): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [];
  if (query.status) and.push({ status: query.status });
  if (query.function) and.push({ reporterFunction: query.function });
  if (query.role) and.push({ reporterRole: query.role });
  if (query.segment) and.push({ segment: query.segment });
  if (query.behaviour) and.push({ behaviour: query.behaviour });
  // The diagnosed root cause where there is one, the suspected cause otherwise.
  if (query.cause) and.push({ OR: [{ rootCause: query.cause }, { rootCause: "", suspectedCause: query.cause }] });
  if (query.owner) and.push(query.owner === "none" ? { ownerId: null } : { ownerId: query.owner });
  if (query.tenure) {
    const { min, max } = tenureRange(query.tenure);
    and.push({ tenureMonths: max == null ? { gte: min } : { gte: min, lte: max } });
  }
  if (query.from) and.push({ raisedOn: { gte: new Date(`${query.from}T00:00:00.000Z`) } });
  if (query.to) and.push({ raisedOn: { lte: new Date(`${query.to}T23:59:59.999Z`) } });
  return and.length ? { AND: and } : {};
}

function listOrder(sort: CaseListQuery["sort"]): Prisma.CaseOrderByWithRelationInput[] {
  switch (sort) {
    case "raisedOn":
      return [{ raisedOn: "asc" }, { id: "asc" }];
    case "-updatedAt":
      return [{ updatedAt: "desc" }, { id: "desc" }];
    case "-severity":
      return [{ severityRank: "desc" }, { raisedOn: "desc" }, { id: "desc" }];
    case "status":
      return [{ status: "asc" }, { raisedOn: "desc" }, { id: "desc" }];
    default:
      return [{ raisedOn: "desc" }, { id: "desc" }];
  }
}

export async function listCases(query: CaseListQuery, viewer: Viewer, search?: CaseSearch) {
  const where = await whereFor(query, viewer, search);
  const total = await db.case.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const identity = seesReporter(viewer);
  const rows = await db.case.findMany({
    where,
    orderBy: listOrder(query.sort),
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      title: true,
      raisedOn: true,
      reporterRole: true,
      reporterFunction: true,
      segment: true,
      tenureMonths: true,
      behaviour: true,
      suspectedCause: true,
      rootCause: true,
      severity: true,
      status: true,
      reporterName: true,
      confidential: identity,
      owner: { select: { name: true } },
    },
  });
  return { rows: rows.map((r) => withoutIdentity(r, identity)), total, page, pageCount };
}

/** Cases per status under the other filters, for the status tabs of the list. */
export async function countByStatus(query: CaseListQuery, viewer: Viewer, search?: CaseSearch) {
  const rows = await db.case.groupBy({
    by: ["status"],
    where: await whereFor({ ...query, status: undefined }, viewer, search),
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
}

export const EXPORT_LIMIT = 100_000;

/**
 * Every case matching the list's filters (no paging, capped), with only the fields the viewer
 * may see. Cases without an external id get "case-<id>", which the import recognises, so an
 * exported file re-imports as an update, not as copies.
 */
export async function exportCases(query: CaseListQuery, viewer: Viewer) {
  const identity = seesReporter(viewer);
  const rows = await db.case.findMany({
    where: await whereFor(query, viewer),
    orderBy: listOrder(query.sort),
    take: EXPORT_LIMIT,
    select: { id: true, externalId: true, ...recordKeys(), ownerId: false, duplicateOfId: false, reporterName: true, confidential: identity },
  });
  return rows
    .map((r) => withoutIdentity(r, identity))
    .map((r) => ({ ...r, externalId: r.externalId ?? `case-${r.id}`, tags: r.tags.split(",").filter(Boolean) }));
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

export function toRecord(input: CaseFormData) {
  const title = input.title || deriveTitle(input.complaint);
  return {
    ...publicSearchText({ title, complaint: input.complaint, reporterName: input.reporterName }),
    title,
    complaint: input.complaint,
    raisedOn: input.raisedOn ? new Date(`${input.raisedOn}T00:00:00.000Z`) : startOfToday(),
    channel: input.channel,
    reporterRole: input.reporterRole,
    reporterFunction: input.reporterFunction,
    segment: input.segment,
    region: input.region,
    tenureMonths: input.tenureMonths ?? null,
    reporterName: input.reporterName,
    confidential: input.confidential,
    behaviour: input.behaviour,
    behaviourDetail: input.behaviourDetail,
    suspectedCause: input.suspectedCause ?? "",
    causeDetail: input.causeDetail,
    severity: input.severity,
    severityRank: SEVERITY_RANK[input.severity],
    peopleAffected: input.peopleAffected ?? null,
    revenueAtRisk: input.revenueAtRisk ?? null,
    ownerId: input.ownerId || null,
    tags: normaliseTags(input.tags),
    duplicateOfId: input.duplicateOfId ?? null,
  };
}

function startOfToday() {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export class UnknownOwnerError extends Error {}
export class UnknownDuplicateError extends Error {}

async function assertDuplicateTarget(tx: Prisma.TransactionClient, id: number | null, self?: number) {
  if (id == null) return;
  if (id < 1 || id === self || (await tx.case.count({ where: { id } })) === 0) {
    throw new UnknownDuplicateError("Choose an existing case (not this one)");
  }
}

async function assertOwner(tx: Prisma.TransactionClient, ownerId: string | null) {
  if (!ownerId) return;
  const owner = await tx.user.findFirst({
    where: { id: ownerId, active: true, role: { in: ["admin", "analyst"] } },
    select: { id: true },
  });
  if (!owner) throw new UnknownOwnerError("Choose an owner from the comp team");
}

export async function createCase(input: CaseFormData, actorId: string) {
  const record = toRecord(input);
  return writeCases(
    async (tx) => {
      await assertOwner(tx, record.ownerId);
      await assertDuplicateTarget(tx, record.duplicateOfId);
      const created = await tx.case.create({
        data: { ...record, createdById: actorId, status: "new" },
        select: { id: true },
      });
      await tx.caseEvent.create({ data: { caseId: created.id, actorId, kind: "created" } });
      return created;
    },
    (created) => ({ cases: [created.id], recheck: true }),
  );
}

export type UpdateResult =
  | { ok: true }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "conflict"; currentVersion: number; updatedBy: string | null };

async function conflict(tx: Prisma.TransactionClient, id: number): Promise<UpdateResult> {
  const current = await tx.case.findUnique({ where: { id }, select: { version: true } });
  if (!current) return { ok: false, reason: "not-found" };
  const last = await tx.caseEvent.findFirst({
    where: { caseId: id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actor: { select: { name: true } } },
  });
  return { ok: false, reason: "conflict", currentVersion: current.version, updatedBy: last?.actor.name ?? null };
}

/**
 * Saves an edit only if nobody saved since the editor loaded `version` (optimistic
 * concurrency). Every changed field is written to the history in the same transaction.
 */
export async function updateCase(id: number, version: number, input: CaseFormData, actorId: string) {
  const record = toRecord(input);
  return writeCases(async (tx): Promise<UpdateResult> => {
    const before = await tx.case.findUnique({ where: { id }, select: { ...recordKeys(), version: true } });
    if (!before) return { ok: false, reason: "not-found" };
    if (before.version !== version) return conflict(tx, id);
    await assertOwner(tx, record.ownerId);
    await assertDuplicateTarget(tx, record.duplicateOfId, id);
    const changes = diffCase(before as FieldValues, record as FieldValues);
    if (changes.length === 0) return { ok: true };
    const { count } = await tx.case.updateMany({
      where: { id, version },
      data: { ...record, version: { increment: 1 } },
    });
    if (count === 0) return conflict(tx, id);
    await nameOwners(tx, changes);
    await tx.caseEvent.createMany({
      data: changes.map((c) => ({ caseId: id, actorId, kind: "field", field: c.field, fromValue: c.from, toValue: c.to })),
    });
    return { ok: true };
  }, (r) => (r.ok ? { cases: [id], recheck: true } : null));
}

// History reads "Owner: Ana → Ben", not two opaque ids.
async function nameOwners(tx: Prisma.TransactionClient, changes: ReturnType<typeof diffCase>) {
  const change = changes.find((c) => c.field === "ownerId");
  if (!change) return;
  const ids = [change.from, change.to].filter(Boolean);
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? (id ? "a former user" : "");
  change.from = name(change.from);
  change.to = name(change.to);
}

export function recordKeys() {
  return {
    title: true,
    complaint: true,
    raisedOn: true,
    channel: true,
    reporterRole: true,
    reporterFunction: true,
    segment: true,
    region: true,
    tenureMonths: true,
    reporterName: true,
    confidential: true,
    behaviour: true,
    behaviourDetail: true,
    suspectedCause: true,
    causeDetail: true,
    severity: true,
    peopleAffected: true,
    revenueAtRisk: true,
    ownerId: true,
    tags: true,
    duplicateOfId: true,
  } as const;
}

export type StatusResult = UpdateResult | { ok: false; reason: "not-allowed"; from: string };

export async function changeStatus(id: number, version: number, to: CaseStatus, actorId: string) {
  return writeCases(async (tx): Promise<StatusResult> => {
    const before = await tx.case.findUnique({ where: { id }, select: { status: true, version: true } });
    if (!before) return { ok: false, reason: "not-found" };
    if (before.version !== version) return conflict(tx, id);
    if (!canMoveStatus(before.status as CaseStatus, to)) {
      return { ok: false, reason: "not-allowed", from: before.status };
    }
    const { count } = await tx.case.updateMany({
      where: { id, version },
      data: { status: to, version: { increment: 1 } },
    });
    if (count === 0) return conflict(tx, id);
    await tx.caseEvent.create({
      data: { caseId: id, actorId, kind: "status", field: "status", fromValue: before.status, toValue: to },
    });
    return { ok: true };
  }, (r) => (r.ok ? { cases: [id] } : null));
}

export async function countCasesBy(field: "status" | "reporterFunction" | "suspectedCause") {
  const rows = await db.case.groupBy({ by: [field], _count: { _all: true } });
  return rows.map((r) => ({ key: String(r[field as keyof typeof r] ?? ""), count: r._count._all }));
}

/** Marks a case as repeating another (or clears it); recorded in the history like any edit. */
export async function linkDuplicate(id: number, duplicateOfId: number | null, actorId: string) {
  return writeCases(async (tx) => {
    const before = await tx.case.findUnique({ where: { id }, select: { duplicateOfId: true } });
    if (!before) return false;
    await assertDuplicateTarget(tx, duplicateOfId, id);
    await tx.case.update({ where: { id }, data: { duplicateOfId, version: { increment: 1 } } });
    await tx.caseEvent.create({
      data: { caseId: id, actorId, kind: "field", field: "duplicateOfId", fromValue: before.duplicateOfId ? `#${before.duplicateOfId}` : "", toValue: duplicateOfId ? `#${duplicateOfId}` : "" },
    });
    return true;
  }, (linked) => (linked ? { cases: [id] } : null));
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
