// Theme recomputation at scale (issue 13): builds a 100,000-case database with the benchmark's
// generator, then times a recomputation (which runs off the request, on the server's thread)
// and the largest pause it causes the event loop, plus the warm read of one themes page.
//   npx tsx bench/themes.ts [cases]
import bcrypt from "bcryptjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "./generate.mjs";

const cases = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-themes-bench-"));
const file = path.join(dir, "bench.db");
const t0 = performance.now();
createDatabase(file, { cases, passwordHash: bcrypt.hashSync("x", 4), root: path.resolve(import.meta.dirname, ".."), now: Date.now() });
console.log(`generated ${cases.toLocaleString("en-US")} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
process.env.DATABASE_URL = `file:${file}`;

const { recomputeThemes, THEME_CAP } = await import("../app/models/theme-recompute.server");
const { themePage } = await import("../app/models/theme.server");
// The longest gap between ticks of a 10 ms timer while it runs: how long a request could wait.
let last = performance.now();
let longest = 0;
const tick = setInterval(() => {
  const t = performance.now();
  longest = Math.max(longest, t - last);
  last = t;
}, 10);
const t1 = performance.now();
await recomputeThemes();
clearInterval(tick);
console.log(`recompute (most recent ${THEME_CAP.toLocaleString("en-US")} cases): ${((performance.now() - t1) / 1000).toFixed(1)} s; longest event-loop pause ${longest.toFixed(0)} ms`);
const viewer = { id: "bench-analyst", role: "analyst" as const };
const c0 = performance.now();
await themePage(viewer, 1);
console.log(`themes page cold (first read after a recomputation) ${(performance.now() - c0).toFixed(0)} ms`);
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  await themePage(viewer, 1 + (i % 3));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const first = await themePage(viewer, 1);
console.log(`themes page warm p50 ${times[10].toFixed(1)} ms; ${first.count} themes, coverage ${first.coverage ? Math.round(first.coverage.share * 100) : "-"}%`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
