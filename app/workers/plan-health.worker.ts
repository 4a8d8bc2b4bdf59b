// The plan-health table on a worker thread (issue 18): it counts every complaint against every
// attainment row. At 100,000 cases reading them through Prisma held the server's thread
// 0.5–0.8 s on the first variability page or brief after each write (decision 040's trace).
// The worker reads both tables on a read-only connection of its own, in one snapshot, and
// sends back only the table. Imports only pure code (bundled by scripts/build-workers.mjs).
import Database from "better-sqlite3";
import { answerOnce } from "./answer";
import { givePagesTheCpu } from "./thread-priority";
import type { TargetBand } from "../domain/plan-health/health";
import { healthTable, type HealthCase, type HealthRow } from "../domain/plan-health/table";
import type { AttainmentRow, GroupDimension } from "../domain/variability/group";

givePagesTheCpu();

export type PlanHealthJob = { file: string; by: GroupDimension[]; band: TargetBand };
export type PlanHealthResult = { ok: true; table: HealthRow[]; ms: number } | { ok: false; message: string };

/** The same rows as ATTAINMENT_SELECT and healthCases() (app/models), read straight from SQLite. */
export function readHealthInputs(file: string): { rows: AttainmentRow[]; cases: HealthCase[] } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.transaction(() => {
      const rows = sqlite
        .prepare(`SELECT period, repPseudonym, role, segment, region, attainmentPct, payout, targetIncentive, tenureMonths FROM "AttainmentRow"`)
        .all() as AttainmentRow[];
      // The date as healthCases() gives it (the UTC day): Prisma keeps ISO text with "+00:00";
      // an integer (epoch ms) is read too. Shaped in SQL, so no second copy of 100,000 rows.
      const cases = sqlite
        .prepare(
          `SELECT CASE WHEN typeof(raisedOn) = 'integer' THEN date(raisedOn / 1000, 'unixepoch') ELSE substr(raisedOn, 1, 10) END AS raisedOn,
             segment, reporterRole AS role, region, tenureMonths, CASE WHEN rootCause <> '' THEN rootCause ELSE suspectedCause END AS cause
           FROM "Case"`,
        )
        .all() as HealthCase[];
      return { rows, cases };
    })();
  } finally {
    sqlite.close();
  }
}

export function runPlanHealth({ file, by, band }: PlanHealthJob): PlanHealthResult {
  const started = performance.now();
  const { rows, cases } = readHealthInputs(file);
  return { ok: true, table: healthTable(rows, cases, by, band), ms: performance.now() - started };
}

answerOnce(runPlanHealth);
