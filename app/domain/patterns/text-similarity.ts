// Complaint texts as TF-IDF vectors, for "alike complaints" (grouping, recurrence) and the
// "similar cases" hint at intake. Tokenising uses `stopword` and the Porter `stemmer`; the
// weighting is small enough to keep here: sublinear tf (a word said five times is not five
// times the complaint), smoothed idf (words every rep uses weigh little), L2 normalised so a
// dot product is the cosine.

import { stemmer } from "stemmer";
import { eng } from "stopword";
import { THEME_PREFIX, themeOf } from "./themes";

// The library list is short (~110 words) and written for prose, not for people talking:
// these add contractions (apostrophes are dropped first) and filler. No topic words here.
const SPOKEN_STOPWORDS = [
  "dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent", "wasnt", "werent", "havent",
  "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "ive", "youre", "youve", "theyre",
  "theyve", "weve", "were", "thats", "theres", "whats", "its", "lets", "ill", "youll", "well",
  "just", "really", "even", "every", "anyone", "anything", "everyone", "everything",
  "someone", "something", "nobody", "nothing", "thing", "things", "lot", "lots", "basically",
  "actually", "honestly", "literally", "maybe", "already", "again", "always", "yet", "keep",
  "keeps", "kept", "going", "gets", "getting", "goes", "went", "gone", "told", "tell", "say",
  "says", "feel", "feels", "felt", "know", "knows", "knew", "think", "thinks", "thought",
  "want", "wants", "need", "needs", "one", "ones", "now", "ever", "used", "use", "seems",
  "kind", "sort", "put", "puts", "look", "looks", "see", "sees", "seen", "gave", "give",
  "gives", "given", "done", "does", "doing", "via", "per", "etc", "able", "around", "whole",
  "enough", "else", "though", "although", "until", "without", "within", "across", "whether",
  "who", "whom", "whose", "why", "when", "then", "than", "let", "okay", "yes", "yeah",
];

// A Set, not the library's removeStopwords (an Array.includes per word: 6% of a 20,000-case
// theme recomputation); the words are lower-cased already, as it would have done.
const STOPWORDS: ReadonlySet<string> = new Set([...eng, ...SPOKEN_STOPWORDS]);
const MIN_TOKEN_LENGTH = 3;

export type Token = { stem: string; word: string };

/** Words of a text with their stems, stopwords and short words dropped. */
export function analyse(text: string): Token[] {
  const words = text
    .toLowerCase()
    .replace(/['’‘`]/g, "") // "don't" → "dont", "rep's" → "reps"
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= MIN_TOKEN_LENGTH);
  return words.filter((w) => !STOPWORDS.has(w)).map((word) => ({ word, stem: stemmer(word) }));
}

/** Lower-cased, stopword-free, stemmed tokens: "Territories were carved" → ["territori", "carv"]. */
export function tokenize(text: string): string[] {
  return analyse(text).map((t) => t.stem);
}

/** Words plus, with `themes`, a theme term for each word in the lexicon of themes.ts. */
function terms(text: string, themes: boolean): Token[] {
  const words = analyse(text);
  if (!themes) return words;
  const out = [...words];
  for (const { stem } of words) {
    const theme = themeOf(stem);
    if (theme) out.push({ stem: theme, word: theme.slice(THEME_PREFIX.length) });
  }
  return out;
}

/** Sparse vector: term indices ascending, with their weights. */
export type SparseVector = { idx: number[]; val: number[] };

export type Doc = { id: number; text: string };
export type IndexOptions = { /** Add theme terms (themes.ts); on by default. */ themes?: boolean };

export class TfIdfIndex {
  /** stem → term index */
  readonly vocabulary = new Map<string, number>();
  readonly stems: string[] = [];
  /** Per term: documents containing it. */
  readonly df: number[] = [];
  readonly idf: number[] = [];
  /** Per term: the word people most often wrote for this stem, for display. */
  readonly words: string[] = [];
  readonly ids: number[] = [];
  private readonly vectors = new Map<number, SparseVector>();

  private readonly themes: boolean;

  constructor(docs: readonly Doc[], { themes = true }: IndexOptions = {}) {
    this.themes = themes;
    const surfaceCounts: Map<string, number>[] = [];
    const docTerms: Map<number, number>[] = []; // per doc: term → tf
    for (const doc of docs) {
      const tf = new Map<number, number>();
      for (const { stem, word } of terms(doc.text, themes)) {
        let t = this.vocabulary.get(stem);
        if (t === undefined) {
          t = this.stems.length;
          this.vocabulary.set(stem, t);
          this.stems.push(stem);
          this.df.push(0);
          surfaceCounts.push(new Map());
        }
        tf.set(t, (tf.get(t) ?? 0) + 1);
        surfaceCounts[t].set(word, (surfaceCounts[t].get(word) ?? 0) + 1);
      }
      for (const t of tf.keys()) this.df[t] += 1;
      docTerms.push(tf);
    }
    const n = docs.length;
    for (let t = 0; t < this.stems.length; t++) {
      this.idf.push(smoothIdf(n, this.df[t]));
      this.words.push(mostFrequentWord(surfaceCounts[t]));
    }
    docs.forEach((doc, i) => {
      this.ids.push(doc.id);
      this.vectors.set(doc.id, this.weigh(docTerms[i], []));
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** The vector of an indexed document. */
  vector(id: number): SparseVector | undefined {
    return this.vectors.get(id);
  }

  /**
   * A vector for a text outside the index (an intake draft). Words the index has not seen
   * still count towards its length, so a query that is mostly new words scores low.
   */
  vectorize(text: string): SparseVector {
    const tf = new Map<number, number>();
    const unseen = new Map<string, number>();
    for (const { stem } of terms(text, this.themes)) {
      const t = this.vocabulary.get(stem);
      if (t === undefined) unseen.set(stem, (unseen.get(stem) ?? 0) + 1);
      else tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    const unseenWeights = [...unseen.values()].map((c) => sublinearTf(c) * smoothIdf(this.size, 0));
    return this.weigh(tf, unseenWeights);
  }

  /**
   * The heaviest terms of a vector, with a readable word for each (a theme shows as its
   * name). A word already listed is not listed twice.
   */
  topTerms(vector: SparseVector, n: number): TermWeight[] {
    const out: TermWeight[] = [];
    const seen = new Set<string>();
    const ranked = vector.idx
      .map((t, i) => ({ t, weight: vector.val[i] }))
      .filter(({ t, weight }) => t < this.stems.length && weight > 0)
      .sort((a, b) => b.weight - a.weight || a.t - b.t);
    for (const { t, weight } of ranked) {
      if (out.length >= n) break;
      if (seen.has(this.words[t])) continue;
      seen.add(this.words[t]);
      out.push({ term: this.stems[t], word: this.words[t], weight });
    }
    return out;
  }

  /** tf → weights, L2-normalised together with weights of terms outside the vocabulary. */
  private weigh(tf: Map<number, number>, unseenWeights: number[]): SparseVector {
    const idx = [...tf.keys()].sort((a, b) => a - b);
    const val = idx.map((t) => sublinearTf(tf.get(t)!) * this.idf[t]);
    const norm = Math.sqrt([...val, ...unseenWeights].reduce((s, w) => s + w * w, 0));
    return { idx, val: norm > 0 ? val.map((w) => w / norm) : val };
  }
}

export type TermWeight = { term: string; word: string; weight: number };

export function buildIndex(docs: readonly Doc[], options: IndexOptions = {}): TfIdfIndex {
  return new TfIdfIndex(docs, options);
}

function smoothIdf(docCount: number, df: number): number {
  return Math.log((1 + docCount) / (1 + df)) + 1;
}

function sublinearTf(count: number): number {
  return 1 + Math.log(count);
}

function mostFrequentWord(counts: Map<string, number>): string {
  let best = "";
  let bestCount = 0;
  for (const [word, count] of counts) {
    // Ties go to the shorter, then alphabetically first, word: stable across runs.
    if (count > bestCount || (count === bestCount && (word.length < best.length || (word.length === best.length && word < best)))) {
      best = word;
      bestCount = count;
    }
  }
  return best;
}

/** Dot product of two sparse vectors (a merge over the sorted indices). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) sum += a.val[i++] * b.val[j++];
    else if (a.idx[i] < b.idx[j]) i++;
    else j++;
  }
  return sum;
}

function norm(v: SparseVector): number {
  return Math.sqrt(v.val.reduce((s, w) => s + w * w, 0));
}

/** Cosine similarity, 0 when either vector is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const na = norm(a);
  const nb = norm(b);
  return na > 0 && nb > 0 ? dot(a, b) / (na * nb) : 0;
}

/**
 * The k indexed documents most like `queryText`, best first, at or above `minScore`. For
 * the intake hint, so a duplicate gets linked rather than retyped. O(documents × terms).
 */
export function mostSimilar(
  index: TfIdfIndex,
  queryText: string,
  k = 5,
  minScore = 0.2,
  { excludeIds = [] }: { excludeIds?: readonly number[] } = {},
): { id: number; score: number }[] {
  const query = index.vectorize(queryText);
  if (query.idx.length === 0) return [];
  const excluded = new Set(excludeIds);
  const out: { id: number; score: number }[] = [];
  for (const id of index.ids) {
    if (excluded.has(id)) continue;
    // Indexed vectors are unit length, and the query's length counts its unseen words: dot is the cosine.
    const score = dot(query, index.vector(id)!);
    if (score >= minScore && score > 0) out.push({ id, score });
  }
  return out.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, k);
}
