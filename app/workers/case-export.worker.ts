// Case exports written on a worker thread that stays up (issue 18, decision 034): the server
// sends a page of ids, what the viewer may see and the columns; this reads those rows on a
// read-only connection of its own, scrubs them for the viewer as exportRows does, writes them
// as CSV or JSON and hands the bytes back. On the server's thread a 10,000-row export cost
// ~196 ms of CPU at 100k, in ten ~20 ms steps that every other request waited behind.
import Database from "better-sqlite3";
import { answerEach } from "./answer";
import { givePagesTheCpu } from "./thread-priority";
import { csvLines, jsonLines, type ExportColumn } from "../domain/data-io/csv-export";
import { exportFieldNames } from "../domain/data-io/export-fields";
import { scrubDeep } from "../domain/privacy/case-view";
import { gzipPiece, type GzipProgress } from "../utils/gzip-pieces";

givePagesTheCpu();

export type CaseExportService = { file: string };
/**
 * `identity`: the viewer may know reporters (seesReporter); `first`: no row written yet (JSON's
 * commas); `gzip`: the page compressed as the next piece of a gzip file, which has got this far.
 */
export type CaseExportJob = { ids: number[]; identity: boolean; format: "csv" | "json"; columns: ExportColumn[]; first: boolean; gzip?: GzipProgress };
export type CaseExportResult = { ok: true; bytes: Uint8Array<ArrayBuffer>; progress?: GzipProgress } | { ok: false; message: string };
/** The export's ids (the list's statement, built on the server's thread) and whether any is confidential. */
export type CaseExportIdsJob = { sql: string; params: unknown[] };
export type CaseExportIdsResult = { ok: true; ids: Int32Array<ArrayBuffer>; anyConfidential: boolean } | { ok: false; message: string };

type Shown = { id: number; externalId: string | null; tags: string; [column: string]: unknown };
type Row = Shown & { reporterName: string };

let sqlite: Database.Database | null = null;
const encoder = new TextEncoder();

/** One page as exportRows returns it: in the ids' order, typed as Prisma types them, scrubbed unless `identity`. */
export function exportPage(file: string, { ids, identity }: Pick<CaseExportJob, "ids" | "identity">): Record<string, unknown>[] {
  sqlite ??= new Database(file, { readonly: true, fileMustExist: true });
  // The same columns as exportRows: never wider than the viewer's (the flag only decides the confidential column).
  const columns = exportFieldNames(identity).map((name) => `c."${name}"`);
  const rows = sqlite.prepare(`SELECT ${columns.join(", ")} FROM "Case" c WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const raw = byId.get(id);
    if (!raw) return [];
    // Prisma keeps DateTime as ISO text and Boolean as 0/1: read back as Prisma would.
    const typed: Row = { ...raw, raisedOn: new Date(raw.raisedOn as string | number) };
    if ("confidential" in raw) typed.confidential = raw.confidential === 1;
    const { reporterName, ...rest } = typed;
    // Every field read from the scrubbed row, the tags and external id too (a tag can carry the name).
    const shown: Shown = identity ? typed : scrubDeep(rest, reporterName ? [reporterName] : []);
    return [{ ...shown, externalId: shown.externalId ?? `case-${shown.id}`, tags: shown.tags.split(",").filter(Boolean) }];
  });
}

export function runExportIds(file: string, { sql, params }: CaseExportIdsJob): CaseExportIdsResult {
  sqlite ??= new Database(file, { readonly: true, fileMustExist: true });
  const rows = sqlite.prepare(sql).raw().all(...params) as [number, number][];
  const ids = new Int32Array(rows.length);
  let anyConfidential = false;
  rows.forEach(([id, confidential], i) => {
    ids[i] = id;
    if (confidential === 1) anyConfidential = true;
  });
  return { ok: true, ids, anyConfidential };
}

export function runCaseExport(file: string, job: CaseExportJob): CaseExportResult {
  const rows = exportPage(file, job);
  const text = job.format === "json" ? jsonLines(rows, job.columns, job.first) : csvLines(rows, job.columns);
  if (!job.gzip) return { ok: true, bytes: encoder.encode(text) };
  // Compressed here, not on the server's thread: its zlib glue and the uncompressed bytes'
  // garbage were most of an export's cost there (decision 044).
  return { ok: true, ...gzipPiece(encoder.encode(text), job.gzip, false) };
}

// The bytes are handed over, not copied.
type Job = CaseExportJob | CaseExportIdsJob;
type Result = CaseExportResult | CaseExportIdsResult;
answerEach<CaseExportService, Job, Result>(
  ({ file }, job) => ("sql" in job ? runExportIds(file, job) : runCaseExport(file, job)),
  (result) => (!result.ok ? [] : "ids" in result ? [result.ids.buffer] : [result.bytes.buffer]),
);
