// Commands that change a case file. Each answers with an outcome (app/utils/outcome.ts), writes
// its history in the same transaction, and runs the after-commit step (decision 009).
import type { Prisma } from "~/generated/prisma/client";
import type { CaseFormData } from "~/domain/cases/case-schema";
import { diffCase, type FieldValues } from "~/domain/cases/case-history";
import { RECORD_FIELDS, toRecord } from "~/domain/cases/case-record";
import { canMoveStatus } from "~/domain/cases/status";
import type { CaseStatus } from "~/domain/cases/taxonomy";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { done, refused, type Refused } from "~/utils/outcome";
import { recordChange } from "./access-log.server";
import { writeCases } from "./after-commit.server";
import { notify } from "./notification.server";

type Tx = Prisma.TransactionClient;

export type CaseRefusal =
  | Refused<"not-found">
  | Refused<"conflict", { currentVersion: number; updatedBy: string | null }>
  | Refused<"unknown-owner">
  | Refused<"unknown-duplicate">;

/** Why a save was refused because of who or what the form points at. */
async function badReference(tx: Tx, record: { ownerId: string | null; duplicateOfId: number | null }, self?: number) {
  if (record.ownerId) {
    const owner = await tx.user.findFirst({
      where: { id: record.ownerId, active: true, role: { in: ["admin", "analyst"] } },
      select: { id: true },
    });
    if (!owner) return refused("unknown-owner");
  }
  const target = record.duplicateOfId;
  if (target != null && (target < 1 || target === self || (await tx.case.count({ where: { id: target } })) === 0)) {
    return refused("unknown-duplicate");
  }
  return null;
}

async function conflict(tx: Tx, id: number) {
  const current = await tx.case.findUnique({ where: { id }, select: { version: true } });
  if (!current) return refused("not-found");
  const last = await tx.caseEvent.findFirst({
    where: { caseId: id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actor: { select: { name: true } } },
  });
  return refused("conflict", { currentVersion: current.version, updatedBy: last?.actor.name ?? null });
}

export async function createCase({ input, actorId }: { input: CaseFormData; actorId: string }) {
  const record = toRecord(input, now());
  return writeCases(
    async (tx) => {
      const bad = await badReference(tx, record);
      if (bad) return bad;
      const created = await tx.case.create({ data: { ...record, createdById: actorId, status: "new" }, select: { id: true } });
      await tx.caseEvent.create({ data: { caseId: created.id, actorId, kind: "created" } });
      return done({ id: created.id });
    },
    (r) => (r.ok ? { cases: [r.id], recheck: true } : null),
  );
}

/**
 * Saves an edit only if nobody saved since the editor loaded `version` (optimistic
 * concurrency). Every changed field is written to the history in the same transaction.
 */
export async function updateCase({ id, version, input, actorId }: { id: number; version: number; input: CaseFormData; actorId: string }) {
  const record = toRecord(input, now());
  const before = await db.case.findUnique({ where: { id }, select: { ownerId: true } });
  const saved = await writeCases(
    async (tx): Promise<ReturnType<typeof done> | CaseRefusal> => {
      const before = await tx.case.findUnique({ where: { id }, select: { ...RECORD_FIELDS, version: true } });
      if (!before) return refused("not-found");
      if (before.version !== version) return conflict(tx, id);
      const bad = await badReference(tx, record, id);
      if (bad) return bad;
      const changes = diffCase(before as FieldValues, record as FieldValues);
      if (changes.length === 0) return done();
      const { count } = await tx.case.updateMany({ where: { id, version }, data: { ...record, version: { increment: 1 } } });
      if (count === 0) return conflict(tx, id);
      await nameOwners(tx, changes);
      const flag = changes.find((c) => c.field === "confidential");
      if (flag) await recordChange(tx, actorId, { action: "confidential-change", subject: "case", subjectId: id, confidential: true, detail: `${flag.from} → ${flag.to}` });
      await tx.caseEvent.createMany({
        data: changes.map((c) => ({ caseId: id, actorId, kind: "field", field: c.field, fromValue: c.from, toValue: c.to })),
      });
      return done();
    },
    (r) => (r.ok ? { cases: [id], recheck: true } : null),
  );
  // A new assignee hears of it, as from the triage page and the list (unless they chose themselves).
  if (saved.ok && record.ownerId && record.ownerId !== before?.ownerId && record.ownerId !== actorId) {
    const actor = await db.user.findUnique({ where: { id: actorId }, select: { name: true } });
    await notify([record.ownerId], "case_assigned", { caseId: id, caseTitle: record.title, actorName: actor?.name });
  }
  return saved;
}

// History reads "Owner: Ana → Ben", not two opaque ids.
async function nameOwners(tx: Tx, changes: ReturnType<typeof diffCase>) {
  const change = changes.find((c) => c.field === "ownerId");
  if (!change) return;
  const ids = [change.from, change.to].filter(Boolean);
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? (id ? "a former user" : "");
  change.from = name(change.from);
  change.to = name(change.to);
}

export async function changeStatus({ id, version, to, actorId }: { id: number; version: number; to: CaseStatus; actorId: string }) {
  return writeCases(
    async (tx) => {
      const before = await tx.case.findUnique({ where: { id }, select: { status: true, version: true } });
      if (!before) return refused("not-found");
      if (before.version !== version) return conflict(tx, id);
      if (!canMoveStatus(before.status as CaseStatus, to)) return refused("not-allowed", { from: before.status });
      const { count } = await tx.case.updateMany({ where: { id, version }, data: { status: to, version: { increment: 1 } } });
      if (count === 0) return conflict(tx, id);
      await tx.caseEvent.create({ data: { caseId: id, actorId, kind: "status", field: "status", fromValue: before.status, toValue: to } });
      return done();
    },
    (r) => (r.ok ? { cases: [id] } : null),
  );
}

/** Marks a case as repeating another (or clears it); recorded in the history like any edit. */
export async function linkDuplicate({ id, duplicateOfId, actorId }: { id: number; duplicateOfId: number | null; actorId: string }) {
  return writeCases(
    async (tx) => {
      const before = await tx.case.findUnique({ where: { id }, select: { duplicateOfId: true } });
      if (!before) return refused("not-found");
      const bad = await badReference(tx, { ownerId: null, duplicateOfId }, id);
      if (bad) return bad;
      await tx.case.update({ where: { id }, data: { duplicateOfId, version: { increment: 1 } } });
      await tx.caseEvent.create({
        data: {
          caseId: id,
          actorId,
          kind: "field",
          field: "duplicateOfId",
          fromValue: before.duplicateOfId ? `#${before.duplicateOfId}` : "",
          toValue: duplicateOfId ? `#${duplicateOfId}` : "",
        },
      });
      return done();
    },
    (r) => (r.ok ? { cases: [id] } : null),
  );
}
