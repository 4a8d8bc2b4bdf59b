// The floor for the case list: the SQL the list runs (listCases and countByStatus in
// app/models/case.server.ts), run directly with better-sqlite3 on the same file. The text
// search is a subquery on the full-text index (the analyst's, CaseSearch); counts stop at
// COUNT_CAP + 1 (10,001); the page is 26 ids in date order (one more tells whether a next page
// exists), then the 25 rows by id.

import Database from "better-sqlite3";
import { percentile } from "./load.mjs";

const CAP = 10_000;
const WHERE = `c.segment = ? AND c.id IN (SELECT rowid FROM "CaseSearch" WHERE "CaseSearch" MATCH ?)`;
export const LIST_COUNT_SQL = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Case" c WHERE ${WHERE} LIMIT ${CAP + 1})`;
export const LIST_PAGE_SQL = `SELECT c.id FROM "Case" c WHERE ${WHERE} ORDER BY c.raisedOn DESC, c.id DESC LIMIT 26 OFFSET 0`;
export const LIST_ROWS_SQL = `SELECT id, title, raisedOn, reporterRole, reporterFunction, segment, tenureMonths, behaviour, suspectedCause,
  rootCause, severity, status, ownerId FROM "Case" WHERE id IN (SELECT value FROM json_each(?))`;
// The list page counts cases per status under the same filters (its status tabs); the list's
// total is their sum, so this is the only count the page runs.
export const LIST_STATUS_SQL = `SELECT status, COUNT(*) AS n FROM (SELECT c.status FROM "Case" c WHERE ${WHERE} LIMIT ${CAP + 1}) GROUP BY status`;

/** "territory carve" → '"territory"* "carve"*', as ftsQuery in app/models/case.server.ts. */
export const ftsQuery = (q) =>
  q.split(/\s+/).map((t) => t.replace(/"/g, "").trim()).filter(Boolean).slice(0, 12).map((t) => `"${t}"*`).join(" ");

/**
 * p50 of the list's query (capped COUNT + page of ids + its rows), and of the statements the
 * page runs (status counts + page of ids + its rows), in ms. Bounded.
 */
export function listQueryFloor(dbFile, { segment, q }, { maxRuns = 300, maxMs = 4_000 } = {}) {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    const params = [segment, ftsQuery(q)];
    const count = sqlite.prepare(LIST_COUNT_SQL);
    const page = sqlite.prepare(LIST_PAGE_SQL);
    const rows = sqlite.prepare(LIST_ROWS_SQL);
    const status = sqlite.prepare(LIST_STATUS_SQL);
    const pageRows = () => rows.all(JSON.stringify(page.all(...params).slice(0, 25).map((r) => r.id)));
    const time = (fn) => {
      const times = [];
      for (let i = 0; i < 3; i++) fn(); // warm the page cache
      const until = performance.now() + maxMs;
      for (let i = 0; i < maxRuns && performance.now() < until; i++) {
        const t0 = performance.now();
        fn();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), runs: times.length };
    };
    const total = sqlite.prepare(`SELECT COUNT(*) AS n FROM "Case" c WHERE ${WHERE}`).get(...params).n; // uncapped, for the record
    const query = time(() => {
      count.get(...params);
      pageRows();
    });
    const withStatus = time(() => {
      status.all(...params);
      pageRows();
    });
    const ms = (v) => Math.round(v * 1000) / 1000;
    return { matches: total, p50Ms: ms(query.p50), runs: query.runs, pageQueriesP50Ms: ms(withStatus.p50) };
  } finally {
    sqlite.close();
  }
}
