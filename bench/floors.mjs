// The floor for the case list: the SQL the list runs (listCases in app/models/case-queries.server.ts)
// for a segment and a text search in date order, run directly with better-sqlite3 on the same
// file. The words are probed first (do they match more than 2,000 cases? "territory" does, so
// "+" keeps SQLite from reading the matches by id); then one statement reads the first 10,001
// matching cases in list order from the (segment, raisedOn, id, status) index, counts their
// statuses (the tabs, and the list's total) and takes the page of 26 ids from among them (one
// more tells whether a next page exists); then the 25 rows by id.

import Database from "better-sqlite3";
import { percentile } from "./load.mjs";

const CAP = 10_000;
const SEARCH = `+c.id IN (SELECT rowid FROM "CaseSearch" WHERE "CaseSearch" MATCH ?)`;
export const LIST_PROBE_SQL = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "CaseSearch" WHERE "CaseSearch" MATCH ? LIMIT 2001)`;
export const LIST_WINDOW_SQL = `WITH m AS MATERIALIZED (SELECT c.id, c.status, c."raisedOn" FROM "Case" c WHERE c.segment = ? AND ${SEARCH}
    ORDER BY c."raisedOn" DESC, c."id" DESC LIMIT ${CAP + 1})
  SELECT 'count' AS kind, status, COUNT(*) AS n FROM m GROUP BY status
  UNION ALL
  SELECT * FROM (SELECT 'page' AS kind, NULL AS status, id AS n FROM m WHERE 1 ORDER BY m."raisedOn" DESC, m."id" DESC LIMIT 26 OFFSET 0)`;
export const LIST_ROWS_SQL = `SELECT id, title, raisedOn, reporterRole, reporterFunction, segment, tenureMonths, behaviour, suspectedCause,
  rootCause, severity, status, ownerId FROM "Case" WHERE id IN (SELECT value FROM json_each(?))`;

/** "territory carve" → '"territory"* "carve"*', as ftsQuery in app/models/case-queries.server.ts. */
export const ftsQuery = (q) =>
  q.split(/\s+/).map((t) => t.replace(/"/g, "").trim()).filter(Boolean).slice(0, 12).map((t) => `"${t}"*`).join(" ");

/** The list's statements for one segment and search, prepared: run() does them all once. */
export function listStatements(sqlite, { segment, q }) {
  const match = ftsQuery(q);
  const probe = sqlite.prepare(LIST_PROBE_SQL);
  const window = sqlite.prepare(LIST_WINDOW_SQL);
  const rows = sqlite.prepare(LIST_ROWS_SQL);
  const query = () => {
    const ids = window.all(segment, match).filter((r) => r.kind === "page").slice(0, 25).map((r) => r.n);
    return rows.all(JSON.stringify(ids));
  };
  return {
    /** Counts + page + rows. */
    query,
    /** Everything the list runs: the probe too. */
    run: () => {
      // As whole words first; as prefixes only when the whole words match 2,000 cases or fewer.
      if (probe.get(match.replaceAll('"*', '"')).n <= 2000) probe.get(match);
      return query();
    },
  };
}

/**
 * p50 of the list's query (status counts and page ids in one statement, then the rows), and of
 * every statement the list runs (with the search probe), in ms. Bounded.
 */
export function listQueryFloor(dbFile, { segment, q }, { maxRuns = 300, maxMs = 4_000 } = {}) {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    const params = [segment, ftsQuery(q)];
    const list = listStatements(sqlite, { segment, q });
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
    const total = sqlite.prepare(`SELECT COUNT(*) AS n FROM "Case" c WHERE c.segment = ? AND ${SEARCH}`).get(...params).n; // uncapped, for the record
    const query = time(list.query);
    const withStatus = time(list.run);
    const ms = (v) => Math.round(v * 1000) / 1000;
    return { matches: total, p50Ms: ms(query.p50), runs: query.runs, pageQueriesP50Ms: ms(withStatus.p50) };
  } finally {
    sqlite.close();
  }
}
