import { beforeAll, describe, expect, it } from "vitest";
import { loader as homeLoader } from "~/routes/_index";
import { action as caseAction } from "~/routes/cases.$id";
import { action as whysAction, loader as whysLoader } from "~/routes/cases.$id_.whys";
import { action as questionsAction, loader as questionsLoader } from "~/routes/questions";
import { PLAN_MECHANICS_JUSTIFICATION_MESSAGE } from "~/domain/whys/chain";
import { db, getRequest, type Person, postRequest, run, signedIn } from "./helpers";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
type WhysReply = { intent: string; result: Reply & { formErrors?: string[] }; problems: string[] };
type Chain = {
  chain: {
    status: string;
    whysVersion: number;
    diagnosisConfirmedAt: Date | null;
    whySteps: { id: number; position: number; question: string; answer: string }[];
  };
  canEdit: boolean;
};

let analyst: Person;
let admin: Person;
let leader: Person;
let otherLeader: Person;
let exec: Person;


beforeAll(async () => {
  analyst = await signedIn("analyst");
  admin = await signedIn("admin");
  leader = await signedIn("sales_leader", "Leader Lin");
  otherLeader = await signedIn("sales_leader", "Leader Other");
  exec = await signedIn("executive");
});

async function newCase(overrides: Record<string, unknown> = {}) {
  const row = await db.case.create({
    data: {
      title: "Reps stopped prospecting after the territory carve-up",
      complaint: "My patch has no accounts left: the whitespace went to the new hires.",
      raisedOn: new Date("2026-03-31T00:00:00Z"),
      channel: "one_on_one",
      reporterRole: "ae",
      reporterFunction: "sales",
      segment: "mid_market",
      behaviour: "pipeline_generation",
      createdById: analyst.id,
      ...overrides,
    },
    select: { id: true },
  });
  return row.id;
}

const whysVersion = async (caseId: number) => (await db.case.findUniqueOrThrow({ where: { id: caseId } })).whysVersion;

function postWhys(caseId: number | string, fields: Record<string, string>, who: Person | null = analyst) {
  return run(whysAction, postRequest(`/cases/${caseId}/whys`, fields, who?.cookie), { id: String(caseId) });
}

function postCase(caseId: number, fields: Record<string, string>, who: Person | null = analyst) {
  return run(caseAction, postRequest(`/cases/${caseId}`, fields, who?.cookie), { id: String(caseId) });
}

function getChain(caseId: number | string, who: Person | null = analyst) {
  return run(whysLoader, getRequest(`/cases/${caseId}/whys`, who?.cookie), { id: String(caseId) });
}

const stepFields = (over: Record<string, string> = {}) => ({
  intent: "add-step",
  question: "Why are reps not generating pipeline?",
  answer: "Their territories have almost no accounts left to work.",
  evidence: "Territory report, Q3",
  evidenceUrl: "https://example.test/territory-report",
  ownerFunction: "revops",
  confidence: "likely",
  ...over,
});

const conclusionFields = (over: Record<string, string> = {}) => ({
  intent: "conclusion",
  rootCause: "territory_imbalance",
  statement: "Territories were carved without looking at account capacity",
  upstreamFix: "Rebalance territories by account capacity before the next plan year",
  fixOwner: "revops",
  payFix: "no",
  payFixWhy: "Paying more does not create accounts that are not there.",
  ...over,
});

/** Adds a step through the action at the current version and returns its id. */
async function addStep(caseId: number, over: Record<string, string> = {}) {
  const before = await db.whyStep.findMany({ where: { caseId }, select: { id: true } });
  const res = await postWhys(caseId, { ...stepFields(over), version: String(await whysVersion(caseId)) });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  expect(res.location).toBe(`/cases/${caseId}/whys`);
  const after = await db.whyStep.findMany({ where: { caseId, id: { notIn: before.map((s) => s.id) } }, select: { id: true } });
  expect(after).toHaveLength(1);
  return after[0].id;
}

async function stepOrder(caseId: number) {
  const steps = await db.whyStep.findMany({ where: { caseId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
  return steps;
}

/** Everything a request could have changed on the case, as one comparable string. */
async function snapshot(caseId: number) {
  const [caseRow, steps, notes, events, allSteps] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId } }),
    db.whyStep.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    db.caseNote.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    db.caseEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    db.whyStep.count(),
  ]);
  return JSON.stringify({ caseRow, steps, notes, events, allSteps });
}

describe("who may work the Five Whys", () => {
  it("refuses executives everything and sales leaders every change to the chain, changing nothing", async () => {
    const id = await newCase();
    const stepId = await addStep(id);
    const secondStepId = await addStep(id, { question: "Why do territories have no accounts?", answer: "The carve-up gave the whitespace to new hires." });
    const noteRes = await postCase(id, { intent: "add-note", kind: "evidence", body: "Territory sizes attached." });
    expect(noteRes.status).toBe(302);
    const note = await db.caseNote.findFirstOrThrow({ where: { caseId: id } });

    // The sales leader reads the chain but may not edit it.
    const forLeader = await getChain(id, leader);
    expect(forLeader.status).toBe(200);
    expect((forLeader.data as Chain).canEdit).toBe(false);
    expect((forLeader.data as Chain).chain.whySteps).toHaveLength(2);
    expect((await getChain(id, exec)).status).toBe(403);

    const v = String(await whysVersion(id));
    const intents: Record<string, string>[] = [
      { ...stepFields(), version: v },
      { ...stepFields({ intent: "edit-step", answer: "Hijacked answer" }), stepId: String(stepId), version: v },
      { intent: "move-step", stepId: String(secondStepId), direction: "up", version: v },
      { intent: "remove-step", stepId: String(stepId), version: v },
      { ...conclusionFields(), version: v },
      { intent: "confirm", confirmed: "on", version: v },
    ];

    const before = await snapshot(id);
    for (const who of [exec, leader]) {
      for (const fields of intents) {
        const res = await postWhys(id, fields, who);
        expect(res.status, `${who === exec ? "executive" : "leader"} ${fields.intent}`).toBe(403);
      }
      const use = await postCase(id, { intent: "use-note", noteId: String(note.id), stepId: String(stepId) }, who);
      expect(use.status).toBe(403);
      const status = await postCase(id, { status: "triaged", version: "1" }, who);
      expect(status.status).toBe(403);
    }
    expect((await postCase(id, { intent: "add-note", kind: "context", body: "Executives cannot add notes." }, exec)).status).toBe(403);
    expect(await snapshot(id)).toBe(before);

    // Signed out: to the sign-in page, and back here afterwards.
    for (const res of [await getChain(id, null), await postWhys(id, intents[0], null)]) {
      expect(res.status).toBe(302);
      expect(res.location).toBe(`/login?${new URLSearchParams({ redirectTo: `/cases/${id}/whys` })}`);
    }
    expect(await snapshot(id)).toBe(before);

    // A sales leader may add a note.
    const leaderNote = await postCase(id, { intent: "add-note", kind: "context", body: "This matches what my team says." }, leader);
    expect(leaderNote.status).toBe(302);
    expect(await db.caseNote.count({ where: { caseId: id, authorId: leader.id } })).toBe(1);

    // The same requests from the comp team go through, so the refusals above were about the role.
    for (const fields of intents) {
      const res = await postWhys(id, { ...fields, version: String(await whysVersion(id)) }, fields.intent === "conclusion" ? admin : analyst);
      expect(res.status, `analyst ${fields.intent}: ${JSON.stringify(res.data)}`).toBe(302);
    }
    expect((await db.case.findUniqueOrThrow({ where: { id } })).status).toBe("diagnosed");
  });
});

describe("a full chain", () => {
  it("goes from five answered steps and a conclusion to a confirmed diagnosis, with history", async () => {
    const id = await newCase();
    const answers = [
      "Reps have almost no accounts left to prospect.",
      "The carve-up moved the whitespace to new hires.",
      "Territories were split by headcount, not by account capacity.",
      "The capacity model was never updated for the new segment.",
      "RevOps had no data on account capacity per segment.",
    ];
    const stepIds: number[] = [];
    for (const [i, answer] of answers.entries()) {
      stepIds.push(await addStep(id, { question: `Why ${i + 1}?`, answer }));
      if (i === 0) {
        const row = await db.case.findUniqueOrThrow({ where: { id } });
        expect(row.status).toBe("diagnosing");
        expect(row.version).toBe(2);
      }
    }

    const steps = await db.whyStep.findMany({ where: { caseId: id }, orderBy: { position: "asc" } });
    expect(steps.map((s) => [s.id, s.position, s.answer])).toEqual(answers.map((a, i) => [stepIds[i], i + 1, a]));
    expect(steps.every((s) => s.answeredById === analyst.id && s.askedLeaderId === null)).toBe(true);
    expect(steps[0]).toMatchObject({ evidenceUrl: "https://example.test/territory-report", ownerFunction: "revops", confidence: "likely" });

    const conclusion = await postWhys(id, { ...conclusionFields(), version: String(await whysVersion(id)) });
    expect(conclusion.status).toBe(302);
    const concluded = await db.case.findUniqueOrThrow({ where: { id } });
    expect(concluded).toMatchObject({
      rootCause: "territory_imbalance",
      rootCauseStatement: "Territories were carved without looking at account capacity",
      upstreamFix: "Rebalance territories by account capacity before the next plan year",
      fixOwner: "revops",
      payFix: "no",
      status: "diagnosing",
      diagnosisConfirmedAt: null,
    });

    const confirm = await postWhys(id, { intent: "confirm", confirmed: "on", version: String(await whysVersion(id)) });
    expect(confirm.status).toBe(302);
    const confirmed = await db.case.findUniqueOrThrow({ where: { id } });
    expect(confirmed.status).toBe("diagnosed");
    expect(confirmed.diagnosisConfirmedAt).toBeInstanceOf(Date);
    expect(confirmed.whysVersion).toBe(7);

    const statusEvents = await db.caseEvent.findMany({ where: { caseId: id, kind: "status" }, orderBy: { id: "asc" } });
    expect(statusEvents.map((e) => `${e.fromValue}→${e.toValue}`)).toEqual(["new→triaged", "triaged→diagnosing", "diagnosing→diagnosed"]);
    expect(statusEvents.every((e) => e.actorId === analyst.id)).toBe(true);

    const whysEvents = await db.caseEvent.findMany({ where: { caseId: id, kind: "whys" }, orderBy: { id: "asc" } });
    expect(whysEvents.filter((e) => /^step \d$/.test(e.field)).map((e) => e.field)).toEqual(["step 1", "step 2", "step 3", "step 4", "step 5"]);
    expect(whysEvents.find((e) => e.field === "step 3")?.toValue).toContain(answers[2]);
    const conclusionEvents = Object.fromEntries(whysEvents.filter((e) => e.field.startsWith("conclusion ")).map((e) => [e.field, e.toValue]));
    expect(conclusionEvents).toEqual({
      "conclusion rootCause": "territory_imbalance",
      "conclusion statement": "Territories were carved without looking at account capacity",
      "conclusion upstreamFix": "Rebalance territories by account capacity before the next plan year",
      "conclusion fixOwner": "revops",
      "conclusion payFix": "no",
      "conclusion payFixWhy": "Paying more does not create accounts that are not there.",
    });
    expect(whysEvents.some((e) => e.field === "diagnosis")).toBe(true);

    // The loader shows the confirmed chain in order.
    const page = await getChain(id);
    const data = page.data as Chain;
    expect(data.chain.status).toBe("diagnosed");
    expect(data.chain.diagnosisConfirmedAt).not.toBeNull();
    expect(data.chain.whySteps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("bad input", () => {
  let id: number;
  let stepId: number;
  beforeAll(async () => {
    id = await newCase();
    stepId = await addStep(id);
  });

  it.each([
    ["a blank question", { question: "" }, "question", /Write the why question/],
    ["a blank answer not put to a leader", { answer: "" }, "answer", /Write the answer, or ask a sales leader/],
    ["a javascript: link", { evidenceUrl: "javascript:alert(1)" }, "evidenceUrl", /http:\/\/ or https:\/\//],
    ["an unknown owner function", { ownerFunction: "astrology" }, "ownerFunction", /function that owns/],
    ["an unknown confidence", { confidence: "certain" }, "confidence", /possible, likely or confirmed/],
    ["a 1 MB answer", { answer: "x".repeat(1_000_000) }, "answer", /under 2,000 characters/],
  ])("refuses a step with %s: 400, message by the field, nothing saved", async (_name, over, field, message) => {
    for (const intent of ["add-step", "edit-step"]) {
      const before = await snapshot(id);
      const fields = { ...stepFields({ ...over, intent }), version: String(await whysVersion(id)), ...(intent === "edit-step" ? { stepId: String(stepId) } : {}) };
      const res = await postWhys(id, fields);
      expect(res.status, intent).toBe(400);
      const reply = res.data as WhysReply;
      expect(reply.intent).toBe(intent);
      expect(reply.result.error?.[field]?.[0], intent).toMatch(message);
      expect(await snapshot(id)).toBe(before);
    }
  });

  it("refuses putting a step to someone who is not a sales leader", async () => {
    const before = await snapshot(id);
    const res = await postWhys(id, { ...stepFields({ answer: "", askLeaderId: analyst.id }), version: String(await whysVersion(id)) });
    expect(res.status).toBe(400);
    expect((res.data as WhysReply).result.error?.askLeaderId?.[0]).toMatch(/sales leader/);
    expect(await snapshot(id)).toBe(before);
  });

  it("needs a justification for a plan-mechanics root cause, by the justification field", async () => {
    const before = await snapshot(id);
    const res = await postWhys(id, { ...conclusionFields({ rootCause: "plan_mechanics" }), version: String(await whysVersion(id)) });
    expect(res.status).toBe(400);
    const reply = res.data as WhysReply;
    expect(reply.result.error?.justification?.[0]).toBe(PLAN_MECHANICS_JUSTIFICATION_MESSAGE);
    expect(reply.result.error?.rootCause).toBeFalsy();
    expect(await snapshot(id)).toBe(before);

    const justified = await postWhys(id, {
      ...conclusionFields({ rootCause: "plan_mechanics", justification: "The accelerator starts above any reachable number." }),
      version: String(await whysVersion(id)),
    });
    expect(justified.status).toBe(302);
    expect((await db.case.findUniqueOrThrow({ where: { id } })).rootCauseJustification).toBe("The accelerator starts above any reachable number.");
  });

  it("refuses to confirm without the tick", async () => {
    const before = await snapshot(id);
    const res = await postWhys(id, { intent: "confirm", version: String(await whysVersion(id)) });
    expect(res.status).toBe(400);
    expect((res.data as WhysReply).result.error?.confirmed?.[0]).toMatch(/tick to confirm/);
    expect(await snapshot(id)).toBe(before);
  });

  it("refuses to confirm an incomplete chain, listing what is missing, status unchanged", async () => {
    // No conclusion yet.
    const bare = await newCase();
    await addStep(bare);
    const before = await snapshot(bare);
    const noConclusion = await postWhys(bare, { intent: "confirm", confirmed: "on", version: String(await whysVersion(bare)) });
    expect(noConclusion.status).toBe(400);
    expect((noConclusion.data as WhysReply).problems).toEqual([expect.stringMatching(/Write the conclusion/)]);
    expect((noConclusion.data as WhysReply).result.error?.[""]?.[0]).toBe("The diagnosis cannot be confirmed yet: finish what is listed first.");
    expect(await snapshot(bare)).toBe(before);

    // A conclusion, but a step still waiting for a sales leader.
    const waiting = await newCase();
    await addStep(waiting);
    await addStep(waiting, { question: "Why was the whitespace given away?", answer: "", askLeaderId: leader.id });
    expect((await postWhys(waiting, { ...conclusionFields(), version: String(await whysVersion(waiting)) })).status).toBe(302);
    const beforeWaiting = await snapshot(waiting);
    const res = await postWhys(waiting, { intent: "confirm", confirmed: "on", version: String(await whysVersion(waiting)) });
    expect(res.status).toBe(400);
    const problems = (res.data as WhysReply).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Step 2 is still waiting for a sales leader/);
    const row = await db.case.findUniqueOrThrow({ where: { id: waiting } });
    expect(row.status).toBe("diagnosing");
    expect(row.diagnosisConfirmedAt).toBeNull();
    expect(await snapshot(waiting)).toBe(beforeWaiting);
  });

  it("refuses a tenth step", async () => {
    const full = await newCase();
    for (let i = 0; i < 9; i++) await addStep(full, { question: `Why ${i + 1}?` });
    const versionBefore = await whysVersion(full);
    const res = await postWhys(full, { ...stepFields(), version: String(versionBefore) });
    expect(res.status).toBe(400);
    // A refused step leaves the chain's version alone, so nobody else's open form goes stale.
    expect(await whysVersion(full)).toBe(versionBefore);
    expect((res.data as WhysReply).result.error?.[""]?.[0]).toMatch(/at most nine steps/);
    expect(await db.whyStep.count({ where: { caseId: full } })).toBe(9);
    expect(await db.caseEvent.count({ where: { caseId: full, field: "step 10" } })).toBe(0);
  });

  it("answers 404 for malformed and unknown case ids, never 500", async () => {
    for (const bad of ["abc", "0", "-1", "1e5", "12345678901234", "99999999"]) {
      expect((await getChain(bad)).status, bad).toBe(404);
      const res = await postWhys(bad, { ...stepFields(), version: "0" });
      expect(res.status, bad).toBe(404);
    }
  });

  it("answers 4xx, not 500, for a step that is not in the chain, and changes nothing", async () => {
    const otherCase = await newCase();
    const foreignStep = await addStep(otherCase);
    const before = await snapshot(id);
    // Unknown, foreign, out-of-range, non-positive, fractional, non-numeric and blank ids.
    for (const bad of ["999999", String(foreignStep), "0", "-1", "99999999999999", "1.5", "abc", ""]) {
      const v = String(await whysVersion(id));
      for (const fields of <Record<string, string>[]>[
        { ...stepFields({ intent: "edit-step" }), stepId: bad, version: v },
        { intent: "move-step", stepId: bad, direction: "down", version: v },
        { intent: "remove-step", stepId: bad, version: v },
      ]) {
        const res = await postWhys(id, fields);
        expect(res.status, `${fields.intent} ${bad}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${fields.intent} ${bad}`).toBeLessThan(500);
      }
    }
    expect(await snapshot(id)).toBe(before);
    expect(await db.whyStep.count({ where: { id: foreignStep, caseId: otherCase } })).toBe(1);
  });
});

describe("two people on one chain", () => {
  it("refuses the second of two add-steps from the same version", async () => {
    const id = await newCase();
    const v = String(await whysVersion(id));
    const first = await postWhys(id, { ...stepFields({ answer: "First answer" }), version: v });
    expect(first.status).toBe(302);
    const second = await postWhys(id, { ...stepFields({ answer: "Second answer" }), version: v }, admin);
    expect(second.status).toBe(409);
    const reply = (second.data as WhysReply).result;
    expect(reply.error?.[""]?.[0]).toMatch(/Someone changed this chain/);
    expect(reply.initialValue?.answer).toBe("Second answer");
    const steps = await db.whyStep.findMany({ where: { caseId: id } });
    expect(steps.map((s) => s.answer)).toEqual(["First answer"]);
  });

  it("refuses the second of two edits from the same version", async () => {
    const id = await newCase();
    const stepId = await addStep(id);
    const v = String(await whysVersion(id));
    const edit = (answer: string, who: Person) =>
      postWhys(id, { ...stepFields({ intent: "edit-step", answer }), stepId: String(stepId), version: v }, who);
    expect((await edit("Edited by the analyst", analyst)).status).toBe(302);
    const eventsBefore = await db.caseEvent.count({ where: { caseId: id } });
    expect((await edit("Edited by the admin", admin)).status).toBe(409);
    expect((await db.whyStep.findUniqueOrThrow({ where: { id: stepId } })).answer).toBe("Edited by the analyst");
    expect(await db.caseEvent.count({ where: { caseId: id } })).toBe(eventsBefore);
    const edits = await db.caseEvent.findMany({ where: { caseId: id, field: "step 1 answer" } });
    expect(edits.map((e) => e.toValue)).toEqual(["Edited by the analyst"]);
  });

  it("lets exactly one of two simultaneous add-steps land", async () => {
    const id = await newCase();
    const v = String(await whysVersion(id));
    const results = await Promise.all([
      postWhys(id, { ...stepFields({ answer: "Racer A" }), version: v }),
      postWhys(id, { ...stepFields({ answer: "Racer B" }), version: v }, admin),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await db.whyStep.count({ where: { caseId: id } })).toBe(1);
    expect(await whysVersion(id)).toBe(Number(v) + 1);
  });
});

describe("reordering", () => {
  it("moves steps up and down and removes them, keeping positions 1..n", async () => {
    const id = await newCase();
    const a = await addStep(id, { question: "A?" });
    const b = await addStep(id, { question: "B?" });
    const c = await addStep(id, { question: "C?" });
    const d = await addStep(id, { question: "D?" });
    const move = async (stepId: number, direction: string) =>
      postWhys(id, { intent: "move-step", stepId: String(stepId), direction, version: String(await whysVersion(id)) });
    const order = async () => (await stepOrder(id)).map((s) => [s.id, s.position]);

    expect((await move(c, "up")).status).toBe(302);
    expect(await order()).toEqual([[a, 1], [c, 2], [b, 3], [d, 4]]);
    expect((await move(a, "down")).status).toBe(302);
    expect(await order()).toEqual([[c, 1], [a, 2], [b, 3], [d, 4]]);
    // Off either end: nothing moves.
    expect((await move(c, "up")).status).toBe(302);
    expect((await move(d, "down")).status).toBe(302);
    expect(await order()).toEqual([[c, 1], [a, 2], [b, 3], [d, 4]]);

    const orderEvents = await db.caseEvent.findMany({ where: { caseId: id, field: "step order" }, orderBy: { id: "asc" } });
    expect(orderEvents.map((e) => `${e.fromValue}→${e.toValue}`)).toEqual(["step 3→step 2", "step 1→step 2"]);

    // A direction is required, and a stale version changes nothing.
    const noDirection = await postWhys(id, { intent: "move-step", stepId: String(b), version: String(await whysVersion(id)) });
    expect(noDirection.status).toBe(400);
    const stale = await postWhys(id, { intent: "move-step", stepId: String(b), direction: "up", version: "1" });
    expect(stale.status).toBe(409);
    expect(await order()).toEqual([[c, 1], [a, 2], [b, 3], [d, 4]]);

    const remove = await postWhys(id, { intent: "remove-step", stepId: String(a), version: String(await whysVersion(id)) });
    expect(remove.status).toBe(302);
    expect(await order()).toEqual([[c, 1], [b, 2], [d, 3]]);
    const removed = await db.caseEvent.findFirst({ where: { caseId: id, kind: "whys", toValue: "(removed)" } });
    expect(removed?.field).toBe("step 2");
    expect(removed?.fromValue).toContain("A?");

    expect((await postWhys(id, { intent: "remove-step", stepId: String(c), version: String(await whysVersion(id)) })).status).toBe(302);
    expect(await order()).toEqual([[b, 1], [d, 2]]);

    // The next step added goes after the last one.
    const e = await addStep(id, { question: "E?" });
    expect(await order()).toEqual([[b, 1], [d, 2], [e, 3]]);
  });
});

describe("questions for sales leaders", () => {
  it("shows the steps before a question, through the privacy layer", async () => {
    const asked = await signedIn("sales_leader", "Leader Context");
    const id = await newCase({ reporterName: "Zebulon Quistgaard", confidential: true });
    await addStep(id, { question: "Why is pipeline thin?", answer: "Zebulon Quistgaard said the carve cost the rep almost nothing." });
    await addStep(id, { question: "Why was the carve done that way?", answer: "", askLeaderId: asked.id });
    const list = await run(questionsLoader, getRequest("/questions", asked.cookie));
    const [q] = (list.data as { questions: { position: number; before: { position: number; question: string; answer: string }[] }[] }).questions;
    expect(q.position).toBe(2);
    expect(q.before).toEqual([expect.objectContaining({ position: 1, question: "Why is pipeline thin?", answer: "[name] said the carve cost the rep almost nothing." })]);
    expect(JSON.stringify(list.data)).not.toMatch(/zebulon|quistgaard/i);
  });

  it("puts a step to a leader, who answers it once, and only they can", async () => {
    // A leader of their own, so questions put to other leaders elsewhere in this file do not count.
    const leader = await signedIn("sales_leader", "Leader Asked");
    const id = await newCase();
    const v = String(await whysVersion(id));
    const put = await postWhys(id, { ...stepFields({ question: "Why did the whitespace go to new hires?", answer: "" }), askLeaderId: leader.id, version: v });
    expect(put.status).toBe(302);
    const step = await db.whyStep.findFirstOrThrow({ where: { caseId: id } });
    expect(step).toMatchObject({ answer: "", askedLeaderId: leader.id, answeredById: null });
    // Waiting for an answer is not an answer: the case has not started moving.
    expect((await db.case.findUniqueOrThrow({ where: { id } })).status).toBe("new");

    // The leader is sent to their questions at sign-in, and sees this one.
    const home = await run(homeLoader, getRequest("/", leader.cookie));
    expect(home.status).toBe(302);
    expect(home.location).toBe("/questions");
    const list = await run(questionsLoader, getRequest("/questions", leader.cookie));
    expect(list.status).toBe(200);
    const questions = (list.data as { questions: { id: number; question: string; case: { id: number } }[] }).questions;
    expect(questions.map((q) => [q.id, q.question, q.case.id])).toEqual([[step.id, "Why did the whitespace go to new hires?", id]]);

    // Others neither see it nor answer it.
    const others = await run(questionsLoader, getRequest("/questions", otherLeader.cookie));
    expect((others.data as { questions: unknown[] }).questions).toEqual([]);
    expect((await run(homeLoader, getRequest("/", otherLeader.cookie))).location).toBe("/cases");
    const notTheirs = await run(questionsAction, postRequest("/questions", { stepId: String(step.id), answer: "Hijack" }, otherLeader.cookie));
    expect(notTheirs.status).toBe(404);
    for (const who of [analyst, exec]) {
      expect((await run(questionsLoader, getRequest("/questions", who.cookie))).status).toBe(403);
      expect((await run(questionsAction, postRequest("/questions", { stepId: String(step.id), answer: "Hijack" }, who.cookie))).status).toBe(403);
    }
    const blank = await run(questionsAction, postRequest("/questions", { stepId: String(step.id), answer: "  " }, leader.cookie));
    expect(blank.status).toBe(400);
    expect((blank.data as { result: Reply }).result.error?.answer?.[0]).toMatch(/Write your answer/);
    expect((await db.whyStep.findUniqueOrThrow({ where: { id: step.id } })).answer).toBe("");

    // The leader answers.
    const answered = await run(
      questionsAction,
      postRequest("/questions", { stepId: String(step.id), answer: "Leadership wanted new hires ramped fast.", evidence: "Kick-off deck" }, leader.cookie),
    );
    expect(answered.status).toBe(302);
    expect(answered.location).toBe(`/questions?answered=${step.id}`);
    // The page after "Send answer" says where the answer went (the case's creator: no owner here);
    // another leader given the same address is told nothing.
    const confirmation = await run(questionsLoader, getRequest(answered.location!, leader.cookie));
    expect((confirmation.data as { sent: unknown }).sent).toEqual({ caseId: id, position: 1, sentTo: analyst.name });
    const snooped = await run(questionsLoader, getRequest(answered.location!, otherLeader.cookie));
    expect((snooped.data as { sent: unknown }).sent).toBeNull();
    const after = await db.whyStep.findUniqueOrThrow({ where: { id: step.id } });
    expect(after).toMatchObject({ answer: "Leadership wanted new hires ramped fast.", evidence: "Kick-off deck", answeredById: leader.id });
    const row = await db.case.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("diagnosing");
    expect(row.whysVersion).toBe(Number(v) + 2);
    const events = await db.caseEvent.findMany({ where: { caseId: id, actorId: leader.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => `${e.kind} ${e.field} ${e.toValue}`)).toEqual([
      "whys step 1 answer Leadership wanted new hires ramped fast.",
      "status status triaged",
      "status status diagnosing",
    ]);

    // Once answered: no second answer, nothing left in the list, home is the case list.
    const again = await run(questionsAction, postRequest("/questions", { stepId: String(step.id), answer: "Changed my mind" }, leader.cookie));
    expect(again.status).toBe(409);
    expect((again.data as { result: Reply }).result.error?.[""]?.[0]).toMatch(/already answered/);
    expect((await db.whyStep.findUniqueOrThrow({ where: { id: step.id } })).answer).toBe("Leadership wanted new hires ramped fast.");
    expect(((await run(questionsLoader, getRequest("/questions", leader.cookie))).data as { questions: unknown[] }).questions).toEqual([]);
    expect((await run(homeLoader, getRequest("/", leader.cookie))).location).toBe("/cases");

    // An unknown or malformed question is a 4xx, not a 500.
    for (const bad of ["987654", "abc", "-3"]) {
      const res = await run(questionsAction, postRequest("/questions", { stepId: bad, answer: "Something" }, leader.cookie));
      expect(res.status, bad).toBeGreaterThanOrEqual(400);
      expect(res.status, bad).toBeLessThan(500);
    }
  });
});

describe("notes", () => {
  it("lets a leader add and edit their own note, logs every change, and lets the comp team use it as evidence", async () => {
    const id = await newCase();
    const stepId = await addStep(id);
    const added = await postCase(id, { intent: "add-note", kind: "counterpoint", body: "My region kept its accounts and still missed." }, leader);
    expect(added.status).toBe(302);
    expect(added.location).toBe(`/cases/${id}#notes`);
    const note = await db.caseNote.findFirstOrThrow({ where: { caseId: id } });
    expect(note).toMatchObject({ kind: "counterpoint", authorId: leader.id, version: 1, usedByStepId: null });

    // Only the author edits.
    for (const who of [analyst, otherLeader]) {
      const res = await postCase(id, { intent: "edit-note", noteId: String(note.id), kind: "context", body: "Not my note", version: "1" }, who);
      expect(res.status).toBe(403);
    }
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).body).toBe("My region kept its accounts and still missed.");

    const edit = (body: string, version: string) =>
      postCase(id, { intent: "edit-note", noteId: String(note.id), kind: "counterpoint", body, version }, leader);
    expect((await edit("My region kept its accounts and still missed by 20%.", "1")).status).toBe(302);
    const stale = await edit("An edit from an old tab", "1");
    expect(stale.status).toBe(409);
    expect((stale.data as { result: Reply }).result.error?.[""]?.[0]).toMatch(/changed since you opened it/);
    const edited = await db.caseNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(edited).toMatchObject({ body: "My region kept its accounts and still missed by 20%.", version: 2 });

    // Too long: refused, by the field, nothing changed.
    const long = "y".repeat(5_001);
    const countBefore = await db.caseNote.count({ where: { caseId: id } });
    const tooLong = await postCase(id, { intent: "add-note", kind: "context", body: long }, leader);
    expect(tooLong.status).toBe(400);
    expect((tooLong.data as { result: Reply }).result.error?.body?.[0]).toMatch(/under 5,000 characters/);
    expect(await db.caseNote.count({ where: { caseId: id } })).toBe(countBefore);
    expect((await edit(long, "2")).status).toBe(400);
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).version).toBe(2);

    // A leader cannot link notes to steps; the comp team can, and can unlink.
    const byLeader = await postCase(id, { intent: "use-note", noteId: String(note.id), stepId: String(stepId) }, leader);
    expect(byLeader.status).toBe(403);
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).usedByStepId).toBeNull();
    const used = await postCase(id, { intent: "use-note", noteId: String(note.id), stepId: String(stepId) });
    expect(used.status).toBe(302);
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).usedByStepId).toBe(stepId);
    const chain = (await getChain(id)).data as { chain: { whySteps: { notes: { id: number }[] }[] } };
    expect(chain.chain.whySteps[0].notes.map((n) => n.id)).toEqual([note.id]);

    const otherCase = await newCase();
    const foreignStep = await addStep(otherCase);
    const foreign = await postCase(id, { intent: "use-note", noteId: String(note.id), stepId: String(foreignStep) });
    expect(foreign.status).toBe(404);
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).usedByStepId).toBe(stepId);

    const unlinked = await postCase(id, { intent: "use-note", noteId: String(note.id), stepId: "" });
    expect(unlinked.status).toBe(302);
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).usedByStepId).toBeNull();

    const events = await db.caseEvent.findMany({ where: { caseId: id, kind: "note" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue, e.actorId])).toEqual([
      ["note", "", "counterpoint: My region kept its accounts and still missed.", leader.id],
      [
        "note edited",
        "counterpoint: My region kept its accounts and still missed.",
        "counterpoint: My region kept its accounts and still missed by 20%.",
        leader.id,
      ],
      ["note used as evidence", "", "step 1", analyst.id],
      ["note used as evidence", "step 1", "", analyst.id],
    ]);
  });
});

describe("credit for an answer", () => {
  it("goes to whoever last wrote it: an analyst rewriting a leader's answer is credited, not the leader", async () => {
    const id = await newCase();
    const stepId = await addStep(id, { answer: "", askLeaderId: leader.id });
    const answered = await run(questionsAction, postRequest("/questions", { stepId: String(stepId), answer: "Leader's own words" }, leader.cookie));
    expect(answered.status).toBe(302);
    expect((await db.whyStep.findUniqueOrThrow({ where: { id: stepId } })).answeredById).toBe(leader.id);

    const edit = await postWhys(id, {
      ...stepFields({ intent: "edit-step", answer: "The analyst's rewrite" }),
      stepId: String(stepId),
      version: String(await whysVersion(id)),
    });
    expect(edit.status).toBe(302);
    const step = await db.whyStep.findUniqueOrThrow({ where: { id: stepId } });
    expect(step.answer).toBe("The analyst's rewrite");
    expect(step.answeredById).toBe(analyst.id);
  });
});
