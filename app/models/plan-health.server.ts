import { DEFAULT_BAND, type TargetBand } from "~/domain/plan-health/health";
import { type HealthCase, type HealthRow, healthTable } from "~/domain/plan-health/table";
import type { GroupDimension } from "~/domain/variability/group";
import type { PlanHealthJob, PlanHealthResult } from "~/workers/plan-health.worker";
import { cached, cachedStale, dataVersion, settleStale } from "~/utils/data-version.server";
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

type Table = { rows: HealthRow[]; onWorker: boolean };
const tableCache = new Map<string, { version: number; at: number; value: Table; stamp?: number }>();
const TABLE_TTL_MS = 10 * 60_000;
const keyOf = (by: GroupDimension[], band: TargetBand) => `${by.join(",")}|${band.low}-${band.high}`;

/**
 * From this many cases the table is worked out on a worker (it reads both tables itself): the
 * read and the counting held the server's thread 0.5–0.8 s at 100,000 cases. Below it they take
 * milliseconds, less than a worker takes to start.
 */
export const HEALTH_ON_WORKER_FROM = 2_000;

async function computeTable(by: GroupDimension[], band: TargetBand): Promise<Table> {
  if ((await highestCaseId()) >= HEALTH_ON_WORKER_FROM) return { rows: await planHealthTableOnWorker(by, band), onWorker: true };
  const [rows, cases] = await Promise.all([db.attainmentRow.findMany({ select: ATTAINMENT_SELECT }), healthCases()]);
  return { rows: healthTable(rows, cases, by, band), onWorker: false };
}

/**
 * The plan-health table for one grouping and band, cached until data changes. Always current:
 * a brief keeps its figures, so it counts every complaint logged before it was written.
 */
export async function planHealthTable(by: GroupDimension[], band: TargetBand) {
  return (await cached(tableCache, keyOf(by, band), TABLE_TTL_MS, () => computeTable(by, band))).rows;
}

/**
 * The table for the variability page. At scale (worked out on a worker, seconds at 100,000
 * cases) the first page after a write gets the last table at once, marked `updating`, while the
 * new one is worked out (as the pattern page, decision 020); only the very first page waits.
 * Stale or not, the table is one snapshot of the data, as a whole.
 */
export async function planHealthTableForPage(by: GroupDimension[], band: TargetBand): Promise<{ rows: HealthRow[]; updating: boolean }> {
  const key = keyOf(by, band);
  const value = await cachedStale(tableCache, key, TABLE_TTL_MS, () => computeTable(by, band), { staleOk: (table) => table.onWorker });
  const stored = tableCache.get(key);
  return { rows: value.rows, updating: stored?.value === value && stored.version !== dataVersion() };
}

/** Waits for tables being worked out in the background (tests, the benchmark). */
export const settlePlanHealth = () => settleStale(tableCache);

/** The same table, worked out on a worker thread. */
export async function planHealthTableOnWorker(by: GroupDimension[], band: TargetBand) {
  const result = await runWorker<PlanHealthResult>("plan-health", { file: databaseFile(), by, band } satisfies PlanHealthJob);
  if (!result.ok) throw new Error(`Working out the plan-health table failed in the worker: ${result.message}`);
  return result.table;
}
