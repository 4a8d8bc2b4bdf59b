// Everything an executive sees on the patterns page for one date range, as one disclosure
// problem (../privacy/disclosure.ts). The figures are linked: the four matrices share their
// cause totals and grand total; "N cases in range" and the diagnosed/suspected split add up to
// the same total (with the "Not known yet" row as the unprinted third part); the monthly chart's
// points add up to the cause totals; a cause group's size, breakdowns and split are its matrix
// row (plus a cause × role table of its own); and, for all time, the executive home page's counts
// by suspected cause, function and status share the grand total. Protected together, a figure
// hidden in one place is hidden wherever it appears, and no sum anywhere gives it away. Text
// groups are sets of cases no other figure describes: each is protected with its own breakdowns.

import { causeLabel, functionLabel, statusLabel } from "../cases/taxonomy";
import { type Disclosed, DisclosureProblem, protect, type ShownCount } from "../privacy/disclosure";
import { type Axis, compareAxisValues, UNKNOWN } from "./axes";
import type { CauseSource } from "./effective-cause";
import { type BreakdownEntry, breadth, type Suggestion } from "./grouping";
import { addCauseSources, addMatrix, ALL, axisKey, type Matrix, showMatrix, type ShownMatrix, SOURCE_KEYS } from "./matrix";
import { addMonthly, type MonthCount, monthlySeries } from "./monthly";
import { addGroup, type ExecSuggestion, type GroupFigures, groupKeys, suppressSuggestionForExec } from "./suppress-groups";

export type OverviewTallies = {
  /** Cases by suspected cause ("" when none), and how many of them have been diagnosed since. */
  bySuspected: { cause: string; count: number; diagnosed: number }[];
  byStatus: { status: string; count: number }[];
};

export type PatternTallies = {
  matrices: { title: string; matrix: Matrix }[];
  /** Effective cause × reporter role, for cause groups' role breakdowns. */
  causeRole: Matrix;
  sources: Record<CauseSource, number>;
  sourcesByCause: { cause: string; diagnosed: number; suspected: number }[];
  monthly: MonthCount[];
  total: number;
  /** All time only: what the executive home page counts. */
  overview?: OverviewTallies;
};

export type OverviewEntry = { value: string; label: string; count: ShownCount };

export type ExecPatternView = {
  matrices: { title: string; matrix: ShownMatrix }[];
  total: ShownCount;
  causeSources: { diagnosed: ShownCount; suspected: ShownCount };
  monthly: ReturnType<typeof monthlySeries>;
  suggestions: ExecSuggestion[];
  overview: { byCause: OverviewEntry[]; byFunction: OverviewEntry[]; byStatus: OverviewEntry[] } | null;
};

function matrixOf(t: PatternTallies, rowAxis: Axis, colAxis: Axis): Matrix | undefined {
  return t.matrices.find((m) => m.matrix.rowAxis === rowAxis && m.matrix.colAxis === colAxis)?.matrix;
}

/** One row of a matrix as breakdown entries (non-zero only). */
function rowEntries(m: Matrix | undefined, rowValue: string): BreakdownEntry[] {
  if (!m) return [];
  const ri = m.rows.findIndex((r) => r.value === rowValue);
  if (ri === -1) return [];
  return m.cols.map((c, ci) => ({ value: c.value, label: c.label, count: m.counts[ri][ci] })).filter((e) => e.count > 0);
}

/** A cause group's figures over the whole range: its rows of the matrices. */
export function causeGroupFigures(t: PatternTallies, cause: string): GroupFigures {
  const m = matrixOf(t, "cause", "function") ?? t.causeRole;
  const ri = m.rows.findIndex((r) => r.value === cause);
  const src = t.sourcesByCause.find((s) => s.cause === cause);
  return {
    count: ri === -1 ? 0 : m.rows[ri].total,
    functions: rowEntries(matrixOf(t, "cause", "function"), cause),
    roles: rowEntries(t.causeRole, cause),
    segments: rowEntries(matrixOf(t, "cause", "segment"), cause),
    tenureBands: rowEntries(matrixOf(t, "cause", "tenure"), cause),
    sources: { diagnosed: src?.diagnosed ?? 0, suspected: src?.suspected ?? 0 },
  };
}

const suspectedKey = (cause: string) => `suspected=${cause || UNKNOWN}`;
const statusKey = (status: string) => `status=${status}`;

/** The problem for one range: every figure the page (and, for all time, the home page) prints. */
export function patternProblem(t: PatternTallies, suggestions: readonly Suggestion[]): DisclosureProblem {
  const problem = new DisclosureProblem();
  problem.add(ALL, t.total);
  for (const { matrix } of t.matrices) addMatrix(problem, matrix);
  addCauseSources(problem, t.sources, t.total);

  // Cause groups: their role breakdown (cause × role) and split; published for the groups shown.
  const shownCauses = new Set(suggestions.filter((s) => s.kind === "cause" && s.cause).map((s) => s.cause!));
  addMatrix(problem, t.causeRole, (part, ri) => part === "cell" && shownCauses.has(t.causeRole.rows[ri].value));
  const diagnosedKeys: string[] = [];
  const suspectedKeys: string[] = [];
  for (const s of t.sourcesByCause) {
    const keys = groupKeys({ kind: "cause", key: "", cause: s.cause });
    const published = shownCauses.has(s.cause);
    problem.add(keys.source("diagnosed"), s.diagnosed, { published });
    problem.add(keys.source("suspected"), s.suspected, { published });
    diagnosedKeys.push(keys.source("diagnosed"));
    suspectedKeys.push(keys.source("suspected"));
    if (problem.has(keys.whole)) problem.sum(keys.whole, [keys.source("diagnosed"), keys.source("suspected")]);
  }
  if (diagnosedKeys.length) problem.sum(SOURCE_KEYS.diagnosed, diagnosedKeys);
  if (suspectedKeys.length) problem.sum(SOURCE_KEYS.suspected, suspectedKeys);

  addMonthly(problem, t.monthly);

  for (const s of suggestions) {
    // A cause group's figures are its matrix rows (the same keys), but it lists only the
    // entries that hold a case: each listed one is at least 1, and those left out are empty.
    if (s.kind === "cause" && s.cause) addGroup(problem, groupKeys(s), causeGroupFigures(t, s.cause));
    else addGroup(problem, groupKeys(s), groupFiguresOf(s));
  }

  if (t.overview) addOverview(problem, t.overview);
  return problem;
}

/**
 * The home page's counts. By suspected cause: cases still on their suspected cause are that
 * cause's "suspected" part; the rest have been diagnosed since (not printed). By status: a
 * breakdown of all cases. By function: the matrices' function totals.
 */
function addOverview(problem: DisclosureProblem, o: OverviewTallies) {
  const diagnosedParts: string[] = [];
  for (const r of o.bySuspected) {
    const key = suspectedKey(r.cause);
    problem.add(key, r.count);
    const gone = `${key}&diagnosed`;
    problem.add(gone, r.diagnosed, { published: false });
    diagnosedParts.push(gone);
    // Not yet diagnosed, on this suspected cause: the effective cause's "suspected" part, or for
    // no suspected cause, the "Not known yet" row.
    const still = r.cause ? groupKeys({ kind: "cause", key: "", cause: r.cause }).source("suspected") : SOURCE_KEYS.unknown;
    if (!problem.has(still)) problem.add(still, r.count - r.diagnosed);
    problem.sum(key, [still, gone]);
  }
  if (o.bySuspected.length) {
    problem.sum(ALL, o.bySuspected.map((r) => suspectedKey(r.cause)));
    problem.sum(SOURCE_KEYS.diagnosed, diagnosedParts);
  }
  for (const r of o.byStatus) problem.add(statusKey(r.status), r.count);
  if (o.byStatus.length) problem.sum(ALL, o.byStatus.map((r) => statusKey(r.status)));
}

/**
 * Orders entries by what the reader can see: shown counts largest first, hidden ones after in
 * taxonomy order. Sorting by the true counts would place a hidden figure between two shown
 * ones and so bound it.
 */
function byShownCount<T extends { count: ShownCount; value: string }>(axis: Axis | null) {
  return (a: T, b: T) =>
    (b.count.value ?? -1) - (a.count.value ?? -1) || (axis ? compareAxisValues(axis, a.value, b.value) : a.value.localeCompare(b.value));
}

/** The executive view of one date range: every figure through one protection. */
export function executivePatternView(t: PatternTallies, suggestions: readonly Suggestion[]): ExecPatternView {
  const d = protect(patternProblem(t, suggestions));
  const execSuggestions = suggestions.map((s, i) => ({
    shown: suppressSuggestionForExec(s, { figures: s.kind === "cause" && s.cause ? causeGroupFigures(t, s.cause) : groupFiguresOf(s), disclosed: d }),
    i,
  }));
  return {
    matrices: t.matrices.map((m) => ({ title: m.title, matrix: showMatrix(m.matrix, d) })),
    total: d.show(ALL),
    causeSources: { diagnosed: d.show(SOURCE_KEYS.diagnosed), suspected: d.show(SOURCE_KEYS.suspected) },
    monthly: monthlySeries(t.monthly, d),
    suggestions: execSuggestions.sort((a, b) => rankShown(a.shown, b.shown) || a.shown.key.localeCompare(b.shown.key)).map((x) => x.shown),
    overview: t.overview ? overview(t, t.overview, d) : null,
  };
}

function groupFiguresOf(s: Suggestion): GroupFigures {
  return { count: s.count, functions: s.functions, roles: s.roles, segments: s.segments, tenureBands: s.tenureBands, sources: null };
}

/** The suggestions' ranking (cross-functional, breadth, size) on what the reader sees. */
function rankShown(a: ExecSuggestion, b: ExecSuggestion): number {
  const cross = (s: ExecSuggestion) => ({ "cross-functional": 2, "single-function": 1, anecdote: 0 })[s.verdict];
  const width = (s: ExecSuggestion) => breadth({ functions: s.functions.map((e) => ({ ...e, count: 1 })), roles: s.roles.map((e) => ({ ...e, count: 1 })) });
  return cross(b) - cross(a) || width(b) - width(a) || (b.count.value ?? -1) - (a.count.value ?? -1);
}

function overview(t: PatternTallies, o: OverviewTallies, d: Disclosed): ExecPatternView["overview"] {
  const fm = matrixOf(t, "cause", "function");
  const byCause = o.bySuspected.map((r) => ({ value: r.cause || UNKNOWN, label: r.cause ? causeLabel(r.cause) : "Not known yet", count: d.show(suspectedKey(r.cause)) }));
  const byFunction = (fm?.cols ?? []).map((c) => ({ value: c.value, label: c.value === UNKNOWN ? "Not known yet" : functionLabel(c.value), count: d.show(axisKey("function", c.value)) }));
  const byStatus = o.byStatus.map((r) => ({ value: r.status, label: statusLabel(r.status), count: d.show(statusKey(r.status)) }));
  return {
    byCause: byCause.sort(byShownCount("cause")),
    byFunction: byFunction.sort(byShownCount("function")),
    byStatus: byStatus.sort(byShownCount(null)),
  };
}

