import { DEFAULT_BAND, type TargetBand } from "~/domain/plan-health/health";
import { type HealthCase, type HealthRow, healthTable } from "~/domain/plan-health/table";
import type { GroupDimension } from "~/domain/variability/group";
import type { PlanHealthJob, PlanHealthResult } from "~/workers/plan-health.worker";
import { cached } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { databaseFile } from "~/utils/env.server";
import { done, refused } from "~/utils/outcome";
import { runWorker } from "~/utils/worker.server";
import { ATTAINMENT_SELECT } from "./attainment.server";
import { highestCaseId } from "./case-queries.server";

/** The target band and its version (one row; absent until an admin first saves it). */
export async function getBand(): Promise<TargetBand & { version: number }> {
  const row = await db.planHealthSetting.findUnique({ where: { id: 1 }, select: { bandLow: true, bandHigh: true, version: true } });
  return row ? { low: row.bandLow, high: row.bandHigh, version: row.version } : { ...DEFAULT_BAND, version: 0 };
}

/** Saves the band if nobody saved it since `version` was read (decision 003). */
export async function saveBand({ band, version, userId }: { band: TargetBand; version: number; userId: string }) {
  if (version === 0) {
    const existing = await db.planHealthSetting.findUnique({ where: { id: 1 }, select: { id: true } });
    if (existing) return refused("conflict");
    try {
      await db.planHealthSetting.create({ data: { id: 1, bandLow: band.low, bandHigh: band.high, version: 1, updatedById: userId } });
    } catch {
      return refused("conflict"); // someone saved the first band meanwhile
    }
    return done();
  }
  const { count } = await db.planHealthSetting.updateMany({
    where: { id: 1, version },
    data: { bandLow: band.low, bandHigh: band.high, version: { increment: 1 }, updatedById: userId },
  });
  return count === 1 ? done() : refused("conflict");
}

/**
 * What the table counts of each complaint: when, the group's coded fields, and its cause. No
 * text leaves here; region is read only to match attainment regions, never shown.
 */
export async function healthCases(): Promise<HealthCase[]> {
  const rows = await db.case.findMany({
    select: { raisedOn: true, segment: true, reporterRole: true, region: true, tenureMonths: true, rootCause: true, suspectedCause: true },
  });
  return rows.map((c) => ({
    raisedOn: c.raisedOn.toISOString().slice(0, 10),
    segment: c.segment,
    role: c.reporterRole,
    region: c.region,
    tenureMonths: c.tenureMonths,
    cause: c.rootCause || c.suspectedCause,
  }));
}

const tableCache = new Map<string, { version: number; at: number; value: HealthRow[] }>();

/**
 * From this many cases the table is worked out on a worker (it reads both tables itself): the
 * read and the counting held the server's thread 0.5–0.8 s at 100,000 cases. Below it they take
 * milliseconds, less than a worker takes to start.
 */
export const HEALTH_ON_WORKER_FROM = 2_000;

/** The comp team's plan-health table for one grouping and band, cached until data changes. */
export function planHealthTable(by: GroupDimension[], band: TargetBand) {
  return cached(tableCache, `${by.join(",")}|${band.low}-${band.high}`, 10 * 60_000, async () => {
    if ((await highestCaseId()) >= HEALTH_ON_WORKER_FROM) return planHealthTableOnWorker(by, band);
    const [rows, cases] = await Promise.all([db.attainmentRow.findMany({ select: ATTAINMENT_SELECT }), healthCases()]);
    return healthTable(rows, cases, by, band);
  });
}

/** The same table, worked out on a worker thread. */
export async function planHealthTableOnWorker(by: GroupDimension[], band: TargetBand) {
  const result = await runWorker<PlanHealthResult>("plan-health", { file: databaseFile(), by, band } satisfies PlanHealthJob);
  if (!result.ok) throw new Error(`Working out the plan-health table failed in the worker: ${result.message}`);
  return result.table;
}
