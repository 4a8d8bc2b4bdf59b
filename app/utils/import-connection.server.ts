import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { databaseFile } from "./env.server";
import { shortWrite, sleep } from "./import-stage";
import { sqlDate } from "./sql-value";

export { shortWrite };

// Imports stage rows in short transactions, then publish them in one short transaction on a
// worker thread (decision 006). Nobody waits for an import's write lock for more than a chunk
// or the publish, and the server's thread never waits for the lock synchronously.


/**
 * The import's own connection, with no busy timeout: better-sqlite3 would wait for a lock on
 * the server's only thread, freezing every request (and the holder of the lock with them).
 * A busy database is retried after an asynchronous pause instead (see `shortWrite`).
 */
export function openImportConnection() {
  const sqlite = new Database(databaseFile(), { timeout: 0 });
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

export const newBatchId = () => randomUUID();

/** Registers an import batch: its staged rows stay invisible until it publishes. */
export async function openBatch(sqlite: Database.Database, id: string, kind: "cases" | "attainment", actorId: string) {
  await shortWrite(sqlite, () => sqlite.prepare(`INSERT INTO "ImportBatch" (id, kind, actorId, createdAt) VALUES (?, ?, ?, ?)`).run(id, kind, actorId, sqlDate(new Date())));
}

/** A short pause between chunks, not just setImmediate: a request needs several turns of the event loop. */
export const pauseForRequests = () => sleep(2);

export type PublishStep = {
  sql: string;
  /** Read one value (the first column of the first row) instead of running the statement. */
  get?: boolean;
  /** Keep the value read, as the named parameter `@<as>` of later steps. */
  as?: string;
  /** With `get`: the import stops (and nothing is published) unless the value is 0. */
  failIfNonZero?: string;
};

export class PublishRefused extends Error {}

// Plain JavaScript so the worker needs no build step; it runs SQL only, everything else was
// worked out while staging. An eval'd worker resolves modules from the working directory, not
// from this file: better-sqlite3 is resolved here and handed over by path, so a server started
// from another directory still imports.
const BETTER_SQLITE3 = createRequire(import.meta.url).resolve("better-sqlite3");
const PUBLISH_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { file, steps, params, betterSqlite3 } = workerData;
const Database = require(betterSqlite3);
const db = new Database(file, { timeout: 60000 });
const values = { ...params };
const bind = (sql) => Object.fromEntries(Object.entries(values).filter(([k]) => new RegExp("@" + k + "\\\\b").test(sql)));
const started = Date.now();
try {
  db.pragma("foreign_keys = ON");
  db.exec("BEGIN IMMEDIATE");
  const locked = Date.now();
  for (const step of steps) {
    const statement = db.prepare(step.sql);
    if (!step.get) { statement.run(bind(step.sql)); continue; }
    const row = statement.get(bind(step.sql));
    const value = row ? Object.values(row)[0] : null;
    if (step.failIfNonZero && Number(value) !== 0) throw Object.assign(new Error(step.failIfNonZero), { refused: true });
    if (step.as) values[step.as] = typeof value === "bigint" ? Number(value) : value;
  }
  db.exec("COMMIT");
  parentPort.postMessage({ ok: true, values, waitedMs: locked - started, lockedMs: Date.now() - locked });
  // The publish wrote a large WAL; copied back here, on this thread, the next commit on the
  // server's thread does not run that checkpoint itself (seconds of a blocked event loop).
  db.pragma("wal_checkpoint(PASSIVE)");
} catch (error) {
  if (db.inTransaction) db.exec("ROLLBACK");
  parentPort.postMessage({ ok: false, message: String(error && error.message), refused: Boolean(error && error.refused) });
} finally {
  db.close();
}
`;

export type PublishResult = { values: Record<string, unknown>; waitedMs: number; lockedMs: number };

/**
 * Runs the steps in ONE transaction on a worker thread: everything staged becomes visible at
 * once, or nothing does. The worker may wait for the lock; the server's thread never does.
 */
export function publishInWorker(steps: PublishStep[], params: Record<string, unknown>): Promise<PublishResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PUBLISH_WORKER, { eval: true, workerData: { file: databaseFile(), steps, params, betterSqlite3: BETTER_SQLITE3 } });
    let settled = false;
    worker.once("message", (m: { ok: true } & PublishResult | { ok: false; message: string; refused: boolean }) => {
      settled = true;
      if (m.ok) resolve(m);
      else reject(m.refused ? new PublishRefused(m.message) : new Error(`Import publish failed: ${m.message}`));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`Import publish worker stopped (exit code ${code})`));
    });
  });
}

/**
 * Takes a batch's staging rows away after it published (or failed), a chunk at a time so the
 * lock is never held for long. Best effort: what is left is cleaned at the next start.
 */
export async function dropBatch(batchId: string, tables: readonly string[]) {
  // Opened inside the try: callers do not wait for this (`void dropBatch`), so a failure to
  // open (the database moved or gone, as a test's temporary directory after it ends) must be
  // logged here, not left as an unhandled rejection.
  let opened: Database.Database | null = null;
  try {
    const sqlite = (opened = openImportConnection());
    for (const table of tables) {
      const remove = sqlite.prepare(`DELETE FROM "${table}" WHERE rowid IN (SELECT rowid FROM "${table}" WHERE batchId = ? LIMIT 2000)`);
      let removed = 1;
      while (removed > 0) {
        await shortWrite(sqlite, () => {
          removed = remove.run(batchId).changes;
        });
        await pauseForRequests();
      }
    }
    await shortWrite(sqlite, () => sqlite.prepare(`DELETE FROM "ImportBatch" WHERE id = ?`).run(batchId));
  } catch (error) {
    console.error("Could not clean an import batch away (it is cleaned at the next start):", error);
  } finally {
    opened?.close();
  }
}
