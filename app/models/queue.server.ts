import type { Prisma } from "~/generated/prisma/client";
import { canMoveStatus } from "~/domain/cases/status";
import type { CaseStatus } from "~/domain/cases/taxonomy";
import { createdBeforeFor, DEFAULT_SLA, slaFor, UNTRIAGED_SLA, type SlaTargets } from "~/domain/queue/sla";
import { statusAfterTriage, triageValues, type TriageClass, type TriageData } from "~/domain/queue/triage";
import { now, onceEvery } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { pauseEvery, SWEEP_TURN_MS } from "~/utils/turns.server";
import { done, refused } from "~/utils/outcome";
import { writeCases } from "./after-commit.server";
import { notify } from "./notification.server";

// The comp team's queue (issue 16): triage, assignment, bulk moves, SLA targets and where each
// case stands against them. Every write goes through writeCases (decision 009).

export type TriageResult = { ok: true; status: CaseStatus } | { ok: false; reason: "not-found" } | { ok: false; reason: "conflict" };

/** Sorts a case (optimistic concurrency on the case's version); history records every change. */
export async function triageCase(id: number, version: number, data: TriageData, actorId: string) {
  return writeCases(async (tx): Promise<TriageResult> => {
    const before = await tx.case.findUnique({ where: { id }, select: { status: true, triageClass: true, resolutionNote: true, version: true, firstResponseAt: true } });
    if (!before) return { ok: false, reason: "not-found" };
    if (before.version !== version) return { ok: false, reason: "conflict" };
    const status = statusAfterTriage(before.status as CaseStatus, data);
    const resolutionNote = data.resolutionNote || before.resolutionNote;
    const { count } = await tx.case.updateMany({
      where: { id, version },
      data: { triageClass: data.triageClass, resolutionNote, status, firstResponseAt: before.firstResponseAt ?? now(), version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "conflict" };
    const events: Prisma.CaseEventCreateManyInput[] = [];
    if (before.triageClass !== data.triageClass) events.push({ caseId: id, actorId, kind: "field", field: "triageClass", fromValue: before.triageClass, toValue: data.triageClass });
    if (before.resolutionNote !== resolutionNote) events.push({ caseId: id, actorId, kind: "field", field: "resolutionNote", fromValue: before.resolutionNote, toValue: resolutionNote });
    if (before.status !== status) events.push({ caseId: id, actorId, kind: "status", field: "status", fromValue: before.status, toValue: status });
    if (events.length) await tx.caseEvent.createMany({ data: events });
    return { ok: true, status };
  }, (r) => (r.ok ? { cases: [id] } : null));
}

/**
 * Assigns cases to one person of the comp team (or nobody). Cases already theirs are left
 * alone; the new assignee hears of it (unless they assigned it to themselves).
 */
export async function assignCases({ ids, ownerId, actor }: { ids: readonly number[]; ownerId: string | null; actor: { id: string; name: string } }) {
  const owner = ownerId ? await db.user.findFirst({ where: { id: ownerId, active: true, role: { in: ["admin", "analyst"] } }, select: { id: true, name: true } }) : null;
  if (ownerId && !owner) return refused("not-comp-team");
  const changed = await writeCases(async (tx) => {
    const cases = await tx.case.findMany({ where: { id: { in: [...ids] } }, select: { id: true, ownerId: true, firstResponseAt: true, owner: { select: { name: true } } } });
    const moving = cases.filter((c) => c.ownerId !== (owner?.id ?? null));
    for (const c of moving) {
      await tx.case.update({ where: { id: c.id }, data: { ownerId: owner?.id ?? null, firstResponseAt: c.firstResponseAt ?? (owner ? now() : null), version: { increment: 1 } } });
    }
    if (moving.length) {
      await tx.caseEvent.createMany({ data: moving.map((c) => ({ caseId: c.id, actorId: actor.id, kind: "field", field: "ownerId", fromValue: c.owner?.name ?? "", toValue: owner?.name ?? "" })) });
    }
    return moving.map((c) => c.id);
  }, (moved) => (moved.length ? { cases: moved } : null));
  if (owner && owner.id !== actor.id) {
    const titles = await db.case.findMany({ where: { id: { in: changed } }, select: { id: true, title: true } });
    for (const c of titles) await notify([owner.id], "case_assigned", { caseId: c.id, caseTitle: c.title, actorName: actor.name });
  }
  return done({ moved: changed });
}

/** Moves cases to a status where the status rules allow it; returns those moved and those left. */
export async function bulkStatus(ids: readonly number[], to: CaseStatus, actorId: string) {
  return writeCases(async (tx) => {
    const cases = await tx.case.findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true } });
    const moving = cases.filter((c) => canMoveStatus(c.status as CaseStatus, to));
    for (const c of moving) await tx.case.update({ where: { id: c.id }, data: { status: to, version: { increment: 1 } } });
    if (moving.length) await tx.caseEvent.createMany({ data: moving.map((c) => ({ caseId: c.id, actorId, kind: "status", field: "status", fromValue: c.status, toValue: to })) });
    return { moved: moving.map((c) => c.id), left: cases.filter((c) => !moving.includes(c)).map((c) => c.id) };
  }, (r) => (r.moved.length ? { cases: r.moved } : null));
}

export type SlaTable = Record<TriageClass, SlaTargets>;

/** The SLA targets in force: the admins' where they set them, the defaults (decision 015) otherwise. */
export async function slaTargets(): Promise<SlaTable> {
  const rows = await db.slaTarget.findMany({ select: { triageClass: true, firstResponseDays: true, diagnosisDays: true } });
  const table = { ...DEFAULT_SLA };
  for (const r of rows) if ((triageValues as string[]).includes(r.triageClass)) table[r.triageClass as TriageClass] = { firstResponseDays: r.firstResponseDays, diagnosisDays: r.diagnosisDays };
  return table;
}

export async function saveSlaTargets(table: SlaTable) {
  for (const c of triageValues) {
    const t = table[c];
    await db.slaTarget.upsert({ where: { triageClass: c }, create: { triageClass: c, ...t }, update: t });
  }
}

/** Where each case stands against its SLA at now() (ageing in business days). */
export async function slaViews(cases: readonly { id: number; createdAt: Date; triageClass: string; status: string; firstResponseAt: Date | null; diagnosisConfirmedAt: Date | null }[]) {
  const table = await slaTargets();
  const at = now();
  return new Map(cases.map((c) => [c.id, slaFor(c, table, at)]));
}

/**
 * SQL for the "at risk" (at risk or past it) and "breached" views: running cases whose first
 * response or diagnosis clock has reached its target (less one business day for "at risk"),
 * each class with its own target, compared on createdAt.
 */
export async function slaWhere(view: "at_risk" | "breached"): Promise<{ sql: string; params: unknown[] }> {
  const table = await slaTargets();
  const at = now();
  const less = view === "at_risk" ? 1 : 0;
  const cutoff = (days: number) => createdBeforeFor(at, Math.max(0, days - less));
  const parts: string[] = [];
  const params: unknown[] = [];
  const classes: [string, SlaTargets][] = [["", UNTRIAGED_SLA], ...triageValues.map((c) => [c, table[c]] as [string, SlaTargets])];
  for (const [cls, t] of classes) {
    parts.push(`(c."triageClass" = ? AND ((c."firstResponseAt" IS NULL AND c."createdAt" <= ?) OR (c."firstResponseAt" IS NOT NULL AND c."createdAt" <= ?)))`);
    params.push(cls, cutoff(t.firstResponseDays), cutoff(t.diagnosisDays));
  }
  return {
    sql: `(c.status NOT IN ('diagnosed', 'briefed', 'monitoring', 'closed') AND c."diagnosisConfirmedAt" IS NULL AND (${parts.join(" OR ")}))`,
    params,
  };
}

/** Cases with a question put to a sales leader that is not answered yet. */
export const WAITING_ON_LEADER = `c.id IN (SELECT w."caseId" FROM "WhyStep" w WHERE w."askedLeaderId" IS NOT NULL AND w.answer = '')`;

const slaSweepDue = onceEvery(5 * 60_000);

/**
 * Tells each owner about a case of theirs close to its SLA (once per case) and once more when a
 * clock is breached (first response and diagnosis each once). A case first seen already past a
 * target gets the breach notice only. The notification's unique (user, key) row makes this hold
 * under concurrent sweeps too. Runs at most every five minutes of the app's clock (so a test
 * that moves the clock sees it run).
 */
export async function sweepSlaRisks(force = false, { turnMs = SWEEP_TURN_MS } = {}) {
  const at = now();
  if (!slaSweepDue(force)) return 0;
  const [risk, breach] = await Promise.all([slaWhere("at_risk"), slaWhere("breached")]);
  // Only cases with something still to tell: not told of this clock's breach, and not told of
  // the risk unless now breached; at most 100 a sweep, so a backlog is told over the next sweeps
  // instead of holding the app up for seconds (bench/loop.mjs).
  const told = (key: string) => `EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = c."ownerId" AND n."dedupeKey" = ${key})`;
  const breachKey = `'sla-breach:' || CASE WHEN c."firstResponseAt" IS NULL THEN 'first_response' ELSE 'diagnosis' END || ':' || c.id`;
  const found = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT c.id FROM "Case" c WHERE c."ownerId" IS NOT NULL AND ${risk.sql} AND NOT ${told(breachKey)} AND (NOT ${told(`'sla:' || c.id`)} OR ${breach.sql}) ORDER BY c.id LIMIT 100`,
    ...risk.params,
    ...breach.params,
  );
  // Which clock is late, and how late, from the same rule the list shows (typed dates, not raw SQL ones).
  const rows = await db.case.findMany({
    where: { id: { in: found.map((r) => Number(r.id)) } },
    select: { id: true, ownerId: true, title: true, createdAt: true, triageClass: true, status: true, firstResponseAt: true, diagnosisConfirmedAt: true },
  });
  const table = await slaTargets();
  // Without pauses the whole sweep was one turn of the event loop: 100 notices held every
  // request ~1.9 s at 100,000 cases.
  const pause = pauseEvery(turnMs);
  for (const r of rows) {
    await pause();
    if (!r.ownerId) continue;
    const sla = slaFor(r, table, at);
    if (sla.state === "breached" && sla.clock) await notify([r.ownerId], "sla_at_risk", { caseId: r.id, caseTitle: r.title, breached: sla.clock }, `sla-breach:${sla.clock}:${r.id}`);
    else if (sla.state === "at_risk") await notify([r.ownerId], "sla_at_risk", { caseId: r.id, caseTitle: r.title }, `sla:${r.id}`);
  }
  return rows.length;
}

/** A case as the triage page shows it (comp team only: reporter identity is not needed here). */
export async function caseForTriage(id: number) {
  const c = await db.case.findUnique({
    where: { id },
    select: { id: true, title: true, complaint: true, status: true, version: true, triageClass: true, resolutionNote: true, ownerId: true, createdAt: true, firstResponseAt: true, diagnosisConfirmedAt: true },
  });
  if (!c) return null;
  const sla = (await slaViews([c])).get(c.id)!;
  return { ...c, sla };
}
