import { diffCase, type FieldValues } from "~/domain/cases/case-history";
import { publicSearchText } from "~/domain/privacy/case-view";
import type { CaseFormData } from "~/domain/cases/case-schema";
import { dropBatch, newBatchId, openBatch, openImportConnection, pauseForRequests, publishInWorker, PublishRefused, shortWrite, type PublishStep } from "~/utils/import-connection.server";
import { done, refused, type Done, type Refused } from "~/utils/outcome";
import { afterCommit } from "./after-commit.server";
import { RECORD_FIELDS, toRecord } from "~/domain/cases/case-record";
import { now } from "~/utils/clock.server";

export type ImportRow = { externalId?: string; data: CaseFormData };
export type ImportResult = { created: number; updated: number; skipped: number };

const CHUNK = 500;
const COLUMNS = Object.keys(RECORD_FIELDS) as (keyof typeof RECORD_FIELDS)[];
// Owner and "duplicate of" point at records of this database: a file never sets them.
const STAGED = [...COLUMNS.filter((c) => c !== "ownerId" && c !== "duplicateOfId"), "severityRank", "publicTitle", "publicComplaint"];
const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

// Prisma stores DateTime in SQLite as ISO text with "+00:00" and booleans as 0/1; rows written
// here must read back through Prisma exactly like its own.
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const toSql = (v: unknown) => (v instanceof Date ? sqlDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null));
const fromSql = (column: string, v: unknown) => (column === "raisedOn" ? new Date(String(v)) : column === "confidential" ? Boolean(v) : v);

function pickFields(record: Record<string, unknown>, fields: ReadonlySet<string>) {
  return Object.fromEntries(Object.entries(record).filter(([k]) => fields.has(k) || (k === "severityRank" && fields.has("severity"))));
}

/**
 * Imports cases all-or-nothing without holding the write lock for the whole run (decision 006):
 * rows are staged 500 at a time in short transactions, then published in one short final
 * transaction on a worker thread. A row whose external id is known (or "case-<id>", as exports
 * name cases without one) updates that case, only in the columns the file carries, provided
 * nobody changed the case meanwhile; every other row creates a case. Changes go to the history.
 */
type CaseImport = {
  rows: ImportRow[];
  actorId: string;
  onProgress?: (done: number) => void;
  /** The case fields the file's columns map to: an update changes only these. */
  mappedFields?: ReadonlySet<string>;
};

/** Refused when a case the file updates was changed by someone during the import (nothing saved). */
export async function importCases({ rows, actorId, onProgress, mappedFields }: CaseImport): Promise<Done<ImportResult> | Refused<"conflict", { message: string }>> {
  const batchId = newBatchId();
  const sqlite = openImportConnection();
  const selectColumns = quoted(["id", "externalId", "version", ...COLUMNS]);
  let created = 0;
  let updated = 0;
  let skipped = 0;
  const updatedIds: number[] = [];
  const today = now();
  let firstNewId = 0;
  try {
    await openBatch(sqlite, batchId, "cases", actorId);
    const stage = sqlite.prepare(
      `INSERT INTO "CaseStage" (batchId, seq, targetId, targetVersion, externalId, ${quoted(STAGED)}) VALUES (?, ?, ?, ?, ?, ${STAGED.map(() => "?").join(", ")})`,
    );
    const stageEvent = sqlite.prepare(`INSERT INTO "CaseStageEvent" (batchId, caseId, field, fromValue, toValue) VALUES (?, ?, ?, ?, ?)`);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const known = findKnown(sqlite, chunk, selectColumns);
      await shortWrite(sqlite, () => {
        chunk.forEach((r, k) => {
          const full: Record<string, unknown> = toRecord(r.data, today);
          const current = r.externalId ? known.get(r.externalId) : undefined;
          if (!current) {
            stage.run(batchId, i + k, null, null, r.externalId || null, ...STAGED.map((c) => toSql(full[c])));
            created += 1;
            return;
          }
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
          if (changes.length === 0) {
            skipped += 1;
            return;
          }
          stage.run(batchId, i + k, current.id as number, current.version as number, null, ...STAGED.map((c) => toSql(next[c])));
          for (const c of changes) stageEvent.run(batchId, current.id as number, c.field, c.from, c.to);
          updatedIds.push(current.id as number);
          updated += 1;
        });
      });
      onProgress?.(Math.min(rows.length, i + CHUNK));
      await pauseForRequests(); // the server keeps answering between chunks
    }
    const { values } = await publishInWorker(publishCaseSteps(), { batchId, actorId, now: sqlDate(new Date()) });
    firstNewId = Number(values.lastId) + 1;
  } catch (error) {
    if (error instanceof PublishRefused) return refused("conflict", { message: error.message });
    throw error;
  } finally {
    sqlite.close();
    void dropBatch(batchId, ["CaseStage", "CaseStageEvent"]);
  }
  // One INSERT under the write lock: the new cases have consecutive ids from firstNewId.
  const createdIds = Array.from({ length: created }, (_, i) => firstNewId + i);
  await afterCommit({ cases: [...createdIds, ...updatedIds], recheck: true });
  return done({ created, updated, skipped });
}

/** The cases a chunk's external ids name (by external id, or "case-<id>" for cases without one). */
function findKnown(sqlite: ReturnType<typeof openImportConnection>, chunk: ImportRow[], selectColumns: string) {
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

/** One transaction: refuse if a case to update changed since it was staged, then insert, update and record history. */
function publishCaseSteps(): PublishStep[] {
  const updates = `FROM "CaseStage" s WHERE s.batchId = @batchId AND s.targetId IS NOT NULL`;
  return [
    {
      sql: `SELECT COUNT(*) FROM "CaseStage" s LEFT JOIN "Case" c ON c.id = s.targetId
            WHERE s.batchId = @batchId AND s.targetId IS NOT NULL AND (c.id IS NULL OR c.version <> s.targetVersion)`,
      get: true,
      failIfNonZero: "Some cases in the file were changed by someone else while it was importing. Nothing was imported; import the file again.",
    },
    { sql: `SELECT COALESCE(MAX(id), 0) FROM "Case"`, get: true, as: "lastId" },
    {
      sql: `INSERT INTO "Case" (${quoted(STAGED)}, externalId, createdById, status, version, createdAt, updatedAt)
            SELECT ${quoted(STAGED)}, externalId, @actorId, 'new', 1, @now, @now
            FROM "CaseStage" WHERE batchId = @batchId AND targetId IS NULL ORDER BY seq`,
    },
    // Holding the write lock, every id above the last one before the insert is one of ours.
    {
      sql: `INSERT INTO "CaseEvent" (caseId, actorId, at, kind, field, fromValue, toValue)
            SELECT id, @actorId, @now, 'created', '', '', 'imported' FROM "Case" WHERE id > @lastId`,
    },
    {
      sql: `UPDATE "Case" SET (${quoted(STAGED)}) = (SELECT ${STAGED.map((c) => `s."${c}"`).join(", ")} FROM "CaseStage" s WHERE s.batchId = @batchId AND s.targetId = "Case".id),
              version = version + 1, updatedAt = @now
            WHERE id IN (SELECT s.targetId ${updates})`,
    },
    {
      sql: `INSERT INTO "CaseEvent" (caseId, actorId, at, kind, field, fromValue, toValue)
            SELECT caseId, @actorId, @now, 'field', field, fromValue, toValue FROM "CaseStageEvent" WHERE batchId = @batchId ORDER BY id`,
    },
    { sql: `UPDATE "ImportBatch" SET publishedAt = @now WHERE id = @batchId` },
  ];
}
