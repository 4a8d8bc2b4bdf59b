// The floor for the case list: the SQL the list runs (listCases in app/models/case.server.ts:
// a COUNT and a 25-row page, newest first), run directly with better-sqlite3 on the same file.

import Database from "better-sqlite3";
import { percentile } from "./load.mjs";

const WHERE = `WHERE segment = ? AND (title LIKE ? ESCAPE '\\' OR complaint LIKE ? ESCAPE '\\')`;
export const LIST_COUNT_SQL = `SELECT COUNT(*) AS n FROM "Case" ${WHERE}`;
export const LIST_PAGE_SQL = `SELECT id, title, raisedOn, reporterRole, reporterFunction, segment, tenureMonths, behaviour, suspectedCause,
  rootCause, severity, status, ownerId FROM "Case" ${WHERE} ORDER BY raisedOn DESC, id DESC LIMIT 25 OFFSET 0`;
// The list page also counts cases per status under the same filters (its status tabs).
export const LIST_STATUS_SQL = `SELECT status, COUNT(*) AS n FROM "Case" ${WHERE} GROUP BY status`;

/** p50 of the list's query (COUNT + page), and of the page's three queries, in ms. Bounded. */
export function listQueryFloor(dbFile, { segment, q }, { maxRuns = 300, maxMs = 4_000 } = {}) {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const params = [segment, like, like];
    const count = sqlite.prepare(LIST_COUNT_SQL);
    const page = sqlite.prepare(LIST_PAGE_SQL);
    const status = sqlite.prepare(LIST_STATUS_SQL);
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
    const total = count.get(...params).n;
    const query = time(() => {
      count.get(...params);
      page.all(...params);
    });
    const withStatus = time(() => {
      count.get(...params);
      page.all(...params);
      status.all(...params);
    });
    const ms = (v) => Math.round(v * 1000) / 1000;
    return { matches: total, p50Ms: ms(query.p50), runs: query.runs, pageQueriesP50Ms: ms(withStatus.p50) };
  } finally {
    sqlite.close();
  }
}
