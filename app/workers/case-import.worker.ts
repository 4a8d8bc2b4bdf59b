// A case file's import work, on a worker thread (decision 023): reading the file, checking
// every row and staging them in short transactions on a connection of its own, so the server's
// thread keeps answering (a 100,000-row file took it over for up to 4 s) and the parsed rows
// live in this thread's capped heap, not the server's. Publishing stays on the server side
// (decision 006). Imports only pure domain code, the staging module and better-sqlite3.
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { checkCaseText, importRefusal, startingMapping, type CaseCheck, type ValueChoices } from "../domain/data-io/case-file";
import type { CaseMapping, ValidCaseRow } from "../domain/data-io/case-import";
import { sleep, stageCaseRows, type Staged } from "../utils/import-stage";
import { givePagesTheCpu } from "./thread-priority";

givePagesTheCpu();

/** `upload`: the uploaded file's path (written to disk as it arrived, decision 026). */
export type CaseFileCheckJob = { task: "check"; upload: string; name: string; mapping: CaseMapping | null; lastMapping: CaseMapping | null; choices: ValueChoices };
export type CaseFileImportJob = {
  task: "import";
  upload: string;
  name: string;
  mapping: CaseMapping;
  choices: ValueChoices;
  validOnly: boolean;
  file: string;
  batchId: string;
  today: string;
};
export type CaseFileMessage =
  | { kind: "unreadable"; error: string }
  | { kind: "checked"; check: CaseCheck }
  | { kind: "refused"; check: CaseCheck; error: string | null }
  | { kind: "progress"; done: number }
  | { kind: "staged"; staged: Staged; heapMb: number }
  | { kind: "failed"; message: string };

const job = workerData as CaseFileCheckJob | CaseFileImportJob;
const post = (m: CaseFileMessage) => parentPort!.postMessage(m);

async function run() {
  // Read here, on this thread's capped heap: the server's thread never holds the file. Decoded
  // at once, so the bytes can go; then read and checked a row at a time (decision 049): only the
  // valid rows an import stages are kept.
  const text = new TextDecoder("utf-8").decode(readFileSync(job.upload));
  const valid: ValidCaseRow[] = [];
  const read = checkCaseText(text, job.name, {
    mapping: (headers) => (job.task === "check" ? (job.mapping ?? startingMapping(headers, job.lastMapping)) : job.mapping),
    choices: job.choices,
    onValid: job.task === "import" ? (row) => valid.push(row) : undefined,
  });
  if ("error" in read) return post({ kind: "unreadable", error: read.error });
  const { check } = read;
  if (job.task === "check") return post({ kind: "checked", check });
  const refusal = importRefusal(check, job.validOnly);
  if (refusal) return post({ kind: "refused", check, error: check.mappingProblem ? null : refusal });
  post({ kind: "checked", check });
  // No busy timeout: a held lock is waited for with an asynchronous pause (shortWrite).
  const sqlite = new Database(job.file, { timeout: 0 });
  try {
    sqlite.pragma("foreign_keys = ON");
    const staged = await stageCaseRows(sqlite, valid, {
      batchId: job.batchId,
      today: new Date(job.today),
      mappedFields: new Set(Object.values(job.mapping).filter((v): v is NonNullable<typeof v> => Boolean(v))),
      onChunk: async (done, lockedMs) => {
        post({ kind: "progress", done });
        // Free the lock as long as the chunk held it: a write waiting on the server's thread
        // polls for it every few ms, and would keep missing a 1 ms gap (saves waited 9 s).
        await sleep(Math.max(2, lockedMs));
      },
    });
    post({ kind: "staged", staged, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) });
  } finally {
    sqlite.close();
  }
}

run().catch((error: unknown) => post({ kind: "failed", message: error instanceof Error ? error.message : String(error) }));
