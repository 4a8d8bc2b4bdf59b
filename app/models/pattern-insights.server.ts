import { MATRICES } from "~/domain/patterns/axes";
import { suggestGroups, type Suggestion } from "~/domain/patterns/grouping";
import { buildIndex, mostSimilar, type TfIdfIndex } from "~/domain/patterns/text-similarity";
import { caseText } from "~/domain/patterns/types";
import { matrixFromCounts, showMatrix } from "~/domain/patterns/matrix";
import { monthlySeries } from "~/domain/patterns/monthly";
import { suppressSuggestionForExec } from "~/domain/patterns/suppress-groups";
import { cached } from "~/utils/data-version.server";
import {
  casesForGrouping,
  causeSourceTotals,
  countCases,
  monthlyByCause,
  tallies,
  type DateRange,
} from "./pattern.server";

/** Text grouping is quadratic: it looks at the most recent cases in the range, this many. */
export const GROUPING_CAP = 3_000;
const SUGGESTIONS_SHOWN = 12;

const suggestionCache = new Map<string, { version: number; at: number; value: { suggestions: Suggestion[]; grouped: number } }>();

async function suggestionsFor(range: DateRange) {
  const key = `${range.from ?? ""}|${range.to ?? ""}`;
  return cached(suggestionCache, key, 10 * 60_000, async () => {
    const cases = await casesForGrouping(range, GROUPING_CAP);
    return { suggestions: suggestGroups(cases), grouped: cases.length };
  });
}

/** A suggestion as it stands now (null when the data moved on and it no longer exists). */
export async function suggestionByKey(range: DateRange, key: string) {
  const { suggestions } = await suggestionsFor(range);
  return suggestions.find((s) => s.key === key) ?? null;
}

const CASE_IDS_SHOWN = 12;
const insightsCache = new Map<string, { version: number; at: number; value: Awaited<ReturnType<typeof computeInsights>> }>();

/**
 * Everything the patterns page shows, with executives' figures suppressed below three. Cached
 * until case data changes: the matrices scan every case, and the page is read far more often
 * than cases are written.
 */
export function patternInsights(range: DateRange, suppress: boolean) {
  return cached(insightsCache, `${range.from ?? ""}|${range.to ?? ""}|${suppress}`, 10 * 60_000, () => computeInsights(range, suppress));
}

async function computeInsights(range: DateRange, suppress: boolean) {
  const [matrices, sources, monthly, total, { suggestions, grouped }] = await Promise.all([
    Promise.all(MATRICES.map(async (m) => ({ title: m.title, matrix: matrixFromCounts(m.rows, m.cols, await tallies(m.rows, m.cols, range)) }))),
    causeSourceTotals(range),
    monthlyByCause(range),
    countCases(range),
    suggestionsFor(range),
  ]);
  const top = suggestions.slice(0, SUGGESTIONS_SHOWN);
  return {
    total,
    grouped,
    causeSources: sources,
    matrices: matrices.map((m) => ({ title: m.title, matrix: showMatrix(m.matrix, suppress) })),
    monthly: monthlySeries(monthly, suppress),
    suggestions: suppress
      ? top.map((s) => ({ ...suppressSuggestionForExec(s), caseIds: undefined }))
      : // A few case links per group; the whole group is saved by its key, not by a list of ids.
        top.map((s) => ({ ...s, sharedTerms: undefined, caseIds: s.caseIds.slice(0, CASE_IDS_SHOWN) })),
    crossFunctional: suggestions.filter((s) => s.verdict === "cross-functional").length,
  };
}

const indexCache = new Map<string, { version: number; at: number; value: { index: TfIdfIndex; titles: Map<number, string> } }>();

/** Existing cases whose complaints read like this text: duplicates get linked, not retyped. */
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
