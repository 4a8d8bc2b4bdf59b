// Themes as the pages show them (issue 13): the stored partition with the comp team's edits
// replayed, each theme's verdict, cause check and explanation, ranked; and the executive
// version under disclosure control. Pure.

import { effectiveCause } from "./effective-cause";
import { independentReports, verdict, verdictSentence, type Verdict } from "./grouping";
import { causeCheck, causeCheckSentence } from "./theme-identity";
import { applyThemeEdits, type EditableTheme, type ThemeEdit } from "./theme-edits";
import { dominant, type ThemeCause } from "./theme-partition";
import type { PatternCase } from "./types";
import { showCount, type ShownCount } from "../privacy/disclosure";

export type StoredTheme = { id: string; name: string; caseIds: number[]; terms: string[]; typicalCaseId: number | null };
export type ViewCase = PatternCase & { title: string };

export type ThemeView = {
  id: string;
  name: string;
  caseIds: number[];
  count: number;
  terms: string[];
  typical: { id: number; title: string; complaint: string } | null;
  causes: ThemeCause[];
  dominantCause: string;
  verdict: Verdict;
  verdictNote: string;
  independentReports: number;
  functions: number;
  from: Date;
  to: Date;
  edited: boolean;
  dismissed: boolean;
  /** "3 cases filed as plan mechanics read like territory imbalance", with the cases. */
  causeChecks: { sentence: string; cause: string; caseIds: number[] }[];
};

type Editable = EditableTheme & Pick<StoredTheme, "terms" | "typicalCaseId">;

export function themeViews(stored: readonly StoredTheme[], edits: readonly ThemeEdit[], casesById: ReadonlyMap<number, ViewCase>): ThemeView[] {
  const edited = applyThemeEdits<Editable>(
    stored.map((t) => ({ ...t, dismissed: false, edited: false })),
    edits,
    (id, name) => ({ id, name, caseIds: [], dismissed: false, edited: true, terms: [], typicalCaseId: null }),
  );
  return edited
    .map((t) => ({ ...t, members: t.caseIds.map((id) => casesById.get(id)).filter((c): c is ViewCase => c !== undefined) }))
    .filter((t) => t.members.length > 0)
    .map(({ members, ...t }) => {
      const causes = causesOf(members);
      const { dominantCause } = dominant(causes);
      const times = members.map((c) => c.raisedOn.getTime());
      const typical = casesById.get(t.typicalCaseId ?? -1) && t.caseIds.includes(t.typicalCaseId!) ? casesById.get(t.typicalCaseId!)! : members[0];
      return {
        id: t.id,
        name: t.name,
        caseIds: members.map((c) => c.id),
        count: members.length,
        terms: t.terms,
        typical: { id: typical.id, title: typical.title, complaint: typical.complaint },
        causes,
        dominantCause,
        verdict: verdict(members),
        verdictNote: verdictSentence(members),
        independentReports: independentReports(members),
        functions: new Set(members.map((c) => c.reporterFunction).filter(Boolean)).size,
        from: new Date(Math.min(...times)),
        to: new Date(Math.max(...times)),
        edited: t.edited,
        dismissed: t.dismissed,
        causeChecks: causeCheck({ dominantCause }, members).map((m) => ({ ...m, sentence: causeCheckSentence(m, dominantCause) })),
      };
    })
    .sort(rankThemes);
}

function causesOf(members: readonly PatternCase[]): ThemeCause[] {
  const m = new Map<string, ThemeCause>();
  for (const c of members) {
    const { cause, source } = effectiveCause(c);
    if (source === "unknown") continue;
    const e = m.get(cause) ?? { cause, cases: 0, diagnosed: 0 };
    e.cases += 1;
    if (source === "diagnosed") e.diagnosed += 1;
    m.set(cause, e);
  }
  return [...m.values()].sort((a, b) => b.diagnosed - a.diagnosed || b.cases - a.cases || a.cause.localeCompare(b.cause));
}

const VERDICT_RANK: Record<Verdict, number> = { "cross-functional": 2, "single-function": 1, anecdote: 0 };

/** Dismissed last; cross-functional first, then more independent reports, then the most recent. */
export function rankThemes(a: ThemeView, b: ThemeView): number {
  return (
    Number(a.dismissed) - Number(b.dismissed) ||
    VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] ||
    b.independentReports - a.independentReports ||
    b.to.getTime() - a.to.getTime() ||
    a.id.localeCompare(b.id)
  );
}

export type ExecThemeView = { id: string; name: string; count: ShownCount; verdict: Verdict; dominantCause: string; from: Date; to: Date };

/**
 * A theme as an executive reads it: no cases, terms, typical complaint or verdict sentence
 * (they carry text and exact counts), the size below three shown as "<3", no dismissed themes.
 * An anecdote's verdict needs no count to be told.
 */
export function execThemeView(t: ThemeView): ExecThemeView {
  return { id: t.id, name: t.name, count: showCount(t.count, true), verdict: t.verdict, dominantCause: t.dominantCause, from: t.from, to: t.to };
}
