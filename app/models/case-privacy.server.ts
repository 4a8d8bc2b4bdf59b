import { can, type Role } from "~/domain/auth/permissions";
import { audienceOf, historyForOutside, shownTo } from "~/domain/privacy/case-view";
import { db } from "~/utils/db.server";

export type Viewer = { id: string; role: Role };

export const seesReporter = (viewer: Viewer) => can(viewer.role, "case:see-reporter");

/** The reporter names of these cases: what is scrubbed from everything they carry. */
export async function reporterNames(caseIds: readonly number[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.case.findMany({ where: { id: { in: [...new Set(caseIds)] } }, select: { reporterName: true } });
  return [...new Set(rows.map((r) => r.reporterName).filter(Boolean))];
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
