// `npm run lighthouse` (issue 18): Lighthouse's mobile profile on the production build (run
// `npm run build` first) with the demo data, signed in as the demo analyst, on /cases, a case
// file, its Five Whys and /patterns. Scores and the main timings go into bench/results.json
// under "lighthouse" (the rest of the file is the benchmark's). Chromium: LIGHTHOUSE_CHROME or
// /usr/bin/chromium. Everything it starts it stops.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Three runs per page and the median one kept: one run swings by ten points on a shared machine.
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
// LIGHTHOUSE_REPORTS=dir keeps every run's full report (JSON) there, to see what a page ships and runs.
const REPORTS = process.env.LIGHTHOUSE_REPORTS;
// LIGHTHOUSE_PAGES=cases,patterns scores only those of the four (while working on one); the
// results file is then left as it was.
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(",").map((s) => s.trim());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startServer() {
  const port = await freePort();
  const proc = spawn(process.execPath, ["tests/e2e/start-server.mjs"], { cwd: root, env: { ...process.env, E2E_PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode !== null) throw new Error("The server stopped before answering (is the app built? npm run build)");
    const ok = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ok) return { url, proc };
    await sleep(200);
  }
  throw new Error("The server did not answer within 2 minutes");
}

async function signIn(url) {
  const res = await fetch(`${url}/login`, { method: "POST", body: new URLSearchParams({ email: "analyst@upstream.test", password: "upstream-demo", redirectTo: "/" }), redirect: "manual" });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("__upstream_session="));
  if (!cookie) throw new Error(`Signing in as the demo analyst failed: HTTP ${res.status}`);
  return cookie;
}

/** The first case on the list whose Five Whys has steps (its read-back shows; the demo has several). */
async function caseWithWhys(url, cookie) {
  const html = await (await fetch(`${url}/cases`, { headers: { cookie } })).text();
  const ids = [...new Set([...html.matchAll(/href="\/cases\/(\d+)"/g)].map((m) => m[1]))];
  for (const id of ids) {
    const whys = await (await fetch(`${url}/cases/${id}/whys`, { headers: { cookie } })).text();
    if (/Why\?|why-step|data-testid="why/i.test(whys)) return id;
  }
  if (!ids[0]) throw new Error("No case on /cases");
  return ids[0];
}

// The machine's load when the runs start and end: Lighthouse multiplies the CPU time it sees by
// four, so on a shared machine the figures move with other people's work.
const loadAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
const server = await startServer();
let chrome;
try {
  const cookie = await signIn(server.url);
  const id = await caseWithWhys(server.url, cookie);
  const named = { cases: "/cases", case: `/cases/${id}`, whys: `/cases/${id}/whys`, patterns: "/patterns" };
  const pages = Object.entries(named).filter(([name]) => !ONLY || ONLY.includes(name)).map(([, page]) => page);
  chrome = await chromeLauncher.launch({ chromePath: process.env.LIGHTHOUSE_CHROME || "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const results = [];
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      // The default config is the mobile profile (Moto G Power, simulated slow 4G and 4× CPU).
      // On a loaded machine Lighthouse sometimes loses the trace (NO_NAVSTART: every score 0):
      // such a run is done again, up to twice, rather than counted as a zero.
      let lhr;
      for (let attempt = 1; attempt <= 3; attempt++) {
        ({ lhr } = await lighthouse(`${server.url}${page}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookie } }));
        if (!lhr.runtimeError) break;
        console.log(`${page}: run ${i + 1} failed (${lhr.runtimeError.code})${attempt < 3 ? ", once more" : ""}`);
      }
      if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${page}: ${lhr.runtimeError.code}`);
      if (REPORTS) {
        fs.mkdirSync(REPORTS, { recursive: true });
        fs.writeFileSync(path.join(REPORTS, `${page.replace(/\W+/g, "_")}-${i + 1}.json`), JSON.stringify(lhr));
      }
      const audit = (k) => Math.round(lhr.audits[k]?.numericValue ?? NaN);
      runs.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        fcpMs: audit("first-contentful-paint"),
        lcpMs: audit("largest-contentful-paint"),
        tbtMs: audit("total-blocking-time"),
        cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? null,
        failedA11y: Object.values(lhr.audits).filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score === 0).map((a) => `${a.id} (${(a.details?.items ?? []).slice(0, 3).map((i) => i.node?.selector ?? "?").join("; ")})`),
      });
    }
    // The median run by performance score.
    const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
    results.push({ page: page.replace(/\d+/, ":id"), ...median, runs: runs.length, performanceOfEachRun: runs.map((r) => r.performance) });
    console.log(`${page}: performance ${median.performance}, accessibility ${median.accessibility} (LCP ${median.lcpMs} ms, TBT ${median.tbtMs} ms${median.failedA11y.length ? `; failing: ${median.failedA11y.join(", ")}` : ""})`);
  }
  const file = path.join(root, "bench", "results.json");
  const loadAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);
  if (ONLY) {
    console.log(`Not written into ${path.relative(root, file)}: only some pages (load average ${loadAtStart.join(" ")} at the start, ${loadAtEnd.join(" ")} at the end).`);
  } else {
    const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    all.lighthouse = { date: new Date().toISOString(), profile: "mobile (Lighthouse default)", signedInAs: "analyst@upstream.test", lighthouse: lhVersion(), loadAvgAtStart: loadAtStart, loadAvg: loadAtEnd, pages: results };
    fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
    console.log(`Wrote the scores into ${path.relative(root, file)} (load average ${loadAtStart.join(" ")} at the start, ${loadAtEnd.join(" ")} at the end).`);
  }
} finally {
  await chrome?.kill();
  server.proc.kill("SIGTERM");
}

function lhVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules", "lighthouse", "package.json"), "utf8")).version;
}
