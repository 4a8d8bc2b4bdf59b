import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/variability";
import { dataChanged } from "~/utils/data-version.server";
import { db, getRequest, postRequest, run, signedIn } from "./helpers";

type Row = { label: string; latest: { period: string; shareAtQuota: number | null; hidden: boolean } };
type Page = { band: { low: number; high: number; version: number }; healthRows: Row[]; canEditBand: boolean };

async function seedAttainment() {
  const rows = Array.from({ length: 10 }, (_, i) => ({ period: "2026-Q1", repPseudonym: `ph-${i}`, role: "ae", segment: "smb", region: "EMEA", attainmentPct: 50 + i * 10 }));
  await db.attainmentRow.createMany({ data: rows });
  dataChanged();
}

describe("the target band (admins)", () => {
  it("is saved by an admin, refused to an analyst, kept on bad input and on a stale version", async () => {
    await seedAttainment();
    const admin = (await signedIn("admin")).cookie;
    const analyst = (await signedIn("analyst")).cookie;

    const before = (await run(loader, getRequest("/variability", admin))).data as Page;
    expect(before.band).toEqual({ low: 60, high: 70, version: 0 });
    expect(before.healthRows[0].latest.shareAtQuota).toBe(0.5); // 100–140% of 50–140%

    const refused = await run(action, postRequest("/variability", { intent: "band", bandLow: "40", bandHigh: "50", version: "0" }, analyst));
    expect(refused.status).toBe(403);

    const bad = await run(action, postRequest("/variability", { intent: "band", bandLow: "70", bandHigh: "60", version: "0" }, admin));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("The upper edge must be above the lower edge");

    const saved = await run(action, postRequest("/variability", { intent: "band", bandLow: "40", bandHigh: "50", version: "0" }, admin));
    expect(saved.status).toBe(302);
    const after = (await run(loader, getRequest("/variability", admin))).data as Page;
    expect(after.band).toEqual({ low: 40, high: 50, version: 1 });

    const stale = await run(action, postRequest("/variability", { intent: "band", bandLow: "55", bandHigh: "65", version: "0" }, admin));
    expect(stale.status).toBe(409);
    expect(((await run(loader, getRequest("/variability", admin))).data as Page).band.low).toBe(40);
  });
});
