// Staging a case import (decision 006): rows go to "CaseStage" under a batch id in short
// transactions, invisible until the batch publishes. Free of Prisma, Remix and *.server.ts, so
// the same code runs on the server's thread (the intake API's one row) and on the import's
// worker thread (a file; decision 023).
import type Database from "better-sqlite3";
import { diffCase, type FieldValues } from "../domain/cases/case-history";
import type { CaseFormData } from "../domain/cases/case-schema";
import { RECORD_FIELDS, toRecord } from "../domain/cases/case-record";
import { publicSearchText } from "../domain/privacy/case-view";
import { sqlValue } from "./sql-value";

export type ImportRow = { externalId?: string; data: CaseFormData };
export type Staged = { created: number; updated: number; skipped: number; updatedIds: number[] };

const isBusy = (error: unknown) => error instanceof Error && /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string }).code ?? ""} ${error.message}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `write` (synchronous statements) in its own BEGIN IMMEDIATE … COMMIT. When another
 * connection holds the write lock, it tries again after a short asynchronous pause, for up
 * to a minute, so the holder (a sign-in, a case save) finishes first.
 */
export async function shortWrite(sqlite: Database.Database, write: () => void) {
  const start = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      sqlite.exec("BEGIN IMMEDIATE");
      write();
      sqlite.exec("COMMIT");
      return;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      if (!isBusy(error) || Date.now() - start > 60_000) throw error;
      await sleep(Math.min(100, 5 * 2 ** attempt));
    }
  }
}

// Rows per transaction: about 10 ms of write lock, so a sign-in or a save waits at most that.
export const STAGE_CHUNK = 500;
const COLUMNS = Object.keys(RECORD_FIELDS) as (keyof typeof RECORD_FIELDS)[];
// Owner and "duplicate of" point at records of this database: a file never sets them.
export const STAGED = [...COLUMNS.filter((c) => c !== "ownerId" && c !== "duplicateOfId"), "severityRank", "publicTitle", "publicComplaint"];
export const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

const fromSql = (column: string, v: unknown) => (column === "raisedOn" ? new Date(String(v)) : column === "confidential" ? Boolean(v) : v);

function pickFields(record: Record<string, unknown>, fields: ReadonlySet<string>) {
  return Object.fromEntries(Object.entries(record).filter(([k]) => fields.has(k) || (k === "severityRank" && fields.has("severity"))));
}

type StageOptions = {
  batchId: string;
  today: Date;
  /** The case fields the file's columns map to: an update changes only these. */
  mappedFields?: ReadonlySet<string>;
  /** After each committed chunk, with the rows done so far and how long it held the write lock. */
  onChunk?: (done: number, lockedMs: number) => void | Promise<void>;
};

/**
 * Stages `rows` STAGE_CHUNK at a time, each chunk in its own short transaction. A row whose
 * external id is known (or "case-<id>", as exports name cases without one) becomes an update of
 * that case carrying the version it was worked out against, only in the mapped columns, with its
 * history; a row that changes nothing is skipped; every other row is a new case.
 */
export async function stageCaseRows(sqlite: Database.Database, rows: readonly ImportRow[], { batchId, today, mappedFields, onChunk }: StageOptions): Promise<Staged> {
  const selectColumns = quoted(["id", "externalId", "version", ...COLUMNS]);
  const out: Staged = { created: 0, updated: 0, skipped: 0, updatedIds: [] };
  const stage = sqlite.prepare(
    `INSERT INTO "CaseStage" (batchId, seq, targetId, targetVersion, externalId, ${quoted(STAGED)}) VALUES (?, ?, ?, ?, ?, ${STAGED.map(() => "?").join(", ")})`,
  );
  const stageEvent = sqlite.prepare(`INSERT INTO "CaseStageEvent" (batchId, caseId, field, fromValue, toValue) VALUES (?, ?, ?, ?, ?)`);
  for (let i = 0; i < rows.length; i += STAGE_CHUNK) {
    const chunk = rows.slice(i, i + STAGE_CHUNK);
    const known = findKnown(sqlite, chunk, selectColumns);
    // Worked out before the transaction: the write lock is held for the inserts only.
    const planned = chunk.map((r) => {
      const full: Record<string, unknown> = toRecord(r.data, today);
      const current = r.externalId ? known.get(r.externalId) : undefined;
      if (!current) return { kind: "create" as const, values: STAGED.map((c) => sqlValue(full[c])), externalId: r.externalId || null };
      const before = Object.fromEntries(COLUMNS.map((c) => [c, fromSql(c, current[c])]));
      const next: Record<string, unknown> = {
        ...before,
        severityRank: current.severityRank,
        ...(mappedFields ? pickFields(full, mappedFields) : full),
        ownerId: before.ownerId,
        duplicateOfId: before.duplicateOfId,
      };
      Object.assign(next, publicSearchText(next as { title: string; complaint: string; reporterName: string }));
      const changes = diffCase(before as FieldValues, next as FieldValues);
      if (changes.length === 0) return { kind: "skip" as const };
      return { kind: "update" as const, id: Number(current.id), version: Number(current.version), values: STAGED.map((c) => sqlValue(next[c])), changes };
    });
    let locked = 0;
    await shortWrite(sqlite, () => {
      locked = performance.now();
      planned.forEach((p, k) => {
        if (p.kind === "create") stage.run(batchId, i + k, null, null, p.externalId, ...p.values);
        else if (p.kind === "update") {
          stage.run(batchId, i + k, p.id, p.version, null, ...p.values);
          for (const c of p.changes) stageEvent.run(batchId, p.id, c.field, c.from, c.to);
        }
      });
    });
    const lockedMs = performance.now() - locked;
    for (const p of planned) {
      if (p.kind === "create") out.created += 1;
      else if (p.kind === "skip") out.skipped += 1;
      else {
        out.updated += 1;
        out.updatedIds.push(p.id);
      }
    }
    await onChunk?.(Math.min(rows.length, i + STAGE_CHUNK), lockedMs);
  }
  return out;
}

/** The cases a chunk's external ids name (by external id, or "case-<id>" for cases without one). */
function findKnown(sqlite: Database.Database, chunk: readonly ImportRow[], selectColumns: string) {
  const ids = [...new Set(chunk.map((r) => r.externalId).filter((x): x is string => Boolean(x)))];
  const known = new Map<string, Record<string, unknown>>();
  if (!ids.length) return known;
  const found = sqlite.prepare(`SELECT ${selectColumns}, severityRank FROM "Case" WHERE externalId IN (${ids.map(() => "?").join(",")})`).all(...ids) as Record<string, unknown>[];
  for (const f of found) known.set(String(f.externalId), f);
  const internal = ids.filter((x) => !known.has(x) && /^case-\d{1,9}$/.test(x)).map((x) => Number(x.slice(5)));
  if (internal.length) {
    const byId = sqlite.prepare(`SELECT ${selectColumns}, severityRank FROM "Case" WHERE externalId IS NULL AND id IN (${internal.map(() => "?").join(",")})`).all(...internal) as Record<string, unknown>[];
    for (const f of byId) known.set(`case-${f.id}`, f);
  }
  return known;
}
