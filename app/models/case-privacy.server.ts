import { can, type Role } from "~/domain/auth/permissions";
import { audienceOf, historyForOutside, shownTo } from "~/domain/privacy/case-view";
import { db } from "~/utils/db.server";

export type Viewer = { id: string; role: Role };

export const seesReporter = (viewer: Viewer) => can(viewer.role, "case:see-reporter");

/** The reporter names of these cases: what is scrubbed from everything they carry. */
export async function reporterNames(caseIds: readonly number[]): Promise<string[]> {
  const ids = [...new Set(caseIds)];
  const names = new Set<string>();
  // In chunks: SQLite takes at most 32,766 bound values in one statement.
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await db.case.findMany({ where: { id: { in: ids.slice(i, i + 5_000) }, reporterName: { not: "" } }, select: { reporterName: true }, distinct: ["reporterName"] });
    for (const r of rows) names.add(r.reporterName);
  }
  return [...names].sort();
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
