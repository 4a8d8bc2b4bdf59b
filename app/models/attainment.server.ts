import { db } from "~/utils/db.server";
import type { Job } from "~/utils/jobs.server";

export type AttainmentInput = { period: string; repPseudonym: string; role: string; segment: string; region: string; attainmentPct: number };

const CHUNK = 500;

/**
 * All rows in one transaction: either every row lands or none does. A (period, rep) pair
 * already present is updated, so re-importing a file does not duplicate it.
 */
export async function importAttainment(rows: AttainmentInput[], job?: Job) {
  let created = 0;
  let updated = 0;
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const existing = await tx.attainmentRow.findMany({
          where: { OR: chunk.map((r) => ({ period: r.period, repPseudonym: r.repPseudonym })) },
          select: { id: true, period: true, repPseudonym: true },
        });
        const key = (r: { period: string; repPseudonym: string }) => `${r.period}\u0000${r.repPseudonym}`;
        const byKey = new Map(existing.map((e) => [key(e), e.id]));
        const fresh = chunk.filter((r) => !byKey.has(key(r)));
        if (fresh.length) await tx.attainmentRow.createMany({ data: fresh });
        for (const r of chunk) {
          const id = byKey.get(key(r));
          if (id) await tx.attainmentRow.update({ where: { id }, data: r });
        }
        created += fresh.length;
        updated += chunk.length - fresh.length;
        if (job) job.processed = Math.min(rows.length, i + CHUNK);
      }
    },
    { timeout: 10 * 60_000 },
  );
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
