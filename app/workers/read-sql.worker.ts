// Read-only SQL off the server's thread (decision 022): named queries answered from one
// snapshot (one read transaction) on a connection of the worker's own. better-sqlite3 answers
// synchronously, so on the server's thread a slow GROUP BY holds every other request.
import Database from "better-sqlite3";
import { answerOnce } from "./answer";
import { givePagesTheCpu } from "./thread-priority";
import type { SqlQuery, SqlRows } from "../models/pattern-counts";

givePagesTheCpu();

export type ReadSqlJob = { file: string; queries: Record<string, SqlQuery> };
export type ReadSqlResult = { ok: true; rows: Record<string, SqlRows>; ms: number } | { ok: false; message: string };

export function runReadSql({ file, queries }: ReadSqlJob): ReadSqlResult {
  const started = performance.now();
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.transaction(() => Object.fromEntries(Object.entries(queries).map(([name, q]) => [name, sqlite.prepare(q.sql).all(...q.params) as SqlRows])))();
    return { ok: true, rows, ms: performance.now() - started };
  } finally {
    sqlite.close();
  }
}

answerOnce(runReadSql);
