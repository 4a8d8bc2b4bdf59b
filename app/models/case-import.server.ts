import { diffCase, type FieldValues } from "~/domain/cases/case-history";
import type { CaseFormData } from "~/domain/cases/case-schema";
import { caseDataChanged } from "~/utils/data-version.server";
import { inTransaction, openImportConnection, pauseForRequests } from "~/utils/import-connection.server";
import { recordKeys, toRecord } from "./case.server";

export type ImportRow = { externalId?: string; data: CaseFormData };
export type ImportResult = { created: number; updated: number; skipped: number };

const CHUNK = 500;
const COLUMNS = Object.keys(recordKeys()) as (keyof ReturnType<typeof recordKeys>)[];

// Prisma stores DateTime in SQLite as ISO text with "+00:00" and booleans as 0/1; rows written
// here must read back through Prisma exactly like its own.
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const toSql = (v: unknown) => (v instanceof Date ? sqlDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null));
const fromSql = (column: string, v: unknown) => (column === "raisedOn" ? new Date(String(v)) : column === "confidential" ? Boolean(v) : v);

function pickFields(record: Record<string, unknown>, fields: ReadonlySet<string>) {
  return Object.fromEntries(Object.entries(record).filter(([k]) => fields.has(k) || (k === "severityRank" && fields.has("severity"))));
}

/**
 * Imports cases in ONE transaction on a connection of its own: all rows or none. It yields to
 * the event loop between chunks, so the server keeps answering (WAL lets other requests read
 * while it writes) and the progress page can show how far it got. A row whose external id is
 * known (or "case-<id>", as exports name cases without one) updates that case, and only in the
 * columns the file carries; every other row creates a case. Changes go to the history.
 */
export async function importCases(rows: ImportRow[], actorId: string, onProgress?: (done: number) => void, mappedFields?: ReadonlySet<string>): Promise<ImportResult> {
  const sqlite = openImportConnection();
  const now = sqlDate(new Date());
  const insertCase = sqlite.prepare(
    `INSERT INTO "Case" (${[...COLUMNS, "severityRank", "externalId", "createdById", "status", "version", "createdAt", "updatedAt"].map((c) => `"${c}"`).join(", ")})
     VALUES (${[...COLUMNS, "severityRank"].map(() => "?").join(", ")}, ?, ?, 'new', 1, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(`INSERT INTO "CaseEvent" (caseId, actorId, at, kind, field, fromValue, toValue) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const selectColumns = ["id", "externalId", ...COLUMNS].map((c) => `"${c}"`).join(", ");
  let created = 0;
  let updated = 0;
  let skipped = 0;
  await inTransaction(sqlite, async () => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const ids = [...new Set(chunk.map((r) => r.externalId).filter((x): x is string => Boolean(x)))];
      const known = new Map<string, Record<string, unknown>>();
      if (ids.length) {
        const found = sqlite.prepare(`SELECT ${selectColumns} FROM "Case" WHERE externalId IN (${ids.map(() => "?").join(",")})`).all(...ids) as Record<string, unknown>[];
        for (const f of found) known.set(String(f.externalId), f);
        const internal = ids.filter((x) => !known.has(x) && /^case-\d{1,9}$/.test(x)).map((x) => Number(x.slice(5)));
        if (internal.length) {
          const byId = sqlite.prepare(`SELECT ${selectColumns} FROM "Case" WHERE externalId IS NULL AND id IN (${internal.map(() => "?").join(",")})`).all(...internal) as Record<string, unknown>[];
          for (const f of byId) known.set(`case-${f.id}`, f);
        }
      }
      for (const r of chunk) {
        const full = toRecord(r.data) as Record<string, unknown>;
        const current = r.externalId ? known.get(r.externalId) : undefined;
        if (!current) {
          const values = [...COLUMNS.map((c) => (c === "ownerId" || c === "duplicateOfId" ? null : toSql(full[c]))), full.severityRank];
          const result = insertCase.run(...values, r.externalId || null, actorId, now, now);
          insertEvent.run(Number(result.lastInsertRowid), actorId, now, "created", "", "", "imported");
          created += 1;
          continue;
        }
        const before = Object.fromEntries(COLUMNS.map((c) => [c, fromSql(c, current[c])]));
        const next = { ...before, ...(mappedFields ? pickFields(full, mappedFields) : full), ownerId: before.ownerId, duplicateOfId: before.duplicateOfId };
        const changes = diffCase(before as FieldValues, next as FieldValues);
        if (changes.length === 0) {
          skipped += 1;
          continue;
        }
        const setColumns = [...new Set(changes.map((c) => c.field as string).concat(changes.some((c) => c.field === "severity") ? ["severityRank"] : []))];
        sqlite
          .prepare(`UPDATE "Case" SET ${setColumns.map((c) => `"${c}" = ?`).join(", ")}, version = version + 1, updatedAt = ? WHERE id = ?`)
          .run(...setColumns.map((c) => toSql((next as Record<string, unknown>)[c] ?? full[c])), now, current.id as number);
        for (const c of changes) insertEvent.run(current.id as number, actorId, now, "field", c.field, c.from, c.to);
        updated += 1;
      }
      onProgress?.(Math.min(rows.length, i + CHUNK));
      await pauseForRequests(); // the server keeps answering between chunks
    }
  });
  caseDataChanged();
  return { created, updated, skipped };
}
