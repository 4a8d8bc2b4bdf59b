import { matchThemes } from "~/domain/patterns/theme-identity";
import { partitionThemes, type ThemeCase } from "~/domain/patterns/theme-partition";
import { now } from "~/utils/clock.server";
import { dataVersion } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { patternCaseSelect, reporterSelect, withReporterKey } from "./pattern-case.server";

// Themes are recomputed off the request (decision 013): the after-commit step schedules a
// deferred job once per burst of writes; pages keep serving the last stored themes, marked
// "updating", until it is done. Apart from theme.server so the after-commit step can call it
// without an import cycle. One server process: in-memory state is enough.

/** Themes are computed over the most recent cases, this many (the rest show as in no theme). */
export const THEME_CAP = 20_000;
const DEBOUNCE_MS = 200;

const state = { count: 0, computedVersion: -1, running: null as Promise<void> | null, timer: null as ReturnType<typeof setTimeout> | null, lastMs: 0 };

/** Called by the after-commit step: recompute soon, once for a burst of writes, never during the request. */
export function scheduleThemeRecompute() {
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    if (state.running) {
      // A write landed during a recomputation: go again after it.
      void state.running.then(() => {
        if (state.computedVersion !== dataVersion()) scheduleThemeRecompute();
      });
      return;
    }
    if (state.computedVersion === dataVersion()) return;
    state.running = recomputeThemes()
      .catch((error: unknown) => console.error("Recomputing themes failed; the last themes stay shown:", error))
      .finally(() => (state.running = null));
  }, DEBOUNCE_MS);
  state.timer.unref?.();
}

/** Whether the stored themes are behind the case data. */
export function themesUpdating() {
  return state.computedVersion !== dataVersion() || state.running !== null;
}

/** For tests and the benchmark: recompute now, or wait for the one under way. */
export async function settleThemes() {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  if (state.running) await state.running;
  if (state.computedVersion !== dataVersion()) await recomputeThemes();
}

export async function recomputeThemes() {
  const version = dataVersion();
  const started = performance.now();
  const rows = await db.case.findMany({
    orderBy: [{ raisedOn: "desc" }, { id: "desc" }],
    take: THEME_CAP,
    select: { ...patternCaseSelect, ...reporterSelect, behaviourDetail: true, causeDetail: true, rootCauseStatement: true, whySteps: { orderBy: { position: "asc" }, select: { answer: true } } },
  });
  const cases: ThemeCase[] = rows.map(({ whySteps, behaviourDetail, causeDetail, ...c }) => ({
    ...withReporterKey(c),
    details: [behaviourDetail, causeDetail].filter(Boolean).join("\n"),
    whys: whySteps.map((s) => s.answer).filter(Boolean),
  }));
  const computed = partitionThemes(cases);
  const previous = await db.theme.findMany({ select: { id: true, name: true, cases: { select: { caseId: true } } } });
  const themes = matchThemes(previous.map((p) => ({ id: p.id, name: p.name, caseIds: p.cases.map((c) => c.caseId) })), computed);
  const at = now();
  await db.$transaction(async (tx) => {
    await tx.themeCase.deleteMany({});
    await tx.theme.deleteMany({ where: { id: { notIn: themes.map((t) => t.id) } } });
    for (const t of themes) {
      const data = {
        name: t.name,
        terms: JSON.stringify(t.terms),
        typicalCaseId: t.typicalCaseId,
        dominantCause: t.dominantCause,
        dominantSource: t.dominantSource,
        causes: JSON.stringify(t.causes),
        firstRaisedOn: t.from,
        lastRaisedOn: t.to,
        computedAt: at,
      };
      await tx.theme.upsert({ where: { id: t.id }, create: { id: t.id, ...data }, update: data, select: { id: true } });
    }
    const links = themes.flatMap((t) => t.caseIds.map((caseId) => ({ themeId: t.id, caseId })));
    for (let i = 0; i < links.length; i += 5_000) await tx.themeCase.createMany({ data: links.slice(i, i + 5_000) });
  });
  state.computedVersion = version;
  state.count += 1;
  state.lastMs = performance.now() - started;
}

export function lastRecomputeMs() {
  return state.lastMs;
}


/** How many recomputations have been stored: caches of the themes' view key on it. */
export function recomputeCount() {
  return state.count;
}

/** Cancels a scheduled recomputation and waits for one under way (tests, shutdown). */
export async function stopThemeRecompute() {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  if (state.running) await state.running;
}
