import type { Prisma } from "~/generated/prisma/client";
import { effectiveCause } from "~/domain/patterns/effective-cause";
import { dominantCause, findRecurrences } from "~/domain/patterns/recurrence";
import { dataChanged } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { pauseForRequests } from "~/utils/import-connection.server";
import { patternCaseSelect, recordRecurrence, watchedPatterns } from "./pattern-case.server";
import { scheduleThemeRecompute } from "./theme-recompute.server";

// Every write to case data ends here, after its transaction committed (decision 009): nothing
// a write implies — fresh pattern figures, the "recurring after the fix" flag — depends on the
// author of a write path remembering it.

export type Tx = Prisma.TransactionClient;

/** What a committed write changed. `recheck`: cases whose text or cause may now repeat a watched pattern. */
export type Changed = { cases: readonly number[]; recheck?: boolean } | null;

// Prisma binds at most 999 values per statement on SQLite: ids plus causes stay under it.
const CHUNK = 500;

/** Bumps the data version (caches of patterns and statistics recompute) and re-checks recurrence. */
export async function afterCommit(changed: Changed): Promise<void> {
  if (!changed) return;
  dataChanged();
  scheduleThemeRecompute();
  if (!changed.recheck || changed.cases.length === 0) return;
  // The write has committed: a failure here must not turn it into an error for the person.
  await checkRecurrences(changed.cases).catch((error: unknown) => console.error("The recurrence check failed after a committed write:", error));
}

/**
 * Runs `work` in one transaction, then the after-commit step with what `changed` says it
 * changed (null when it refused or changed nothing). The only way models write case data.
 */
export async function writeCases<T>(work: (tx: Tx) => Promise<T>, changed: (result: T) => Changed): Promise<T> {
  const result = await db.$transaction(work);
  await afterCommit(changed(result));
  return result;
}

/**
 * Flags each case on every monitored or resolved pattern it repeats ("recurring after the
 * fix"). Patterns are loaded once; cases are read a chunk at a time, so an import of many
 * cases does not hold the server.
 */
export async function checkRecurrences(caseIds: readonly number[]) {
  // Each watched pattern's cause is worked out once: a case can only repeat a pattern of its
  // own cause, so most cases are settled without comparing any text.
  const patterns = (await watchedPatterns())
    .map((p) => {
      const cases = p.cases.map((c) => c.case);
      return { id: p.id, status: p.status, cases, cause: dominantCause(cases) };
    })
    .filter((p) => p.cause !== null);
  if (patterns.length === 0) return [];
  const causes = [...new Set(patterns.map((p) => p.cause!))];
  const found: { patternId: number; caseId: number; score: number }[] = [];
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    // Only cases whose effective cause (diagnosed, else suspected) is a watched pattern's.
    const subjects = await db.case.findMany({
      where: { id: { in: caseIds.slice(i, i + CHUNK) }, OR: [{ rootCause: { in: causes } }, { rootCause: "", suspectedCause: { in: causes } }] },
      select: patternCaseSelect,
    });
    for (const subject of subjects) {
      const own = effectiveCause(subject).cause;
      const candidates = patterns.filter((p) => p.cause === own);
      if (candidates.length === 0) continue;
      const hits = findRecurrences(
        subject,
        candidates.map((p) => ({ id: p.id, status: p.status, cases: p.cases.filter((c) => c.id !== subject.id) })),
      );
      for (const r of hits) {
        await recordRecurrence(r.patternId, subject.id, r.score);
        found.push({ ...r, caseId: subject.id });
      }
    }
    if (caseIds.length > CHUNK) await pauseForRequests();
  }
  return found;
}
