import { direction, periods, quarterStart } from "~/domain/actions/direction";
import { progressWord } from "~/domain/actions/timing";
import { independentReports } from "~/domain/patterns/grouping";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { listActions } from "./action.server";
import { executiveTitles, listBriefs } from "./brief.server";
import type { Viewer } from "./case-privacy.server";
import { patternCaseSelect, reporterSelect, withReporterKey } from "./pattern-case.server";
import { listPatterns } from "./pattern.server";
import { listPlanChanges } from "./plan-change.server";

// What an executive opens on a Monday (issue 15): briefs to read, patterns and their direction,
// actions in flight and what worked, plan changes this quarter. Every list goes through the
// same privacy reads as its own page; no count is shown (decision 014).

export async function executiveHome(viewer: Viewer) {
  const at = now();
  const [briefs, patterns, actions, planChanges] = await Promise.all([
    listBriefs(true, viewer),
    listPatterns(viewer, 5),
    listActions(viewer, { view: "all", page: 1 }),
    listPlanChanges(viewer, { since: quarterStart(at) }),
  ]);
  const acked = await db.briefAck.findMany({ where: { userId: viewer.id, briefId: { in: briefs.map((b) => b.id) } }, select: { briefId: true, versionNumber: true } });
  const waiting = briefs.filter((b) => b.versions[0] && !acked.some((a) => a.briefId === b.id && a.versionNumber === b.versions[0].number));
  const titles = await executiveTitles(waiting);

  const { current, previous } = periods(at);
  const members = await db.patternCase.findMany({
    where: { patternId: { in: patterns.map((p) => p.id) }, case: { raisedOn: { gte: previous.from, lte: current.to } } },
    select: { patternId: true, case: { select: { ...patternCaseSelect, ...reporterSelect } } },
  });
  const reports = (patternId: number, from: Date, to: Date) =>
    independentReports(members.filter((m) => m.patternId === patternId && m.case.raisedOn >= from && m.case.raisedOn < to).map((m) => withReporterKey(m.case)));

  return {
    briefs: waiting.map((b) => ({ id: b.id, title: titles.get(b.id) ?? b.title, version: b.versions[0].number, publishedAt: b.versions[0].publishedAt })),
    patterns: patterns.map((p) => ({ id: p.id, name: p.name, direction: direction(reports(p.id, current.from, current.to), reports(p.id, previous.from, previous.to)) })),
    inFlight: actions
      .filter((a) => ["proposed", "approved", "in_progress"].includes(a.status) || (a.status === "done" && !a.verdict))
      .map((a) => ({ id: a.id, title: a.title, ownerFunction: a.ownerFunction, status: a.status, dueOn: a.dueOn, progress: progressWord(a, at) })),
    results: actions
      .filter((a) => a.verdict)
      .sort((a, b) => (b.verdictAt?.getTime() ?? 0) - (a.verdictAt?.getTime() ?? 0))
      .slice(0, 5)
      .map((a) => ({ id: a.id, title: a.title, ownerFunction: a.ownerFunction, verdict: a.verdict, verdictAt: a.verdictAt })),
    planChanges: planChanges.map((c) => ({ id: c.id, kind: c.kind, summary: c.summary, effectiveOn: c.effectiveOn })),
  };
}
