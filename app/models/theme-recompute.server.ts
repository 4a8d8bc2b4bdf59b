import type { ThemeJob, ThemeJobResult } from "~/workers/theme-recompute.worker";
import { now } from "~/utils/clock.server";
import { dataVersion } from "~/utils/data-version.server";
import { databaseFile } from "~/utils/env.server";
import { sqlDate } from "~/utils/sql-value";
import { runWorker, WorkerYielded } from "~/utils/worker.server";

// Themes are recomputed off the request (decisions 013, 020): the after-commit step schedules a
// deferred job once per burst of writes; pages keep serving the last stored themes, marked
// "updating", until it is done. Apart from theme.server so the after-commit step can call it
// without an import cycle. One server process: in-memory state is enough.

/** Themes are computed over the most recent cases, this many (the rest show as in no theme). */
export const THEME_CAP = 20_000;
const DEBOUNCE_MS = 200;

const state = { count: 0, computedVersion: -1, running: null as Promise<void> | null, timer: null as ReturnType<typeof setTimeout> | null, lastMs: 0, last: null as ThemeJobResult | null };

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

/** Runs one recomputation on a worker thread (decision 020); the stored themes change in one short transaction. */
export async function recomputeThemes() {
  const version = dataVersion();
  const started = performance.now();
  const job: ThemeJob = { file: databaseFile(), cap: THEME_CAP, computedAt: sqlDate(now()) };
  // It yields to an import's worker (decision 026) and starts over after it: the import's
  // cases are then in it too.
  let result: ThemeJobResult;
  for (;;) {
    try {
      result = await runWorker<ThemeJobResult>("theme-recompute", job, { yields: true });
      break;
    } catch (error) {
      if (!(error instanceof WorkerYielded)) throw error;
    }
  }
  if (!result.ok) throw new Error(`Recomputing themes failed in the worker: ${result.message}`);
  state.computedVersion = version;
  state.count += 1;
  state.lastMs = performance.now() - started;
  state.last = result;
}

/** The last recomputation's wall time and, from the worker, its read, compute and write times (bench). */
export function lastRecompute() {
  return { ms: state.lastMs, worker: state.last };
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
