// The case list at 1,000 and 100,000 cases (issue 18 item 3), in one run:
//
//  1. SQL: the statements the list runs, straight on the database with better-sqlite3, for the
//     list as it was (FTS ids fetched into JS, then COUNT + page + status counts with those ids
//     as an IN list, or LIKE past 20,000 ids) and as it is (a probe of the search; one statement
//     counting statuses and taking the page of ids, the search a subquery in it; the rows by id).
//  2. The route: GET /cases?segment=enterprise&q=territory (the bench's case-list URL) through the
//     built production server, 1 connection, for this checkout's build/ and, when
//     LIST_BENCH_BEFORE_ROOT names a built copy of an earlier version, for that one too. Servers
//     are measured in interleaved rounds so that a change in the (shared) machine's load hits all
//     alike.
//
// Prints p50/p99 per size and the growth 1k → 100k. `node bench/list-query.mjs`
// Environment (optional): LIST_BENCH_SECONDS (per server per round, default 3), LIST_BENCH_ROUNDS
// (default 4), LIST_BENCH_SKIP_ROUTE=1, LIST_BENCH_BEFORE_ROOT=/path/to/built/checkout,
// LIST_BENCH_PATHS (comma-separated extra list URLs to measure, e.g. "/cases,/cases?q=plan").

import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ftsQuery, listStatements } from "./floors.mjs";
import { createDatabase } from "./generate.mjs";
import autocannon from "autocannon";
import { percentile, requestOf, signIn, timedRequest } from "./load.mjs";
import { startServer } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.LIST_BENCH_SECONDS || 3);
const ROUNDS = Number(process.env.LIST_BENCH_ROUNDS || 4);
const BEFORE_ROOT = process.env.LIST_BENCH_BEFORE_ROOT ? path.resolve(process.env.LIST_BENCH_BEFORE_ROOT) : null;
const PASSWORD = "upstream-demo";
const ANALYST = "analyst@upstream.test";
const FILTER = { segment: "enterprise", q: "territory" };
const LIST_PATH = `/cases?segment=${FILTER.segment}&q=${FILTER.q}`;
const EXTRA_PATHS = (process.env.LIST_BENCH_PATHS || "").split(",").map((s) => s.trim()).filter(Boolean);
const SIZES = [
  ["1k", 1_000],
  ["100k", 100_000],
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-list-bench-"));
const servers = new Set();
const started = Date.now();
const say = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const ms = (v) => (v == null ? "—" : v.toFixed(2));
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100);

async function cleanup() {
  await Promise.allSettled([...servers].map((s) => s.stop()));
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => cleanup().finally(() => process.exit(130)));
}
process.on("exit", () => {
  for (const s of servers) s.proc.kill("SIGKILL");
});

// ---- 1. SQL ------------------------------------------------------------------------------

const ROW_COLUMNS = `id, title, raisedOn, reporterRole, reporterFunction, segment, tenureMonths, behaviour, suspectedCause,
  rootCause, severity, status, reporterName, confidential, ownerId`;

/** The list's statements before issue 18 item 3 (Prisma's SQL, as app/models/case-queries.server.ts ran it). */
function beforeStatements(sqlite) {
  const ids = sqlite.prepare(`SELECT rowid AS id FROM "CaseSearch" WHERE "CaseSearch" MATCH ? LIMIT 20001`);
  const like = `segment = ? AND (title LIKE ? OR complaint LIKE ?)`;
  const viaLike = {
    count: sqlite.prepare(`SELECT COUNT(*) AS n FROM (SELECT id FROM "Case" WHERE ${like})`),
    page: sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM "Case" WHERE ${like} ORDER BY raisedOn DESC, id DESC LIMIT 25 OFFSET 0`),
    status: sqlite.prepare(`SELECT status, COUNT(*) AS n FROM "Case" WHERE ${like} GROUP BY status`),
  };
  const owners = sqlite.prepare(`SELECT id, name FROM "User" WHERE id IN (SELECT value FROM json_each(?))`);
  const inList = new Map(); // prepared per IN-list length, as Prisma sends one placeholder per id
  return () => {
    const found = ids.all(ftsQuery(FILTER.q)).map((r) => r.id);
    let page;
    if (found.length > 20_000) {
      const p = [FILTER.segment, `%${FILTER.q}%`, `%${FILTER.q}%`];
      viaLike.count.get(...p);
      page = viaLike.page.all(...p);
      viaLike.status.all(...p);
    } else {
      if (!inList.has(found.length)) {
        const marks = found.map(() => "?").join(",");
        const where = `segment = ? AND id IN (${marks})`;
        inList.set(found.length, {
          count: sqlite.prepare(`SELECT COUNT(*) AS n FROM (SELECT id FROM "Case" WHERE ${where})`),
          page: sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM "Case" WHERE ${where} ORDER BY raisedOn DESC, id DESC LIMIT 25 OFFSET 0`),
          status: sqlite.prepare(`SELECT status, COUNT(*) AS n FROM "Case" WHERE ${where} GROUP BY status`),
        });
      }
      const s = inList.get(found.length);
      s.count.get(FILTER.segment, ...found);
      page = s.page.all(FILTER.segment, ...found);
      s.status.all(FILTER.segment, ...found);
    }
    owners.all(JSON.stringify(page.map((r) => r.ownerId).filter(Boolean)));
    return page.length;
  };
}

/** The list's statements now (listCases; the SQL is bench/floors.mjs's), and the owners' names. */
function afterStatements(sqlite) {
  const list = listStatements(sqlite, FILTER);
  const owners = sqlite.prepare(`SELECT id, name FROM "User" WHERE id IN (SELECT value FROM json_each(?))`);
  return () => {
    const got = list.run();
    owners.all(JSON.stringify(got.map((r) => r.ownerId).filter(Boolean)));
    return got.length;
  };
}

function timeSql(dbs) {
  const out = {};
  const runs = {};
  const open = [];
  for (const [label] of SIZES) {
    const before = new Database(dbs.before[label], { readonly: true });
    const after = new Database(dbs.after[label], { readonly: true });
    open.push(before, after);
    runs[label] = { before: beforeStatements(before), after: afterStatements(after) };
    out[label] = { before: [], after: [] };
  }
  // Interleaved: every variant at every size in each round.
  for (let round = 0; round < 5; round++) {
    for (const [label] of SIZES) {
      for (const variant of ["before", "after"]) {
        const fn = runs[label][variant];
        if (round === 0) for (let i = 0; i < 3; i++) fn(); // warm the page cache
        const until = performance.now() + 1_500;
        for (let i = 0; i < 100 && performance.now() < until; i++) {
          const t0 = performance.now();
          fn();
          out[label][variant].push(performance.now() - t0);
        }
      }
    }
  }
  for (const sqlite of open) sqlite.close();
  const summary = {};
  for (const variant of ["before", "after"]) {
    summary[variant] = {};
    for (const [label] of SIZES) {
      const t = out[label][variant].sort((a, b) => a - b);
      summary[variant][label] = { p50: percentile(t, 50), p99: percentile(t, 99), runs: t.length };
    }
    summary[variant].growth = ratio(summary[variant]["100k"].p50, summary[variant]["1k"].p50);
  }
  return summary;
}

// ---- 2. The route ------------------------------------------------------------------------

/** autocannon at 1 connection for SECONDS: every response's own time, as bench/load.mjs takes it. */
async function oneConnection(req, what) {
  const times = [];
  let failed = 0;
  const instance = autocannon({ url: req.url, method: req.method, headers: req.headers, connections: 1, duration: SECONDS, timeout: 60 });
  instance.on("response", (_client, status, _bytes, responseTime) => {
    if (status === 200) times.push(responseTime);
    else failed += 1;
  });
  await instance;
  if (failed) throw new Error(`${what}: ${failed} responses were not 200`);
  return times;
}

async function timeRoutes(dbs, paths) {
  const versions = [["after", root]];
  if (BEFORE_ROOT) versions.unshift(["before", BEFORE_ROOT]);
  for (const [, dir] of versions) {
    if (!fs.existsSync(path.join(dir, "build", "server", "index.js"))) throw new Error(`No build in ${dir}: run npm run build there first.`);
  }
  const runs = [];
  for (const [version, dir] of versions) {
    for (const [label] of SIZES) {
      // Each server gets its own copy: the server writes (WAL, sessions).
      const file = path.join(tmp, `${version}-${label}.db`);
      fs.copyFileSync(dbs[version][label], file);
      const server = await startServer({ root: dir, dbFile: file, registry: servers });
      const cookie = await signIn(server.url, ANALYST, PASSWORD);
      runs.push({ version, label, server, cookie });
    }
  }
  say(`Servers up: ${runs.map((r) => `${r.version} ${r.label}`).join(", ")}.`);
  const results = {};
  for (const p of paths) {
    const route = { name: p, path: p };
    const times = new Map(runs.map((r) => [r, []]));
    for (const r of runs) {
      const req = requestOf(r.server.url, route, r.cookie);
      for (let i = 0; i < 5; i++) await timedRequest(req, route); // warm-up
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of round % 2 ? [...runs].reverse() : runs) {
        await r.server.waitIdle(5_000);
        const req = requestOf(r.server.url, route, r.cookie);
        times.get(r).push(...(await oneConnection(req, `${p} on ${r.version} ${r.label}`)));
      }
    }
    results[p] = {};
    for (const r of runs) {
      const t = times.get(r).sort((a, b) => a - b);
      (results[p][r.version] ??= {})[r.label] = { p50: percentile(t, 50), p99: percentile(t, 99), requests: t.length };
    }
    for (const v of Object.values(results[p])) v.growth = ratio(v["100k"].p50, v["1k"].p50);
  }
  for (const r of runs) await r.server.stop();
  return results;
}

function printTable(title, summary) {
  console.log(`\n${title}`);
  console.log(`  ${"".padEnd(8)} ${"1k p50".padStart(9)} ${"1k p99".padStart(9)} ${"100k p50".padStart(9)} ${"100k p99".padStart(9)} ${"growth".padStart(7)}`);
  for (const [variant, s] of Object.entries(summary)) {
    console.log(`  ${variant.padEnd(8)} ${ms(s["1k"].p50).padStart(9)} ${ms(s["1k"].p99).padStart(9)} ${ms(s["100k"].p50).padStart(9)} ${ms(s["100k"].p99).padStart(9)} ${`${s.growth ?? "—"}×`.padStart(7)}`);
  }
}

/** A database from the bench's generator, with the scrubbed search text filled in. */
function generate(name, cases, migrationsRoot, passwordHash, now) {
  const file = path.join(tmp, name);
  createDatabase(file, { cases, passwordHash, root: migrationsRoot, now });
  // The server fills the scrubbed search text at start-up; done here instead (the generated
  // text names nobody) so every server starts on a ready database.
  const sqlite = new Database(file);
  sqlite.exec(`UPDATE "Case" SET publicTitle = title, publicComplaint = complaint`);
  sqlite.close();
  return file;
}

async function main() {
  say(`Temporary files in ${tmp}`);
  const passwordHash = bcrypt.hashSync(PASSWORD, 10);
  const now = Date.now();
  const dbs = { before: {}, after: {} };
  for (const [label, cases] of SIZES) {
    const t = Date.now();
    dbs.after[label] = generate(`after-${label}.db`, cases, root, passwordHash, now);
    // The list before: the same cases under the earlier version's schema (its migrations when
    // LIST_BENCH_BEFORE_ROOT is given; otherwise the indexes as they were before migration
    // 20261126020000_case_list_index).
    if (BEFORE_ROOT) {
      dbs.before[label] = generate(`before-${label}.db`, cases, BEFORE_ROOT, passwordHash, now);
    } else {
      dbs.before[label] = path.join(tmp, `before-${label}.db`);
      fs.copyFileSync(dbs.after[label], dbs.before[label]);
      const sqlite = new Database(dbs.before[label]);
      sqlite.exec(`DROP INDEX IF EXISTS "Case_segment_raisedOn_id_status_idx"; CREATE INDEX IF NOT EXISTS "Case_segment_raisedOn_idx" ON "Case"("segment", "raisedOn");
        DROP INDEX IF EXISTS "Case_raisedOn_id_status_idx"; CREATE INDEX IF NOT EXISTS "Case_raisedOn_idx" ON "Case"("raisedOn");`);
      sqlite.close();
    }
    const sqlite = new Database(dbs.after[label], { readonly: true });
    const matches = sqlite
      .prepare(`SELECT COUNT(*) AS n FROM "Case" WHERE segment = ? AND id IN (SELECT rowid FROM "CaseSearch" WHERE "CaseSearch" MATCH ?)`)
      .get(FILTER.segment, ftsQuery(FILTER.q)).n;
    sqlite.close();
    say(`Generated ${label} (${cases.toLocaleString("en-US")} cases, ${matches.toLocaleString("en-US")} match segment=${FILTER.segment}&q=${FILTER.q}) in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  }

  say("SQL: the list's statements, before and after, interleaved…");
  const sql = timeSql(dbs);
  printTable("SQL only (better-sqlite3, ms): the list's statements for segment=enterprise&q=territory", sql);

  if (process.env.LIST_BENCH_SKIP_ROUTE !== "1") {
    say(`Route: ${ROUNDS} rounds × ${SECONDS} s per server, 1 connection…`);
    const routes = await timeRoutes(dbs, [LIST_PATH, ...EXTRA_PATHS]);
    for (const [p, summary] of Object.entries(routes)) printTable(`Route GET ${p} (ms, 1 connection, signed in as the analyst)`, summary);
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  await cleanup();
  process.exit(process.exitCode ?? 0);
}
