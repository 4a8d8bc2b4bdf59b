import { groupAttainment, type AttainmentGroup, type GroupDimension } from "~/domain/variability/group";
import { cached } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { inTransaction, openImportConnection, pauseForRequests } from "~/utils/import-connection.server";
import type { Job } from "~/utils/jobs.server";

export type AttainmentInput = { period: string; repPseudonym: string; role: string; segment: string; region: string; attainmentPct: number };

const CHUNK = 1_000;

/**
 * All rows in one transaction on a connection of its own: every row lands or none does. A
 * (period, rep) pair already present is updated, so re-importing a file does not duplicate
 * it. Yields between chunks so the server keeps answering while it runs.
 */
export async function importAttainment(rows: AttainmentInput[], job?: Job) {
  const sqlite = openImportConnection();
  const now = new Date().toISOString().replace("Z", "+00:00");
  const upsert = sqlite.prepare(
    `INSERT INTO "AttainmentRow" (period, repPseudonym, role, segment, region, attainmentPct, createdAt)
     VALUES (@period, @repPseudonym, @role, @segment, @region, @attainmentPct, @now)
     ON CONFLICT (period, repPseudonym) DO UPDATE SET role = excluded.role, segment = excluded.segment,
       region = excluded.region, attainmentPct = excluded.attainmentPct`,
  );
  const exists = sqlite.prepare(`SELECT 1 FROM "AttainmentRow" WHERE period = ? AND repPseudonym = ?`);
  let created = 0;
  let updated = 0;
  await inTransaction(sqlite, async () => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      for (const r of rows.slice(i, i + CHUNK)) {
        if (exists.get(r.period, r.repPseudonym)) updated += 1;
        else created += 1;
        upsert.run({ ...r, now });
      }
      if (job) job.processed = Math.min(rows.length, i + CHUNK);
      await pauseForRequests();
    }
  });
  return { created, updated, skipped: 0 };
}

export function listAttainment() {
  return db.attainmentRow.findMany({
    select: { period: true, repPseudonym: true, role: true, segment: true, region: true, attainmentPct: true },
  });
}

export async function getMapping(kind: string): Promise<Record<string, string> | null> {
  const row = await db.importMapping.findUnique({ where: { kind } });
  try {
    return row ? (JSON.parse(row.mappingJson) as Record<string, string>) : null;
  } catch {
    return null;
  }
}

export async function saveMapping(kind: string, mapping: Record<string, string>) {
  await db.importMapping.upsert({
    where: { kind },
    create: { kind, mappingJson: JSON.stringify(mapping) },
    update: { mappingJson: JSON.stringify(mapping) },
  });
}

const groupCache = new Map<string, { version: number; at: number; value: { rows: number; groups: AttainmentGroup[] } }>();

/** Statistics per group, cached until data changes (imports bump the data version). */
export function attainmentGroups(key: string, by: GroupDimension[]) {
  return cached(groupCache, key, 10 * 60_000, async () => {
    const rows = await listAttainment();
    return { rows: rows.length, groups: groupAttainment(rows, by) };
  });
}
