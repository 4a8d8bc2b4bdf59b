// Figures for the daily-work views of issues 15 and 16 at 100,000 cases: /actions, the queue's
// views (/cases?view=at_risk, mine, unassigned), /inbox, and the root loader's sweeps (SLA
// warnings and breaches, actions due, weekly digests). Called from run.mjs with the 100k
// database (a copy is used), or on its own: `node bench/loop.mjs` (BENCH_SKIP_BUILD=1 to reuse
// build/). Writes bench/loop-results.json either way.
//
// Sweeps are throttled to once per five minutes of the app's clock; to time them the server is
// started with MOVABLE_CLOCK=1 and an admin moves its clock a day (whole days only) before each
// request, so each sweep also meets the cases that came due overnight.

import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, DAY, iso, rng } from "./generate.mjs";
import { percentile, requestOf, signIn, timedRequest } from "./load.mjs";
import { runCommand, startServer } from "./server.mjs";

const PASSWORD = "upstream-demo";
const ACTIONS = 2_000;
const INBOX_ROWS = 5_000;
const SAMPLES = 25;
const SWEEP_SAMPLES = 8;

/** Actions on patterns (every status, due dates a year either side), an inbox, digest choices. */
function seed(file, now) {
  const sqlite = new Database(file);
  try {
    const r = rng(1515);
    const patterns = sqlite.prepare(`SELECT id FROM "Pattern"`).all().map((p) => p.id);
    const owners = ["bench-analyst", "bench-leader", ...Array.from({ length: 10 }, (_, i) => `bench-leader-${i + 1}`)];
    const statuses = ["proposed", "approved", "in_progress", "done", "rejected"];
    const functions = ["sales", "revops", "finance", "marketing"];
    const insertAction = sqlite.prepare(`INSERT INTO "Action" (title, detail, ownerFunction, ownerId, dueOn, status, patternId, doneAt, checkDays, checkDueOn, verdict, createdById, version, createdAt, updatedAt)
      VALUES (?, '', ?, ?, ?, ?, ?, ?, 90, ?, ?, 'bench-analyst', 1, ?, ?)`);
    const insertNote = sqlite.prepare(`INSERT INTO "Notification" (userId, kind, title, link, caseId, createdAt, readAt) VALUES ('bench-analyst', 'case_assigned', ?, ?, ?, ?, ?)`);
    const insertPref = sqlite.prepare(`INSERT OR REPLACE INTO "NotificationPreference" (userId, kind, channel) VALUES (?, 'weekly_digest', 'email')`);
    sqlite.transaction(() => {
      for (let i = 0; i < ACTIONS; i++) {
        const status = statuses[i % statuses.length];
        const due = now + Math.round((r.next() * 2 - 1) * 365) * DAY;
        const done = status === "done" ? due - 5 * DAY : null;
        insertAction.run(`Bench action ${i}: re-carve on potential`, functions[i % functions.length], owners[i % owners.length], iso(due), status, patterns.length ? patterns[i % patterns.length] : null,
          done === null ? null : iso(done), done === null ? null : iso(done + 90 * DAY), status === "done" && done + 90 * DAY < now ? "effective" : "", iso(now - 400 * DAY), iso(now));
      }
      for (let i = 0; i < INBOX_ROWS; i++) {
        const at = now - Math.floor(r.next() * 120) * DAY;
        insertNote.run(`Someone assigned case #${i + 1} to you`, `/cases/${i + 1}`, i + 1, iso(at), r.next() < 0.8 ? iso(at + DAY) : null);
      }
      for (let i = 1; i <= 10; i++) insertPref.run(`bench-leader-${i}`);
    })();
    const owned = sqlite.prepare(`SELECT COUNT(*) AS n FROM "Case" WHERE ownerId IS NOT NULL AND status NOT IN ('diagnosed', 'briefed', 'monitoring', 'closed')`).get().n;
    return { actions: ACTIONS, inboxRows: INBOX_ROWS, openOwnedCases: owned };
  } finally {
    sqlite.close();
  }
}

async function timed(server, cookie, route, n) {
  const req = requestOf(server.url, route, cookie);
  await timedRequest(req, route); // warm
  const ms = [];
  for (let i = 0; i < n; i++) ms.push((await timedRequest(req, route)).ms);
  ms.sort((a, b) => a - b);
  const r1 = (v) => Math.round(v * 10) / 10;
  return { path: route.path, p50Ms: r1(percentile(ms, 50)), p99Ms: r1(percentile(ms, 99)), samples: n };
}

/** Measures the loop's views and sweeps on a copy of `dbFile` (or a fresh 100k database). */
export async function loopFigures({ root, dbFile, registry, say = console.log, tmp = os.tmpdir() }) {
  const file = path.join(tmp, `loop-${process.pid}.db`);
  fs.copyFileSync(dbFile, file);
  const now = Date.now();
  const seeded = seed(file, now);
  say(`loop: seeded ${seeded.actions} actions, ${seeded.inboxRows} inbox rows; ${seeded.openOwnedCases.toLocaleString("en-US")} open assigned cases.`);
  const movable = process.env.MOVABLE_CLOCK;
  process.env.MOVABLE_CLOCK = "1";
  const server = await startServer({ root, dbFile: file, registry });
  if (movable === undefined) delete process.env.MOVABLE_CLOCK;
  else process.env.MOVABLE_CLOCK = movable;
  try {
    // As run.mjs: the server works out the scrubbed search text of generated cases at start-up;
    // nothing is measured until it is done.
    const check = new Database(file, { readonly: true });
    while (check.prepare(`SELECT COUNT(*) AS n FROM "Case" WHERE publicTitle IS NULL`).get().n > 0) await new Promise((r) => setTimeout(r, 200));
    check.close();
    await server.waitIdle();
    const analyst = await signIn(server.url, "analyst@upstream.test", PASSWORD);
    const admin = await signIn(server.url, "admin@upstream.test", PASSWORD);
    // The first page after start starts every sweep over the whole backlog: recorded, then
    // left to finish, so the views below are timed on their own.
    const t0 = performance.now();
    const firstStatus = (await fetch(`${server.url}/inbox`, { headers: { cookie: analyst } })).status;
    const firstPage = { status: firstStatus, ms: Math.round(performance.now() - t0) };
    const settleMs = await server.waitIdle(120_000);
    say(`loop 100k first page after start: HTTP ${firstPage.status} in ${firstPage.ms} ms; the server was busy ${settleMs} ms more.`);
    const views = {};
    for (const [key, p] of [
      ["actions", "/actions"],
      ["actionsOverdue", "/actions?view=overdue"],
      ["actionsMine", "/actions?view=mine"],
      ["queueAtRisk", "/cases?view=at_risk"],
      ["queueMine", "/cases?view=mine"],
      ["queueUnassigned", "/cases?view=unassigned"],
      ["inbox", "/inbox"],
    ]) {
      views[key] = await timed(server, analyst, { name: key, path: p }, SAMPLES);
      say(`loop 100k ${p}: p50 ${views[key].p50Ms} ms, p99 ${views[key].p99Ms} ms (${SAMPLES} requests, 1 connection)`);
    }
    // The root loader's sweeps, started in the background by a page load after an admin moved
    // the clock a day (so every sweep runs): the page's own time, and the server's busy time
    // until it is idle again (waitIdle's 500 ms of quiet taken off). The first sweeps meet the
    // whole backlog.
    await server.waitIdle();
    const base = await timed(server, analyst, { name: "inbox", path: "/inbox" }, SAMPLES);
    const inbox = requestOf(server.url, { path: "/inbox" }, analyst);
    const move = () => fetch(`${server.url}/test/clock`, { method: "POST", headers: { cookie: admin, "content-type": "application/x-www-form-urlencoded" }, body: "days=1", redirect: "manual" });
    const pages = [];
    const busy = [];
    for (let i = 0; i < SWEEP_SAMPLES; i++) {
      await server.waitIdle();
      const moved = await move();
      if (moved.status !== 200) throw new Error(`Moving the clock answered HTTP ${moved.status}`);
      const t0 = performance.now();
      pages.push((await timedRequest(inbox, { name: "inbox after the clock moved" })).ms);
      await server.waitIdle();
      busy.push(Math.max(0, performance.now() - t0 - 500));
    }
    const r1 = (v) => Math.round(v * 10) / 10;
    const sorted = (list) => [...list].sort((a, b) => a - b);
    const notified = new Database(file, { readonly: true });
    const told = notified.prepare(`SELECT COUNT(*) AS n FROM "Notification" WHERE kind = 'sla_at_risk'`).get().n;
    notified.close();
    const sweep = {
      pageWithSweepsP50Ms: r1(percentile(sorted(pages), 50)),
      pageWithoutSweepsP50Ms: base.p50Ms,
      firstSweepBusyMs: r1(busy[0]),
      laterSweepBusyP50Ms: r1(percentile(sorted(busy.slice(1)), 50)),
      slaNoticesWritten: told,
      note: "GET /inbox as the analyst right after an admin moved the clock a day (every sweep starts, in the background) vs without; busy = until the server is idle again; each SLA sweep tells at most 100 cases, so later ones keep working through the backlog",
    };
    say(`loop 100k sweeps: page p50 ${sweep.pageWithSweepsP50Ms} ms (${sweep.pageWithoutSweepsP50Ms} ms without); server busy ${sweep.firstSweepBusyMs} ms for the first, p50 ${sweep.laterSweepBusyP50Ms} ms later; ${told} SLA notices written.`);
    const results = { date: new Date().toISOString(), seeded, firstPage: { ...firstPage, busyAfterMs: settleMs }, views, sweep };
    fs.writeFileSync(path.join(root, "bench", "loop-results.json"), `${JSON.stringify(results, null, 2)}\n`);
    return results;
  } finally {
    await server.stop();
    fs.rmSync(file, { force: true });
  }
}

// On its own: build (unless skipped), a fresh 100k database, the figures.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-loop-"));
  const servers = new Set();
  try {
    if (process.env.BENCH_SKIP_BUILD !== "1") await runCommand("npm", ["run", "build"], { cwd: root });
    const file = path.join(tmp, "bench-100k.db");
    const t = Date.now();
    createDatabase(file, { cases: 100_000, passwordHash: bcrypt.hashSync(PASSWORD, 10), root, now: Date.now() });
    console.log(`Generated 100k cases in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
    await loopFigures({ root, dbFile: file, registry: servers, tmp });
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  } finally {
    await Promise.allSettled([...servers].map((s) => s.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
