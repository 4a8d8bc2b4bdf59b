import { scopedExternalId, type ApiCase } from "~/domain/intake/api-schema";
import type { Integration } from "./integration-token.server";
import { db } from "~/utils/db.server";
import { importCases } from "./case-import.server";

// Cases sent by other systems. One case is an import of one row: the import's external-id
// upsert (history of every changed field, the after-commit step, refusing a case changed
// meanwhile) is the one code path that turns outside data into cases.

export type IntakeResult = { ok: true; outcome: "created" | "updated" | "unchanged"; caseId: number; status: string } | { ok: false; reason: "conflict"; message: string };

/** The same externalId from another integration is another case (see scopedExternalId). */
export async function upsertApiCase(input: ApiCase, sent: ReadonlySet<string>, integration: Integration): Promise<IntakeResult> {
  const { externalId: theirs, ...data } = input;
  const externalId = scopedExternalId(integration.name, theirs);
  const actorId = integration.actorId;
  const existed = await db.case.findUnique({ where: { externalId }, select: { id: true } });
  // A new case takes every field (with its defaults); a known one only the fields sent.
  const r = await importCases({ rows: [{ externalId, data: { ...data, ownerId: "", duplicateOfId: undefined } }], actorId, mappedFields: existed ? sent : undefined });
  if (!r.ok) return r;
  const row = await db.case.findUniqueOrThrow({ where: { externalId }, select: { id: true, status: true } });
  const outcome = r.created ? "created" : r.updated ? "updated" : "unchanged";
  return { ok: true, outcome, caseId: row.id, status: row.status };
}

/** What an integration may learn of a case it sent (its own ids only): where it stands, not its content. */
export async function caseStatusByExternalId(integration: Integration, externalId: string) {
  const row = await db.case.findUnique({
    where: { externalId: scopedExternalId(integration.name, externalId) },
    select: { id: true, status: true, triageClass: true, createdAt: true, updatedAt: true },
  });
  return row ? { ...row, externalId } : null;
}
