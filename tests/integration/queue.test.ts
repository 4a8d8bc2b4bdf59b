// The comp team's queue (issue 16): triage, assignment, views, SLA ageing, bulk moves, and
// triage counts on the patterns page.
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { whyStepSchema } from "~/domain/whys/whys-schema";
import * as whys from "~/models/whys.server";
import { action as listAction, loader as listLoader } from "~/routes/cases._index";
import { action as triageAction, loader as triageLoader } from "~/routes/cases.$id_.triage";
import { loader as patternsLoader } from "~/routes/patterns._index";
import { DAY_MS, moveClock, resetClock } from "~/utils/clock.server";
import { cookieFor, db, getRequest, makeUser, newCase, postRequest, run, validCase } from "./helpers";

const form = caseFormSchema.parse({ ...validCase, confidential: false });

type Who = { id: string; cookie: string };
let analyst: Who;
let other: Who;
let leader: Who;
let exec: Who;
const ids: number[] = [];

async function who(role: Parameters<typeof makeUser>[0]): Promise<Who> {
  const u = await makeUser(role);
  return { id: u.id, cookie: await cookieFor(u.id) };
}

const version = async (id: number) => (await db.case.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const listIds = async (search: string, cookie = analyst.cookie) => {
  const r = await run(listLoader, getRequest(`/cases?${search}`, cookie));
  return (r.data as { rows: { id: number }[] }).rows.map((x) => x.id).sort((a, b) => a - b);
};

beforeAll(async () => {
  analyst = await who("analyst");
  other = await who("analyst");
  leader = await who("sales_leader");
  exec = await who("executive");
  for (let i = 0; i < 4; i += 1) ids.push((await newCase({ ...form, complaint: `Queue case ${i}: the carve took my accounts.` }, analyst.id)).id);
});

describe("triage", () => {
  it("closes a crediting error with its resolution note, and asks for the note when missing", async () => {
    const id = ids[0];
    const missing = await run(triageAction, postRequest(`/cases/${id}/triage`, { intent: "triage", triageClass: "data_error", version: String(await version(id)) }, analyst.cookie), { id: String(id) });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.data)).toContain("Say how it was resolved");
    const r = await run(triageAction, postRequest(`/cases/${id}/triage`, { intent: "triage", triageClass: "data_error", resolutionNote: "The deal was credited to the wrong rep; fixed in the CRM.", version: String(await version(id)) }, analyst.cookie), { id: String(id) });
    expect(r.status).toBe(302);
    const c = await db.case.findUniqueOrThrow({ where: { id }, select: { status: true, triageClass: true, resolutionNote: true, firstResponseAt: true } });
    expect(c).toMatchObject({ status: "closed", triageClass: "data_error" });
    expect(c.firstResponseAt).not.toBeNull();
    const history = await db.caseEvent.findMany({ where: { caseId: id }, select: { field: true } });
    expect(history.map((h) => h.field)).toEqual(expect.arrayContaining(["triageClass", "resolutionNote", "status"]));
  });

  it("sends a plan-design signal on to the Five Whys", async () => {
    const id = ids[1];
    const r = await run(triageAction, postRequest(`/cases/${id}/triage`, { intent: "triage", triageClass: "plan_design", version: String(await version(id)) }, analyst.cookie), { id: String(id) });
    expect(r.status).toBe(302);
    expect((await db.case.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("triaged");
  });

  it("refuses a stale version with 409 and saves nothing", async () => {
    const id = ids[2];
    const r = await run(triageAction, postRequest(`/cases/${id}/triage`, { intent: "triage", triageClass: "plan_design", version: "99" }, analyst.cookie), { id: String(id) });
    expect(r.status).toBe(409);
    expect((await db.case.findUniqueOrThrow({ where: { id }, select: { triageClass: true } })).triageClass).toBe("");
  });

  it("is the comp team's: leaders and executives are refused", async () => {
    expect((await run(triageLoader, getRequest(`/cases/${ids[2]}/triage`, leader.cookie), { id: String(ids[2]) })).status).toBe(403);
    expect((await run(triageAction, postRequest(`/cases/${ids[2]}/triage`, { intent: "assign", ownerId: leader.id }, leader.cookie), { id: String(ids[2]) })).status).toBe(403);
  });

  it("assigns only to the comp team", async () => {
    const bad = await run(triageAction, postRequest(`/cases/${ids[2]}/triage`, { intent: "assign", ownerId: leader.id }, analyst.cookie), { id: String(ids[2]) });
    expect(bad.status).toBe(400);
    const ok = await run(triageAction, postRequest(`/cases/${ids[2]}/triage`, { intent: "assign", ownerId: analyst.id }, analyst.cookie), { id: String(ids[2]) });
    expect(ok.status).toBe(302);
  });
});

describe("the queue's views", () => {
  it("my cases, unassigned, waiting on a leader", async () => {
    expect(await listIds("view=mine")).toEqual([ids[2]]);
    expect(await listIds("view=mine", other.cookie)).toEqual([]);
    expect(await listIds("view=unassigned")).toEqual([ids[0], ids[1], ids[3]]);
    const v = (await db.case.findUniqueOrThrow({ where: { id: ids[3] }, select: { whysVersion: true } })).whysVersion;
    const step = await whys.addStep({ caseId: ids[3], version: v, step: whyStepSchema.parse({ question: "Why?", answer: "", ownerFunction: "revops", confidence: "likely", version: String(v), askLeaderId: leader.id }), actorId: analyst.id });
    expect(step.ok).toBe(true);
    expect(await listIds("view=waiting")).toEqual([ids[3]]);
    expect(await listIds("triage=plan_design")).toEqual([ids[1]]);
    expect(await listIds("triage=none")).toEqual([ids[2], ids[3]]);
  });

  it("at risk and breached, from the clock (business days)", async () => {
    // New cases: the first-response target of an untriaged case is one business day, so they are at risk at once.
    // ids[3] (never triaged nor assigned) is at risk on its first day; the others have had their first response.
    expect(await listIds("view=at_risk")).toEqual([ids[3]]);
    expect(await listIds("view=breached")).toEqual([]);
    moveClock(7 * DAY_MS); // a week later: at least five business days
    try {
      // ids[0] is closed (no clock); ids[1] triaged plan-design (first response given: 20-day diagnosis clock);
      // ids[2] assigned (first response given; untriaged: 20 days); ids[3] untriaged, never answered: breached.
      expect(await listIds("view=breached")).toEqual([ids[3]]);
      expect(await listIds("view=at_risk")).toEqual([ids[3]]);
      const r = await run(listLoader, getRequest("/cases?view=breached", analyst.cookie));
      const sla = (r.data as { sla: Record<string, { state: string; ageDays: number }> }).sla;
      expect(sla[ids[3]].state).toBe("breached");
      expect(sla[ids[3]].ageDays).toBeGreaterThanOrEqual(5);
    } finally {
      resetClock();
    }
  });
});

describe("bulk moves from the list", () => {
  it("moves the cases the status rules allow and says which could not move", async () => {
    const r = await run(listAction, postRequest("/cases?index", { intent: "bulk-status", caseIds: [String(ids[0]), String(ids[2])], status: "triaged" }, analyst.cookie));
    expect(r.status).toBe(200);
    expect((r.data as { message: string }).message).toMatch(/1 case moved\. 1 could not move/);
    expect((await db.case.findUniqueOrThrow({ where: { id: ids[2] }, select: { status: true } })).status).toBe("triaged");
  });

  it("refuses nothing ticked with a message, and leaders altogether", async () => {
    const none = await run(listAction, postRequest("/cases?index", { intent: "bulk-assign", ownerId: analyst.id }, analyst.cookie));
    expect(none.status).toBe(400);
    expect((none.data as { message: string }).message).toMatch(/Tick at least one case/);
    expect((await run(listAction, postRequest("/cases?index", { intent: "bulk-assign", caseIds: [String(ids[0])] }, leader.cookie))).status).toBe(403);
  });
});

describe("patterns and triage", () => {
  it("counts only plan-design signals and untriaged cases in the figures, and shows counts by class", async () => {
    const r = await run(patternsLoader, getRequest("/patterns", analyst.cookie));
    const d = r.data as { total: string; triage: { rows: { value: string; count: { text: string } }[] } };
    expect(d.total).toBe("3"); // four cases, one sorted out as a data error
    const byClass = Object.fromEntries(d.triage.rows.map((x) => [x.value, x.count.text]));
    expect(byClass).toMatchObject({ data_error: "1", plan_design: "1", "": "2" });
  });

  it("gives executives the sorted-out classes only, small counts withheld", async () => {
    const r = await run(patternsLoader, getRequest("/patterns", exec.cookie));
    const d = r.data as { triage: { rows: { value: string; count: { text: string; value: number | null } }[] } };
    expect(d.triage.rows.map((x) => x.value)).toEqual(["data_error", "calculation_error", "policy_question", "exception_request"]);
    expect(d.triage.rows.find((x) => x.value === "data_error")!.count.value).toBeNull();
  });
});

describe("SLA targets", () => {
  it("admins change them, with a message by a bad field; the views follow", async () => {
    const { action: slaAction, loader: slaLoader } = await import("~/routes/admin.sla");
    const admin = await who("admin");
    const all = (fr: string) => Object.fromEntries(["data_error", "calculation_error", "policy_question", "exception_request", "plan_design"].flatMap((c) => [[`${c}.firstResponseDays`, fr], [`${c}.diagnosisDays`, "30"]]));
    const bad = await run(slaAction, postRequest("/admin/sla", all("0"), admin.cookie));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("at least 1 day");
    expect((await run(slaAction, postRequest("/admin/sla", all("2"), analyst.cookie))).status).toBe(403);
    const ok = await run(slaAction, postRequest("/admin/sla", all("2"), admin.cookie));
    expect(ok.status).toBe(200);
    const page = await run(slaLoader, getRequest("/admin/sla", admin.cookie));
    expect((page.data as { targets: Record<string, { diagnosisDays: number }> }).targets.plan_design.diagnosisDays).toBe(30);
  });
});
