// Two builds side by side on copies of one database, measured in turns (A, B, A, B…), so that a
// shared machine's changing load hits both alike: `node bench/pair.mjs <before-root> <db-file>`.
// The "after" build is this checkout. Per turn: the server thread's CPU per request per route
// (one at a time), the mixed load of 16 connections, its longest event-loop stall, and the
// pattern page's first request after a write, its count of stalls of 50+ ms (decision 040), and the server's memory (largest VmRSS sampled in
// each of those steps, and VmHWM so far; decision 031). Prints one JSON line per turn. PAIR_TURNS (2) and
// BENCH_MIXED_SECONDS (20) set the turns and the mixed load's length.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { signIn } from "./load.mjs";
import { cpuPerRequest, mixedLoad, patternsAfterWrite } from "./mixed.mjs";
import { startServer } from "./server.mjs";
import Database from "better-sqlite3";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [beforeRoot, dbFile] = process.argv.slice(2);
const TURNS = Number(process.env.PAIR_TURNS || 2);
const SECONDS = Number(process.env.BENCH_MIXED_SECONDS || 20);
const registry = new Set();
const mb = (kb) => (kb ? Math.round(kb / 1024) : null);
const stopAll = () => Promise.allSettled([...registry].map((s) => s.stop()));
process.on("SIGINT", () => stopAll().finally(() => process.exit(130)));

const sqlite = new Database(dbFile, { readonly: true });
const caseId = sqlite.prepare(`SELECT id FROM "Case" WHERE id >= 50000 AND whysVersion > 0 ORDER BY id LIMIT 1`).get().id;
const patternId = sqlite.prepare(`SELECT patternId AS id, COUNT(*) AS n FROM "PatternCase" GROUP BY 1 HAVING n BETWEEN 15 AND 20 LIMIT 1`).get().id;
sqlite.close();
const routes = [
  { key: "caseList", name: "Case list", path: "/cases?segment=enterprise&q=territory" },
  { key: "caseFile", name: "Case file", path: `/cases/${caseId}` },
  { key: "patterns", name: "Pattern page", path: "/patterns" },
  { key: "export", name: "CSV export", path: "/cases/export?format=csv&segment=strategic" },
  { key: "brief", name: "Brief (POST)", path: "/briefs", method: "POST", body: `source=pattern&sourceId=${patternId}`, redirectOk: true },
];

try {
  const servers = {};
  for (const [label, root] of [["before", beforeRoot], ["after", here]]) {
    const copy = `${dbFile}.${label}.db`;
    fs.copyFileSync(dbFile, copy);
    servers[label] = await startServer({ root, dbFile: copy, registry });
    servers[label].cookie = await signIn(servers[label].url, "analyst@upstream.test", "upstream-demo");
  }
  // Start-up work (search text, first themes) done before anything is timed.
  for (const s of Object.values(servers)) for (const r of routes.slice(0, 3)) await fetch(`${s.url}${r.path}`, { headers: { cookie: s.cookie } }).then((x) => x.arrayBuffer());
  for (const s of Object.values(servers)) await s.waitIdle(120_000);
  for (let turn = 1; turn <= TURNS; turn++) {
    for (const label of ["before", "after"]) {
      const s = servers[label];
      await s.waitIdle();
      s.setPhase(`${turn}:cpu`);
      const cpu = await cpuPerRequest(s, routes, s.cookie, { rounds: 8 });
      await s.waitIdle();
      await s.loopDelay();
      const load0 = os.loadavg()[0];
      s.setPhase(`${turn}:mixed`);
      const m = await mixedLoad(s, routes, s.cookie, { connections: 16, seconds: SECONDS });
      const loop = await s.loopDelay();
      await s.waitIdle();
      s.setPhase(`${turn}:afterWrite`);
      const after = await patternsAfterWrite(s, s.cookie, { rounds: 3, pauseMs: 3_000 }).catch((error) => ({ p50Ms: null, maxMs: null, error: String(error).slice(0, 600) }));
      console.log(JSON.stringify({
        turn, label, load: [load0, os.loadavg()[0]].map((v) => Math.round(v * 10) / 10),
        cpuMsPerRequest: Object.fromEntries(Object.entries(cpu).map(([k, c]) => [k, { busy: c.busyMsPerRequest, kB: Math.round(c.bytes / 1000) }])),
        mixed: Object.fromEntries(Object.entries(m.routes).map(([k, r]) => [k, { n: r.count, p50: r.p50Ms, p99: r.p99Ms, err: r.errors, ...(k === "export" ? { firstByteP99: r.firstByte.p99Ms } : {}) }])),
        loopMaxMs: loop?.maxMs, stallsOver50: loop?.stallsOver50, gcOver50: loop?.gcOver50, patternsAfterWrite: { p50: after.p50Ms, max: after.maxMs, error: after.error },
        memoryMb: { ...Object.fromEntries(["start", "cpu", "mixed", "afterWrite"].map((k) => [k, mb(s.memory.byPhase[k === "start" ? "start" : `${turn}:${k}`])])), hwm: mb(s.memory.hwmKb) },
      }));
      s.setPhase("between");
    }
  }
} finally {
  await stopAll();
  for (const label of ["before", "after"]) for (const ext of [".db", ".db-wal", ".db-shm", ".db.loop.json"]) fs.rmSync(`${dbFile}.${label}${ext}`, { force: true });
}
