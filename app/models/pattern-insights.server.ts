import { db } from "~/utils/db.server";
import { type Axis, axisLabel, MATRICES } from "~/domain/patterns/axes";
import { executivePatternView } from "~/domain/patterns/exec-view";
import { suggestGroups, type Suggestion } from "~/domain/patterns/grouping";
import { buildIndex, mostSimilar, type TfIdfIndex } from "~/domain/patterns/text-similarity";
import { caseText } from "~/domain/patterns/types";
import { matrixFromCounts, showMatrix } from "~/domain/patterns/matrix";
import { monthlySeries } from "~/domain/patterns/monthly";
import { protectGroup } from "~/domain/patterns/suppress-groups";
import { showCount } from "~/domain/privacy/disclosure";
import { triageSummary } from "~/domain/queue/triage-counts";
import { audienceOf } from "~/domain/privacy/case-view";
import { cached, cachedStale, settleStale } from "~/utils/data-version.server";
import { runWorker } from "~/utils/worker.server";
import type { GroupingJob, GroupingResult } from "~/workers/grouping.worker";
import { forViewer, type Viewer } from "./case-privacy.server";
import { highestCaseId } from "./case-queries.server";
import { casesForGrouping, patternBreakdowns, type DateRange } from "./pattern.server";
import { patternCountQueries, readPatternCounts, type SqlRows } from "./pattern-counts";
import type { ReadSqlJob, ReadSqlResult } from "~/workers/read-sql.worker";
import { databaseFile } from "~/utils/env.server";

/** Text grouping is quadratic: it looks at the most recent cases in the range, this many. */
export const GROUPING_CAP = 3_000;
const SUGGESTIONS_SHOWN = 12;

const suggestionCache = new Map<string, { version: number; at: number; value: { suggestions: Suggestion[]; grouped: number; generation: number } }>();
let generation = 0;
/** From this many cases the grouping runs on a worker thread. */
export const GROUP_ON_WORKER_FROM = 300;

// Stale-while-revalidate on a worker thread (decision 020): after a write the page shows the
// last groups at once while they are worked out again off the server's thread.
async function suggestionsFor(range: DateRange) {
  const key = `${range.from ?? ""}|${range.to ?? ""}`;
  return cachedStale(suggestionCache, key, 10 * 60_000, async () => {
    const result = await groupInRange(range);
    if (!result.ok) throw new Error(`Grouping failed in the worker: ${result.message}`);
    generation += 1;
    return { suggestions: result.suggestions, grouped: result.grouped, generation };
  });
}

/** At scale the worker reads the cases itself (decision 022); else the server reads them, and groups a few hundred itself. */
async function groupInRange(range: DateRange): Promise<GroupingResult> {
  if ((await highestCaseId()) >= INSIGHTS_STALE_FROM) {
    return runWorker<GroupingResult>("grouping", { file: databaseFile(), range, cap: GROUPING_CAP } satisfies GroupingJob);
  }
  const cases = await casesForGrouping(range, GROUPING_CAP);
  // A worker costs more to start than grouping a few hundred cases takes (milliseconds).
  if (cases.length < GROUP_ON_WORKER_FROM) return { ok: true, suggestions: suggestGroups(cases), grouped: cases.length, computeMs: 0 };
  return runWorker<GroupingResult>("grouping", { cases } satisfies GroupingJob);
}

/** Waits for a grouping under way (tests, the benchmark). */
export const settleSuggestions = () => settleStale(suggestionCache);

/** A suggestion as it stands now (null when the data moved on and it no longer exists). */
export async function suggestionByKey(range: DateRange, key: string) {
  const { suggestions } = await suggestionsFor(range);
  return suggestions.find((s) => s.key === key) ?? null;
}

const CASE_IDS_SHOWN = 12;
type Insights = Awaited<ReturnType<typeof computeInsights>>["insights"];
const insightsCache = new Map<string, { version: number; at: number; value: { insights: Insights; cases: number }; stamp?: number }>();
/**
 * From this many cases in the range the figures are served stale-while-revalidate after a write
 * (decision 022): a dozen GROUP BYs over 100,000 cases take ~0.5 s, which the first request
 * after a write should not wait for. Below it they take milliseconds and are always fresh.
 */
export const INSIGHTS_STALE_FROM = 2_000;

/**
 * Everything the patterns page shows. For executives (`suppress`) every figure goes through
 * disclosure control as one linked set (domain/patterns/exec-view.ts); the caller snaps their
 * date range to whole months first (domain/privacy/disclosure.ts snapExecRange). Cached until
 * case data changes: the matrices scan every case, and the page is read far more often than
 * cases are written. A stale value served at scale was computed, protected and scrubbed for
 * the same audience (the key), as a whole.
 */
export async function patternInsights(range: DateRange, viewer: Viewer): Promise<Insights> {
  const suppress = viewer.role === "executive";
  const audience = audienceOf(viewer.role);
  const key = `${range.from ?? ""}|${range.to ?? ""}|${suppress}|${audience}`;
  // Stamped with the groups' generation too: the page picks up groups finished in the background.
  const { insights } = await cachedStale(
    insightsCache,
    key,
    10 * 60_000,
    async () => {
      const computed = await computeInsights(range, suppress);
      if (audience === "comp-team") return computed;
      // A group's distinctive terms and typical complaint come from the raw text: outside the
      // comp team they are scrubbed of the reporter names of every case in the groups shown.
      const { suggestions } = await suggestionsFor(range);
      const members = suggestions.slice(0, SUGGESTIONS_SHOWN).flatMap((g) => g.caseIds);
      return { ...computed, insights: withSuggestions(computed.insights, await forViewer(viewer, members, computed.insights.suggestions)) };
    },
    { stamp: generation, staleOk: (v) => v.cases >= INSIGHTS_STALE_FROM },
  );
  return insights;
}

/** The same figures with their suggested groups replaced (by the scrubbed ones). */
const withSuggestions = <I extends { suggestions: unknown }>(insights: I, suggestions: I["suggestions"]): I => ({ ...insights, suggestions });

/** Waits for figures being worked out in the background (tests, the benchmark). */
export const settleInsights = () => settleStale(insightsCache);

/**
 * The page's counts, from one snapshot. From INSIGHTS_STALE_FROM cases they are counted on a
 * worker thread (decision 022): each GROUP BY holds the thread that runs it for ~75 ms at
 * 100,000 cases. The highest case id tells the size without a count.
 */
async function patternCounts(range: DateRange, suppress: boolean) {
  const queries = patternCountQueries(range, suppress);
  if ((await highestCaseId()) >= INSIGHTS_STALE_FROM) {
    const result = await runWorker<ReadSqlResult>("read-sql", { file: databaseFile(), queries } satisfies ReadSqlJob);
    if (!result.ok) throw new Error(`Counting the pattern figures failed in the worker: ${result.message}`);
    return readPatternCounts(result.rows);
  }
  const rows: Record<string, SqlRows> = {};
  await Promise.all(Object.entries(queries).map(async ([name, q]) => (rows[name] = await db.$queryRawUnsafe<SqlRows>(q.sql, ...q.params))));
  return readPatternCounts(rows);
}

async function computeInsights(range: DateRange, suppress: boolean) {
  const [counts, { suggestions, grouped }] = await Promise.all([patternCounts(range, suppress), suggestionsFor(range)]);
  const matrices = MATRICES.map((m, i) => ({ title: m.title, matrix: matrixFromCounts(m.rows, m.cols, counts.matrices[i]) }));
  const { sources, monthly, total } = counts;
  const top = suggestions.slice(0, SUGGESTIONS_SHOWN);
  const crossFunctional = suggestions.filter((s) => s.verdict === "cross-functional").length;
  if (suppress) {
    const causeRole = matrixFromCounts("cause", "role", counts.causeRole ?? []);
    const { sourcesByCause, overview } = counts;
    if (!sourcesByCause) throw new Error("The executives' counts were not asked for");
    const view = executivePatternView({ matrices, causeRole, sources, sourcesByCause, monthly, total, overview }, top);
    const insights = {
      total: view.total,
      grouped,
      causeSources: view.causeSources,
      matrices: view.matrices,
      monthly: view.monthly,
      suggestions: view.suggestions.map((s) => ({ ...s, caseIds: undefined })),
      crossFunctional,
      overview: view.overview,
      triage: triageSummary(counts.triage, true),
    };
    return { insights, cases: total };
  }
  const insights = {
    total: showCount(total, false),
    grouped,
    causeSources: { diagnosed: showCount(sources.diagnosed, false), suspected: showCount(sources.suspected, false) },
    matrices: matrices.map((m) => ({ title: m.title, matrix: showMatrix(m.matrix, false) })),
    monthly: monthlySeries(monthly, false),
    // A few case links per group; the whole group is saved by its key, not by a list of ids.
    suggestions: top.map((s) => ({ ...s, sharedTerms: undefined, caseIds: s.caseIds.slice(0, CASE_IDS_SHOWN) })),
    crossFunctional,
    overview: null,
    triage: triageSummary(counts.triage, false),
  };
  return { insights, cases: total };
}

const breakdownCache = new Map<string, { version: number; at: number; value: Awaited<ReturnType<typeof patternBreakdowns>> }>();

/**
 * Saved patterns' sizes as an executive reads them: each pattern's size is protected with its
 * own breakdowns (as on the pattern's page, which gives the same result), so the list never
 * shows a size the pattern page withholds.
 */
export async function execPatternCounts(patterns: { id: number; count: number }[]) {
  // Four GROUP BYs over the patterns' cases per executive page view (~50–150 ms at 100,000
  // cases): kept until case data changes; the sizes in the key catch a membership change.
  const key = patterns.map((p) => `${p.id}:${p.count}`).join(",");
  const breakdowns = await cached(breakdownCache, key, 10 * 60_000, () => patternBreakdowns(patterns.map((p) => p.id)));
  return new Map(
    patterns.map((p) => {
      const b = breakdowns.get(p.id)!;
      const entries = (axis: Axis, list: { value: string; count: number }[]) => list.map((e) => ({ ...e, label: axisLabel(axis, e.value) }));
      const shown = protectGroup({
        count: p.count,
        functions: entries("function", b.function),
        roles: entries("role", b.role),
        segments: entries("segment", b.segment),
        tenureBands: entries("tenure", b.tenure),
        sources: null,
      });
      return [p.id, shown.count] as const;
    }),
  );
}

/** The executive home page's counts: the all-time figures, protected with the patterns page's. */
export async function executiveOverview(viewer: Viewer) {
  const insights = await patternInsights({}, viewer);
  return insights.overview!;
}

const indexCache = new Map<string, { version: number; at: number; value: { index: TfIdfIndex; titles: Map<number, string> } }>();

/** Existing cases whose complaints read like this text: duplicates get linked, not retyped. */
/** The cases most alike an existing case (its title and complaint), itself left out. */
export async function casesLike(caseId: number) {
  const subject = await db.case.findUnique({ where: { id: caseId }, select: { title: true, complaint: true } });
  return subject ? similarCases(`${subject.title} ${subject.complaint}`, caseId) : [];
}

export async function similarCases(text: string, excludeId?: number) {
  if (text.trim().length < 12) return [];
  const { index, titles } = await cached(indexCache, "recent", 10 * 60_000, async () => {
    const cases = await casesForGrouping({}, GROUPING_CAP);
    return {
      index: buildIndex(cases.map((c) => ({ id: c.id, text: caseText(c) }))),
      titles: new Map(cases.map((c) => [c.id, c.title])),
    };
  });
  return mostSimilar(index, text, 5, 0.2, { excludeIds: excludeId ? [excludeId] : [] }).map((m) => ({
    id: m.id,
    title: titles.get(m.id) ?? `Case #${m.id}`,
    score: Math.round(m.score * 100) / 100,
  }));
}
