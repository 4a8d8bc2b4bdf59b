// What an executive sees of a group of cases — a suggested group or a saved pattern (issue
// item 6): no case ids, no complaint text, and every figure through disclosure control
// (../privacy/disclosure.ts). A group's size, its breakdowns by function, role, segment and
// tenure, and (for a cause group) its diagnosed/suspected split all add up to the same total,
// so they are protected together: a "<3" among shown entries beside a shown total would be
// worked out by subtraction, and is not left so. A small group still shows, as "<3", so the
// ranking stays honest.

import { type Disclosed, DisclosureProblem, EXEC_MIN_CELL, protect, type ShownCount } from "../privacy/disclosure";
import { type Axis, axisLabel, compareAxisValues, UNKNOWN } from "./axes";
import { type BreakdownEntry, causeReason, CROSS_FUNCTIONAL_MIN_CASES, type Suggestion, textReason, type Verdict } from "./grouping";
import { axisKey, monthKey } from "./matrix";

export type ShownBreakdownEntry = { value: string; label: string; count: ShownCount };

/** A group's figures: its size, breakdowns (non-zero entries) and, for a cause group, the split. */
export type GroupFigures = {
  count: number;
  functions: BreakdownEntry[];
  roles: BreakdownEntry[];
  segments: BreakdownEntry[];
  tenureBands: BreakdownEntry[];
  sources: { diagnosed: number; suspected: number } | null;
};

export const BREAKDOWN_AXES = [
  ["functions", "function"],
  ["roles", "role"],
  ["segments", "segment"],
  ["tenureBands", "tenure"],
] as const satisfies readonly (readonly [keyof GroupFigures, Axis])[];

export type GroupKeys = { whole: string; entry: (axis: Axis, value: string) => string; source: (s: "diagnosed" | "suspected") => string };

/**
 * Keys of a group's figures. A cause group counts exactly the cases of its matrix row, so it
 * uses the matrices' keys ("cause=quota_setting&function=sales") and is one figure with them;
 * any other group gets keys of its own.
 */
export function groupKeys(group: { kind: "cause" | "text" | "pattern"; key: string; cause?: string | null }): GroupKeys {
  const whole = group.kind === "cause" && group.cause ? axisKey("cause", group.cause) : group.key;
  return {
    whole,
    entry: (axis, value) => `${whole}&${axisKey(axis, value)}`,
    source: (s) => `${whole}&source=${s}`,
  };
}

/** Adds a group's figures and the sums that tie them to a disclosure problem. */
export function addGroup(problem: DisclosureProblem, keys: GroupKeys, f: GroupFigures, { published = true } = {}) {
  problem.add(keys.whole, f.count, { published });
  for (const [field, axis] of BREAKDOWN_AXES) {
    // Taxonomy order, so the same figures always make the same problem (and protection).
    const entries = [...(f[field] as BreakdownEntry[])].sort((a, b) => compareAxisValues(axis, a.value, b.value));
    for (const e of entries) problem.add(keys.entry(axis, e.value), e.count, { published });
    if (entries.length) problem.sum(keys.whole, entries.map((e) => keys.entry(axis, e.value)));
  }
  if (f.sources) {
    problem.add(keys.source("diagnosed"), f.sources.diagnosed, { published });
    problem.add(keys.source("suspected"), f.sources.suspected, { published });
    problem.sum(keys.whole, [keys.source("diagnosed"), keys.source("suspected")]);
  }
}

export type ShownGroup = {
  count: ShownCount;
  functions: ShownBreakdownEntry[];
  roles: ShownBreakdownEntry[];
  segments: ShownBreakdownEntry[];
  tenureBands: ShownBreakdownEntry[];
  sources: { diagnosed: ShownCount; suspected: ShownCount } | null;
};

/** A group's figures as an executive reads them, from the protection of the page. */
export function showGroup(keys: GroupKeys, f: GroupFigures, d: Disclosed): ShownGroup {
  const entries = (list: BreakdownEntry[], axis: Axis) =>
    [...list]
      .filter((e) => e.count > 0)
      .sort((a, b) => compareAxisValues(axis, a.value, b.value))
      .map((e) => ({ value: e.value, label: e.label, count: d.show(keys.entry(axis, e.value)) }));
  return {
    count: d.show(keys.whole),
    functions: entries(f.functions, "function"),
    roles: entries(f.roles, "role"),
    segments: entries(f.segments, "segment"),
    tenureBands: entries(f.tenureBands, "tenure"),
    sources: f.sources ? { diagnosed: d.show(keys.source("diagnosed")), suspected: d.show(keys.source("suspected")) } : null,
  };
}

/** A group (e.g. a saved pattern) protected on its own. */
export function protectGroup(f: GroupFigures): ShownGroup {
  const keys = groupKeys({ kind: "pattern", key: "group" });
  const problem = new DisclosureProblem();
  addGroup(problem, keys, f);
  return showGroup(keys, f, protect(problem));
}

export function figuresOf(s: Suggestion): GroupFigures {
  return { count: s.count, functions: s.functions, roles: s.roles, segments: s.segments, tenureBands: s.tenureBands, sources: s.causeSources };
}

/**
 * The verdict from a group's breakdowns and its independent reports: an anecdote below three
 * independent reports, cross-functional from two functions or more, else within one function.
 */
export function verdictOf(f: Pick<GroupFigures, "count" | "functions">, independentReports: number): Verdict {
  const known = (list: BreakdownEntry[]) => list.filter((e) => e.count > 0 && e.value !== UNKNOWN).length;
  if (Math.min(f.count, independentReports) < CROSS_FUNCTIONAL_MIN_CASES) return "anecdote";
  return known(f.functions) >= 2 ? "cross-functional" : "single-function";
}

export type ExecSuggestion = {
  key: string;
  kind: Suggestion["kind"];
  reason: string;
  count: ShownCount;
  cause: string | null;
  functions: ShownBreakdownEntry[];
  roles: ShownBreakdownEntry[];
  segments: ShownBreakdownEntry[];
  tenureBands: ShownBreakdownEntry[];
  /** Months ("2026-03"), not days; null when the group has fewer than three cases. */
  from: string | null;
  to: string | null;
  verdict: Verdict;
  /** Only words found in at least three of the complaints; none for a group below three. */
  sharedTerms: { word: string; theme: boolean }[];
};

/**
 * A suggested group as an executive sees it. On its own (`page` omitted) its figures are
 * protected together; on the patterns page pass the page's protection and the group's figures
 * there (a cause group's are its matrix row, counted over the whole date range).
 */
export function suppressSuggestionForExec(s: Suggestion, page?: { figures: GroupFigures; disclosed: Disclosed }): ExecSuggestion {
  const figures = page?.figures ?? figuresOf(s);
  const keys = groupKeys(s);
  let shown: ShownGroup;
  if (page) shown = showGroup(keys, figures, page.disclosed);
  else {
    const problem = new DisclosureProblem();
    addGroup(problem, keys, figures);
    shown = showGroup(keys, figures, protect(problem));
  }
  const big = figures.count >= EXEC_MIN_CELL;
  const terms = big ? s.sharedTerms.filter((t) => t.cases >= EXEC_MIN_CELL) : [];
  const texts = shown.sources;
  const reason =
    s.kind === "cause" && s.cause && figures.sources && texts
      ? causeReason(axisLabel("cause", s.cause), figures.sources, (_, part) => texts[part].text)
      : textReason(terms);
  return {
    key: s.key,
    kind: s.kind,
    reason,
    count: shown.count,
    cause: s.cause,
    functions: shown.functions,
    roles: shown.roles,
    segments: shown.segments,
    tenureBands: shown.tenureBands,
    from: big ? monthKey(s.from) : null,
    to: big ? monthKey(s.to) : null,
    verdict: page ? verdictOf(figures, s.independentReports) : s.verdict,
    sharedTerms: terms.map((t) => ({ word: t.word, theme: t.theme })),
  };
}
