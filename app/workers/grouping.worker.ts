// The pattern page's suggested groups, on a worker thread (decision 020): grouping is
// quadratic in the cases it looks at (up to 3,000), seconds of CPU that the server's thread
// must not spend. The server reads the cases (one short query) and sends them; at scale the
// worker reads them itself on a read-only connection (decision 022: 3,000 cases through Prisma
// held the server's thread ~150 ms at 100k). Imports only pure code (bundled by scripts/build-workers.mjs).
import Database from "better-sqlite3";
import { answerOnce } from "./answer";
import { givePagesTheCpu } from "./thread-priority";
import { suggestGroups, type Suggestion } from "../domain/patterns/grouping";
import type { PatternCase } from "../domain/patterns/types";
import { rangeSql, type DateRange } from "../models/pattern-counts";
import { PATTERN_CASE_COLUMNS, patternCaseOf, type PatternCaseRow } from "./case-rows";

givePagesTheCpu();

export type GroupingJob = { cases: PatternCase[] } | { file: string; range: DateRange; cap: number };
export type GroupingResult = { ok: true; suggestions: Suggestion[]; grouped: number; computeMs: number } | { ok: false; message: string };

/** The most recent cases in the range, capped: the same cases as casesForGrouping (pattern.server.ts). */
export function readCasesForGrouping(file: string, range: DateRange, cap: number): PatternCase[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { where, params } = rangeSql(range);
    const rows = sqlite.prepare(`SELECT ${PATTERN_CASE_COLUMNS} FROM "Case" ${where} ORDER BY raisedOn DESC, id DESC LIMIT ?`).all(...params, cap) as PatternCaseRow[];
    return rows.map(patternCaseOf);
  } finally {
    sqlite.close();
  }
}

answerOnce((job: GroupingJob): GroupingResult => {
  const cases = "cases" in job ? job.cases : readCasesForGrouping(job.file, job.range, job.cap);
  const started = performance.now();
  return { ok: true, suggestions: suggestGroups(cases), grouped: cases.length, computeMs: performance.now() - started };
});
