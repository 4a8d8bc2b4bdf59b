import { randomUUID } from "node:crypto";
import type { ThemeEdit, ThemeEditInput, ThemeEditKind } from "~/domain/patterns/theme-edits";
import { execThemeView, themeViews, type ThemeView, type ViewCase } from "~/domain/patterns/theme-view";
import { audienceOf } from "~/domain/privacy/case-view";
import { db } from "~/utils/db.server";
import { forViewerEach, type Viewer } from "./case-privacy.server";
import { done, refused } from "~/utils/outcome";
import { writeCases } from "./after-commit.server";
import { createPattern } from "./pattern.server";
import { recomputeCount, scheduleThemeRecompute, themesUpdating } from "./theme-recompute.server";
import { dataVersion } from "~/utils/data-version.server";
import { databaseFile } from "~/utils/env.server";
import { runWorker } from "~/utils/worker.server";
import type { ThemeViewJob, ThemeViewResult } from "~/workers/theme-view.worker";
import { patternCaseSelect, reporterSelect, withReporterKey } from "./pattern-case.server";

// Themes (issue 13, decision 013): the partition is computed off the request, after case data
// changed, and stored; pages read the stored themes (marked "updating" while a recomputation
// is due) with the comp team's edits replayed on top.

async function storedThemes() {
  const [themes, edits] = await Promise.all([
    db.theme.findMany({ select: { id: true, name: true, terms: true, typicalCaseId: true, cases: { select: { caseId: true } } } }),
    db.themeEdit.findMany({ orderBy: { id: "asc" }, select: { kind: true, themeId: true, otherId: true, caseIds: true, name: true } }),
  ]);
  return {
    stored: themes.map((t) => ({ id: t.id, name: t.name, terms: JSON.parse(t.terms) as string[], typicalCaseId: t.typicalCaseId, caseIds: t.cases.map((c) => c.caseId) })),
    edits: edits.map((e) => ({ ...e, kind: e.kind as ThemeEditKind, caseIds: e.caseIds ? e.caseIds.split(",").map(Number) : [] })) satisfies ThemeEdit[],
  };
}

// The view is recomputed only when cases, the stored themes or the edits changed: /patterns
// reads it twice per request and far more often than any of them change.
let editStamp = 0;
type Views = { themes: ThemeView[]; coverage: number; total: number; members: number };
type ViewKey = { data: number; edits: number; recomputes: number };
const keyNow = (): ViewKey => ({ data: dataVersion(), edits: editStamp, recomputes: recomputeCount() });
const sameKey = (a: ViewKey, b: ViewKey) => a.data === b.data && a.edits === b.edits && a.recomputes === b.recomputes;
let current: { key: ViewKey; seq: number; value: Views } | null = null;
let running: { key: ViewKey; value: Promise<Views> } | null = null;
let started = 0;

/** From this many cases in themes the view is worked out on a worker thread, and stale-while-revalidate (decision 022). */
export const THEME_VIEWS_ON_WORKER_FROM = 2_000;

/**
 * Every theme with edits applied, ranked, and the share of cases in a theme; `stale` when it
 * is the last view, served while a fresh one is worked out. That happens only on a large
 * partition (a second of work at 100,000 cases, on a worker) after cases changed or new themes
 * were stored — never after the comp team's own edit, which they expect to see at once.
 */
export function themeViewsNow(): Promise<Views & { stale: boolean }> {
  // After a restart, or when a write was missed: serve what is stored and catch up behind it.
  if (themesUpdating()) scheduleThemeRecompute();
  const key = keyNow();
  if (current && sameKey(current.key, key)) return Promise.resolve({ ...current.value, stale: false });
  if (!running || !sameKey(running.key, key)) {
    const value = computeAllThemes();
    const mine = { key, value };
    const seq = (started += 1);
    running = mine;
    value
      .then((v) => {
        if (!current || current.seq < seq) current = { key, seq, value: v };
      })
      .catch((error: unknown) => console.error("Working out the themes' view failed; the last one stays shown:", error))
      .finally(() => {
        if (running === mine) running = null;
      });
  }
  const last = current;
  if (last && last.key.edits === key.edits && last.value.members >= THEME_VIEWS_ON_WORKER_FROM) return Promise.resolve({ ...last.value, stale: true });
  return running.value.then((v) => ({ ...v, stale: false }));
}

export function allThemes(): Promise<Views> {
  return themeViewsNow();
}

/** Brings the view up to date with what is stored now, and waits for it (tests, the benchmark). */
export async function settleThemeViews() {
  for (;;) {
    void themeViewsNow();
    const under = running;
    if (!under) return;
    await under.value.catch(() => undefined);
  }
}

async function computeAllThemes(): Promise<Views> {
  // How many cases the view reads decides where it runs: a worker costs ~100 ms to start.
  const [linked, edited] = await Promise.all([db.themeCase.count(), db.themeEdit.count()]);
  if (linked + edited >= THEME_VIEWS_ON_WORKER_FROM) {
    const result = await runWorker<ThemeViewResult>("theme-view", { file: databaseFile() } satisfies ThemeViewJob);
    if (!result.ok) throw new Error(`Working out the themes' view failed in the worker: ${result.message}`);
    return { themes: result.themes, coverage: result.coverage, total: result.total, members: result.members };
  }
  return computeInProcess();
}

/** The view worked out on the server's thread (small partitions; and what the worker must equal). */
export async function computeInProcess(): Promise<Views> {
  const { stored, edits } = await storedThemes();
  const ids = [...new Set([...stored.flatMap((t) => t.caseIds), ...edits.flatMap((e) => e.caseIds)])];
  const casesById = new Map<number, ViewCase>();
  for (let i = 0; i < ids.length; i += 900) {
    const rows = await db.case.findMany({ where: { id: { in: ids.slice(i, i + 900) } }, select: { ...patternCaseSelect, ...reporterSelect } });
    for (const r of rows) casesById.set(r.id, withReporterKey(r));
  }
  const themes = themeViews(stored, edits, casesById);
  const total = await db.case.count();
  const inTheme = themes.filter((t) => !t.dismissed).reduce((s, t) => s + t.count, 0);
  return { themes, coverage: total ? inTheme / total : 0, total, members: ids.length };
}

export const THEMES_PER_PAGE = 20;
/** Member ids a theme on /patterns carries (it shows twelve; its count says how many there are). */
export const MEMBER_IDS_SENT = 100;
/** Cases a cause check offers to re-file at once (its sentence counts them all). */
export const REFILE_BUTTONS = 12;

// A page of themes scrubbed for people outside the comp team: the reporter names of every
// member (thousands at 100,000 cases) and a scrubber per theme cost ~0.5 s of the server's
// thread, per request (issue 18). Kept per view, audience and page until case data changes:
// a name added to a case is scrubbed from the next page at once, even from a stale view.
const scrubbedPages = new WeakMap<readonly ThemeView[], Map<string, { version: number; value: Promise<ThemeView[]> }>>();

function scrubbedPage(view: readonly ThemeView[], key: string, scrub: () => Promise<ThemeView[]>) {
  const pages = scrubbedPages.get(view) ?? new Map<string, { version: number; value: Promise<ThemeView[]> }>();
  scrubbedPages.set(view, pages);
  const hit = pages.get(key);
  if (hit && hit.version === dataVersion()) return hit.value;
  const value = scrub();
  pages.set(key, { version: dataVersion(), value });
  value.catch(() => pages.get(key)?.value === value && pages.delete(key));
  return value;
}

/**
 * One page of themes as the viewer may read them: the comp team everything; sales leaders
 * the same scrubbed of every member's reporter name; executives the disclosure-controlled
 * summary (execThemeView), without dismissed themes or coverage.
 */
export async function themePage(viewer: Viewer, page: number) {
  const { themes, coverage, total, stale } = await themeViewsNow();
  const exec = viewer.role === "executive";
  const list = exec ? themes.filter((t) => !t.dismissed) : themes;
  const pages = Math.max(1, Math.ceil(list.length / THEMES_PER_PAGE));
  const p = Math.min(Math.max(1, page), pages);
  const slice = list.slice((p - 1) * THEMES_PER_PAGE, p * THEMES_PER_PAGE);
  const updating = themesUpdating() || stale;
  const audience = audienceOf(viewer.role);
  const scrubbed = audience === "comp-team" ? slice : await scrubbedPage(themes, `${audience}|${exec}|${p}`, () => forViewerEach(viewer, slice, (t) => t.caseIds));
  if (exec) return { exec: true as const, themes: scrubbed.map(execThemeView), page: p, pages, updating, coverage: null, count: list.length };
  // The card links twelve members and counts the rest: thousands of ids per theme at 100,000
  // cases were a third of the page, twice (markup and loader data), for nothing shown.
  // Likewise a cause check's cases: a re-file button each for the first twelve (hundreds at scale).
  const sent = scrubbed.map((t) => ({
    ...t,
    caseIds: t.caseIds.slice(0, MEMBER_IDS_SENT),
    causeChecks: t.causeChecks.map((m) => ({ ...m, caseIds: m.caseIds.slice(0, REFILE_BUTTONS) })),
  }));
  return { exec: false as const, themes: sent, page: p, pages, updating, coverage: { share: coverage, total }, count: list.length };
}

/** The theme a case sits in (after edits), for the case page's cause check. */
export async function themeOfCase(caseId: number) {
  const { themes } = await allThemes();
  return themes.find((t) => t.caseIds.includes(caseId)) ?? null;
}

export async function recordThemeEdit(edit: { kind: ThemeEditKind; themeId: string; otherId?: string; caseIds?: number[]; name?: string }, actorId: string) {
  await db.themeEdit.create({
    data: { kind: edit.kind, themeId: edit.themeId, otherId: edit.otherId ?? "", caseIds: (edit.caseIds ?? []).join(","), name: edit.name ?? "", createdById: actorId },
    select: { id: true },
  });
  editStamp += 1;
  // Edits change what the pattern pages show, not case data: no recomputation is needed.
}


/**
 * The cause check's one step: the case's suspected cause becomes the theme's. Kept in the
 * case's history and run through the after-commit step like any edit. A diagnosed case is
 * not re-filed: its diagnosis already outranks the suspicion.
 */
export async function refileSuspectedCause({ caseId, cause, actorId }: { caseId: number; cause: string; actorId: string }) {
  return writeCases(async (tx) => {
    const before = await tx.case.findUnique({ where: { id: caseId }, select: { suspectedCause: true, rootCause: true } });
    if (!before) return refused("not-found");
    if (before.rootCause) return refused("diagnosed");
    if (before.suspectedCause === cause) return done();
    await tx.case.update({ where: { id: caseId }, data: { suspectedCause: cause, version: { increment: 1 } }, select: { id: true } });
    await tx.caseEvent.create({ data: { caseId, actorId, kind: "field", field: "suspectedCause", fromValue: before.suspectedCause, toValue: cause } });
    // The comp team's own step: the next page shows it, never a stale view (themeViewsNow).
    editStamp += 1;
    return done();
  }, (r) => (r.ok ? { cases: [caseId], recheck: true } : null));
}


export type ThemeEditOutcome = { ok: true; patternId?: number } | { ok: false; field: string; message: string; status: number };

/** Carries out one edit from the /patterns forms (already validated by themeEditSchema). */
export async function runThemeEdit(input: ThemeEditInput, actorId: string): Promise<ThemeEditOutcome> {
  const { themes } = await allThemes();
  const theme = (id: string) => themes.find((t) => t.id === id);
  const gone = (field: string): ThemeEditOutcome => ({ ok: false, field, message: "That theme changed as cases came in. Look at the list again.", status: 409 });
  switch (input.intent) {
    case "theme-rename":
    case "theme-dismiss":
      if (!theme(input.themeId)) return gone("themeId");
      await recordThemeEdit(input.intent === "theme-rename" ? { kind: "rename", themeId: input.themeId, name: input.name } : { kind: "dismiss", themeId: input.themeId }, actorId);
      return { ok: true };
    case "theme-merge": {
      if (!theme(input.themeId)) return gone("themeId");
      const other = theme(input.otherId);
      if (!other) return gone("otherId");
      await recordThemeEdit({ kind: "merge", themeId: input.themeId, otherId: input.otherId, caseIds: other.caseIds }, actorId);
      return { ok: true };
    }
    case "theme-move":
      if (input.themeId && !theme(input.themeId)) return gone("themeId");
      if (!(await db.case.count({ where: { id: input.caseId } }))) return { ok: false, field: "caseId", message: `No case #${input.caseId}.`, status: 400 };
      await recordThemeEdit({ kind: "move", themeId: input.themeId, caseIds: [input.caseId] }, actorId);
      return { ok: true };
    case "theme-split": {
      const t = theme(input.themeId);
      if (!t) return gone("themeId");
      const ids = input.caseIds.filter((id) => t.caseIds.includes(id));
      if (ids.length === 0) return { ok: false, field: "caseIds", message: "Choose cases of this theme to split off.", status: 400 };
      await recordThemeEdit({ kind: "split", themeId: t.id, otherId: `s${randomUUID().slice(0, 8)}`, caseIds: ids, name: input.name }, actorId);
      return { ok: true };
    }
    case "theme-refile": {
      const r = await refileSuspectedCause({ caseId: input.caseId, cause: input.cause, actorId });
      return r.ok ? { ok: true } : { ok: false, field: "caseId", message: r.reason === "diagnosed" ? "This case has a diagnosis; change it in its Five Whys." : `No case #${input.caseId}.`, status: r.reason === "diagnosed" ? 409 : 404 };
    }
    case "theme-save": {
      const t = theme(input.themeId);
      if (!t) return gone("themeId");
      const saved = await createPattern({ input: { name: t.name, description: t.verdictNote, status: "open", cause: t.dominantCause, caseIds: t.caseIds }, actorId });
      // Its cases were read a moment ago; one deleted since is the only way to be refused.
      if (!saved.ok) return gone("themeId");
      return { ok: true, patternId: saved.id };
    }
  }
}

/** Every theme's id and name, for the merge form (comp team only). */
export async function themeOptions() {
  const { themes } = await allThemes();
  return themes.filter((t) => !t.dismissed).map((t) => ({ id: t.id, name: t.name }));
}

/** The cause check for one case: set when the case sits in a theme whose cause its suspected cause contradicts. */
export async function causeCheckForCase(caseId: number) {
  const theme = await themeOfCase(caseId);
  const check = theme?.causeChecks.find((m) => m.caseIds.includes(caseId));
  return theme && check ? { themeName: theme.name, cause: theme.dominantCause, filedAs: check.cause, sentence: check.sentence } : null;
}
