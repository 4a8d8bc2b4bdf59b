import type { Prisma } from "~/generated/prisma/client";
import { accessDateRange, retentionDays, type AccessAction, type AccessFilters, type AccessSubject } from "~/domain/access/access-log";
import { DAY_MS, now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { sqlDate } from "~/utils/sql-value";

// The access log (issue 19): who read or changed what, when, in which role. It stores ids,
// roles, times and coded facts only, never a reporter's name or any case text.

type Reader = { id: string; email: string; role: string };
type Entry = { action: AccessAction; subject: AccessSubject; subjectId?: string | number; confidential?: boolean; detail?: string };

// Reads are recorded off the request's path: the loader does not wait for the insert, and a
// failed insert is logged, never the reader's problem. Reads that arrive within a few
// milliseconds of each other are written together: one statement looks up which of their cases
// are confidential and one inserts them all (a case view paid a Prisma query and an insert of
// its own, issue 18). Pending writes are kept so tests (and the log page) can wait for them.
const BATCH_MS = 5;
const pending = new Set<Promise<void>>();

type Queued = { row: Omit<Row, "confidential"> & { confidential?: boolean }; caseIds: readonly number[] };
type Row = { at: string; userId: string; userEmail: string; role: string; action: string; subject: string; subjectId: string; confidential: number; detail: string };
let queue: Queued[] = [];
let timer: NodeJS.Timeout | undefined;

/** Which of these cases are confidential, in one statement with the ids as one JSON value:
 * Prisma refuses more than 999 bound values on SQLite (P2029), and an export of 1,000 cases or
 * more went unrecorded (issue 18). */
async function confidentialAmong(caseIds: ReadonlySet<number>) {
  if (caseIds.size === 0) return new Set<number>();
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT id FROM "Case" WHERE confidential = 1 AND id IN (SELECT value FROM json_each(?))`,
    JSON.stringify([...caseIds]),
  );
  return new Set(rows.map((r) => Number(r.id)));
}

async function writeBatch(batch: readonly Queued[]) {
  const lookup = new Set(batch.flatMap((q) => (q.row.confidential === undefined ? q.caseIds : [])));
  const confidential = await confidentialAmong(lookup);
  const rows: Row[] = batch.map(({ row, caseIds }) => ({
    ...row,
    confidential: (row.confidential ?? caseIds.some((id) => confidential.has(id))) ? 1 : 0,
  }));
  const columns = ["at", "userId", "userEmail", "role", "action", "subject", "subjectId", "confidential", "detail"] as const;
  await db.$executeRawUnsafe(
    `INSERT INTO "AccessLog" (${columns.map((c) => `"${c}"`).join(", ")}) ` +
      `SELECT ${columns.map((c) => `json_extract(value, '$.${c}')`).join(", ")} FROM json_each(?) ORDER BY key`,
    JSON.stringify(rows),
  );
}

function flushQueue() {
  clearTimeout(timer);
  timer = undefined;
  const batch = queue;
  queue = [];
  if (batch.length === 0) return;
  const job = writeBatch(batch)
    .catch((error: unknown) => console.error("Could not record an access:", (error as Error)?.name ?? error))
    .finally(() => pending.delete(job));
  pending.add(job);
}

function write(user: Reader, entry: Entry, caseIds: readonly number[]) {
  queue.push({
    row: {
      at: sqlDate(now()),
      userId: user.id,
      userEmail: user.email,
      role: user.role,
      action: entry.action,
      subject: entry.subject,
      subjectId: String(entry.subjectId ?? ""),
      confidential: entry.confidential,
      detail: entry.detail ?? "",
    },
    caseIds,
  });
  if (!timer) {
    timer = setTimeout(flushQueue, BATCH_MS);
    timer.unref();
  }
}

/**
 * Records a read: `recordAccess(user, "case", id)`. A case or its Five Whys is marked
 * confidential when the case is. Returns at once.
 */
export function recordAccess(user: Reader, subject: AccessSubject, subjectId?: string | number, detail?: Pick<Entry, "confidential" | "detail">) {
  const caseId = subject === "case" || subject === "whys" ? Number(subjectId) : NaN;
  write(user, { action: "read", subject, subjectId, ...detail }, Number.isInteger(caseId) ? [caseId] : []);
}

/**
 * Records an export of these cases: marked confidential when any of them is, whoever exported
 * it (a sales leader's rows carry no flag, so the flags are looked up, after the response).
 */
export function recordExport(user: Reader, caseIds: readonly number[], detail: string, confidential?: boolean) {
  write(user, { action: "read", subject: "export", subjectId: "", detail, confidential }, caseIds);
}

/** Records a change (a role, a confidential flag) inside the transaction that makes it. */
export async function recordChange(
  tx: Prisma.TransactionClient,
  actorId: string,
  entry: Omit<Entry, "action"> & { action: Exclude<AccessAction, "read"> },
) {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { email: true, role: true } });
  await tx.accessLog.create({
    data: {
      at: now(),
      userId: actorId,
      userEmail: actor?.email ?? "",
      role: actor?.role ?? "",
      action: entry.action,
      subject: entry.subject,
      subjectId: String(entry.subjectId ?? ""),
      confidential: entry.confidential ?? false,
      detail: entry.detail ?? "",
    },
    select: { id: true },
  });
}

/** Waits for reads recorded so far to be written. */
export async function flushAccessLog() {
  flushQueue();
  await Promise.all([...pending]);
}

function where(filters: AccessFilters): Prisma.AccessLogWhereInput {
  const { from, to } = accessDateRange(filters);
  return {
    ...(filters.user ? { userEmail: { contains: filters.user.toLowerCase() } } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.subject ? { subject: filters.subject } : {}),
    ...(filters.subjectId ? { subjectId: filters.subjectId } : {}),
    ...(filters.confidential ? { confidential: true } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

const entrySelect = { id: true, at: true, userId: true, userEmail: true, role: true, action: true, subject: true, subjectId: true, confidential: true, detail: true } as const;

export const ACCESS_PAGE_SIZE = 50;

export async function listAccess(filters: AccessFilters) {
  await flushAccessLog();
  const [entries, total] = await Promise.all([
    db.accessLog.findMany({
      where: where(filters),
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ACCESS_PAGE_SIZE,
      take: ACCESS_PAGE_SIZE,
      select: entrySelect,
    }),
    db.accessLog.count({ where: where(filters) }),
  ]);
  return { entries, total };
}

/** Every entry the filters match, oldest last, for the CSV export (capped: one file, one request). */
export async function exportAccess(filters: AccessFilters, limit = 100_000) {
  await flushAccessLog();
  return db.accessLog.findMany({ where: where(filters), orderBy: [{ at: "desc" }, { id: "desc" }], take: limit, select: entrySelect });
}

/** Removes entries older than the retention period; returns how many. */
export async function pruneAccessLog(days = retentionDays(process.env.ACCESS_LOG_DAYS)) {
  const { count } = await db.accessLog.deleteMany({ where: { at: { lt: new Date(now().getTime() - days * DAY_MS) } } });
  return count;
}

declare global {
  var __upstreamAccessPrune: NodeJS.Timeout | undefined;
}
const globalForPrune = globalThis;

/** At start-up and then daily, in the background. */
export function schedulePruning() {
  if (globalForPrune.__upstreamAccessPrune) return;
  const run = () => void pruneAccessLog().catch((error: unknown) => console.error("Could not prune the access log:", (error as Error)?.name ?? error));
  run();
  globalForPrune.__upstreamAccessPrune = setInterval(run, DAY_MS);
  globalForPrune.__upstreamAccessPrune.unref();
}
