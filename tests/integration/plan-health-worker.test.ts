// The plan-health table worked out on a worker (issue 18): at scale it runs there, reading both
// tables itself, so it must be the very table the server's thread works out from Prisma's rows —
// every group, period, health figure, complaint count and top cause.
import { beforeAll, describe, expect, it } from "vitest";
import type { GroupDimension } from "~/domain/variability/group";
import { HEALTH_ON_WORKER_FROM, planHealthTable, planHealthTableOnWorker, settlePlanHealth } from "~/models/plan-health.server";
import { loader } from "~/routes/variability";
import { dataChanged } from "~/utils/data-version.server";
import { db, getRequest, run, signedIn, type Person } from "./helpers";

const SEGMENTS = ["smb", "mid_market", "enterprise"];
const ROLES = ["ae", "sdr", "csm"];
const REGIONS = ["EMEA", "NA"];
const CAUSES = ["territory_imbalance", "quota_setting", "plan_mechanics"];

let analyst: Person;
const caseData = (i: number) => ({
  title: `Plan-health worker case ${i}`,
  complaint: "The carve took my accounts.",
  behaviour: "pipeline_generation",
  channel: "one_on_one",
  createdById: analyst.id,
  reporterRole: ROLES[(i * 7) % 3],
  reporterFunction: "sales",
  segment: SEGMENTS[i % 3],
  region: REGIONS[(i * 5) % 2],
  tenureMonths: i % 4 === 0 ? null : (i * 3) % 50,
  // Days in both quarters, early and late in a day (the table counts by the UTC day).
  raisedOn: new Date(Date.UTC(2026, i % 6, 1 + (i % 27), i % 2 === 0 ? 0 : 23, 30)),
  suspectedCause: CAUSES[i % 3],
  // A third diagnosed: the diagnosed cause counts over the suspected one.
  rootCause: i % 3 === 0 ? CAUSES[(i + 1) % 3] : "",
});

beforeAll(async () => {
  const rows = [];
  for (const period of ["2026-Q1", "2026-Q2"])
    for (let i = 0; i < 60; i++)
      rows.push({
        period,
        repPseudonym: `pw-${i}`,
        role: ROLES[i % 3],
        segment: SEGMENTS[Math.floor(i / 3) % 3],
        region: REGIONS[i % 2],
        attainmentPct: 40 + ((i * 37 + (period === "2026-Q2" ? 11 : 0)) % 110),
        tenureMonths: (i * 5) % 60,
      });
  await db.attainmentRow.createMany({ data: rows });
  analyst = await signedIn("analyst");
  const cases = Array.from({ length: 90 }, (_, i) => caseData(i));
  for (const data of cases) await db.case.create({ data });
  dataChanged();
});

describe("the plan-health table on a worker", () => {
  const band = { low: 60, high: 70 };
  const groupings: GroupDimension[][] = [["segment"], ["role"], ["region"], ["tenure"], ["segment", "role"]];
  it.each(groupings.map((by) => [by.join(" × "), by] as const))("grouped by %s, equals the server's own", async (_, by) => {
    const here = await planHealthTable(by, band); // a few cases: worked out on the server's thread
    const onWorker = await planHealthTableOnWorker(by, band);
    expect(onWorker).toEqual(here);
    // Not two empty tables: complaints were counted and causes ranked.
    const complaints = here.flatMap((row) => row.cells).reduce((sum, cell) => sum + cell.complaints, 0);
    expect(complaints).toBeGreaterThan(0);
    expect(here.some((row) => row.cells.some((cell) => cell.topCauses.length > 0))).toBe(true);
  });
});

type Page = { healthUpdating: boolean; healthRows: { cells: { complaints: string }[] }[] };
const complaintsShown = (page: Page) => page.healthRows.flatMap((row) => row.cells).reduce((sum, cell) => sum + Number(cell.complaints), 0);

// After the comparison above: from here the highest case id puts every table on the worker.
describe("the variability page after a write, at scale", () => {
  it("shows the last table at once, marked updating, and the new one once it is worked out", async () => {
    const page = async () => (await run(loader, getRequest("/variability?health=segment", analyst.cookie))).data as Page;
    // The highest case id tells the size: one case numbered at the threshold puts the table on a worker.
    await db.case.create({ data: { ...caseData(90), id: HEALTH_ON_WORKER_FROM } });
    dataChanged();
    const first = await page(); // the very first page after that waits for the table
    expect(first.healthUpdating).toBe(false);
    const counted = complaintsShown(first);
    expect(counted).toBeGreaterThan(0);

    await db.case.create({ data: caseData(91) }); // a complaint in a group and quarter the table shows
    dataChanged();
    const stale = await page();
    expect(stale.healthUpdating).toBe(true);
    expect(stale.healthRows).toEqual(first.healthRows);

    await settlePlanHealth();
    const fresh = await page();
    expect(fresh.healthUpdating).toBe(false);
    expect(complaintsShown(fresh)).toBe(counted + 1);
    // A brief never takes the stale table: it always waits for the current one.
    await db.case.create({ data: caseData(92) });
    dataChanged();
    const forBrief = await planHealthTable(["segment"], { low: 60, high: 70 });
    expect(forBrief.flatMap((row) => row.cells).reduce((sum, cell) => sum + cell.complaints, 0)).toBe(counted + 2);
  }, 60_000);
});
