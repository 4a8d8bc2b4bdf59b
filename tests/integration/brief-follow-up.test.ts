// "What we did and whether it worked" in a published brief (issue 15): frozen with the version
// it was published in, read the same ever after; the next version carries what changed since;
// executives read it without a person, a case number or a count; leaders without a reporter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import type { Brief } from "~/domain/briefs/types";
import { createAction } from "~/models/action.server";
import { createBrief, draftBrief } from "~/models/brief.server";
import { createCase } from "~/models/case-commands.server";
import { createPattern } from "~/models/pattern.server";
import { action as actionPage } from "~/routes/actions.$id";
import { action as briefAction, loader as briefLoader } from "~/routes/briefs.$id";
import { loader as markdownLoader } from "~/routes/briefs.$id_.markdown";
import { DAY_MS, moveClock, resetClock } from "~/utils/clock.server";
import { db, getRequest, postRequest, run, signedIn, validCase, type Person } from "./helpers";

const NAME = "Oksana Villeneuve-Brandt";
let analyst: Person;
let leader: Person;
let exec: Person;
let briefId: number;
let actionId: number;
let caseIds: number[];

const versionOf = async (id: number) => (await db.action.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const moveAction = async (cookie: string, fields: Record<string, string>) => {
  const r = await run(actionPage, postRequest(`/actions/${actionId}`, { version: String(await versionOf(actionId)), ...fields }, cookie), { id: String(actionId) });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
};
const publish = async () => {
  const b = await db.brief.findUniqueOrThrow({ where: { id: briefId }, select: { draftVersion: true, hasUnpublishedChanges: true } });
  // A change to an action is news for the brief: it can be published again without an edit.
  expect(b.hasUnpublishedChanges).toBe(true);
  const r = await run(briefAction, postRequest(`/briefs/${briefId}`, { intent: "publish", version: String(b.draftVersion) }, analyst.cookie), { id: String(briefId) });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
};
const stored = async (number: number) =>
  JSON.parse((await db.briefVersion.findUniqueOrThrow({ where: { briefId_number: { briefId, number } }, select: { contentJson: true } })).contentJson) as Brief;
const page = async (who: Person, number: number, compare = false) => {
  const r = await run(briefLoader, getRequest(`/briefs/${briefId}?version=${number}${compare ? "&compare=1" : ""}`, who.cookie), { id: String(briefId) });
  expect(r.status).toBe(200);
  return r.data as { content: Brief; changes: { title: string }[] | null };
};

beforeAll(async () => {
  analyst = await signedIn("analyst", "Ana Lyst");
  leader = await signedIn("sales_leader", "Lee Der");
  exec = await signedIn("executive", "Exe Cutive");
  const form = caseFormSchema.parse({ ...validCase, confidential: true, reporterName: NAME, complaint: `${NAME}: the carve took my best accounts.` });
  caseIds = [];
  for (let i = 0; i < 4; i++) {
    const c = await createCase({ input: { ...form, raisedOn: new Date(Date.now() - (20 + i) * DAY_MS).toISOString().slice(0, 10) }, actorId: analyst.id });
    if (!c.ok) throw new Error("the case was refused");
    caseIds.push(c.id);
  }
  const pattern = await createPattern({ input: { name: "Carve", description: "", status: "open", cause: "territory_imbalance", caseIds }, actorId: analyst.id });
  if (!pattern.ok) throw new Error("the pattern was refused");
  const draft = await draftBrief("pattern", pattern.id);
  briefId = (await createBrief({ title: "Carve", source: "pattern", sourceId: pattern.id, draft }, analyst.id)).id;
  const made = await createAction({
    input: { title: `Re-carve on potential, as ${NAME} asked`, detail: "", ownerFunction: "sales", ownerId: leader.id, dueOn: new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10), checkDays: 90, caseRefs: [caseIds[0]], briefId },
    actorId: analyst.id,
  });
  if (!made.ok) throw new Error(`the action was refused: ${made.reason}`);
  actionId = made.id;
});

afterAll(() => resetClock());

describe("what we did and whether it worked, in a published brief", () => {
  it("freezes the actions as they stood into each version, and the next version carries the change", async () => {
    await publish();
    const v1 = await stored(1);
    expect(v1.followUp?.items).toHaveLength(1);
    expect(v1.followUp?.items[0]).toMatchObject({ status: "proposed", ownerName: "Lee Der", ownerFunction: "sales", caseIds: [caseIds[0]], check: null, verdict: "" });

    // The action moves on after version 1 was published: version 1 does not change.
    await moveAction(analyst.cookie, { intent: "move", status: "approved" });
    await moveAction(leader.cookie, { intent: "move", status: "done" });
    expect((await page(analyst, 1)).content.followUp?.items[0].status).toBe("proposed");

    await publish();
    expect((await stored(2)).followUp?.items[0]).toMatchObject({ status: "done", check: null });
    expect((await stored(1)).followUp?.items[0].status).toBe("proposed");
    // What changed between the versions names the section.
    expect((await page(analyst, 2, true)).changes?.map((c) => c.title)).toContain("What we did and whether it worked");

    // The check falls due, the owner judges; version 2 stays as it was, version 3 has the figures.
    moveClock(91 * DAY_MS);
    try {
      await moveAction(leader.cookie, { intent: "verdict", verdict: "effective", verdictNote: "Complaints stopped." });
      expect((await stored(2)).followUp?.items[0].verdict).toBe("");
      await publish();
      const v3 = (await stored(3)).followUp!.items[0];
      expect(v3).toMatchObject({ verdict: "effective", verdictNote: "Complaints stopped." });
      expect(v3.check?.counts?.before).toBeGreaterThanOrEqual(4);
      expect(v3.check?.outcome).toBeTruthy();
    } finally {
      resetClock();
    }
  });

  it("gives executives the function, status and outcome in words: no owner, case number or count", async () => {
    const { content } = await page(exec, 3);
    const item = content.followUp!.items[0];
    expect(item).toMatchObject({ ownerName: "", caseIds: [], verdict: "effective" });
    expect(item.check?.counts).toBeNull();
    expect(JSON.stringify(content.followUp)).not.toMatch(/Lee Der|Oksana|Villeneuve/);
  });

  it("keeps the reporter's name out for a sales leader, on the page and in the Markdown", async () => {
    const { content } = await page(leader, 3);
    expect(content.followUp!.items[0].title).not.toMatch(/Oksana|Villeneuve/);
    const md = await run(markdownLoader, getRequest(`/briefs/${briefId}/markdown?version=3`, leader.cookie), { id: String(briefId) });
    const text = String(md.data);
    expect(text).toContain("## What we did and whether it worked");
    expect(text).toContain("Owner's verdict: Effective");
    expect(text).not.toMatch(/Oksana|Villeneuve/);
  });
});
