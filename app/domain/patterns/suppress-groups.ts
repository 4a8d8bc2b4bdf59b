// What an executive sees of a suggested group (issue item 6): no figure below three, no case
// ids, no complaint text. A small group still shows, as "<3", so the ranking stays honest.

import { EXEC_MIN_CELL, showCount, type ShownCount } from "../privacy/suppress";
import { axisLabel } from "./axes";
import { type BreakdownEntry, causeReason, type Suggestion, textReason, type Verdict } from "./grouping";
import { monthKey } from "./matrix";

export type ShownBreakdownEntry = { value: string; label: string; count: ShownCount };

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

export function suppressSuggestionForExec(s: Suggestion): ExecSuggestion {
  const show = (n: number) => showCount(n, true);
  const big = s.count >= EXEC_MIN_CELL;
  const entries = (list: BreakdownEntry[]) => list.map((e) => ({ value: e.value, label: e.label, count: show(e.count) }));
  const terms = big ? s.sharedTerms.filter((t) => t.cases >= EXEC_MIN_CELL) : [];
  const reason =
    s.kind === "cause" && s.cause && s.causeSources
      ? causeReason(axisLabel("cause", s.cause), s.causeSources, (n) => show(n).text)
      : textReason(terms);
  return {
    key: s.key,
    kind: s.kind,
    reason,
    count: show(s.count),
    cause: s.cause,
    functions: entries(s.functions),
    roles: entries(s.roles),
    segments: entries(s.segments),
    tenureBands: entries(s.tenureBands),
    from: big ? monthKey(s.from) : null,
    to: big ? monthKey(s.to) : null,
    verdict: s.verdict,
    sharedTerms: terms.map((t) => ({ word: t.word, theme: t.theme })),
  };
}
