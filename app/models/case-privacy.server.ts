import type { Role } from "~/domain/auth/permissions";
import { audienceOf, historyForOutside, shownTo } from "~/domain/privacy/case-view";
import { db } from "~/utils/db.server";

export type Viewer = { id: string; role: Role };

export const seesReporter = (viewer: Viewer) => audienceOf(viewer.role) === "comp-team";

/**
 * Each case's reporter name (cases without one left out). The ids go in as one JSON value, as
 * exportRows does: Prisma refuses more than 999 bound values per SQLite query (P2029), and
 * /patterns for a leader or an executive scrubs tens of thousands of ids at 100,000 cases.
 */
async function reporterNameById(caseIds: readonly number[]): Promise<Map<number, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<{ id: number; reporterName: string }[]>(
    `SELECT id, reporterName FROM "Case" WHERE reporterName <> '' AND id IN (SELECT value FROM json_each(?))`,
    JSON.stringify([...new Set(caseIds)]),
  );
  const names = new Map<number, string>();
  for (const r of rows) names.set(Number(r.id), r.reporterName);
  return names;
}

const namesOf = (caseIds: readonly number[], byId: Map<number, string>) =>
  [...new Set(caseIds.map((id) => byId.get(id)).filter((n): n is string => Boolean(n)))].sort();

/** The reporter names of these cases: what is scrubbed from everything they carry. */
export async function reporterNames(caseIds: readonly number[]): Promise<string[]> {
  return namesOf(caseIds, await reporterNameById(caseIds));
}

/**
 * A list as the viewer may see it: each item scrubbed of the reporter names of its own cases,
 * with one query for the whole list.
 */
export async function forViewerEach<T>(viewer: Viewer, items: readonly T[], caseIdsOf: (item: T) => readonly number[]): Promise<T[]> {
  const audience = audienceOf(viewer.role);
  if (audience === "comp-team") return [...items];
  const byId = await reporterNameById(items.flatMap(caseIdsOf));
  return items.map((item) => shownTo(audience, item, namesOf(caseIdsOf(item), byId)));
}

/**
 * `value` (anything read about these cases) as the viewer may see it: for anyone outside the
 * comp team, every name of the cases' reporters, every email and phone number scrubbed.
 */
export async function forViewer<T>(viewer: Viewer, caseIds: readonly number[], value: T): Promise<T> {
  const audience = audienceOf(viewer.role);
  if (audience === "comp-team") return value;
  return shownTo(audience, value, await reporterNames(caseIds));
}

/** A case's history as the viewer may see it (outside the comp team: no identity, no old or new text). */
export async function historyForViewer<E extends { field: string; fromValue: string; toValue: string }>(viewer: Viewer, caseId: number, events: E[]) {
  if (audienceOf(viewer.role) === "comp-team") return events.map((e) => ({ ...e, textHidden: false }));
  return historyForOutside(events, await reporterNames([caseId]));
}
