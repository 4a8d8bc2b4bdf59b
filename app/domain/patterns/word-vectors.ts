import { stemmer } from "stemmer";
import { analyse } from "./text-similarity";
import { CONCEPTS, conceptOfStem } from "./theme-concepts";

// Pretrained word vectors as a weak extra signal for themes (issue 13, decision 025): two
// complaints that name one problem in different words ("quota" / "target", "patch" /
// "territory") share no term, so TF-IDF calls them unrelated. Pure: the table is loaded by
// the caller (utils/word-vectors.server.ts) and passed in as plain data.

/** Unit word vectors, `dims` numbers per word, by surface word. */
export type WordVectors = {
  dims: number;
  /** The word's unit vector, or undefined for a word the table does not have. */
  lookup(word: string): ArrayLike<number> | undefined;
};

/** A table over `words`, with their unit vectors laid end to end in `values` (int8 × `scale` or floats). */
export function wordVectorTable(words: readonly string[], values: ArrayLike<number>, dims: number, scale = 1): WordVectors {
  const at = new Map<string, number>();
  words.forEach((w, i) => at.set(w, i));
  const cache = new Map<string, Float32Array>();
  return {
    dims,
    lookup(word) {
      const hit = cache.get(word);
      if (hit) return hit;
      const i = at.get(word);
      if (i === undefined) return undefined;
      const v = new Float32Array(dims);
      let n2 = 0;
      for (let d = 0; d < dims; d++) {
        v[d] = values[i * dims + d] * scale;
        n2 += v[d] * v[d];
      }
      const n = Math.sqrt(n2) || 1;
      for (let d = 0; d < dims; d++) v[d] /= n;
      cache.set(word, v);
      return v;
    },
  };
}

export function cosineDense(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    s += a[d] * b[d];
    na += a[d] * a[d];
    nb += b[d] * b[d];
  }
  return na > 0 && nb > 0 ? s / Math.sqrt(na * nb) : 0;
}

/**
 * Per document, the weighted mean of its words' vectors with the mean over all documents
 * taken away (every complaint is about pay and deals: the shared direction says nothing),
 * unit length; undefined for a document with no known word.
 */
export function documentEmbeddings(docs: readonly { word: string; weight: number }[][], vectors: WordVectors): (Float32Array | undefined)[] {
  const out = docs.map((words) => {
    const v = new Float32Array(vectors.dims);
    let any = false;
    for (const { word, weight } of words) {
      const w = vectors.lookup(word);
      if (!w) continue;
      any = true;
      for (let d = 0; d < vectors.dims; d++) v[d] += w[d] * weight;
    }
    return any ? unit(v) : undefined;
  });
  const mean = new Float32Array(vectors.dims);
  let n = 0;
  for (const v of out) {
    if (!v) continue;
    n += 1;
    for (let d = 0; d < vectors.dims; d++) mean[d] += v[d];
  }
  if (n === 0) return out;
  const centred = out.map((v) => {
    if (!v) return v;
    for (let d = 0; d < vectors.dims; d++) v[d] -= mean[d] / n;
    return unit(v);
  });
  if (!process.env.PC_REMOVE) return centred;
  // SIF: take away the first principal component too (power iteration).
  let pc = new Float32Array(vectors.dims).fill(1);
  for (let it = 0; it < 30; it++) {
    const next = new Float32Array(vectors.dims);
    for (const v of centred) {
      if (!v) continue;
      let s = 0;
      for (let d = 0; d < vectors.dims; d++) s += v[d] * pc[d];
      for (let d = 0; d < vectors.dims; d++) next[d] += s * v[d];
    }
    pc = unit(next);
  }
  return centred.map((v) => {
    if (!v) return v;
    let s = 0;
    for (let d = 0; d < vectors.dims; d++) s += v[d] * pc[d];
    for (let d = 0; d < vectors.dims; d++) v[d] -= s * pc[d];
    return unit(v);
  });
}

function unit(v: Float32Array): Float32Array {
  let n2 = 0;
  for (const x of v) n2 += x * x;
  const n = Math.sqrt(n2) || 1;
  for (let d = 0; d < v.length; d++) v[d] /= n;
  return v;
}

type Centres = { concepts: string[]; centres: Float32Array[]; best: Map<string, { concept: string; score: number } | null> };
const centresOf = new WeakMap<WordVectors, Centres>();

/** Per concept of the lexicon, the unit mean of its one-word entries' vectors (once per table). */
function conceptCentres(vectors: WordVectors): Centres {
  let c = centresOf.get(vectors);
  if (c) return c;
  const concepts: string[] = [];
  const centres: Float32Array[] = [];
  for (const [concept, phrases] of Object.entries(CONCEPTS)) {
    const v = new Float32Array(vectors.dims);
    let any = false;
    for (const p of phrases) {
      if (/\s|-/.test(p)) continue;
      const w = vectors.lookup(p);
      if (!w) continue;
      any = true;
      for (let d = 0; d < vectors.dims; d++) v[d] += w[d];
    }
    if (!any) continue;
    concepts.push(concept);
    centres.push(unit(v));
  }
  c = { concepts, centres, best: new Map() };
  centresOf.set(vectors, c);
  return c;
}

/**
 * The lexicon's counts for a text plus, for each word the lexicon does not know, the concept
 * whose centre its vector is nearest, when the cosine reaches `min`, counted by that cosine:
 * "target" lands on quota level even if the lexicon forgot it.
 */
export function conceptBackoff(text: string, counts: Map<string, number>, vectors: WordVectors, min: number): Map<string, number> {
  const c = conceptCentres(vectors);
  const out = new Map(counts);
  for (const { word, stem } of analyse(text)) {
    if (conceptOfStem(stem)) continue;
    let hit = c.best.get(word);
    if (hit === undefined) {
      hit = null;
      const v = vectors.lookup(word);
      if (v) {
        c.centres.forEach((centre, k) => {
          const s = cosineDense(v, centre);
          if (!hit || s > hit.score) hit = { concept: c.concepts[k], score: s };
        });
      }
      c.best.set(word, hit);
    }
    if (hit && hit.score >= min) out.set(hit.concept, (out.get(hit.concept) ?? 0) + hit.score);
  }
  return out;
}

/** Word → its synonyms (e.g. WordNet's first senses). */
export type Synonyms = (word: string) => readonly string[] | undefined;

/** The lexicon's counts plus `weight` for each unknown word one of whose synonyms the lexicon names. */
export function conceptSynonyms(text: string, counts: Map<string, number>, synonyms: Synonyms, weight: number): Map<string, number> {
  const out = new Map(counts);
  for (const { word, stem } of analyse(text)) {
    if (conceptOfStem(stem)) continue;
    const base = [word, word.replace(/s$/, ""), word.replace(/es$/, ""), word.replace(/ed$/, ""), word.replace(/ing$/, "")];
    const found = new Set<string>();
    for (const b of base) for (const s of synonyms(b) ?? []) {
      const c = conceptOfStem(stemmer(s));
      if (c) found.add(c);
    }
    for (const c of found) out.set(c, (out.get(c) ?? 0) + weight / found.size);
  }
  return out;
}
