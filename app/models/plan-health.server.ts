import { DEFAULT_BAND, type TargetBand } from "~/domain/plan-health/health";
import { type HealthCase, type HealthRow, healthTable } from "~/domain/plan-health/table";
import type { GroupDimension } from "~/domain/variability/group";
import { cached } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { done, refused } from "~/utils/outcome";
import { ATTAINMENT_SELECT } from "./attainment.server";

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

/** The comp team's plan-health table for one grouping and band, cached until data changes. */
export function planHealthTable(by: GroupDimension[], band: TargetBand) {
  return cached(tableCache, `${by.join(",")}|${band.low}-${band.high}`, 10 * 60_000, async () => {
    const [rows, cases] = await Promise.all([db.attainmentRow.findMany({ select: ATTAINMENT_SELECT }), healthCases()]);
    return healthTable(rows, cases, by, band);
  });
}
