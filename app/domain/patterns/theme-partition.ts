// Themes (issue 13): one partition of the cases, each case in at most one theme, from all
// the evidence a case has. Pure: the model layer passes plain cases, gets plain themes.
//
// Each case becomes one sparse vector made of blocks, each block L2-normalised then weighted:
// - text: TF-IDF (text-similarity.ts, with the lexicon of themes.ts) over the title,
//   complaint, details, the Five Whys answers and the root-cause statement;
// - concepts: the comp-concept lexicon (theme-concepts.ts) over the same text, so "clawback"
//   and "charged back" meet; unfamiliar wording still lands on the mechanism it names;
// - diagnosed cause (strong: the team concluded it), suspected cause (weak: wrong about a
//   quarter of the time), both scaled by how rare the cause is among the cases (a cause half
//   the cases share tells little apart), behaviour (weight 0 by default: many causes share a
//   behaviour, and on both tuning sets it pulled different problems together).
// Cases are clustered by cosine to cluster centroids: a leader pass (oldest first), then
// reassignment passes (k-means with a threshold) until nothing moves. Clusters smaller than
// two are not themes, nor are pairs whose two cases are barely alike (two one-offs that share
// common words would otherwise make a "theme" and hide that each is an anecdote). Time is
// not a similarity signal (a cause persists for months); it orders the pass, so the same cases always give the same themes, and it ranks themes.
// Then the core rule (decision 021): in a theme of four or more, a member not like the rest
// of the theme is left out, so a one-off does not sit in a theme and lend it a verdict. Last,
// report blocks (decision 032): three or more cases of one report (one reporter, or one team in
// one month, as the verdict counts them) more alike to each other than to the rest of their
// theme are a theme of their own — an anecdote — rather than part of a pattern's.
//
// Cost: O(n·k·t) per pass with an inverted index from term to clusters (k clusters, t terms a
// case has); memory O(n·t). Measured at 100,000 cases in bench (see the README).

import { clusterByCentroid } from "./centroid-clustering";
import { effectiveCause } from "./effective-cause";
import { interner } from "./interner";
import { reportOf } from "./grouping";
import { conceptCounts } from "./theme-concepts";
import { buildIndex, type TfIdfIndex } from "./text-similarity";
import { THEME_PREFIX } from "./themes";
import type { PatternCase } from "./types";

export type ThemeCase = PatternCase & {
  details?: string;
  /** Five Whys answers, in step order. */
  whys?: readonly string[];
  rootCauseStatement?: string;
};

export type ThemeWeights = {
  text: number;
  diagnosed: number;
  suspected: number;
  behaviour: number;
  /** Minimum cosine between a case and a theme's centroid to join it. */
  threshold: number;
  /** Minimum cosine between two themes' centroids to merge them (one problem found twice). */
  merge: number;
  /** Weight of the cause the team's own diagnoses suggest for a case's text (see learnedCauses). */
  learned: number;
  /** Weight of the comp-concept block (theme-concepts.ts): synonyms and paraphrases meet. */
  concepts: number;
  /** Minimum cosine between the two cases of a two-case theme: a pair joined by common words is two one-offs. */
  pair: number;
  /** 0–1: how far a cause's weight is scaled by its rarity among the cases (a cause half the cases share says little). */
  causeIdf: number;
  /** Minimum cosine between a member and the centre of the rest of its theme to stay in it (the core rule); 0 keeps everyone. */
  admit: number;
  /** Smallest block of one report (one reporter, or one team in one month) split from a theme when its cases are more alike to each other than to the rest; 0 never splits. */
  block: number;
};

/**
 * Chosen on the three tuning sets together (eval/themes/tuning*.json; `npm run eval:themes --
 * --only tuning`, with `--loso` for the leave-one-set-out check), in the flat region where
 * neighbouring values score the same: decisions 016 and 021.
 */
export const DEFAULT_THEME_WEIGHTS: ThemeWeights = {
  text: 1,
  concepts: 0.5,
  diagnosed: 1,
  suspected: 0.4,
  behaviour: 0,
  threshold: 0.2,
  merge: 0.5,
  pair: 0.3,
  learned: 0,
  causeIdf: 1,
  admit: 0.25,
  block: 3,
};

const PASSES = 8;
/** The core rule needs a core: at least three other members (a three-case theme is left as it is). */
const CORE_MIN = 4;
const MIN_THEME_SIZE = 2;
const DISTINCTIVE_TERMS = 6;

export type ThemeCause = { cause: string; cases: number; diagnosed: number };

export type ComputedTheme = {
  /** Derived from the members (FNV of the oldest member's id and the size): stable input, stable key. */
  key: string;
  caseIds: number[];
  /** Words that set this theme apart, heaviest first (a lexicon theme shows as its name). */
  terms: string[];
  /** The member closest to the centroid. */
  typicalCaseId: number;
  /** Effective causes of the members, most first. */
  causes: ThemeCause[];
  /** The diagnosed cause most members share, else the most common effective cause; "" when none. */
  dominantCause: string;
  /** How the dominant cause was reached. */
  dominantSource: "diagnosed" | "suspected" | "";
  from: Date;
  to: Date;
};

export function themeText(c: ThemeCase): string {
  return [c.title, c.complaint, c.details, ...(c.whys ?? []), c.rootCauseStatement].filter(Boolean).join("\n");
}

type Vec = Map<string, number>;

/** The combined evidence vector of each case, unit length. */
export function caseVectors(cases: readonly ThemeCase[], w: ThemeWeights = DEFAULT_THEME_WEIGHTS, index?: TfIdfIndex): Map<number, Vec> {
  const idx = index ?? buildIndex(cases.map((c) => ({ id: c.id, text: themeText(c) })));
  const out = new Map<number, Vec>();
  const learned = w.learned > 0 ? learnedCauses(cases, idx) : new Map<number, string>();
  const conceptBlock = conceptVectors(cases);
  const rarity = causeRarity(cases, w.causeIdf);
  // One string per key however many vectors hold it (~17 MB of keys at 20,000 cases otherwise).
  const key = interner();
  for (const c of cases) {
    const v: Vec = new Map();
    const text = idx.vector(c.id);
    if (text) text.idx.forEach((t, j) => v.set(key(`t${t}`), text.val[j] * w.text));
    if (c.rootCause) v.set(key(`c:${c.rootCause}`), w.diagnosed * (rarity.get(c.rootCause) ?? 1));
    if (c.suspectedCause && c.suspectedCause !== "other") v.set(key(`c:${c.suspectedCause}`), (v.get(key(`c:${c.suspectedCause}`)) ?? 0) + w.suspected * (rarity.get(c.suspectedCause) ?? 1));
    if (c.behaviour && c.behaviour !== "other") v.set(key(`b:${c.behaviour}`), w.behaviour);
    const concepts = conceptBlock.get(c.id);
    if (concepts && w.concepts > 0) for (const [k, x] of concepts) v.set(key(`k:${k}`), x * w.concepts);
    const guess = learned.get(c.id);
    if (guess && w.learned > 0) v.set(key(`c:${guess}`), (v.get(key(`c:${guess}`)) ?? 0) + w.learned);
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
    if (norm > 0) for (const [k, x] of v) v.set(k, x / norm);
    out.set(c.id, v);
  }
  return out;
}

/**
 * Per cause, a factor for its weight, like a term's idf: 1 for a cause at most a tenth of the
 * cases name, less for a common one (log-scaled; 0 for a cause every case names), blended by
 * `strength`. "Plan mechanics" on half the cases says little about which problem a case is;
 * without this the cause glued different problems filed under it into one theme.
 */
function causeRarity(cases: readonly ThemeCase[], strength: number): Map<string, number> {
  const out = new Map<string, number>();
  if (strength <= 0) return out;
  const df = new Map<string, number>();
  for (const c of cases) for (const k of new Set([c.rootCause, c.suspectedCause].filter(Boolean))) df.set(k, (df.get(k) ?? 0) + 1);
  for (const [k, n] of df) {
    const idf = Math.min(1, Math.log(cases.length / n) / Math.log(10));
    out.set(k, 1 - strength + strength * Math.max(0, idf));
  }
  return out;
}

function tfIdfBlocks(cases: readonly ThemeCase[], counts: Map<string, number>[]): Map<number, Vec> {
  const df = new Map<string, number>();
  for (const m of counts) for (const k of m.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const out = new Map<number, Vec>();
  cases.forEach((c, i) => {
    const v: Vec = new Map();
    for (const [k, n] of counts[i]) v.set(k, (1 + Math.log(n)) * (Math.log((1 + cases.length) / (1 + df.get(k)!)) + 1));
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
    if (norm > 0) for (const [k, x] of v) v.set(k, x / norm);
    out.set(c.id, v);
  });
  return out;
}

/** Per case, its concept counts as a unit vector: sublinear tf × smoothed idf over these cases. */
export function conceptVectors(cases: readonly ThemeCase[]): Map<number, Vec> {
  return tfIdfBlocks(cases, cases.map((c) => conceptCounts(themeText(c))));
}

/**
 * For each case without a diagnosis, the cause whose diagnosed cases its text is most like
 * (cosine to the centre of that cause's diagnosed texts, at least 0.1): the team's own
 * conclusions teach which words go with which cause, with no word list to maintain.
 */
export function learnedCauses(cases: readonly ThemeCase[], idx: TfIdfIndex): Map<number, string> {
  const centres = new Map<string, Map<number, number>>();
  for (const c of cases) {
    if (!c.rootCause || c.rootCause === "other") continue;
    const v = idx.vector(c.id);
    if (!v) continue;
    const m = centres.get(c.rootCause) ?? new Map<number, number>();
    v.idx.forEach((t, j) => m.set(t, (m.get(t) ?? 0) + v.val[j]));
    centres.set(c.rootCause, m);
  }
  for (const m of centres.values()) {
    const n = Math.sqrt([...m.values()].reduce((s, x) => s + x * x, 0)) || 1;
    for (const [t, x] of m) m.set(t, x / n);
  }
  const out = new Map<number, string>();
  for (const c of cases) {
    if (c.rootCause) continue;
    const v = idx.vector(c.id);
    if (!v) continue;
    let best = "";
    let bestScore = 0.1;
    for (const [cause, m] of centres) {
      let s = 0;
      v.idx.forEach((t, j) => (s += (m.get(t) ?? 0) * v.val[j]));
      if (s > bestScore) {
        best = cause;
        bestScore = s;
      }
    }
    if (best) out.set(c.id, best);
  }
  return out;
}

export function partitionThemes(cases: readonly ThemeCase[], weights: ThemeWeights = DEFAULT_THEME_WEIGHTS): ComputedTheme[] {
  if (cases.length === 0) return [];
  const ordered = [...cases].sort((a, b) => a.raisedOn.getTime() - b.raisedOn.getTime() || a.id - b.id);
  const index = buildIndex(ordered.map((c) => ({ id: c.id, text: themeText(c) })));
  const vectors = caseVectors(ordered, weights, index);
  const docs = ordered.map((c) => vectors.get(c.id)!);
  const cored = admitCore(docs, cluster(docs, weights.threshold, weights.merge, weights.pair), weights.admit, weights.pair);
  const assignment = weights.block > 0 ? splitReportBlocks(ordered, docs, cored, weights.block, weights.pair) : cored;

  const df = documentFrequency(docs);
  return [...membersOf(assignment).values()]
    .filter((m) => m.length >= MIN_THEME_SIZE)
    .map((m) => explain(m.map((i) => ordered[i]), m.map((i) => docs[i]), index, df, docs.length));
}

/** Centroid clustering (centroid-clustering.ts), then a merge of alike clusters; a cluster per doc, or −1 for none. */
function cluster(docs: readonly Vec[], threshold: number, merge: number, pair: number): number[] {
  const { clusters, assignment: clustered } = clusterByCentroid(docs, threshold, PASSES);
  let assignment = clustered;
  // Merge clusters whose centres are alike (greedy, most alike first): the leader pass can
  // start one problem twice when its first cases share few words.
  const unit = clusters.map((c) => {
    const n = Math.sqrt(c.norm2) || 1;
    return new Map([...c.centroid].map(([t, x]) => [t, x / n]));
  });
  const big = clusters.map((c, k) => k).filter((k) => clusters[k].members.length >= MIN_THEME_SIZE);
  const pairs: { a: number; b: number; s: number }[] = [];
  for (let i = 0; i < big.length; i++) {
    for (let j = i + 1; j < big.length; j++) {
      const s = dotVec(unit[big[i]], unit[big[j]]);
      if (s >= merge) pairs.push({ a: big[i], b: big[j], s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const into = clusters.map((_, k) => k);
  const root = (k: number): number => (into[k] === k ? k : (into[k] = root(into[k])));
  const merged = new Set<number>();
  for (const { a, b } of pairs) {
    // One merge per cluster per round keeps two distinct themes from chaining through a third.
    if (merged.has(root(a)) || merged.has(root(b)) || root(a) === root(b)) continue;
    into[root(b)] = root(a);
    merged.add(root(a));
  }
  assignment = assignment.map((k) => root(k));
  const members = membersOf(assignment);
  // A cluster of one is no theme; nor is a pair that is barely alike.
  return assignment.map((k) => (holdsTogether(docs, members.get(k) ?? [], pair) ? k : -1));
}

/**
 * The core rule: a case stays in its theme only when it is like the rest of the theme taken
 * together (cosine to the centre of the other members), not merely like one member, or like
 * the theme through a cause many themes share. Who fails is left out ("no theme") rather than
 * moved: a case near no core is a one-off until more like it arrive, and it no longer lends
 * its reporter and function to a verdict. A theme left with one case, or with a pair that is
 * barely alike, dissolves. O(n·t): one centre per theme.
 */
function admitCore(docs: readonly Vec[], assignment: readonly number[], admit: number, pair: number): number[] {
  if (admit <= 0) return [...assignment];
  const out = [...assignment];
  for (const m of membersOf(assignment).values()) {
    if (m.length < CORE_MIN) continue;
    const sum = sumOf(docs, m);
    let norm2 = 0;
    for (const x of sum.values()) norm2 += x * x;
    const kept = m.filter((i) => {
      // The rest of the theme is S − v, and |S − v|² = |S|² − 2·S·v + 1 for a unit v.
      const d = dotVec(docs[i], sum);
      const rest2 = norm2 - 2 * d + 1;
      return rest2 > 1e-12 && (d - 1) / Math.sqrt(rest2) >= admit;
    });
    const stay = new Set(holdsTogether(docs, kept, pair) ? kept : []);
    for (const i of m) if (!stay.has(i)) out[i] = -1;
  }
  return out;
}

/**
 * One report is not a pattern's member twice over: in a theme, the cases of one independent
 * report (one reporter, or one team in one month: grouping.ts) that are more alike to each
 * other than to the rest of the theme are their own theme, which the verdict then calls an
 * anecdote, instead of lending the rest of the theme their topic. A rest left with one case,
 * or with a pair barely alike, dissolves.
 */
function splitReportBlocks(cases: readonly ThemeCase[], docs: readonly Vec[], assignment: readonly number[], minBlock: number, pair: number): number[] {
  const out = [...assignment];
  let next = assignment.reduce((a, k) => Math.max(a, k), -1) + 1;
  for (const m of membersOf(assignment).values()) {
    if (m.length <= minBlock) continue;
    // Per report, its cases (positions in m mapped back to indices), in order.
    const blocks = [...membersOf(reportOf(m.map((i) => cases[i]))).values()].map((js) => js.map((j) => m[j]));
    // The rest of the theme as a running sum and its squared length, so a block costs
    // O(|block|²·t) rather than O(n·t): |R − B|² = |R|² − 2·R·B + |B|².
    const rest = sumOf(docs, m);
    let restNorm2 = dotVec(rest, rest);
    let restSize = m.length;
    for (const b of blocks) {
      if (b.length < minBlock || b.length >= restSize) continue;
      const sum = sumOf(docs, b);
      const sum2 = dotVec(sum, sum);
      // Mean cosine of the block's pairs: |Σb|² = |b| + 2·Σ pairs, for unit vectors.
      const inner = (sum2 - b.length) / (b.length * (b.length - 1));
      const withRest = dotVec(sum, rest);
      const othersNorm2 = restNorm2 - 2 * withRest + sum2;
      const outer = othersNorm2 > 1e-12 ? (withRest - sum2) / Math.sqrt(othersNorm2) / b.length : 0;
      if (inner <= outer) continue;
      const k = next++;
      for (const i of b) out[i] = k;
      for (const [t, x] of sum) rest.set(t, rest.get(t)! - x);
      restNorm2 = othersNorm2;
      restSize -= b.length;
    }
    const left = m.filter((i) => out[i] === assignment[i]);
    if (!holdsTogether(docs, left, pair)) for (const i of left) out[i] = -1;
  }
  return out;
}

/** Per cluster (−1, no theme, left out), its members' indices in order. */
function membersOf(assignment: readonly number[]): Map<number, number[]> {
  const members = new Map<number, number[]>();
  assignment.forEach((k, i) => {
    if (k < 0) return;
    const m = members.get(k);
    if (m) m.push(i);
    else members.set(k, [i]);
  });
  return members;
}

/** Three or more cases hold together as a theme; two only when they are alike enough (the pair bar). */
function holdsTogether(docs: readonly Vec[], m: readonly number[], pair: number): boolean {
  return m.length > 2 || (m.length === 2 && dotVec(docs[m[0]], docs[m[1]]) >= pair);
}

/** The sum of the given cases' vectors. */
function sumOf(docs: readonly Vec[], members: readonly number[]): Vec {
  const sum: Vec = new Map();
  for (const i of members) for (const [t, x] of docs[i]) sum.set(t, (sum.get(t) ?? 0) + x);
  return sum;
}

function dotVec(a: Vec, b: Vec): number {
  let s = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, x] of small) s += x * (large.get(t) ?? 0);
  return s;
}

function documentFrequency(docs: readonly Vec[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const v of docs) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

function explain(members: ThemeCase[], vectors: Vec[], index: TfIdfIndex, df: Map<string, number>, n: number): ComputedTheme {
  const centroid: Vec = new Map();
  const inTheme = new Map<string, number>();
  for (const v of vectors) {
    for (const [t, x] of v) {
      centroid.set(t, (centroid.get(t) ?? 0) + x / vectors.length);
      inTheme.set(t, (inTheme.get(t) ?? 0) + 1);
    }
  }
  // Distinctive: common inside the theme, rare outside it (a log-odds lift), text terms only.
  const terms: string[] = [];
  const seen = new Set<string>();
  const ranked = [...inTheme.entries()]
    .filter(([t, k]) => t.startsWith("t") && k >= 2)
    .map(([t, k]) => {
      const outside = (df.get(t) ?? 0) - k;
      const lift = (k / members.length) / ((outside + 1) / (n - members.length + 1));
      return { t, score: (centroid.get(t) ?? 0) * Math.log(1 + lift) };
    })
    .sort((a, b) => b.score - a.score || a.t.localeCompare(b.t));
  for (const { t } of ranked) {
    if (terms.length >= DISTINCTIVE_TERMS) break;
    const i = Number(t.slice(1));
    const stem = index.stems[i];
    const word = stem.startsWith(THEME_PREFIX) ? stem.slice(THEME_PREFIX.length) : index.words[i];
    if (seen.has(word)) continue;
    seen.add(word);
    terms.push(word);
  }
  let typical = 0;
  let bestScore = -Infinity;
  vectors.forEach((v, i) => {
    let s = 0;
    for (const [t, x] of v) s += (centroid.get(t) ?? 0) * x;
    if (s > bestScore) {
      bestScore = s;
      typical = i;
    }
  });
  const causeCounts = new Map<string, ThemeCause>();
  for (const c of members) {
    const { cause, source } = effectiveCause(c);
    if (source === "unknown") continue;
    const e = causeCounts.get(cause) ?? { cause, cases: 0, diagnosed: 0 };
    e.cases += 1;
    if (source === "diagnosed") e.diagnosed += 1;
    causeCounts.set(cause, e);
  }
  const causes = [...causeCounts.values()].sort((a, b) => b.diagnosed - a.diagnosed || b.cases - a.cases || a.cause.localeCompare(b.cause));
  const { dominantCause, dominantSource } = dominant(causes);
  const times = members.map((c) => c.raisedOn.getTime());
  const ids = members.map((c) => c.id).sort((a, b) => a - b);
  return {
    key: themeKey(ids),
    caseIds: ids,
    terms,
    typicalCaseId: members[typical].id,
    causes,
    dominantCause,
    dominantSource,
    from: new Date(Math.min(...times)),
    to: new Date(Math.max(...times)),
  };
}

/**
 * The theme's cause: a diagnosis outranks any number of suspicions; without one, the cause
 * most members suspect, when it is a clear majority. "other" names no cause.
 */
export function dominant(causes: readonly ThemeCause[]): Pick<ComputedTheme, "dominantCause" | "dominantSource"> {
  const named = causes.filter((c) => c.cause !== "other");
  const diagnosed = [...named].sort((a, b) => b.diagnosed - a.diagnosed || b.cases - a.cases)[0];
  if (diagnosed && diagnosed.diagnosed > 0) return { dominantCause: diagnosed.cause, dominantSource: "diagnosed" };
  const total = causes.reduce((s, c) => s + c.cases, 0);
  const top = [...named].sort((a, b) => b.cases - a.cases || a.cause.localeCompare(b.cause))[0];
  if (top && top.cases * 2 > total) return { dominantCause: top.cause, dominantSource: "suspected" };
  return { dominantCause: "", dominantSource: "" };
}

/** FNV-1a over the sorted ids: names no case (executives see keys). */
export function themeKey(ids: readonly number[]): string {
  let h = 0x811c9dc5;
  for (const ch of ids.join(",")) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
