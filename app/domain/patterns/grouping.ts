// Suggested groups (issue item 2): cases that share a cause, and cases whose complaints are
// alike. Pure functions over plain cases; the caller decides which cases to pass.
//
// Cost: grouping by cause is O(n). Grouping by text is single-pass leader clustering with
// centroids plus at most two reassignment passes: each case is compared with every current
// cluster, so O(n·k) with k clusters, O(n²) at worst, and memory O(n + vocabulary). Candidate
// clusters are found through an inverted index (term → clusters), so in practice a case is
// only scored against clusters it shares a word with. The caller caps n (e.g. the 3,000 most
// recent cases in the date range); cause groups and matrices can use every case.

import { type Axis, axisLabel, axisValue, compareAxisValues, UNKNOWN } from "./axes";
import { clusterByCentroid } from "./centroid-clustering";
import { type CauseSource, effectiveCause } from "./effective-cause";
import { buildIndex, type SparseVector, type TfIdfIndex } from "./text-similarity";
import { THEME_PREFIX } from "./themes";
import { caseText, type PatternCase } from "./types";

/** Tuned on fixtures/labelled-complaints.ts: results are stable from 0.12 to 0.20. */
export const DEFAULT_TEXT_THRESHOLD = 0.15;
export const DEFAULT_MIN_SIZE = 2;
/** The rule: a pattern needs this many cases before it is more than an anecdote. */
export const CROSS_FUNCTIONAL_MIN_CASES = 3;
const REASSIGN_PASSES = 2;
const SHARED_TERMS = 5;

export type SharedTerm = {
  term: string;
  /** A word people wrote (or the theme's name, see themes.ts). */
  word: string;
  /** How many of the group's complaints contain it. */
  cases: number;
  theme: boolean;
};

export type TextGroup = {
  caseIds: number[];
  sharedTerms: SharedTerm[];
  /** Mean cosine of the members to their centroid, 0..1. */
  cohesion: number;
};

export type TextGroupOptions = {
  /** Minimum cosine between a complaint and a group's centroid to join it. */
  threshold?: number;
  minSize?: number;
  /** An index that already holds these cases (e.g. shared with the intake hint). */
  index?: TfIdfIndex;
};

/**
 * Groups alike complaints. Cases are taken oldest first, so the same cases give the same
 * groups. A case joins the most similar group when the cosine to its centroid reaches the
 * threshold, else starts a group; then each case is moved to the group it is now most like
 * (or left alone when none is close enough), which undoes most of the order's effect.
 */
export function groupByText(cases: readonly PatternCase[], options: TextGroupOptions = {}): TextGroup[] {
  const threshold = options.threshold ?? DEFAULT_TEXT_THRESHOLD;
  const minSize = Math.max(2, options.minSize ?? DEFAULT_MIN_SIZE);
  const ordered = [...cases].sort(byRaisedOn);
  const index = options.index ?? buildIndex(ordered.map((c) => ({ id: c.id, text: caseText(c) })));
  const docs = ordered
    .map((c) => ({ id: c.id, vector: index.vector(c.id) }))
    .filter((d): d is { id: number; vector: SparseVector } => d.vector !== undefined && d.vector.idx.length > 0);

  const { clusters } = clusterByCentroid(
    docs.map((d) => d.vector.idx.map((t, j) => [t, d.vector.val[j]] as const)),
    threshold,
    REASSIGN_PASSES,
  );

  return clusters
    .filter((c) => c.members.length >= minSize)
    .map((c) => {
      const vectors = c.members.map((i) => docs[i].vector);
      const norm = Math.sqrt(c.norm2);
      const cohesion = vectors.reduce((s, v) => s + dotMap(c.centroid, v), 0) / (vectors.length * norm || 1);
      return {
        caseIds: c.members.map((i) => docs[i].id).sort((a, b) => a - b),
        sharedTerms: sharedTerms(index, vectors),
        cohesion,
      };
    });
}

function byRaisedOn(a: PatternCase, b: PatternCase): number {
  return a.raisedOn.getTime() - b.raisedOn.getTime() || a.id - b.id;
}

function dotMap(centroid: Map<number, number>, v: SparseVector): number {
  let s = 0;
  v.idx.forEach((t, j) => (s += (centroid.get(t) ?? 0) * v.val[j]));
  return s;
}

function sharedTerms(index: TfIdfIndex, vectors: readonly SparseVector[]): SharedTerm[] {
  const weight = new Map<number, number>();
  const docCount = new Map<number, number>();
  for (const v of vectors) {
    v.idx.forEach((t, j) => {
      weight.set(t, (weight.get(t) ?? 0) + v.val[j]);
      docCount.set(t, (docCount.get(t) ?? 0) + 1);
    });
  }
  const out: SharedTerm[] = [];
  const words = new Set<string>();
  const ranked = [...weight.entries()]
    .filter(([t]) => docCount.get(t)! >= 2)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [t] of ranked) {
    if (out.length >= SHARED_TERMS) break;
    const term = index.stems[t];
    const word = index.words[t];
    if (words.has(word)) continue; // the theme "quota" next to the word "quota"
    words.add(word);
    out.push({ term, word, cases: docCount.get(t)!, theme: term.startsWith(THEME_PREFIX) });
  }
  return out;
}

export type CauseGroup = {
  cause: string;
  label: string;
  caseIds: number[];
  sources: Record<Exclude<CauseSource, "unknown">, number>;
};

/**
 * Cases that share an effective cause (diagnosed, else suspected). "Other" and unknown are
 * left out: they mean the taxonomy did not fit, not that the cases share a cause.
 */
export function groupByCause(cases: readonly PatternCase[], { minSize = DEFAULT_MIN_SIZE } = {}): CauseGroup[] {
  const groups = new Map<string, CauseGroup>();
  for (const c of cases) {
    const { cause, source } = effectiveCause(c);
    if (source === "unknown" || cause === "other") continue;
    let g = groups.get(cause);
    if (!g) {
      g = { cause, label: axisLabel("cause", cause), caseIds: [], sources: { diagnosed: 0, suspected: 0 } };
      groups.set(cause, g);
    }
    g.caseIds.push(c.id);
    g.sources[source] += 1;
  }
  return [...groups.values()]
    .filter((g) => g.caseIds.length >= Math.max(2, minSize))
    .map((g) => ({ ...g, caseIds: g.caseIds.sort((a, b) => a - b) }))
    .sort((a, b) => compareAxisValues("cause", a.cause, b.cause));
}

export type Verdict = "cross-functional" | "single-function" | "anecdote";

type ReportCase = Pick<PatternCase, "reporterFunction" | "reporterRole" | "segment" | "raisedOn"> & Pick<PatternCase, "reporterKey" | "region">;

/**
 * How many independent reports the cases are: one reporter counts once, and so does one team
 * (function, role, segment and region, where the region is recorded) in one month — five
 * people in one team meeting are one report, not five. Cases are joined when they share
 * either, transitively.
 */
export function independentReports(cases: readonly ReportCase[]): number {
  return new Set(reportOf(cases)).size;
}

/** Per case, a number its independent report's cases share (see independentReports). */
export function reportOf(cases: readonly ReportCase[]): number[] {
  const parent = cases.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstWith = new Map<string, number>();
  cases.forEach((c, i) => {
    const month = c.raisedOn.toISOString().slice(0, 7);
    const keys = [
      c.reporterKey ? `reporter:${c.reporterKey}` : "",
      c.region ? `team:${c.reporterFunction}|${c.reporterRole}|${c.segment}|${c.region}|${month}` : "",
    ].filter(Boolean);
    for (const key of keys) {
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  return cases.map((_, i) => find(i));
}

/**
 * The verdict, three ways: an anecdote (fewer than three independent reports), a pattern
 * within one function, or a cross-functional pattern (three or more independent reports from
 * two or more functions). Several roles inside one function do not make it cross-functional;
 * unrecorded functions do not count.
 */
export function verdict(cases: readonly ReportCase[]): Verdict {
  if (independentReports(cases) < CROSS_FUNCTIONAL_MIN_CASES) return "anecdote";
  return distinct(cases.map((c) => c.reporterFunction)) >= 2 ? "cross-functional" : "single-function";
}

/** The sentence that justifies a verdict, for the comp team and sales leaders. */
export function verdictSentence(cases: readonly ReportCase[]): string {
  const reports = independentReports(cases);
  const functions = [...new Set(cases.map((c) => c.reporterFunction?.trim()).filter(Boolean))].map((f) => axisLabel("function", f));
  const n = `${reports} independent report${reports === 1 ? "" : "s"}`;
  const counted = reports < cases.length ? ` (${cases.length} cases; one reporter, or one team in one month, counts once)` : "";
  switch (verdict(cases)) {
    case "anecdote":
      return `An anecdote so far: ${n}${counted}; a pattern needs three.`;
    case "single-function":
      return `A pattern within one function: ${n}${counted}, all from ${functions[0] ?? "one function"}.`;
    default:
      return `A cross-functional pattern: ${n}${counted} from ${functions.length > 1 ? functions.slice(0, -1).join(", ") + " and " + functions.at(-1) : "two or more functions"}.`;
  }
}

function distinct(values: readonly string[]): number {
  return new Set(values.map((v) => v?.trim()).filter(Boolean)).size;
}

export type BreakdownEntry = { value: string; label: string; count: number };

export type Suggestion = {
  /** Stable while the group's cases stay the same. */
  key: string;
  kind: "cause" | "text";
  reason: string;
  caseIds: number[];
  count: number;
  /** The effective cause of a cause group, and how many cases took it from a diagnosis. */
  cause: string | null;
  causeSources: CauseGroup["sources"] | null;
  functions: BreakdownEntry[];
  roles: BreakdownEntry[];
  segments: BreakdownEntry[];
  tenureBands: BreakdownEntry[];
  from: Date;
  to: Date;
  verdict: Verdict;
  /** Independent reports among the cases (one reporter, or one team in one month, counts once). */
  independentReports: number;
  /** The sentence that justifies the verdict (not for executives: it carries exact counts). */
  verdictNote: string;
  sharedTerms: SharedTerm[];
};

export type SuggestOptions = TextGroupOptions;

/**
 * Cause groups and text groups, ranked: cross-functional first, then the most functions and
 * roles, then the most cases, then the most recent. A text group with exactly the cases of a
 * cause group is dropped: it would say the same thing twice.
 */
export function suggestGroups(cases: readonly PatternCase[], options: SuggestOptions = {}): Suggestion[] {
  if (cases.length === 0) return [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const index = options.index ?? buildIndex(cases.map((c) => ({ id: c.id, text: caseText(c) })));
  const membersOf = (ids: number[]) => ids.map((id) => byId.get(id)!);

  const causeGroups = groupByCause(cases, options);
  const causeSets = new Set(causeGroups.map((g) => g.caseIds.join(",")));
  const out: Suggestion[] = causeGroups.map((g) => {
    const members = membersOf(g.caseIds);
    const vectors = g.caseIds.map((id) => index.vector(id)).filter((v): v is SparseVector => v !== undefined);
    return toSuggestion(members, {
      key: `cause:${g.cause}`,
      kind: "cause",
      reason: causeReason(g.label, g.sources),
      cause: g.cause,
      causeSources: g.sources,
      sharedTerms: sharedTerms(index, vectors),
    });
  });

  for (const g of groupByText(cases, { ...options, index })) {
    if (causeSets.has(g.caseIds.join(","))) continue;
    out.push(
      toSuggestion(membersOf(g.caseIds), {
        key: `text:${hashIds(g.caseIds)}`,
        kind: "text",
        reason: textReason(g.sharedTerms),
        cause: null,
        causeSources: null,
        sharedTerms: g.sharedTerms,
      }),
    );
  }
  return out.sort(rankSuggestions);
}

/** "Shared cause: Quota setting (2 diagnosed, 5 suspected)"; `show` formats the figures. */
export function causeReason(
  label: string,
  sources: CauseGroup["sources"],
  show: (n: number, part: "diagnosed" | "suspected") => string = (n) => String(n),
): string {
  const parts = [];
  if (sources.diagnosed) parts.push(`${show(sources.diagnosed, "diagnosed")} diagnosed`);
  if (sources.suspected) parts.push(`${show(sources.suspected, "suspected")} suspected`);
  return `Shared cause: ${label} (${parts.join(", ")})`;
}

/** "Alike complaints: territory, carve, accounts". */
export function textReason(terms: readonly Pick<SharedTerm, "word">[]): string {
  const words = terms.slice(0, 3).map((t) => t.word);
  return words.length ? `Alike complaints: ${words.join(", ")}` : "Alike complaints";
}

function toSuggestion(
  members: PatternCase[],
  head: Pick<Suggestion, "key" | "kind" | "reason" | "cause" | "causeSources" | "sharedTerms">,
): Suggestion {
  const times = members.map((c) => c.raisedOn.getTime());
  return {
    key: head.key,
    kind: head.kind,
    reason: head.reason,
    caseIds: members.map((c) => c.id).sort((a, b) => a - b),
    count: members.length,
    cause: head.cause,
    causeSources: head.causeSources,
    functions: breakdown(members, "function"),
    roles: breakdown(members, "role"),
    segments: breakdown(members, "segment"),
    tenureBands: breakdown(members, "tenure"),
    from: new Date(Math.min(...times)),
    to: new Date(Math.max(...times)),
    verdict: verdict(members),
    independentReports: independentReports(members),
    verdictNote: verdictSentence(members),
    sharedTerms: head.sharedTerms,
  };
}

/** Counts per value of one dimension, in taxonomy order. */
export function breakdown(members: readonly PatternCase[], axis: Axis): BreakdownEntry[] {
  const counts = new Map<string, number>();
  for (const c of members) {
    const v = axisValue(c, axis);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => compareAxisValues(axis, a[0], b[0]))
    .map(([value, count]) => ({ value, label: axisLabel(axis, value), count }));
}

/** Distinct recorded functions plus distinct recorded roles: the breadth of a group. */
export function breadth(s: Pick<Suggestion, "functions" | "roles">): number {
  const known = (entries: BreakdownEntry[]) => entries.filter((e) => e.value !== UNKNOWN).length;
  return known(s.functions) + known(s.roles);
}

export function rankSuggestions(a: Suggestion, b: Suggestion): number {
  const cross = (s: Suggestion) => ({ "cross-functional": 2, "single-function": 1, anecdote: 0 })[s.verdict];
  return (
    cross(b) - cross(a) ||
    breadth(b) - breadth(a) ||
    b.count - a.count ||
    b.to.getTime() - a.to.getTime() ||
    a.key.localeCompare(b.key)
  );
}

/**
 * FNV-1a over the sorted ids: a short key that changes when the members change, and names
 * no case (executives see keys).
 */
function hashIds(ids: readonly number[]): string {
  let h = 0x811c9dc5;
  for (const ch of ids.join(",")) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
