import type { CaseListQuery } from "~/domain/cases/list-query";
import { cached } from "~/utils/data-version.server";
import { listCases, type Viewer } from "./case-queries.server";

// The case list's page and counts, kept until case data changes (decision 030). At 100,000
// cases its SQL is ~20 ms of the server's thread per view, and the same view is asked for
// again and again (paging back, the queue's tabs, a team on one filter). Per person: "my
// cases" and what each audience may see differ. Views that move with the clock (at risk,
// breached) are always read fresh; TTL_MS bounds what is not case data (a renamed owner).
type CaseListPage = Awaited<ReturnType<typeof listCases>>;
const store = new Map<string, { version: number; at: number; value: CaseListPage }>();
const TTL_MS = 30_000;
const MOVES_WITH_CLOCK = new Set<CaseListQuery["view"]>(["at_risk", "breached"]);

export function listCasesCached(query: CaseListQuery, viewer: Viewer) {
  if (MOVES_WITH_CLOCK.has(query.view)) return listCases(query, viewer);
  const key = JSON.stringify([viewer.id, viewer.role, Object.entries(query).filter(([, v]) => v != null).sort(([a], [b]) => a.localeCompare(b))]);
  return cached(store, key, TTL_MS, () => listCases(query, viewer));
}
