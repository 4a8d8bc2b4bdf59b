// Which work held the event loop (decision 040): `node bench/stalls-in-profile.mjs <file.cpuprofile> [minMs]`
// reads a V8 CPU profile of the server (`--cpu-prof --cpu-prof-interval 500`, e.g. through
// BENCH_NODE_ARGS) and prints every run of samples of at least minMs (50) with no idle sample in it:
// its length, its top self-time frames, and the app frames (the build's server bundle, server.mjs,
// workers) that most of its samples sat under — the stall's owner.
import fs from "node:fs";

const [file, min = "50"] = process.argv.slice(2);
const minMs = Number(min);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(build|node_modules|app)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
const isIdle = (n) => n.callFrame.functionName === "(idle)";
const isApp = (n) => /\/build\/server\/|server\.mjs|worker/.test(n.callFrame.url) && !/node_modules/.test(n.callFrame.url);

// Sample i lasts timeDeltas[i + 1] (µs): the time until the next sample.
const { samples, timeDeltas } = profile;
const runs = [];
let start = -1;
for (let i = 0; i <= samples.length; i++) {
  const idle = i === samples.length || isIdle(byId.get(samples[i]));
  if (!idle && start < 0) start = i;
  if (idle && start >= 0) {
    let us = 0;
    for (let j = start; j < i; j++) us += timeDeltas[j + 1] ?? 0;
    if (us / 1000 >= minMs) runs.push({ start, end: i, ms: us / 1000 });
    start = -1;
  }
}

let t = profile.startTime;
const at = [];
for (const d of timeDeltas) at.push((t += d));
const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, us]) => `${(us / 1000).toFixed(1)} ms ${f}`);
console.log(`${runs.length} runs of ${minMs}+ ms without an idle sample in ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s of profile`);
for (const r of runs.sort((a, b) => b.ms - a.ms)) {
  const self = new Map();
  const owner = new Map();
  for (let j = r.start; j < r.end; j++) {
    const us = timeDeltas[j + 1] ?? 0;
    const n = byId.get(samples[j]);
    self.set(name(n), (self.get(name(n)) ?? 0) + us);
    const seen = new Set();
    for (let id = n.id; id != null; id = parent.get(id)) {
      const f = byId.get(id);
      if (isApp(f) && !seen.has(name(f))) {
        seen.add(name(f));
        owner.set(name(f), (owner.get(name(f)) ?? 0) + us);
      }
    }
  }
  console.log(`\n${r.ms.toFixed(1)} ms at +${((at[r.start] - profile.startTime) / 1e6).toFixed(2)} s`);
  console.log(`  self:  ${top(self, 6).join("\n         ")}`);
  console.log(`  under: ${top(owner, 8).join("\n         ")}`);
}
