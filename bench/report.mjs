// The table on stdout and the targets of issue 7.

const f = (v, digits = 1) => (v == null || Number.isNaN(v) ? "—" : Number(v).toFixed(digits));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

export function ratio(a, b) {
  return a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100;
}

/** Each target of the issue, judged on this run's figures. */
export function judgeTargets(results) {
  const route = (key) => results.routes.find((r) => r.key === key);
  const targets = [];
  const add = (name, target, actual, met, note) => targets.push({ name, target, actual, met, ...(note ? { note } : {}) });
  const list = route("caseList");
  add("Case list (filter + search): p50 growth 1k→100k, 1 connection", "≤ 1.5×", list.growthP50, list.growthP50 != null && list.growthP50 <= 1.5);
  const file = route("caseFile");
  add("Case file: p50 growth 1k→100k, 1 connection", "≤ 1.2×", file.growthP50, file.growthP50 != null && file.growthP50 <= 1.2);
  const patterns = route("patterns");
  add("Pattern page at 100k: p99, 1 connection (warm)", "< 500 ms", patterns["100k"].p99_1, patterns["100k"].p99_1 < 500);
  add("Pattern page at 100k: first request (its caches cold, as after any case write)", "< 500 ms", patterns["100k"].coldMs, patterns["100k"].coldMs < 500,
    "Not a separate target of the issue: the same 500 ms read for the uncached page.");
  add("Pattern page: p50 growth 1k→100k, 1 connection", "≤ 10×", patterns.growthP50, patterns.growthP50 != null && patterns.growthP50 <= 10);
  const imp = results.floors.import;
  add("Import of 100,000 rows (into the 100k database) ÷ raw bulk insert", "≤ 3×", imp.ratio, imp.ratio != null && imp.ratio <= 3);
  const during = route("import")?.["100k"]?.writesDuring;
  if (during) {
    add("Writes during a 100,000-row import: errors (sign-ins and case saves)", "0", during.errors, during.errors === 0);
    add("Sign-in during a 100,000-row import: p99", "< 1,000 ms", during.signIn.p99Ms, during.signIn.count > 0 && during.signIn.p99Ms < 1000);
  }
  for (const key of ["caseList", "caseFile", "variability"]) {
    const r = route(key);
    add(`${r.name} at 100k: p99, 1 connection`, "< 100 ms", r["100k"].p99_1, r["100k"].p99_1 < 100);
  }
  add("Server peak resident memory (VmHWM, either size)", "< 300 MB", results.memory.peakRssMb, results.memory.peakRssMb < 300);
  const mixed = results.mixed?.["100k"];
  if (mixed) {
    for (const [key, r] of Object.entries(mixed.routes)) {
      if (key === "export") add("Mixed load at 100k (16 connections): export's first byte, p99", "< 200 ms", r.firstByte.p99Ms, r.firstByte.p99Ms != null && r.firstByte.p99Ms < 200);
      else add(`Mixed load at 100k (16 connections): ${r.name}, p99`, "< 500 ms", r.p99Ms, r.p99Ms != null && r.p99Ms < 500);
    }
    add("Mixed load at 100k: errors", "0", Object.values(mixed.routes).reduce((n, r) => n + r.errors, 0), Object.values(mixed.routes).every((r) => r.errors === 0));
    add("Mixed load at 100k: longest event-loop stall", "≤ ~50 ms", mixed.loopDelay?.maxMs, mixed.loopDelay != null && mixed.loopDelay.maxMs <= 60);
    add("Mixed load at 100k: event-loop stalls of 50+ ms (count)", "0", mixed.loopDelay?.stallsOver50, mixed.loopDelay?.stallsOver50 === 0);
  }
  const afterWrite = results.patternsAfterWrite?.["100k"];
  if (afterWrite) add("Pattern page at 100k: first request after a write (max of rounds)", "< 500 ms", afterWrite.maxMs, afterWrite.maxMs < 500);
  return targets;
}

export function printTable(results, log = console.log) {
  const line = "-".repeat(112);
  log("");
  log(`Upstream benchmark — ${results.date} — ${results.machine.cpus} CPUs (${results.machine.cpuModel}), Node ${results.machine.node}`);
  log(`Data: ${Object.entries(results.sizes).map(([k, s]) => `${k} = ${s.cases.toLocaleString("en-US")} cases, ${s.chains.toLocaleString("en-US")} Five Whys chains, ${s.patterns} patterns, ${s.attainmentRows.toLocaleString("en-US")} attainment rows`).join("; ")}`);
  log(`Load: autocannon, at least ${results.load.seconds1} s at 1 connection and ${results.load.seconds16} s at 16 (slow routes: enough for 25 and 64 requests, bounded); latencies in ms; "first" = first request after start.`);
  log(`"other%": share of the machine's CPU used by processes other than this benchmark and its server while the route ran (the machine is shared; high values mean noisy figures).`);
  log(line);
  log(`${pad("Route", 42)}${pad("size", 6)}${lpad("rps@16", 9)}${lpad("p50@1", 9)}${lpad("p99@1", 9)}${lpad("p50@16", 9)}${lpad("p99@16", 9)}${lpad("first", 9)}${lpad("reqs", 8)}${lpad("fail", 6)}${lpad("other%", 8)}`);
  log(line);
  for (const r of results.routes) {
    for (const size of ["1k", "100k"]) {
      const m = r[size];
      if (!m) continue;
      if (r.key === "import") {
        log(`${pad(size === "1k" ? r.name : "", 42)}${pad(size, 6)}  total ${f(m.totalMs / 1000, 1)} s (upload + preview ${f(m.uploadPreviewMs / 1000, 1)} s, import job ${f(m.jobMs / 1000, 1)} s); raw insert ${f(m.rawMs / 1000, 2)} s → ${f(m.ratio, 1)}×`);
        const w = m.writesDuring;
        if (w) log(`${pad("", 42)}${pad("", 6)}  meanwhile: ${w.signIn.count} sign-ins p50 ${w.signIn.p50Ms} / p99 ${w.signIn.p99Ms} / max ${w.signIn.maxMs} ms; ${w.caseSave.count} case saves p99 ${w.caseSave.p99Ms} ms; ${w.errors} errors`);
        continue;
      }
      log(`${pad(size === "1k" ? r.name : "", 42)}${pad(size, 6)}${lpad(f(m.rps16), 9)}${lpad(f(m.p50_1), 9)}${lpad(f(m.p99_1), 9)}${lpad(f(m.p50_16), 9)}${lpad(f(m.p99_16), 9)}${lpad(f(m.coldMs), 9)}${lpad((m.requests1 ?? 0) + (m.requests16 ?? 0), 8)}${lpad(m.failed ?? 0, 6)}${lpad(f(m.otherCpuPct, 0), 8)}`);
    }
  }
  log(line);
  log("Growth 100k ÷ 1k");
  log(`${pad("Route", 42)}${lpad("p50@1", 9)}${lpad("p50@16", 9)}${lpad("rps@16", 9)}`);
  for (const r of results.routes) {
    log(`${pad(r.name, 42)}${lpad(`${f(r.growthP50, 2)}×`, 9)}${lpad(r.growthP50_16 == null ? "" : `${f(r.growthP50_16, 2)}×`, 9)}${lpad(r.growthRps16 == null ? "" : `${f(r.growthRps16, 2)}×`, 9)}`);
  }
  log(line);
  const lq = results.floors.listQuery;
  log("Floors (better-sqlite3 directly, same database file)");
  for (const size of ["1k", "100k"]) {
    const s = lq[size];
    log(`  Case list query (COUNT + 25-row page), ${pad(size, 5)} ${lpad(f(s.p50Ms, 2), 8)} ms p50 (${s.matches.toLocaleString("en-US")} matches; + status counts ${f(s.pageQueriesP50Ms, 2)} ms); route p50 ${f(s.routeP50Ms, 2)} ms → ${f(s.ratio, 1)}×`);
  }
  const imp = results.floors.import;
  for (const size of ["1k", "100k"]) {
    const s = imp[size];
    log(`  Import of 100,000 rows into the ${pad(size, 5)} db:  raw insert ${lpad(f(s.rawMs / 1000, 2), 6)} s, app ${lpad(f(s.appMs / 1000, 1), 6)} s → ${f(s.ratio, 1)}×`);
  }
  log(line);
  const mem = results.memory;
  log(`Server peak resident memory: ${f(mem.peakRssMb, 0)} MB (1k server ${f(mem.bySize["1k"].hwmMb, 0)} MB, 100k server ${f(mem.bySize["100k"].hwmMb, 0)} MB; highest sampled RSS by phase at 100k: ${Object.entries(mem.bySize["100k"].byPhaseMb).map(([k, v]) => `${k} ${f(v, 0)}`).join(", ")})`);
  log(line);
  for (const [size, m] of Object.entries(results.mixed ?? {})) {
    log(`Mixed load, ${size}, ${m.connections} connections for ${m.seconds} s (event loop max ${f(m.loopDelay?.maxMs)} ms, p99 ${f(m.loopDelay?.p99Ms)} ms, ${m.loopDelay?.stallsOver50 ?? "?"} stalls ≥ 50 ms of which ${m.loopDelay?.gcOver50 ?? "?"} GC pauses; load ${m.loadAvg.join(" ")})`);
    for (const r of Object.values(m.routes)) log(`  ${pad(r.name, 42)} p50 ${lpad(f(r.p50Ms), 8)}  p99 ${lpad(f(r.p99Ms), 8)}  first byte p99 ${lpad(f(r.firstByte.p99Ms), 8)}  ${r.count} requests, ${r.errors} errors`);
  }
  for (const [size, a] of Object.entries(results.patternsAfterWrite ?? {})) {
    log(`Pattern page, first request after a write, ${size}: p50 ${f(a.p50Ms)} ms, max ${f(a.maxMs)} ms over ${a.rounds} rounds, ${a.markedUpdating} marked updating`);
  }
  log(`Load average (1/5/15 min): ${results.machine.loadAvg?.start?.join(" ")} at the start, ${results.machine.loadAvg?.end?.join(" ")} at the end`);
  log(line);
  log("Targets");
  for (const t of results.targets) {
    log(`  [${t.met ? "met   " : "MISSED"}] ${pad(t.name, 66)} target ${pad(t.target, 9)} actual ${f(t.actual, 2)}`);
  }
  log(line);
  log(`Total run time: ${f(results.runSeconds, 0)} s`);
}
