import type { ApiCase } from "~/domain/intake/api-schema";
import { db } from "~/utils/db.server";
import { importCases } from "./case-import.server";

// Cases sent by other systems. One case is an import of one row: the import's external-id
// upsert (history of every changed field, the after-commit step, refusing a case changed
// meanwhile) is the one code path that turns outside data into cases.

export type IntakeResult = { ok: true; outcome: "created" | "updated" | "unchanged"; caseId: number; status: string } | { ok: false; reason: "conflict"; message: string };

export async function upsertApiCase(input: ApiCase, sent: ReadonlySet<string>, actorId: string): Promise<IntakeResult> {
  const { externalId, ...data } = input;
  const existed = await db.case.findUnique({ where: { externalId }, select: { id: true } });
  // A new case takes every field (with its defaults); a known one only the fields sent.
  const r = await importCases({ rows: [{ externalId, data: { ...data, ownerId: "", duplicateOfId: undefined } }], actorId, mappedFields: existed ? sent : undefined });
  if (!r.ok) return r;
  const row = await db.case.findUniqueOrThrow({ where: { externalId }, select: { id: true, status: true } });
  const outcome = r.created ? "created" : r.updated ? "updated" : "unchanged";
  return { ok: true, outcome, caseId: row.id, status: row.status };
}

/** What an integration may learn of a case it sent: where it stands, not its content. */
export async function caseStatusByExternalId(externalId: string) {
  return db.case.findUnique({
    where: { externalId },
    select: { id: true, externalId: true, status: true, triageClass: true, createdAt: true, updatedAt: true },
  });
}
