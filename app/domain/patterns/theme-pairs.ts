// Experiment (issue 13, decision 032): a learned pairwise similarity. Each pair of cases gets
// features the partition already computes (cosine per block, cause agreement, same function,
// same reporter or team, months apart, both with chains); a logistic regression fitted on
// labelled pairs (same true group or not) turns them into a probability, and cases are
// clustered by that probability (correlation clustering or average linkage at a cut).

import { caseVectors, conceptVectors, DEFAULT_THEME_WEIGHTS, themeText, type ThemeCase } from "./theme-partition";
import { buildIndex, dot } from "./text-similarity";

export const PAIR_FEATURES = [
  "bias",
  "combined",
  "text",
  "concepts",
  "whys",
  "diagnosedEqual",
  "diagnosedUnequal",
  "suspectedEqual",
  "causeCrossEqual",
  "behaviourEqual",
  "sameFunction",
  "sameReporter",
  "sameTeamMonth",
  "monthsApart",
  "bothChains",
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

type Vec = Map<string, number>;
function dotVec(a: Vec, b: Vec): number {
  let s = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, x] of small) s += x * (large.get(t) ?? 0);
  return s;
}

const named = (cause: string | undefined) => (cause && cause !== "other" ? cause : "");
const month = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
const teamMonth = (c: ThemeCase) => (c.region ? `${c.reporterFunction}|${c.reporterRole}|${c.segment}|${c.region}|${month(c.raisedOn)}` : "");
const hasChain = (c: ThemeCase) => (c.whys?.length ?? 0) > 0 || Boolean(c.rootCauseStatement);

/** A function giving the feature vector (in PAIR_FEATURES order) of cases i and j of `cases`. */
export function pairFeaturer(cases: readonly ThemeCase[]): (i: number, j: number) => number[] {
  const index = buildIndex(cases.map((c) => ({ id: c.id, text: themeText(c) })));
  const combined = caseVectors(cases, DEFAULT_THEME_WEIGHTS, index);
  const concepts = conceptVectors(cases);
  const whysIndex = buildIndex(cases.filter(hasChain).map((c) => ({ id: c.id, text: [...(c.whys ?? []), c.rootCauseStatement].filter(Boolean).join("\n") })));
  return (i, j) => {
    const a = cases[i];
    const b = cases[j];
    const ta = index.vector(a.id);
    const tb = index.vector(b.id);
    const wa = whysIndex.vector(a.id);
    const wb = whysIndex.vector(b.id);
    const da = named(a.rootCause);
    const db = named(b.rootCause);
    const sa = named(a.suspectedCause);
    const sb = named(b.suspectedCause);
    const tm = teamMonth(a);
    return [
      1,
      dotVec(combined.get(a.id)!, combined.get(b.id)!),
      ta && tb ? dot(ta, tb) : 0,
      dotVec(concepts.get(a.id)!, concepts.get(b.id)!),
      wa && wb ? dot(wa, wb) : 0,
      da && db && da === db ? 1 : 0,
      da && db && da !== db ? 1 : 0,
      sa && sb && sa === sb ? 1 : 0,
      (da && da === sb) || (db && db === sa) ? 1 : 0,
      named(a.behaviour) && a.behaviour === b.behaviour ? 1 : 0,
      a.reporterFunction && a.reporterFunction === b.reporterFunction ? 1 : 0,
      a.reporterKey && a.reporterKey === b.reporterKey ? 1 : 0,
      tm && tm === teamMonth(b) ? 1 : 0,
      Math.min(12, Math.abs(month(a.raisedOn) - month(b.raisedOn))) / 12,
      hasChain(a) && hasChain(b) ? 1 : 0,
    ];
  };
}

/**
 * Logistic regression by Newton's method (IRLS) with an L2 penalty `l2` on every weight but
 * the first (the bias). `use` masks features out (weight fixed at 0).
 */
export function fitLogistic(xs: readonly number[][], ys: readonly number[], l2 = 1, use?: readonly boolean[]): number[] {
  const d = xs[0]?.length ?? 0;
  const on = Array.from({ length: d }, (_, k) => use?.[k] ?? true);
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    xs.forEach((x, n) => {
      const p = sigmoid(dotArr(w, x));
      const r = p * (1 - p);
      for (let a = 0; a < d; a++) {
        if (!on[a] || x[a] === 0) continue;
        g[a] += (p - ys[n]) * x[a];
        for (let b = 0; b < d; b++) if (on[b]) h[a][b] += r * x[a] * x[b];
      }
    });
    for (let a = 1; a < d; a++) {
      g[a] += l2 * w[a];
      h[a][a] += l2;
    }
    for (let a = 0; a < d; a++) if (!on[a]) {
      g[a] = 0;
      h[a].fill(0);
      h[a][a] = 1;
    }
    const step = solve(h, g);
    w = w.map((x, k) => x - step[k]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dotArr = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, k) => s + x * b[k], 0);

/** Gaussian elimination with partial pivoting: A x = b. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const piv = m[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / piv;
      if (f !== 0) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

/**
 * Clusters from pair scores s(i, j) (log-odds of "same group" less the cut's, so > 0 means
 * "rather together"). "cc": greedy correlation clustering — merge the two clusters whose
 * pairs sum highest while the sum is positive — then moves of single cases to the cluster
 * they add most to. "avg": average linkage — merge while the mean pair score is positive.
 * Returns clusters of two or more, as index lists.
 */
export function clusterByPairs(n: number, s: (i: number, j: number) => number, mode: "cc" | "avg"): number[][] {
  const w = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) w[i][j] = w[j][i] = s(i, j);
  let clusters: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const between = (a: number[], b: number[]) => {
    let t = 0;
    for (const i of a) for (const j of b) t += w[i][j];
    return t;
  };
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const t = between(clusters[i], clusters[j]);
        const v = mode === "cc" ? t : t / (clusters[i].length * clusters[j].length);
        if (v > best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    clusters[bi] = [...clusters[bi], ...clusters[bj]];
    clusters.splice(bj, 1);
  }
  if (mode === "cc") {
    const of = new Array<number>(n);
    clusters.forEach((m, k) => m.forEach((i) => (of[i] = k)));
    for (let pass = 0; pass < 10; pass++) {
      let moved = false;
      for (let i = 0; i < n; i++) {
        const gain = new Map<number, number>();
        for (let j = 0; j < n; j++) if (j !== i) gain.set(of[j], (gain.get(of[j]) ?? 0) + w[i][j]);
        const here = gain.get(of[i]) ?? 0;
        let target = of[i];
        let bestGain = Math.max(here, 0);
        for (const [k, g] of gain) if (g > bestGain + 1e-9) {
          bestGain = g;
          target = k;
        }
        if (target === of[i] && here < 0) target = n + i; // alone
        if (target !== of[i]) {
          of[i] = target;
          moved = true;
        }
      }
      if (!moved) break;
    }
    const groups = new Map<number, number[]>();
    of.forEach((k, i) => groups.set(k, [...(groups.get(k) ?? []), i]));
    clusters = [...groups.values()];
  }
  return clusters.filter((m) => m.length >= 2);
}
