// Actions after a brief (issue 15): who may move them, what executives may see, and the
// effectiveness check from a moved clock.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { createAction, sweepActionsDue } from "~/models/action.server";
import { createCase } from "~/models/case-commands.server";
import { createPattern } from "~/models/pattern.server";
import { action as actionPage, loader as actionLoader } from "~/routes/actions.$id";
import { loader as listLoader } from "~/routes/actions._index";
import { DAY_MS, moveClock, resetClock } from "~/utils/clock.server";
import { db, getRequest, postRequest, run, signedIn, turnsDuring, validCase } from "./helpers";

const form = caseFormSchema.parse({ ...validCase, confidential: true });
let analyst: { id: string; cookie: string };
let owner: { id: string; cookie: string };
let otherLeader: { id: string; cookie: string };
let exec: { id: string; cookie: string };
let patternId: number;
let caseId: number;

const who = (role: "analyst" | "sales_leader" | "executive") => signedIn(role);
const versionOf = async (id: number) => (await db.action.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const post = async (id: number, cookie: string, fields: Record<string, string>) =>
  run(actionPage, postRequest(`/actions/${id}`, { version: String(await versionOf(id)), ...fields }, cookie), { id: String(id) });

beforeAll(async () => {
  analyst = await who("analyst");
  owner = await who("sales_leader");
  otherLeader = await who("sales_leader");
  exec = await who("executive");
  const ids = [];
  for (let i = 0; i < 3; i++) {
    const c = await createCase({ input: { ...form, raisedOn: new Date(Date.now() - (10 + i) * DAY_MS).toISOString().slice(0, 10) }, actorId: analyst.id });
    if (!c.ok) throw new Error("the case was refused");
    ids.push(c.id);
  }
  caseId = ids[0];
  const made = await createPattern({ input: { name: "Carve", description: "", status: "briefed", cause: "territory_imbalance", caseIds: ids }, actorId: analyst.id });
  if (!made.ok) throw new Error("the pattern was refused");
  patternId = made.id;
});

afterEach(() => resetClock());

const newAction = async (extra: { patternId?: number; caseRefs?: number[]; title?: string; ownerId?: string } = {}) => {
  const input = { title: extra.title ?? "Re-carve on potential", detail: "", ownerFunction: "sales", ownerId: extra.ownerId ?? owner.id, dueOn: new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10), checkDays: 90, caseRefs: extra.caseRefs ?? [], patternId: extra.patternId };
  const made = await createAction({ input, actorId: analyst.id });
  if (!made.ok) throw new Error(`the action was refused: ${made.reason}`);
  return made;
};

describe("moving an action", () => {
  it("lets the comp team approve, the owner do the work, and nobody else touch it", async () => {
    const { id } = await newAction({ patternId });
    expect((await post(id, owner.cookie, { intent: "move", status: "approved" })).status).toBe(400); // approving is the comp team's
    expect((await post(id, otherLeader.cookie, { intent: "notes", notes: "mine now" })).status).toBe(403);
    expect((await post(id, exec.cookie, { intent: "notes", notes: "x" })).status).toBe(403);
    expect((await post(id, analyst.cookie, { intent: "move", status: "approved" })).status).toBe(302);
    expect((await post(id, owner.cookie, { intent: "move", status: "done" })).status).toBe(302);
    const done = await db.action.findUniqueOrThrow({ where: { id }, select: { status: true, doneAt: true, checkDueOn: true } });
    expect(done.status).toBe("done");
    expect(done.checkDueOn!.getTime() - done.doneAt!.getTime()).toBe(90 * DAY_MS);
    // Done puts the pattern under watch, so like cases arriving later are flagged as recurring.
    expect((await db.pattern.findUniqueOrThrow({ where: { id: patternId }, select: { status: true } })).status).toBe("monitoring");
    const history = await db.actionEvent.findMany({ where: { actionId: id, field: "status" }, orderBy: { id: "asc" }, select: { fromValue: true, toValue: true } });
    expect(history).toEqual([{ fromValue: "proposed", toValue: "approved" }, { fromValue: "approved", toValue: "done" }]);
  });

  it("refuses a stale version with 409 and needs a reason to reject", async () => {
    const { id } = await newAction({ patternId });
    expect((await run(actionPage, postRequest(`/actions/${id}`, { version: "0", intent: "notes", notes: "late" }, analyst.cookie), { id: String(id) })).status).toBe(409);
    expect((await post(id, analyst.cookie, { intent: "move", status: "rejected", reason: "" })).status).toBe(400);
    expect((await db.action.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("proposed");
  });
});

describe("the effectiveness check", () => {
  it("takes a verdict only from the check date, and a 'not effective' verdict reopens the pattern", async () => {
    const { id } = await newAction({ patternId });
    await post(id, analyst.cookie, { intent: "move", status: "approved" });
    await post(id, owner.cookie, { intent: "move", status: "done" });
    const verdict = { intent: "verdict", verdict: "not_effective", verdictNote: "Still hearing it." };
    expect((await post(id, owner.cookie, verdict)).status).toBe(400);
    const early = await run(actionLoader, getRequest(`/actions/${id}`, owner.cookie), { id: String(id) });
    expect((early.data as { figures: unknown }).figures).toBeNull();

    moveClock(91 * DAY_MS);
    const due = await run(actionLoader, getRequest(`/actions/${id}`, owner.cookie), { id: String(id) });
    const d = due.data as { checkDue: boolean; figures: { windows: { before: { count: number }; after: { count: number } }; test: { verdict: string } } };
    expect(d.checkDue).toBe(true);
    expect(d.figures.windows.before.count).toBeGreaterThanOrEqual(3); // the pattern's three cases
    expect(d.figures.test.verdict).toBe("too-little-data");
    expect((await post(id, owner.cookie, verdict)).status).toBe(302);
    expect((await db.pattern.findUniqueOrThrow({ where: { id: patternId }, select: { status: true } })).status).toBe("open");
  });
});

describe("creating an action", () => {
  it("refuses an owner, pattern or case that is not there, saving nothing", async () => {
    const before = await db.action.count();
    const base = { title: "x", detail: "", ownerFunction: "sales", ownerId: owner.id, dueOn: "2027-01-31", checkDays: 90, caseRefs: [] as number[] };
    expect(await createAction({ input: { ...base, ownerId: exec.id }, actorId: analyst.id })).toEqual({ ok: false, reason: "unknown-owner" });
    expect(await createAction({ input: { ...base, patternId: 999_999 }, actorId: analyst.id })).toEqual({ ok: false, reason: "unknown-pattern", id: 999_999 });
    expect(await createAction({ input: { ...base, caseRefs: [caseId, 999_998] }, actorId: analyst.id })).toEqual({ ok: false, reason: "unknown-cases", ids: [999_998] });
    expect(await db.action.count()).toBe(before);
  });
});

describe("what executives and leaders see", () => {
  it("hides actions linked only to cases from executives, and scrubs reporter names for leaders", async () => {
    const caseOnly = await newAction({ caseRefs: [caseId], title: "Talk to Ingrid Halvorsen-Paz's manager" });
    expect((await run(actionLoader, getRequest(`/actions/${caseOnly.id}`, exec.cookie), { id: String(caseOnly.id) })).status).toBe(404);
    const list = await run(listLoader, getRequest("/actions", exec.cookie));
    expect((list.data as { actions: { id: number; owner: string | null }[] }).actions.some((a) => a.id === caseOnly.id)).toBe(false);
    expect((list.data as { actions: { owner: string | null }[] }).actions.every((a) => a.owner === null)).toBe(true);
    const leaderView = await run(actionLoader, getRequest(`/actions/${caseOnly.id}`, otherLeader.cookie), { id: String(caseOnly.id) });
    expect(JSON.stringify(leaderView.data)).not.toMatch(/Ingrid|Halvorsen/);
  });
});

describe("a pattern under watch, seen from a case that repeats it", () => {
  it("scrubs the pattern's name of its cases' reporters for a sales leader", async () => {
    const { loader: caseLoader } = await import("~/routes/cases.$id");
    const member = await createCase({ input: form, actorId: analyst.id });
    if (!member.ok) throw new Error("refused");
    const made = await createPattern({ input: { name: "Ingrid Halvorsen-Paz's patch", description: "", status: "monitoring", cause: "territory_imbalance", caseIds: [member.id] }, actorId: analyst.id });
    if (!made.ok) throw new Error("refused");
    const repeat = await createCase({ input: { ...form, reporterName: "", confidential: false }, actorId: analyst.id });
    if (!repeat.ok) throw new Error("refused");
    expect(await db.patternRecurrence.count({ where: { patternId: made.id, caseId: repeat.id } })).toBe(1);
    const asLeader = await run(caseLoader, getRequest(`/cases/${repeat.id}`, otherLeader.cookie), { id: String(repeat.id) });
    expect(JSON.stringify((asLeader.data as { recurrences: unknown }).recurrences)).not.toMatch(/Ingrid|Halvorsen/);
    const asAnalyst = await run(caseLoader, getRequest(`/cases/${repeat.id}`, analyst.cookie), { id: String(repeat.id) });
    expect(JSON.stringify((asAnalyst.data as { recurrences: unknown }).recurrences)).toMatch(/Ingrid Halvorsen-Paz/);
  });
});

describe("due and overdue reminders", () => {
  it("tells the owner once when work is due within two days, and once more when it is overdue", async () => {
    const { id } = await newAction({ patternId, title: "A reminder test" });
    const mine = () => db.notification.findMany({ where: { userId: owner.id, kind: "action_due", link: `/actions/${id}` }, select: { title: true }, orderBy: { id: "asc" } });
    await sweepActionsDue(true);
    expect(await mine()).toEqual([]); // due in ten days: nothing yet

    moveClock(9 * DAY_MS);
    await sweepActionsDue(true);
    await sweepActionsDue(true);
    expect((await mine()).map((n) => n.title)).toEqual([`Action #${id} of yours is due within two days`]);

    moveClock(2 * DAY_MS);
    await sweepActionsDue(true);
    expect((await mine()).map((n) => n.title)).toEqual([`Action #${id} of yours is due within two days`, `Action #${id} of yours is overdue`]);
    // Nobody else hears of it, and the line never carries the action's words.
    expect(await db.notification.count({ where: { kind: "action_due", link: `/actions/${id}`, userId: { not: owner.id } } })).toBe(0);
    expect((await mine()).some((n) => n.title.includes("reminder test"))).toBe(false);
  });
});

describe("the reminder sweep", () => {
  // The queries answer at once (better-sqlite3): without pauses a batch of reminders was one
  // turn of the event loop, every request waiting behind it (as the SLA sweep, ~1.9 s at 100k).
  it("lets other requests in between its reminders", async () => {
    const busy = await signedIn("analyst", "Busy action owner");
    await db.notificationPreference.create({ data: { userId: busy.id, kind: "action_due", channel: "app" } });
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await newAction({ title: `Turn test ${i}`, ownerId: busy.id })).id);
    try {
      moveClock(9 * DAY_MS);
      const { turns } = await turnsDuring(() => sweepActionsDue(true, { turnMs: 0 }));
      expect(await db.notification.count({ where: { userId: busy.id, kind: "action_due" } })).toBe(ids.length);
      expect(turns).toBeGreaterThanOrEqual(ids.length);
    } finally {
      resetClock();
    }
  });
});

describe("a long list of actions", () => {
  it("comes in pages of fifty, soonest due first, each page keeping the filters", async () => {
    const before = await db.action.count({ where: { status: "proposed" } });
    for (let i = 0; i < 55 - Math.min(before, 55); i++) await newAction({ title: `Paged action ${i}` });
    const total = await db.action.count({ where: { status: "proposed" } });
    type Page = { actions: { id: number; dueOn: string }[]; page: number; pages: number; total: number; filterQuery: string };
    const first = (await run(listLoader, getRequest("/actions?status=proposed", analyst.cookie))).data as Page;
    expect(first.actions).toHaveLength(50);
    expect(first.total).toBe(total);
    expect(first.pages).toBe(Math.ceil(total / 50));
    expect(first.filterQuery).toBe("status=proposed");
    const second = (await run(listLoader, getRequest("/actions?status=proposed&page=2", analyst.cookie))).data as Page;
    expect(second.page).toBe(2);
    expect(second.actions).toHaveLength(total - 50);
    // No action on two pages, none missing, and the order carries on across the page break.
    const ids = [...first.actions, ...second.actions].map((a) => a.id);
    expect(new Set(ids).size).toBe(total);
    expect(new Date(first.actions[49].dueOn) <= new Date(second.actions[0].dueOn)).toBe(true);
    // A page past the end shows the last page rather than an empty list.
    expect(((await run(listLoader, getRequest("/actions?status=proposed&page=99", analyst.cookie))).data as Page).page).toBe(first.pages);
  });
});
