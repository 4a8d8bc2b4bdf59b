import type { Prisma } from "~/generated/prisma/client";
import type { PlanChangeData, PlanChangeRow } from "~/domain/plan-changes/plan-change";
import { db } from "~/utils/db.server";
import { done, refused, type Done, type Refused } from "~/utils/outcome";
import { afterCommit } from "./after-commit.server";
import { forViewerEach, seesReporter, type Viewer } from "./case-privacy.server";
import { membersOf } from "./pattern-case.server";

// The plan-change log (issue 15). Entries are written by the comp team; outside it each entry is
// scrubbed of the reporter names of the cases it links to (through its pattern or action), and
// executives see no link to an unpublished brief or to an action they cannot open.

const select = {
  id: true,
  kind: true,
  summary: true,
  reason: true,
  approvedBy: true,
  effectiveOn: true,
  exceptionKey: true,
  createdAt: true,
  pattern: { select: { id: true, name: true } },
  brief: { select: { id: true, title: true, publishedCount: true } },
  action: { select: { id: true, title: true, patternId: true, brief: { select: { publishedCount: true } }, cases: { select: { caseId: true } } } },
} satisfies Prisma.PlanChangeSelect;

export async function listPlanChanges(viewer: Viewer, where: { since?: Date } = {}): Promise<PlanChangeRow[]> {
  const rows = await db.planChange.findMany({ where: where.since ? { effectiveOn: { gte: where.since } } : {}, orderBy: [{ effectiveOn: "desc" }, { id: "desc" }], take: 1_000, select });
  const exec = viewer.role === "executive";
  const shown = seesReporter(viewer)
    ? rows
    : await (async () => {
        const members = await membersOf([...new Set(rows.flatMap((r) => [r.pattern?.id, r.action?.patternId].filter((x): x is number => typeof x === "number")))]);
        return forViewerEach(viewer, rows, (r) => [
          ...(r.pattern ? (members.get(r.pattern.id) ?? []) : []),
          ...(r.action?.patternId ? (members.get(r.action.patternId) ?? []) : []),
          ...(r.action?.cases.map((c) => c.caseId) ?? []),
        ]);
      })();
  return shown.map((r) => ({
    id: r.id,
    kind: r.kind,
    summary: r.summary,
    reason: r.reason,
    approvedBy: r.approvedBy,
    effectiveOn: r.effectiveOn,
    exceptionKey: r.exceptionKey,
    pattern: r.pattern,
    brief: r.brief && (!exec || r.brief.publishedCount > 0) ? { id: r.brief.id, title: r.brief.title } : null,
    action: r.action && (!exec || r.action.patternId !== null || (r.action.brief?.publishedCount ?? 0) > 0) ? { id: r.action.id, title: r.action.title } : null,
  }));
}

/** Logs a change or an exception; refused when a pattern, brief or action it names is not there. */
export async function createPlanChange({ input, actorId }: { input: PlanChangeData; actorId: string }): Promise<Done<{ id: number }> | Refused<"unknown-pattern" | "unknown-brief" | "unknown-action", { id: number }>> {
  if (input.patternId && !(await db.pattern.count({ where: { id: input.patternId } }))) return refused("unknown-pattern", { id: input.patternId });
  if (input.briefId && !(await db.brief.count({ where: { id: input.briefId } }))) return refused("unknown-brief", { id: input.briefId });
  if (input.actionId && !(await db.action.count({ where: { id: input.actionId } }))) return refused("unknown-action", { id: input.actionId });
  const created = await db.planChange.create({
    data: {
      kind: input.kind,
      summary: input.summary,
      reason: input.reason,
      approvedBy: input.approvedBy,
      effectiveOn: new Date(`${input.effectiveOn}T00:00:00Z`),
      exceptionKey: input.kind === "exception" ? input.exceptionKey : "",
      patternId: input.patternId ?? null,
      briefId: input.briefId ?? null,
      actionId: input.actionId ?? null,
      createdById: actorId,
    },
    select: { id: true },
  });
  await afterCommit({ cases: [] });
  return done({ id: created.id });
}

export async function planChangeLinkChoices() {
  const [patterns, briefs, actions] = await Promise.all([
    db.pattern.findMany({ orderBy: { updatedAt: "desc" }, take: 200, select: { id: true, name: true } }),
    db.brief.findMany({ orderBy: { updatedAt: "desc" }, take: 200, select: { id: true, title: true } }),
    db.action.findMany({ orderBy: { updatedAt: "desc" }, take: 200, select: { id: true, title: true } }),
  ]);
  return { patterns, briefs, actions };
}
