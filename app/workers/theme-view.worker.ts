// The themes as the pattern page shows them (stored partition + the comp team's edits, each
// theme's verdict, causes and cause check), on a worker thread (decision 022): at 100,000 cases
// the members are ~20,000 cases, about a second of reading and counting that the server's
// thread must not spend after every write. Reads one snapshot on a read-only connection.
import Database from "better-sqlite3";
import { answerOnce } from "./answer";
import { givePagesTheCpu } from "./thread-priority";
import type { ThemeEdit, ThemeEditKind } from "../domain/patterns/theme-edits";
import { themeViews, type ThemeView, type ViewCase } from "../domain/patterns/theme-view";
import { PATTERN_CASE_COLUMNS, patternCaseOf, type PatternCaseRow } from "./case-rows";

givePagesTheCpu();

export type ThemeViewJob = { file: string };
export type ThemeViewResult = { ok: true; themes: ThemeView[]; coverage: number; total: number; members: number; ms: number } | { ok: false; message: string };

export function runThemeViewJob({ file }: ThemeViewJob): ThemeViewResult {
  const started = performance.now();
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.transaction(() => {
      const themes = sqlite.prepare(`SELECT id, name, terms, typicalCaseId FROM "Theme"`).all() as { id: string; name: string; terms: string; typicalCaseId: number | null }[];
      const members = new Map<string, number[]>();
      for (const l of sqlite.prepare(`SELECT themeId, caseId FROM "ThemeCase" ORDER BY themeId, caseId`).all() as { themeId: string; caseId: number }[]) {
        members.set(l.themeId, [...(members.get(l.themeId) ?? []), l.caseId]);
      }
      const stored = themes.map((t) => ({ id: t.id, name: t.name, terms: JSON.parse(t.terms) as string[], typicalCaseId: t.typicalCaseId, caseIds: members.get(t.id) ?? [] }));
      const edits = (sqlite.prepare(`SELECT kind, themeId, otherId, caseIds, name FROM "ThemeEdit" ORDER BY id`).all() as { kind: string; themeId: string; otherId: string; caseIds: string; name: string }[]).map(
        (e) => ({ ...e, kind: e.kind as ThemeEditKind, caseIds: e.caseIds ? e.caseIds.split(",").map(Number) : [] }) satisfies ThemeEdit,
      );
      const ids = [...new Set([...stored.flatMap((t) => t.caseIds), ...edits.flatMap((e) => e.caseIds)])];
      const rows = sqlite.prepare(`SELECT ${PATTERN_CASE_COLUMNS} FROM "Case" WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as PatternCaseRow[];
      const casesById = new Map<number, ViewCase>(rows.map((r) => [r.id, patternCaseOf(r)]));
      const views = themeViews(stored, edits, casesById);
      const { n: total } = sqlite.prepare(`SELECT COUNT(*) AS n FROM "Case"`).get() as { n: number };
      const inTheme = views.filter((t) => !t.dismissed).reduce((s, t) => s + t.count, 0);
      return { ok: true as const, themes: views, coverage: total ? inTheme / total : 0, total, members: ids.length, ms: performance.now() - started };
    })();
  } finally {
    sqlite.close();
  }
}

answerOnce(runThemeViewJob);
