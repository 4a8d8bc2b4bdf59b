// Brief drafting on a worker thread (issue 18, decision 022): the draft a comp analyst gets from
// "Write the brief" is the one the server's thread would have written — same chain, counts,
// quotes and attainment figures — and still never quotes a confidential reporter.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { draftBrief, draftBriefHere } from "~/models/brief.server";
import { createCase } from "~/models/case-commands.server";
import { createPattern } from "~/models/pattern.server";
import { action } from "~/routes/briefs._index";
import { DAY_MS } from "~/utils/clock.server";
import { databaseFile } from "~/utils/env.server";
import { runWorker, serviceWorkersUp } from "~/utils/worker.server";
import type { ReadSqlResult } from "~/workers/read-sql.worker";
import { db, postRequest, run, signedIn, validCase, type Person } from "./helpers";

const NAME = "Philippa Ostrowska-Lund";
let analyst: Person;
let patternId: number;
let caseId: number;

beforeAll(async () => {
  analyst = await signedIn("analyst", "Ana Lyst");
  const ids: number[] = [];
  const segments = ["mid_market", "enterprise", "mid_market"] as const;
  for (const [i, segment] of segments.entries()) {
    const form = caseFormSchema.parse({
      ...validCase,
      segment,
      confidential: i === 0 ? "on" : undefined,
      reporterName: i === 0 ? NAME : `Open Reporter ${i}`,
      complaint: i === 0 ? `${NAME} says the carve took her best accounts.` : `The carve moved accounts away from team ${i}.`,
      raisedOn: new Date(Date.now() - (10 + i) * DAY_MS).toISOString().slice(0, 10),
    });
    const c = await createCase({ input: form, actorId: analyst.id });
    if (!c.ok) throw new Error("the case was refused");
    ids.push(c.id);
  }
  caseId = ids[1];
  const pattern = await createPattern({ input: { name: "The carve", description: "", status: "open", cause: "territory_imbalance", caseIds: ids }, actorId: analyst.id });
  if (!pattern.ok) throw new Error("the pattern was refused");
  patternId = pattern.id;
  // Attainment for both segments (with pay, for the pay curve), stored out of segment order.
  await db.attainmentRow.createMany({
    data: Array.from({ length: 24 }, (_, i) => ({
      period: i % 2 ? "2026-Q1" : "2026-Q2",
      repPseudonym: `rep-${i}`,
      role: "ae",
      segment: i % 3 ? "mid_market" : "enterprise",
      region: "EMEA",
      attainmentPct: 40 + ((i * 37) % 90),
      payout: 1000 + i * 150,
      targetIncentive: 3000,
    })),
  });
});

describe("a brief drafted on the worker thread", () => {
  it("equals the draft written on the server's thread, for a pattern and for one case", async () => {
    const onWorker = await draftBrief("pattern", patternId);
    expect(onWorker).not.toBeNull();
    expect(onWorker).toEqual(await draftBriefHere("pattern", patternId));
    expect(onWorker?.sections.whatItCosts).toMatch(/attain/i);
    expect(JSON.stringify(onWorker)).not.toMatch(/Philippa|Ostrowska/i);
    expect(await draftBrief("case", caseId)).toEqual(await draftBriefHere("case", caseId));
  }, 60_000);

  it("lets a script that drafts a brief end (the demo seed does): an idle worker holds nothing open", () => {
    const script = path.join(mkdtempSync(path.join(os.tmpdir(), "brief-worker-")), "draft.mts");
    writeFileSync(script, `const m = await import(${JSON.stringify(path.resolve("app/models/brief.server.ts"))});\nconsole.log(Boolean(await m.draftBrief("case", ${caseId})));\n`);
    const out = execFileSync(path.resolve("node_modules/.bin/tsx"), [script], { env: process.env, timeout: 45_000 }).toString();
    expect(out.trim()).toBe("true");
  }, 60_000);

  it("gives way to a one-job worker when idle (decision 033): its heap is freed, and the next brief starts it again", async () => {
    await draftBrief("case", caseId);
    expect(serviceWorkersUp()).toContain("brief-draft");
    const read = await runWorker<ReadSqlResult>("read-sql", { file: databaseFile(), queries: { one: { sql: "SELECT 1 AS n", params: [] } } });
    expect(read).toMatchObject({ ok: true, rows: { one: [{ n: 1 }] } });
    expect(serviceWorkersUp()).not.toContain("brief-draft");
    expect(await draftBrief("case", caseId)).toEqual(await draftBriefHere("case", caseId));
    expect(serviceWorkersUp()).toContain("brief-draft");
  }, 60_000);

  it("is what 'Write the brief' stores, and an unknown pattern is still refused", async () => {
    const r = await run(action, postRequest("/briefs", { source: "pattern", sourceId: String(patternId) }, analyst.cookie));
    expect(r.status).toBe(302);
    const stored = await db.brief.findFirstOrThrow({ where: { patternId }, orderBy: { id: "desc" }, select: { draftJson: true } });
    expect(JSON.parse(stored.draftJson)).toEqual(JSON.parse(JSON.stringify(await draftBriefHere("pattern", patternId))));
    const missing = await run(action, postRequest("/briefs", { source: "pattern", sourceId: "999999" }, analyst.cookie));
    expect(missing.status).toBe(404);
  }, 60_000);
});
