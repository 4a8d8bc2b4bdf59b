import {
  attainmentForExecutives,
  decideAttainmentDisclosure,
  groupAttainment,
  type AttainmentGroup,
  type AttainmentRow,
  type ExecAttainment,
  type GroupDimension,
} from "~/domain/variability/group";
import { runWorker } from "~/utils/worker.server";
import type { AttainmentProtectionJob, AttainmentProtectionResult } from "~/workers/attainment-protection.worker";
import { cached, dataChanged } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { sqlDate } from "~/utils/sql-value";
import { dropBatch, newBatchId, openBatch, openImportConnection, pauseForRequests, publishInWorker, shortWrite } from "~/utils/import-connection.server";
import type { Job } from "~/utils/jobs.server";

/** A row of an attainment file, as the import stages it. */
export type AttainmentInput = AttainmentRow;

const CHUNK = 1_000;

/**
 * All rows or none, without holding the write lock for the whole run (decision 006): rows are
 * staged 1,000 at a time in short transactions, then published in one short transaction on a
 * worker thread. A (period, rep) pair already present is updated, so re-importing a file does
 * not duplicate it.
 */
export async function importAttainment(rows: AttainmentInput[], job?: Job) {
  const batchId = newBatchId();
  const sqlite = openImportConnection();
  const now = sqlDate(new Date());
  try {
    await openBatch(sqlite, batchId, "attainment", "");
    const stage = sqlite.prepare(
      `INSERT INTO "AttainmentStage" (batchId, seq, period, repPseudonym, role, segment, region, attainmentPct, payout, targetIncentive, tenureMonths)
       VALUES (@batchId, @seq, @period, @repPseudonym, @role, @segment, @region, @attainmentPct, @payout, @targetIncentive, @tenureMonths)`,
    );
    for (let i = 0; i < rows.length; i += CHUNK) {
      await shortWrite(sqlite, () => rows.slice(i, i + CHUNK).forEach((r, k) =>
          stage.run({ ...r, payout: r.payout ?? null, targetIncentive: r.targetIncentive ?? null, tenureMonths: r.tenureMonths ?? null, batchId, seq: i + k }),
        ));
      if (job) job.processed = Math.min(rows.length, i + CHUNK);
      await pauseForRequests();
    }
    const { values } = await publishInWorker(
      [
        {
          sql: `SELECT COUNT(*) FROM "AttainmentStage" s JOIN "AttainmentRow" a ON a.period = s.period AND a.repPseudonym = s.repPseudonym WHERE s.batchId = @batchId`,
          get: true,
          as: "updated",
        },
        {
          // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join condition.
          sql: `INSERT INTO "AttainmentRow" (period, repPseudonym, role, segment, region, attainmentPct, payout, targetIncentive, tenureMonths, createdAt)
                SELECT period, repPseudonym, role, segment, region, attainmentPct, payout, targetIncentive, tenureMonths, @now FROM "AttainmentStage" WHERE batchId = @batchId AND true ORDER BY seq
                ON CONFLICT (period, repPseudonym) DO UPDATE SET role = excluded.role, segment = excluded.segment,
                  region = excluded.region, attainmentPct = excluded.attainmentPct, payout = excluded.payout,
                  targetIncentive = excluded.targetIncentive, tenureMonths = excluded.tenureMonths`,
        },
        { sql: `UPDATE "ImportBatch" SET publishedAt = @now WHERE id = @batchId` },
      ],
      { batchId, now },
    );
    const updated = Number(values.updated ?? 0);
    dataChanged(); // the statistics recompute
    warmExecutiveAttainment();
    return { created: rows.length - updated, updated, skipped: 0 };
  } finally {
    sqlite.close();
    void dropBatch(batchId, ["AttainmentStage"]);
  }
}

export const ATTAINMENT_SELECT = {
  period: true,
  repPseudonym: true,
  role: true,
  segment: true,
  region: true,
  attainmentPct: true,
  payout: true,
  targetIncentive: true,
  tenureMonths: true,
} as const;

/** The periods attainment has been imported for (not sensitive: no figure, no person). */
export async function attainmentPeriods(): Promise<string[]> {
  // Grouped in SQL on the (period, rep) index: `distinct` read all 20,000 rows into JS, ~30 ms a page view (issue 18).
  const rows = await db.attainmentRow.groupBy({ by: ["period"] });
  return rows.map((r) => r.period);
}

export function listAttainment() {
  return db.attainmentRow.findMany({ select: ATTAINMENT_SELECT });
}

/** A remembered mapping (columns to fields, or list values to values), as it was saved. */
export async function getMapping<T = Record<string, string>>(kind: string): Promise<T | null> {
  const row = await db.importMapping.findUnique({ where: { kind } });
  try {
    return row ? JSON.parse(row.mappingJson) : null;
  } catch {
    return null;
  }
}

export async function saveMapping(kind: string, mapping: Record<string, unknown>) {
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

const execCache = new Map<string, { fingerprint: string; value: ExecAttainment }>();

/** Changes whenever attainment rows are added, removed or re-imported with other values. */
async function attainmentFingerprint() {
  const a = await db.attainmentRow.aggregate({ _count: true, _max: { id: true }, _sum: { attainmentPct: true, payout: true, tenureMonths: true } });
  return JSON.stringify([a._count, a._max.id, a._sum.attainmentPct, a._sum.payout, a._sum.tenureMonths]);
}

/**
 * What executives may see of attainment: every grouping protected together (a group hidden on
 * one grouping must not be worked out from another), decided on a worker thread and cached until
 * the attainment rows change. Requests that arrive meanwhile wait for the same decision.
 */
export async function executiveAttainment(): Promise<ExecAttainment> {
  // Keyed on the attainment rows only: the protection reads nothing else, and it takes seconds of
  // CPU on the demo data, so a case saved must not make the next executive read redo it.
  const fingerprint = await attainmentFingerprint();
  const hit = execCache.get("all");
  if (hit && hit.fingerprint === fingerprint) return hit.value;
  let pending = execPending.get(fingerprint);
  if (!pending) {
    pending = protectOffThread(fingerprint).finally(() => execPending.delete(fingerprint));
    execPending.set(fingerprint, pending);
  }
  return pending;
}

const execPending = new Map<string, Promise<ExecAttainment>>();

/** Decides in the background (at start-up, after an attainment import); failures are logged. */
export function warmExecutiveAttainment() {
  void db.attainmentRow
    .count()
    .then((rows) => (rows > 0 ? executiveAttainment() : null))
    .catch((error: unknown) => console.error("Could not decide what executives may read of attainment:", error));
}

async function protectOffThread(fingerprint: string) {
  const rows = await listAttainment();
  const result = await runWorker<AttainmentProtectionResult>("attainment-protection", { rows } satisfies AttainmentProtectionJob).catch(
    (error: unknown): AttainmentProtectionResult => ({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
  // A worker that failed (out of its heap, say) must not leave executives without the page: the
  // same decision is taken here, holding the server's thread as it did before the worker.
  if (!result.ok) console.error(`Attainment protection on a worker failed (${result.message}); deciding on the server's thread.`);
  const value = attainmentForExecutives(rows, result.ok ? result.decided : decideAttainmentDisclosure(rows));
  execCache.set("all", { fingerprint, value });
  return value;
}
