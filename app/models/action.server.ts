import type { Prisma } from "~/generated/prisma/client";
import { nextStatuses, type ActionListQuery, type ActionStatus, type CreateActionData } from "~/domain/actions/action-schema";
import { attainmentChange } from "~/domain/actions/attainment-change";
import { beforeAfterWindows, compareRates } from "~/domain/actions/effectiveness";
import { patternLife } from "~/domain/actions/pattern-life";
import { checkDate, checkReached, isOverdue } from "~/domain/actions/timing";
import { fitsDefinition, patternDefinition } from "~/domain/actions/matching";
import type { FollowUp, FollowUpItem } from "~/domain/briefs/follow-up";
import { reporterRoleLabel, segmentLabel } from "~/domain/cases/taxonomy";
import { DAY_MS, now, onceEvery } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { done, refused, type Done, type Refused } from "~/utils/outcome";
import { pauseEvery, SWEEP_TURN_MS } from "~/utils/turns.server";
import { writeCases } from "./after-commit.server";
import { forViewer, forViewerEach, seesReporter, type Viewer } from "./case-privacy.server";
import { notify } from "./notification.server";
import { membersOf, patternCaseSelect } from "./pattern-case.server";

// Actions after a brief (issue 15). Executives see an action only when it hangs on a pattern
// or a published brief they can read: one linked only to cases would tell them what happened
// to a single case (decision 014).

const listSelect = {
  id: true,
  title: true,
  ownerFunction: true,
  status: true,
  dueOn: true,
  doneAt: true,
  checkDueOn: true,
  verdict: true,
  verdictAt: true,
  patternId: true,
  briefId: true,
  owner: { select: { id: true, name: true } },
  pattern: { select: { id: true, name: true } },
  brief: { select: { id: true, title: true, publishedCount: true } },
  cases: { select: { caseId: true } },
} satisfies Prisma.ActionSelect;

/** What an executive may see an action through: a pattern, or a published brief. */
const execVisible = { OR: [{ patternId: { not: null } }, { brief: { publishedCount: { gt: 0 } } }] } satisfies Prisma.ActionWhereInput;

/** The cases whose reporters' names are scrubbed from an action: its own and its pattern's. */
async function caseIdsOf(actions: readonly { patternId: number | null; cases: { caseId: number }[] }[]) {
  const members = await membersOf([...new Set(actions.flatMap((a) => (a.patternId ? [a.patternId] : [])))]);
  return (a: { patternId: number | null; cases: { caseId: number }[] }) => [...a.cases.map((c) => c.caseId), ...(a.patternId ? (members.get(a.patternId) ?? []) : [])];
}

function listWhere(viewer: Viewer & { ownerFunction?: string }, query: ActionListQuery): Prisma.ActionWhereInput {
  const where: Prisma.ActionWhereInput[] = [];
  if (viewer.role === "executive") where.push(execVisible);
  if (query.view === "mine") where.push({ ownerId: viewer.id });
  if (query.view === "overdue") where.push({ status: { in: ["proposed", "approved", "in_progress"] }, dueOn: { lt: startOfDay(now()) } });
  if (query.view === "function" && viewer.ownerFunction) where.push({ ownerFunction: viewer.ownerFunction });
  if (query.fn) where.push({ ownerFunction: query.fn });
  if (query.status) where.push({ status: query.status });
  if (query.pattern) where.push({ patternId: query.pattern });
  return { AND: where };
}

/** One page of actions, soonest due first; reporters' names scrubbed for leaders and executives. */
export async function listActions(viewer: Viewer & { ownerFunction?: string }, query: ActionListQuery, page: { skip: number; take: number } = { skip: 0, take: 500 }) {
  const at = now();
  const rows = await db.action.findMany({ where: listWhere(viewer, query), orderBy: [{ dueOn: "asc" }, { id: "asc" }], skip: page.skip, take: page.take, select: listSelect });
  const shown = seesReporter(viewer) ? rows : await forViewerEach(viewer, rows, await caseIdsOf(rows));
  return shown.map((a) => ({ ...a, overdue: isOverdue({ ...a, checkDueOn: a.checkDueOn }, at) }));
}

export const countActions = (viewer: Viewer & { ownerFunction?: string }, query: ActionListQuery) => db.action.count({ where: listWhere(viewer, query) });

function startOfDay(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The function a person's actions usually belong to: the one most of theirs name. */
export async function usualFunction(userId: string) {
  const rows = await db.action.groupBy({ by: ["ownerFunction"], where: { ownerId: userId }, _count: { _all: true }, orderBy: { _count: { ownerFunction: "desc" } }, take: 1 });
  return rows[0]?.ownerFunction;
}

export async function getAction(id: number, viewer: Viewer) {
  const action = await db.action.findFirst({
    where: { id, ...(viewer.role === "executive" ? execVisible : {}) },
    select: {
      ...listSelect,
      detail: true,
      rejectReason: true,
      notes: true,
      checkDays: true,
      verdictNote: true,
      version: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      cases: { select: { caseId: true, case: { select: { id: true, title: true } } } },
      events: { orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, at: true, field: true, fromValue: true, toValue: true, actor: { select: { name: true } } } },
    },
  });
  if (!action) return null;
  return forViewer(viewer, (await caseIdsOf([action]))(action), action);
}

/** People who can own an action: the comp team and sales leaders, still active. */
export function possibleOwners() {
  return db.user.findMany({ where: { active: true, role: { in: ["admin", "analyst", "sales_leader"] } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
}

/**
 * A new action, proposed. Refused (nothing saved) when the owner, pattern, brief or a case
 * named is not there.
 */
export async function createAction({ input, actorId }: { input: CreateActionData; actorId: string }) {
  type Result = Done<{ id: number }> | Refused<"unknown-owner"> | Refused<"unknown-pattern" | "unknown-brief", { id: number }> | Refused<"unknown-cases", { ids: number[] }>;
  return writeCases(async (tx): Promise<Result> => {
    const owner = await tx.user.findFirst({ where: { id: input.ownerId, active: true, role: { in: ["admin", "analyst", "sales_leader"] } }, select: { id: true } });
    if (!owner) return refused("unknown-owner");
    let patternId = input.patternId ?? null;
    if (input.briefId !== undefined) {
      const brief = await tx.brief.findUnique({ where: { id: input.briefId }, select: { patternId: true } });
      if (!brief) return refused("unknown-brief", { id: input.briefId });
      patternId ??= brief.patternId;
    }
    if (patternId !== null && (await tx.pattern.count({ where: { id: patternId } })) === 0) return refused("unknown-pattern", { id: patternId });
    if (input.caseRefs.length) {
      const found = await tx.case.findMany({ where: { id: { in: input.caseRefs } }, select: { id: true } });
      const missing = input.caseRefs.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) return refused("unknown-cases", { ids: missing });
    }
    const at = now();
    const action = await tx.action.create({
      data: {
        title: input.title,
        detail: input.detail,
        ownerFunction: input.ownerFunction,
        ownerId: input.ownerId,
        dueOn: new Date(`${input.dueOn}T00:00:00Z`),
        checkDays: input.checkDays,
        patternId,
        briefId: input.briefId ?? null,
        createdById: actorId,
        createdAt: at,
        cases: { create: input.caseRefs.map((caseId) => ({ caseId })) },
        events: { create: { actorId, at, field: "created", toValue: "proposed" } },
      },
      select: { id: true },
    });
    await briefsHaveNews(tx, { briefId: input.briefId ?? null, patternId });
    return done({ id: action.id });
  }, (r) => (r.ok ? { cases: [] } : null));
}

/**
 * A change to an action is news for the published briefs on it or its pattern: their next
 * version would say something new ("what we did and whether it worked"), so it can be published.
 */
async function briefsHaveNews(tx: Prisma.TransactionClient, on: { briefId: number | null; patternId: number | null }) {
  const or: Prisma.BriefWhereInput[] = [...(on.briefId ? [{ id: on.briefId }] : []), ...(on.patternId ? [{ patternId: on.patternId }] : [])];
  if (or.length) await tx.brief.updateMany({ where: { OR: or, publishedCount: { gt: 0 } }, data: { hasUnpublishedChanges: true } });
}

export type ActionChange =
  | { intent: "move"; status: ActionStatus; reason: string }
  | { intent: "notes"; notes: string }
  | { intent: "check-days"; checkDays: number }
  | { intent: "verdict"; verdict: string; verdictNote: string };

export type UpdateResult = Done | Refused<"not-found" | "conflict" | "not-yours" | "move-not-open" | "check-not-due" | "already-checked">;

/**
 * One change from the version the person loaded (decision 003), every field it touches kept in
 * history. Done schedules the check and puts the pattern under watch (so like cases arriving
 * later are flagged as recurring); a verdict of "not effective" reopens the pattern.
 */
export async function updateAction({ id, version, change, actor }: { id: number; version: number; change: ActionChange; actor: { id: string; compTeam: boolean } }): Promise<UpdateResult> {
  const actorId = actor.id;
  return writeCases(async (tx): Promise<UpdateResult> => {
    const current = await tx.action.findUnique({ where: { id }, select: { ownerId: true, status: true, notes: true, checkDays: true, doneAt: true, checkDueOn: true, verdict: true, verdictNote: true, patternId: true, briefId: true, rejectReason: true } });
    if (!current) return refused("not-found");
    const who = { compTeam: actor.compTeam, owner: current.ownerId === actor.id };
    if (!who.compTeam && !who.owner) return refused("not-yours");
    const at = now();
    if (change.intent === "move" && !nextStatuses(current.status, who).includes(change.status)) return refused("move-not-open");
    if (change.intent === "verdict" && !checkReached(current, at)) return refused("check-not-due");
    if (change.intent === "check-days" && current.verdict) return refused("already-checked");
    const data: Prisma.ActionUpdateManyMutationInput = {};
    if (change.intent === "move") {
      data.status = change.status;
      if (change.status === "rejected") data.rejectReason = change.reason;
      if (change.status === "done") {
        data.doneAt = at;
        data.checkDueOn = checkDate(at, current.checkDays);
      }
    } else if (change.intent === "notes") data.notes = change.notes;
    else if (change.intent === "check-days") {
      data.checkDays = change.checkDays;
      if (current.doneAt) data.checkDueOn = checkDate(current.doneAt, change.checkDays);
    } else {
      data.verdict = change.verdict;
      data.verdictNote = change.verdictNote;
      data.verdictAt = at;
    }
    const { count } = await tx.action.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) return refused("conflict");
    const before = current as Record<string, unknown>;
    const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? "" : String(v));
    await tx.actionEvent.createMany({
      data: Object.entries(data)
        .filter(([field, value]) => text(before[field]) !== text(value))
        .map(([field, value]) => ({ actionId: id, actorId, at, field, fromValue: text(before[field]), toValue: text(value) })),
    });
    await briefsHaveNews(tx, { briefId: current.briefId, patternId: current.patternId });
    if (current.patternId) {
      if (change.intent === "move" && change.status === "done") {
        await tx.pattern.updateMany({ where: { id: current.patternId, status: { in: ["open", "briefed"] } }, data: { status: "monitoring", version: { increment: 1 } } });
      }
      if (change.intent === "verdict") {
        const status = change.verdict === "not_effective" ? "open" : change.verdict === "effective" ? "resolved" : "monitoring";
        await tx.pattern.updateMany({ where: { id: current.patternId }, data: { status, version: { increment: 1 } } });
      }
    }
    return done();
  }, (r) => (r.ok ? { cases: [] } : null));
}

/**
 * The effectiveness check's figures, from the day the action was done to `now()`: complaints
 * matching the pattern per month in equal windows either side, the noise test, recurrence
 * flags raised since, and attainment before and after for each segment and role the pattern's
 * cases come from. Frozen at the verdict once there is one.
 * Matching (domain/actions/matching.ts): the pattern's (or the action's) own cases, cases
 * flagged as recurring on it, and cases that fit its cause, behaviour and themes.
 */
export async function effectivenessFigures(action: { id: number; status: string; doneAt: Date | null; checkDueOn: Date | null; verdictAt: Date | null; patternId: number | null }) {
  if (!action.doneAt || !checkReached(action, now())) return null;
  // Once the owner has judged, the figures stay those they judged on.
  const at = action.verdictAt ?? now();
  const doneAt = action.doneAt;
  const own = action.patternId
    ? (await db.patternCase.findMany({ where: { patternId: action.patternId }, select: { case: { select: patternCaseSelect } } })).map((r) => r.case)
    : (await db.actionCase.findMany({ where: { actionId: action.id }, select: { case: { select: patternCaseSelect } } })).map((r) => r.case);
  const patternCause = action.patternId ? ((await db.pattern.findUnique({ where: { id: action.patternId }, select: { cause: true } }))?.cause ?? "") : "";
  const themeOf = async (ids: number[]) => new Map((await db.themeCase.findMany({ where: { caseId: { in: ids } }, select: { caseId: true, themeId: true } })).map((t) => [t.caseId, t.themeId]));
  const definition = patternDefinition(own, patternCause, (await themeOf(own.map((c) => c.id))).values());
  const days = Math.max(1, Math.floor((at.getTime() - doneAt.getTime()) / DAY_MS));
  const from = new Date(doneAt.getTime() - days * DAY_MS);
  const alike = definition.cause && definition.behaviour
    ? await db.case.findMany({
        where: { raisedOn: { gte: from, lte: at }, behaviour: definition.behaviour, OR: [{ rootCause: definition.cause }, { rootCause: "", suspectedCause: definition.cause }] },
        select: { id: true, raisedOn: true, behaviour: true, rootCause: true, suspectedCause: true },
      })
    : [];
  const alikeThemes = await themeOf(alike.map((c) => c.id));
  const recurrences = action.patternId
    ? await db.patternRecurrence.findMany({ where: { patternId: action.patternId }, select: { caseId: true, case: { select: { raisedOn: true } } } })
    : [];
  const dates = new Map<number, Date>();
  for (const c of own) dates.set(c.id, c.raisedOn);
  for (const c of alike) if (fitsDefinition({ ...c, themeId: alikeThemes.get(c.id) ?? null }, definition)) dates.set(c.id, c.raisedOn);
  for (const r of recurrences) dates.set(r.caseId, r.case.raisedOn);
  const windows = beforeAfterWindows([...dates.values()], doneAt, at);
  const test = compareRates(windows.before.count, windows.after.count);
  // Each segment and each role of the pattern's cases, where both sides have five reps or more.
  const segments = [...new Set(own.map((c) => c.segment).filter(Boolean))].sort();
  const roles = [...new Set(own.map((c) => c.reporterRole).filter(Boolean))].sort();
  const rows = await db.attainmentRow.findMany({ where: { OR: [{ segment: { in: segments } }, { role: { in: roles } }] }, select: { period: true, segment: true, role: true, attainmentPct: true } });
  const groups = [
    ...segments.map((v) => ({ kind: "segment" as const, value: v, change: attainmentChange(rows, doneAt, { segments: [v], roles: [] }) })),
    ...roles.map((v) => ({ kind: "role" as const, value: v, change: attainmentChange(rows, doneAt, { segments: [], roles: [v] }) })),
  ];
  return {
    windows,
    test,
    recurrencesAfter: recurrences.filter((r) => r.case.raisedOn.getTime() >= doneAt.getTime() && r.case.raisedOn.getTime() <= at.getTime()).length,
    attainment: groups.flatMap((g) => (g.change && !g.change.before.tooFew && !g.change.after.tooFew ? [{ kind: g.kind, value: g.value, label: g.kind === "segment" ? segmentLabel(g.value) : reporterRoleLabel(g.value), before: g.change.before, after: g.change.after }] : [])),
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * "What we did and whether it worked" as it stands now, for a brief: the actions on it and on
 * its pattern, each with its check's figures once due. Frozen into a version when it is
 * published (brief.server publishBrief); the words are written in domain/briefs/follow-up.ts.
 * Unscrubbed, like the rest of a stored version: readers' copies are scrubbed on the way out.
 */
export async function followUpNow(brief: { id: number; patternId: number | null }): Promise<FollowUp> {
  const at = now();
  const rows = await db.action.findMany({
    where: { OR: [{ briefId: brief.id }, ...(brief.patternId ? [{ patternId: brief.patternId }] : [])] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...listSelect, verdictNote: true },
  });
  const items: FollowUpItem[] = [];
  for (const a of rows) {
    const f = await effectivenessFigures(a);
    items.push({
      title: a.title,
      ownerFunction: a.ownerFunction,
      ownerName: a.owner.name,
      status: a.status,
      dueOn: isoDay(a.dueOn),
      doneOn: a.doneAt ? isoDay(a.doneAt) : null,
      checkDueOn: a.checkDueOn ? isoDay(a.checkDueOn) : null,
      overdue: isOverdue(a, at),
      caseIds: a.cases.map((c) => c.caseId),
      check: f
        ? {
            days: f.windows.days,
            counts: { before: f.windows.before.count, after: f.windows.after.count, beforePerMonth: f.windows.before.perMonth, afterPerMonth: f.windows.after.perMonth, sentence: f.test.sentence, recurrencesAfter: f.recurrencesAfter },
            outcome: f.test.verdict,
            attainment: f.attainment.map((g) => ({ group: `${g.label} (${g.kind})`, before: g.before, after: g.after })),
          }
        : null,
      verdict: a.verdict,
      verdictNote: a.verdictNote,
    });
  }
  return { asOf: isoDay(at), items };
}

/** A saved pattern's life (open → … → resolved, or recurring) from its briefs, actions and checks. */
export async function lifeOfPatterns(patternIds: readonly number[]) {
  const ids = [...patternIds];
  const [briefs, actions, recurrences] = await Promise.all([
    db.brief.groupBy({ by: ["patternId"], where: { patternId: { in: ids }, publishedCount: { gt: 0 } }, _count: { _all: true } }),
    db.action.findMany({ where: { patternId: { in: ids } }, select: { patternId: true, status: true, doneAt: true, verdict: true, verdictAt: true } }),
    db.patternRecurrence.findMany({ where: { patternId: { in: ids } }, select: { patternId: true, createdAt: true } }),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      patternLife({
        publishedBriefs: briefs.find((b) => b.patternId === id)?._count._all ?? 0,
        actions: actions.filter((a) => a.patternId === id),
        recurrences: recurrences.filter((r) => r.patternId === id).map((r) => r.createdAt),
      }),
    ]),
  );
}

/** "What we did and whether it worked": a pattern's or brief's actions, for its page and its next brief. */
export async function actionsFor(where: { patternId?: number; briefId?: number }, viewer: Viewer) {
  const or: Prisma.ActionWhereInput[] = [];
  if (where.patternId) or.push({ patternId: where.patternId });
  if (where.briefId) or.push({ briefId: where.briefId });
  if (or.length === 0) return [];
  const rows = await db.action.findMany({ where: { OR: or }, orderBy: { createdAt: "asc" }, select: { ...listSelect, verdictNote: true } });
  const shown = seesReporter(viewer) ? rows : await forViewerEach(viewer, rows, await caseIdsOf(rows));
  const at = now();
  return shown.map((a) => ({ ...a, overdue: isOverdue(a, at) }));
}

/**
 * What a new action starts from: a brief's recommendation, a pattern, or a case's upstream
 * fix. Only the comp team writes actions, so nothing here is scrubbed.
 */
export async function actionDraftFrom(source: { briefId?: number; patternId?: number; caseId?: number }) {
  const draft = { title: "", detail: "", ownerFunction: "", patternId: source.patternId, briefId: source.briefId, caseRefs: source.caseId ? `#${source.caseId}` : "" };
  if (source.briefId) {
    const brief = await db.brief.findUnique({ where: { id: source.briefId }, select: { patternId: true, caseId: true, draftJson: true, versions: { orderBy: { number: "desc" }, take: 1, select: { contentJson: true } } } });
    if (brief) {
      const content = JSON.parse(brief.versions[0]?.contentJson ?? brief.draftJson) as { sections?: { recommendedFix?: string } };
      const fix = content.sections?.recommendedFix ?? "";
      const first = fix.split("\n").map((l) => l.replace(/^-\s*/, "").trim()).find(Boolean) ?? "";
      draft.title = first.length > 200 ? `${first.slice(0, 199)}…` : first;
      draft.detail = fix.slice(0, 4_000);
      draft.patternId ??= brief.patternId ?? undefined;
      if (brief.caseId && !draft.caseRefs) draft.caseRefs = `#${brief.caseId}`;
    }
  }
  if (source.caseId) {
    const c = await db.case.findUnique({ where: { id: source.caseId }, select: { upstreamFix: true, fixOwner: true } });
    if (c) {
      draft.title ||= c.upstreamFix.slice(0, 200);
      draft.ownerFunction ||= c.fixOwner;
    }
  }
  return draft;
}

/** Patterns and published-or-draft briefs to link a new action to. */
export async function linkChoices() {
  const [patterns, briefs] = await Promise.all([
    db.pattern.findMany({ orderBy: { updatedAt: "desc" }, take: 200, select: { id: true, name: true } }),
    db.brief.findMany({ orderBy: { updatedAt: "desc" }, take: 200, select: { id: true, title: true } }),
  ]);
  return { patterns, briefs };
}

const dueSweepDue = onceEvery(5 * 60_000);
const DUE_SOON_MS = 2 * DAY_MS;
const SWEEP_BATCH = 100;

/**
 * Tells each owner of unfinished work once when it is due within two days, and once more when it
 * is overdue (a new due date starts again). Runs at most every five minutes of the app's clock,
 * as people use the app, like the SLA sweep.
 */
export async function sweepActionsDue(force = false, { turnMs = SWEEP_TURN_MS } = {}) {
  const at = now();
  if (!dueSweepDue(force)) return 0;
  const open = await db.action.findMany({
    where: { status: { in: ["proposed", "approved", "in_progress"] }, dueOn: { lte: new Date(at.getTime() + DUE_SOON_MS) } },
    select: { id: true, ownerId: true, status: true, dueOn: true, checkDueOn: true, verdict: true },
    // Latest due first: work that only just came due is told before an old backlog.
    orderBy: [{ dueOn: "desc" }, { id: "desc" }],
    take: 5_000,
  });
  const due = open.map((a) => {
    const overdue = isOverdue(a, at);
    return { ...a, overdue, key: `action-${overdue ? "overdue" : "due"}:${a.id}:${a.dueOn.toISOString().slice(0, 10)}` };
  });
  // One query for what was told already, so a sweep only works on what is new (a bounded batch:
  // a backlog is told over the next sweeps instead of holding up the app for seconds).
  const told = new Set((await db.notification.findMany({ where: { dedupeKey: { in: due.map((d) => d.key) } }, select: { userId: true, dedupeKey: true } })).map((n) => `${n.userId} ${n.dedupeKey}`));
  const fresh = due.filter((d) => !told.has(`${d.ownerId} ${d.key}`)).slice(0, SWEEP_BATCH);
  // Paused between notices: otherwise the whole batch is one turn of the event loop (sweepSlaRisks).
  const pause = pauseEvery(turnMs);
  for (const a of fresh) {
    await pause();
    await notify([a.ownerId], "action_due", { actionId: a.id, overdue: a.overdue }, a.key);
  }
  return fresh.length;
}
