import { databaseFile } from "~/utils/env.server";
import type { CaseMapping } from "~/domain/data-io/case-import";
import type { CaseCheck, ValueChoices } from "~/domain/data-io/case-file";
import { dropBatch, newBatchId, openBatch, openImportConnection, pauseForRequests, publishInWorker, PublishRefused, type PublishStep } from "~/utils/import-connection.server";
import { quoted, STAGED, stageCaseRows, type ImportRow, type Staged } from "~/utils/import-stage";
import { sqlDate } from "~/utils/sql-value";
import { done, refused, type Done, type Refused } from "~/utils/outcome";
import { now } from "~/utils/clock.server";
import { runWorker } from "~/utils/worker.server";
import type { CaseFileCheckJob, CaseFileImportJob, CaseFileMessage } from "~/workers/case-import.worker";
import { afterCommit } from "./after-commit.server";

export type { ImportRow };
export type ImportResult = { created: number; updated: number; skipped: number };
type Conflict = Refused<"conflict", { message: string }>;

/**
 * Imports cases all-or-nothing without holding the write lock for the whole run (decision 006):
 * rows are staged 500 at a time in short transactions, then published in one short final
 * transaction on a worker thread. A row whose external id is known (or "case-<id>", as exports
 * name cases without one) updates that case, only in the columns the file carries, provided
 * nobody changed the case meanwhile; every other row creates a case. Changes go to the history.
 * Staged on the server's thread: for rows already in memory (the intake API's one case); a file
 * is staged by its worker (startCaseFileImport).
 */
type CaseImport = {
  rows: ImportRow[];
  actorId: string;
  onProgress?: (done: number) => void;
  /** The case fields the file's columns map to: an update changes only these. */
  mappedFields?: ReadonlySet<string>;
};

/** Refused when a case the file updates was changed by someone during the import (nothing saved). */
export async function importCases({ rows, actorId, onProgress, mappedFields }: CaseImport): Promise<Done<ImportResult> | Conflict> {
  const batchId = await openCaseBatch(actorId);
  return publishBatch(actorId, batchId, async () => {
    const sqlite = openImportConnection();
    try {
      const onChunk = async (done: number) => {
        onProgress?.(done);
        await pauseForRequests(); // the server keeps answering between chunks
      };
      return await stageCaseRows(sqlite, rows, { batchId, today: now(), mappedFields, onChunk });
    } finally {
      sqlite.close();
    }
  });
}

async function openCaseBatch(actorId: string) {
  const batchId = newBatchId();
  const sqlite = openImportConnection();
  try {
    await openBatch(sqlite, batchId, "cases", actorId);
  } finally {
    sqlite.close();
  }
  return batchId;
}

/** Waits for the batch to be staged, publishes it and runs the after-commit step; its staging rows are dropped whatever happens. */
async function publishBatch(actorId: string, batchId: string, staging: () => Promise<Staged>): Promise<Done<ImportResult> | Conflict> {
  let staged: Staged;
  let firstNewId = 0;
  try {
    staged = await staging();
    const { values } = await publishInWorker(publishCaseSteps(), { batchId, actorId, now: sqlDate(new Date()) });
    firstNewId = Number(values.lastId) + 1;
  } catch (error) {
    if (error instanceof PublishRefused) return refused("conflict", { message: error.message });
    throw error;
  } finally {
    void dropBatch(batchId, ["CaseStage", "CaseStageEvent"]);
  }
  const { created, updated, skipped, updatedIds } = staged;
  // One INSERT under the write lock: the new cases have consecutive ids from firstNewId.
  const createdIds = Array.from({ length: created }, (_, i) => firstNewId + i);
  await afterCommit({ cases: [...createdIds, ...updatedIds], recheck: true });
  return done({ created, updated, skipped });
}

/** An uploaded case file: where it waits on disk (the worker reads it there) and its name. */
export type CaseFile = { path: string; name: string };

const UNREADABLE = "The file could not be read (it may be too large). Nothing was saved.";

/** Reads and checks an uploaded case file on the import worker: the preview, or why the file cannot be read. */
export async function checkCaseFile(file: CaseFile, { mapping, lastMapping, choices }: { mapping: CaseMapping | null; lastMapping: CaseMapping | null; choices: ValueChoices }) {
  const job: CaseFileCheckJob = { task: "check", upload: file.path, name: file.name, mapping, lastMapping, choices };
  const m = await runWorker<CaseFileMessage>("case-import", job, { preempts: true }).catch((error: unknown) => {
    console.error("The case import worker stopped:", error);
    return null;
  });
  if (m?.kind === "checked") return { ok: true as const, check: m.check };
  return { ok: false as const, error: m?.kind === "unreadable" ? m.error : UNREADABLE };
}

type FileImport = { file: CaseFile; mapping: CaseMapping; choices: ValueChoices; validOnly: boolean; actorId: string };
export type FileImportStarted =
  | { ok: true; check: CaseCheck; run: (onProgress: (done: number) => void) => Promise<Done<ImportResult> | Conflict> }
  | { ok: false; check: CaseCheck | null; error: string | null };

/**
 * Starts a file import on the import worker (decision 023): it reads and checks every row again
 * (the remembered values may have moved since the preview) and says whether the file is imported
 * before it stages anything. `run` follows the staging, then publishes on the server's side.
 */
export async function startCaseFileImport({ file, mapping, choices, validOnly, actorId }: FileImport): Promise<FileImportStarted> {
  const batchId = await openCaseBatch(actorId); // the batch exists before the worker stages into it
  let checked: (m: CaseFileMessage) => void = () => {};
  const first = new Promise<CaseFileMessage>((resolve) => (checked = resolve));
  let progress: (done: number) => void = () => {};
  const job: CaseFileImportJob = { task: "import", upload: file.path, name: file.name, mapping, choices, validOnly, file: databaseFile(), batchId, today: now().toISOString() };
  // Its heap is capped (WORKER_HEAP_MB, decision 023): past the cap the worker stops and the import fails cleanly, nothing saved.
  const last = runWorker<CaseFileMessage>("case-import", job, {
    preempts: true,
    isLast: (m) => {
      if (m.kind === "progress") progress(m.done);
      else if (m.kind !== "staged") checked(m);
      return m.kind !== "progress" && m.kind !== "checked";
    },
  });
  // A worker that stops (out of memory, say) before it answers is a file that could not be read.
  last.catch((error: unknown) => checked({ kind: "failed", message: error instanceof Error ? error.message : String(error) }));
  const m = await first;
  if (m.kind !== "checked") {
    void dropBatch(batchId, ["CaseStage", "CaseStageEvent"]);
    if (m.kind === "failed") console.error("The case import worker stopped:", m.message);
    return m.kind === "refused" ? { ok: false, check: m.check, error: m.error } : { ok: false, check: null, error: m.kind === "unreadable" ? m.error : UNREADABLE };
  }
  return {
    ok: true,
    check: m.check,
    run: (onProgress) => {
      progress = onProgress;
      return publishBatch(actorId, batchId, async () => {
        const end = await last;
        if (end.kind !== "staged") throw new Error(`The case import worker failed: ${end.kind === "failed" ? end.message : end.kind}`);
        return end.staged;
      });
    },
  };
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
