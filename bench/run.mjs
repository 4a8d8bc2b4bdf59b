// `npm run bench` (issue 7): builds the app, generates 1,000- and 100,000-case databases,
// runs the production server against each on a free loopback port, drives the routes with
// autocannon, measures the floors with better-sqlite3, prints a table and writes
// bench/results.json. Everything it starts it stops, also on error and on Ctrl-C.
//
// Environment (all optional): BENCH_SECONDS_1 / BENCH_SECONDS_16 (load per route, default 3
// and 4), BENCH_SKIP_BUILD=1 (reuse an existing build/), BENCH_TIMEOUT_MIN (hard stop, 25),
// BENCH_MIXED_SECONDS (the 16-connection mixed load, 20), BENCH_NODE_ARGS (extra flags for the
// server's Node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). The server's event-loop delay is
// read per phase (server.loopDelay, SIGUSR2) and the machine's load average recorded.
// BENCH_ONLY=import,caseList (route keys, "mixed", "import") runs only those parts, on the sizes in
// BENCH_SIZES (default 1k,100k), and writes bench/results-only.json instead of results.json.

import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listQueryFloor } from "./floors.mjs";
import { createDatabase } from "./generate.mjs";
import { appImport, importCsv, importRows, rawImport } from "./import.mjs";
import { measureRoute, signIn, writesDuring } from "./load.mjs";
import { cpuPerRequest, mixedLoad, patternsAfterWrite } from "./mixed.mjs";
import { judgeTargets, printTable, ratio } from "./report.mjs";
import { cpuSnapshot, otherCpuPct, runCommand, startServer } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS_1 = Number(process.env.BENCH_SECONDS_1 || 3);
const SECONDS_16 = Number(process.env.BENCH_SECONDS_16 || 4);
const TIMEOUT_MIN = Number(process.env.BENCH_TIMEOUT_MIN || 25);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS || 20);
const MIXED_ROUTES = ["caseList", "caseFile", "patterns", "export", "brief"];
// A phase's stalls of 50+ ms (decision 040): how many, the longest few, and the GC pauses among them.
const stallsOf = (d) => (d ? `${d.stallsOver50} stalls ≥ 50 ms (${[...d.stallMs].sort((a, b) => b - a).slice(0, 5).join(", ") || "none"}), GC pauses ≥ 50 ms ${d.gcOver50}${d.gcMs.length ? ` (${d.gcMs.slice(0, 5).join(", ")})` : ""}` : "stalls unknown");
const loadAvg = () => os.loadavg().map((v) => Math.round(v * 100) / 100);
const IMPORT_ROWS = 100_000;
const PASSWORD = "upstream-demo";
const ANALYST = "analyst@upstream.test";
const LIST_FILTER = { segment: "enterprise", q: "territory" };
const EXPORT_FILTER = "segment=strategic"; // about 10,000 of the 100,000 cases
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const wants = (part) => !ONLY || ONLY.has(part);
const SIZES = [
  ["1k", 1_000],
  ["100k", 100_000],
].filter(([label]) => (process.env.BENCH_SIZES ?? "1k,100k").split(",").includes(label));
const BIG = SIZES.at(-1)[0];

const started = Date.now();
const servers = new Set();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-bench-"));
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const say = (msg) => console.log(`[${elapsed()}] ${msg}`);

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await Promise.allSettled([...servers].map((s) => s.stop()));
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing ${tmp}`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort on a synchronous exit: no server outlives the benchmark.
process.on("exit", () => {
  for (const s of servers) s.proc.kill("SIGKILL");
  if (!cleaned) fs.rmSync(tmp, { recursive: true, force: true });
});
const watchdog = setTimeout(() => {
  console.error(`The benchmark has run for ${TIMEOUT_MIN} minutes: stopping.`);
  cleanup().finally(() => process.exit(1));
}, TIMEOUT_MIN * 60_000);
watchdog.unref();

function routesFor(facts) {
  return [
    { key: "caseList", name: "Case list (segment + text search)", path: `/cases?segment=${LIST_FILTER.segment}&q=${LIST_FILTER.q}` },
    { key: "caseFile", name: "Case file", path: `/cases/${facts.caseId}` },
    { key: "patterns", name: "Pattern page", path: "/patterns" },
    { key: "variability", name: "Variability page", path: "/variability" },
    { key: "export", name: "CSV export (~10,000 cases at 100k)", path: `/cases/export?format=csv&${EXPORT_FILTER}` },
    // Last of the pages: it writes a brief each time.
    { key: "brief", name: "Brief generation (POST, pattern)", path: "/briefs", method: "POST", body: `source=pattern&sourceId=${facts.briefPatternId}`, redirectOk: true },
  ];
}

/** Ids to request, picked the same way at every size. */
function pickFacts(dbFile, cases, patternSizes) {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    // A mid-range case with a Five Whys chain.
    const caseId = sqlite.prepare(`SELECT id FROM "Case" WHERE id >= ? AND whysVersion > 0 ORDER BY id LIMIT 1`).get(Math.floor(cases / 2)).id;
    const exportCount = sqlite.prepare(`SELECT COUNT(*) AS n FROM "Case" WHERE segment = 'strategic'`).get().n;
    // A pattern of typical size (15–20 cases).
    const [briefPatternId, briefPatternCases] = patternSizes.find(([, n]) => n >= 15 && n <= 20) ?? patternSizes[0];
    return { caseId, exportCount, briefPatternId, briefPatternCases };
  } finally {
    sqlite.close();
  }
}

async function main() {
  say(`Temporary files in ${tmp}`);
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(root, "build", "server", "index.js"))) {
    say("Build skipped (BENCH_SKIP_BUILD=1).");
  } else {
    say("Building the app (npm run build)…");
    const t = Date.now();
    await runCommand(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { cwd: root, timeoutMs: 5 * 60_000 });
    say(`Built in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  }

  const passwordHash = bcrypt.hashSync(PASSWORD, 10);
  const now = Date.now();
  const dbs = {};
  for (const [label, cases] of SIZES) {
    const t = Date.now();
    const file = path.join(tmp, `bench-${label}.db`);
    const facts = createDatabase(file, { cases, passwordHash, root, now });
    dbs[label] = { file, facts: { ...facts, ...pickFacts(file, cases, facts.patternSizes), generateMs: Date.now() - t } };
    delete dbs[label].facts.patternSizes;
    say(`Generated ${label}: ${facts.cases.toLocaleString("en-US")} cases, ${facts.chains.toLocaleString("en-US")} chains, ${facts.whySteps.toLocaleString("en-US")} why steps, ${facts.patterns} patterns (${facts.patternLinks.toLocaleString("en-US")} links), ${facts.attainmentRows.toLocaleString("en-US")} attainment rows in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  }

  const rows = importRows(IMPORT_ROWS);
  const csv = importCsv(rows);
  say(`Import file: ${IMPORT_ROWS.toLocaleString("en-US")} rows, ${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB.`);

  // Both servers run side by side and each route is measured on one right after the other,
  // so that a change in the machine's background load (it is shared) hits both sizes alike and
  // the growth ratios stay meaningful. Each floor is measured next to the figure it is compared
  // with, for the same reason.
  const floors = { listQuery: {}, import: {} };
  for (const [label] of SIZES) fs.copyFileSync(dbs[label].file, path.join(tmp, `scratch-${label}.db`)); // untouched copies for the import floor
  const measured = {};
  const memory = { bySize: {} };
  const mixed = {};
  const afterWrite = {};
  const loadAtStart = loadAvg();
  const run = {};
  try {
    for (const [label] of SIZES) {
      say(`Starting the server on the ${label} database…`);
      const server = await startServer({ root, dbFile: dbs[label].file, registry: servers });
      run[label] = { server, cookie: await signIn(server.url, ANALYST, PASSWORD) };
      measured[label] = {};
      // The generated cases have no scrubbed search text yet: the server works it out at
      // start-up, as on the first start after an upgrade. Measured, and waited for.
      const t0 = performance.now();
      const check = new Database(dbs[label].file, { readonly: true });
      const pending = () => check.prepare(`SELECT COUNT(*) AS n FROM "Case" WHERE publicTitle IS NULL`).get().n;
      while (pending() > 0) await new Promise((r) => setTimeout(r, 200));
      check.close();
      say(`${label}: scrubbed search text worked out for every case in ${((performance.now() - t0) / 1000).toFixed(1)} s after start.`);
      // Then what executives may read of attainment is decided on a worker (decision 037):
      // seconds of CPU that must not run beside the first measurements.
      const idleMs = await server.waitIdle(180_000);
      say(`${label}: idle ${(idleMs / 1000).toFixed(1)} s later (start-up work done).`);
    }
    for (const { key } of routesFor(dbs[BIG].facts)) {
      if (!wants(key)) continue;
      for (const [label] of SIZES) {
        const { server, cookie } = run[label];
        const route = routesFor(dbs[label].facts).find((r) => r.key === key);
        if (key === "caseList") {
          const lq = listQueryFloor(dbs[label].file, LIST_FILTER);
          floors.listQuery[label] = lq;
          say(`${label} floor: the list's query (COUNT + page) directly: p50 ${lq.p50Ms.toFixed(2)} ms (${lq.matches.toLocaleString("en-US")} matches).`);
        }
        server.setPhase(key);
        const before = cpuSnapshot(server.pid);
        await server.loopDelay();
        const m = await measureRoute(server, route, cookie, { seconds1: SECONDS_1, seconds16: SECONDS_16 });
        m.loopDelay = await server.loopDelay();
        m.otherCpuPct = otherCpuPct(before, cpuSnapshot(server.pid));
        m.loadAvg1 = Math.round(os.loadavg()[0] * 100) / 100;
        measured[label][key] = m;
        say(`${label} ${route.name}: first ${m.coldMs} ms, p50@1 ${m.p50_1} ms, p99@1 ${m.p99_1} ms (${m.requests1} in ${m.run1}), p50@16 ${m.p50_16} ms, p99@16 ${m.p99_16} ms, ${m.rps16} req/s@16 (${m.requests16} in ${m.run16})${m.failed ? `, ${m.failed} FAILED` : ""}; other processes used ${m.otherCpuPct ?? "?"}% of the CPU`);
      }
    }
    for (const [label] of wants("mixed") ? SIZES : []) {
      const { server, cookie } = run[label];
      const routes = routesFor(dbs[label].facts).filter((r) => MIXED_ROUTES.includes(r.key));
      server.setPhase("cpuPerRequest");
      const cpu = await cpuPerRequest(server, routes, cookie);
      say(`${label} server-thread busy time per request (one at a time): ${Object.entries(cpu).map(([k, c]) => `${k} ${c.busyMsPerRequest} ms (wall ${c.wallMsPerRequest}, ${Math.round(c.bytes / 1000)} kB, max stall ${c.maxStallMs}, ${c.stallsOver50} over 50 ms)`).join("; ")}`);
      server.setPhase("mixed");
      await server.waitIdle();
      await server.loopDelay();
      const m = await mixedLoad(server, routes, cookie, { connections: 16, seconds: MIXED_SECONDS });
      m.cpuPerRequest = cpu;
      m.loopDelay = await server.loopDelay();
      m.loadAvg = loadAvg();
      mixed[label] = m;
      say(`${label} mixed load, 16 connections for ${MIXED_SECONDS} s: ${Object.entries(m.routes).map(([k, r]) => `${k} p50 ${r.p50Ms} / p99 ${r.p99Ms} ms (${r.count}${r.errors ? `, ${r.errors} errors` : ""})`).join("; ")}; export first byte p99 ${m.routes.export?.firstByte.p99Ms} ms; event loop max ${m.loopDelay?.maxMs} ms, ${stallsOf(m.loopDelay)}; load ${m.loadAvg.join(" ")}`);
      server.setPhase("patternsAfterWrite");
      await server.waitIdle();
      await server.loopDelay();
      afterWrite[label] = await patternsAfterWrite(server, cookie);
      afterWrite[label].loopDelay = await server.loopDelay();
      say(`${label} pattern page, first request after a write: p50 ${afterWrite[label].p50Ms} ms, max ${afterWrite[label].maxMs} ms (${afterWrite[label].markedUpdating}/${afterWrite[label].rounds} marked updating); ${stallsOf(afterWrite[label].loopDelay)}.`);
    }
    for (const [label] of wants("import") ? SIZES : []) {
      const { server, cookie } = run[label];
      const rawMs = rawImport(path.join(tmp, `scratch-${label}.db`), rows);
      floors.import[label] = { rawMs };
      say(`${label} floor: raw insert of ${IMPORT_ROWS.toLocaleString("en-US")} rows in one transaction ${(rawMs / 1000).toFixed(2)} s; now through the app…`);
      server.setPhase("import");
      const before = cpuSnapshot(server.pid);
      await server.loopDelay();
      let importing = true;
      const importDone = appImport(server.url, cookie, csv, IMPORT_ROWS).finally(() => (importing = false));
      // Meanwhile someone signs in and saves cases: they must not fail or wait long.
      const during = await writesDuring(server.url, ANALYST, PASSWORD, cookie, () => importing);
      const imp = await importDone;
      imp.writesDuring = during;
      imp.loopDelay = await server.loopDelay();
      say(`${label} import: event loop max ${imp.loopDelay?.maxMs} ms, ${stallsOf(imp.loopDelay)}.`);
      imp.otherCpuPct = otherCpuPct(before, cpuSnapshot(server.pid));
      say(`${label} during the import: ${during.signIn.count} sign-ins (p99 ${during.signIn.p99Ms} ms, max ${during.signIn.maxMs} ms), ${during.caseSave.count} case saves (p99 ${during.caseSave.p99Ms} ms), ${during.errors} errors${during.errors ? `: ${during.firstErrors.join("; ")}` : ""}.`);
      measured[label].import = imp;
      say(`${label} import: ${(imp.totalMs / 1000).toFixed(1)} s (upload + preview ${(imp.uploadPreviewMs / 1000).toFixed(1)} s, job ${(imp.jobMs / 1000).toFixed(1)} s).`);
    }
  } finally {
    for (const [label] of SIZES) {
      const server = run[label]?.server;
      if (!server) continue;
      await server.stop();
      const kb = (v) => Math.round((v / 1024) * 10) / 10;
      memory.bySize[label] = {
        hwmMb: kb(server.memory.hwmKb || server.memory.peakRssKb),
        peakSampledRssMb: kb(server.memory.peakRssKb),
        byPhaseMb: Object.fromEntries(Object.entries(server.memory.byPhase).map(([k, v]) => [k, kb(v)])),
      };
    }
  }
  memory.peakRssMb = Math.max(...Object.values(memory.bySize).map((m) => m.hwmMb));
  if (ONLY) {
    const only = { only: [...ONLY], date: new Date().toISOString(), loadAvg: { start: loadAtStart, end: loadAvg() }, measured, floors, memory, mixed, patternsAfterWrite: afterWrite };
    fs.writeFileSync(path.join(root, "bench", "results-only.json"), `${JSON.stringify(only, null, 2)}\n`);
    return say(`Wrote bench/results-only.json (BENCH_ONLY=${process.env.BENCH_ONLY}).`);
  }
  await (await import("./loop.mjs")).loopFigures({ root, dbFile: dbs["100k"].file, registry: servers, say, tmp }); // issues 15/16 views and sweeps, bench/loop-results.json

  // ---- Results.
  const first = routesFor(dbs["100k"].facts);
  const routes = first.map((route) => {
    const out = { key: route.key, name: route.name };
    for (const [label] of SIZES) {
      const m = measured[label][route.key];
      out[label] = { ...m, url: routesFor(dbs[label].facts).find((r) => r.key === route.key).path };
    }
    out.growthP50 = ratio(out["100k"].p50_1, out["1k"].p50_1);
    out.growthP50_16 = ratio(out["100k"].p50_16, out["1k"].p50_16);
    out.growthRps16 = ratio(out["100k"].rps16, out["1k"].rps16);
    return out;
  });
  const importRoute = { key: "import", name: `Import of ${IMPORT_ROWS.toLocaleString("en-US")} rows`, growthP50: null };
  for (const [label] of SIZES) {
    const m = measured[label].import;
    floors.import[label].appMs = m.totalMs;
    floors.import[label].ratio = ratio(m.totalMs, floors.import[label].rawMs);
    importRoute[label] = { ...m, rawMs: floors.import[label].rawMs, ratio: floors.import[label].ratio };
  }
  importRoute.growthP50 = ratio(measured["100k"].import.totalMs, measured["1k"].import.totalMs);
  routes.push(importRoute);
  for (const [label] of SIZES) {
    const lq = floors.listQuery[label];
    lq.routeP50Ms = measured[label].caseList.p50_1;
    lq.ratio = ratio(lq.routeP50Ms, lq.p50Ms);
  }
  floors.listQuery = { p50Ms: floors.listQuery["100k"].p50Ms, routeP50Ms: floors.listQuery["100k"].routeP50Ms, ratio: floors.listQuery["100k"].ratio, sql: "COUNT + SELECT … ORDER BY raisedOn DESC, id DESC LIMIT 25, WHERE segment = ? AND (title LIKE ? OR complaint LIKE ?)", ...floors.listQuery };
  floors.import = { rawMs: floors.import["100k"].rawMs, appMs: floors.import["100k"].appMs, ratio: floors.import["100k"].ratio, rows: IMPORT_ROWS, ...floors.import };

  const cpus = os.cpus();
  const results = {
    machine: { loadAvg: { start: loadAtStart, end: loadAvg(), note: "1, 5 and 15 minute load averages: the machine is shared" }, cpus: cpus.length, cpuModel: cpus[0]?.model?.trim() ?? "unknown", memoryGb: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.platform()} ${os.release()}` },
    date: new Date().toISOString(),
    load: { tool: "autocannon", seconds1: SECONDS_1, seconds16: SECONDS_16, rule: "1 connection: max(seconds1, time for 25 requests) up to 12 s; 16 connections: seconds16 if 64 requests fit, else 64 requests stopped at 30 s; the server is left to go idle between runs", acceptEncoding: "gzip, deflate", signedInAs: ANALYST },
    sizes: Object.fromEntries(SIZES.map(([label]) => [label, dbs[label].facts])),
    routes,
    mixed,
    patternsAfterWrite: afterWrite,
    floors,
    memory,
    targets: [],
    runSeconds: 0,
  };
  results.targets = judgeTargets(results);
  results.runSeconds = Math.round((Date.now() - started) / 100) / 10;

  const out = path.join(root, "bench", "results.json");
  // npm run lighthouse keeps its scores in the same file: carried over.
  if (fs.existsSync(out)) results.lighthouse = JSON.parse(fs.readFileSync(out, "utf8")).lighthouse;
  fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(`${out}.tmp`, out);
  printTable(results);
  say(`Wrote ${path.relative(root, out)}.`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(watchdog);
  process.exit(process.exitCode ?? 0);
}
