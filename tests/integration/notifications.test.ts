// Notifications by email (issue 16): a real SMTP server in this process (smtp-server), mail
// sent through Nodemailer, and who received what. No reporter name and no case figure reaches
// a sales leader or an executive by email.
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { whyStepSchema } from "~/domain/whys/whys-schema";
import { sweepWeeklyDigests } from "~/models/notification.server";
import { briefPublished, questionPut } from "~/models/notify-events.server";
import { updateCase } from "~/models/case-commands.server";
import { sweepSlaRisks } from "~/models/queue.server";
import { businessDaysBetween } from "~/domain/queue/sla";
import * as whys from "~/models/whys.server";
import { action as inboxAction, loader as inboxLoader } from "~/routes/inbox";
import { action as listAction } from "~/routes/cases._index";
import { action as questionsAction } from "~/routes/questions";
import { DAY_MS, moveClock, resetClock } from "~/utils/clock.server";
import { cookieFor, db, getRequest, makeUser, newCase, postRequest, run, turnsDuring, validCase } from "./helpers";

type Mail = { to: string[]; raw: string };
const mails: Mail[] = [];
let server: SMTPServer;

const NAME = "Ingrid Halvorsen-Paz";
const leaks = (text: string) => /ingrid|halvorsen/i.test(text);
// The body with its links taken out: what is left must hold no figure at all.
const figuresIn = (text: string) => text.replace(/https?:\/\/\S+/g, "").match(/\d+/g) ?? [];
const body = (raw: string) => raw.split(/\r?\n\r?\n/).slice(1).join("\n\n");
const mailTo = (email: string) => mails.filter((m) => m.to.includes(email));

type Who = { id: string; email: string; name: string; cookie: string };
let analyst: Who;
let colleague: Who;
let leader: Who;
let exec: Who;
let caseId: number;

async function who(role: Parameters<typeof makeUser>[0], name: string): Promise<Who> {
  const u = await makeUser(role, { name });
  return { ...u, cookie: await cookieFor(u.id) };
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        // Quoted-printable soft line breaks joined, so a line reads as it was written.
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, "") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.APP_URL = "https://upstream.example";
  analyst = await who("analyst", "Ana Lyst");
  colleague = await who("analyst", "Col League");
  leader = await who("sales_leader", "Lee Der");
  exec = await who("executive", "Exe Cutive");
  const form = caseFormSchema.parse({ ...validCase, title: `${NAME} says the carve took her accounts`, complaint: `${NAME}: my patch has no accounts left.` });
  caseId = (await newCase({ ...form, ownerId: analyst.id }, analyst.id)).id;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetClock();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  mails.length = 0;
});

async function askLeader() {
  const version = (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { whysVersion: true } })).whysVersion;
  const r = await whys.addStep({ caseId, version, step: whyStepSchema.parse({ question: `Why did ${NAME}'s pipeline drop?`, answer: "", ownerFunction: "revops", confidence: "likely", version: String(version), askLeaderId: leader.id }), actorId: analyst.id });
  if (!r.ok || !r.stepId) throw new Error(JSON.stringify(r));
  await questionPut(r.stepId);
  return r.stepId;
}

describe("notifications by email", () => {
  it("tells the leader a question waits, with a link and no case content", async () => {
    await askLeader();
    const got = mailTo(leader.email);
    expect(got).toHaveLength(1);
    expect(leaks(got[0].raw)).toBe(false);
    expect(got[0].raw).toContain("https://upstream.example/questions");
    expect(mails.every((m) => m.to.includes(leader.email))).toBe(true);
    const inbox = await run(inboxLoader, getRequest("/inbox", leader.cookie));
    expect(JSON.stringify(inbox.data)).toContain("waiting for your answer");
    expect(leaks(JSON.stringify(inbox.data))).toBe(false);
  });

  it("tells the case's assignee when the leader answers", async () => {
    const stepId = await askLeader();
    mails.length = 0;
    const r = await run(questionsAction, postRequest("/questions", { stepId: String(stepId), answer: "The carve moved the accounts.", evidence: "" }, leader.cookie));
    expect(r.status).toBe(302);
    expect(mails.map((m) => m.to).flat()).toEqual([analyst.email]);
    expect(body(mails[0].raw)).toContain("Lee Der answered your question");
  });

  it("tells a colleague a case was assigned to them, from the list's bulk form", async () => {
    const r = await run(listAction, postRequest("/cases?index", { intent: "bulk-assign", caseIds: [String(caseId)], ownerId: colleague.id }, analyst.cookie));
    expect(r.status).toBe(200);
    expect(mails.map((m) => m.to).flat()).toEqual([colleague.email]);
    expect(body(mails[0].raw)).toContain("Ana Lyst assigned case #");
    await run(listAction, postRequest("/cases?index", { intent: "bulk-assign", caseIds: [String(caseId)], ownerId: analyst.id }, colleague.cookie));
  });

  it("tells leaders and executives a brief was published: no name, no figure", async () => {
    await briefPublished(4242, 1);
    expect(mailTo(leader.email)).toHaveLength(1);
    expect(mailTo(exec.email)).toHaveLength(1);
    for (const m of [...mailTo(leader.email), ...mailTo(exec.email)]) {
      expect(leaks(m.raw)).toBe(false);
      expect(figuresIn(body(m.raw))).toEqual([]);
    }
    expect(mailTo(analyst.email)).toHaveLength(0);
  });

  it("tells the assignee once when a case nears its SLA, and once more at each breach, even from concurrent sweeps", async () => {
    const owner = await who("analyst", "Sla Owner");
    const form = caseFormSchema.parse({ ...validCase, confidential: false });
    const { id } = await newCase({ ...form, ownerId: owner.id }, analyst.id);
    // Responded to at once: the diagnosis clock (20 business days for an untriaged case) runs.
    const c = await db.case.findUniqueOrThrow({ where: { id }, select: { createdAt: true } });
    await db.case.update({ where: { id }, data: { firstResponseAt: c.createdAt } });
    const daysUntil = (businessDays: number) => {
      let n = 0;
      while (businessDaysBetween(c.createdAt, new Date(c.createdAt.getTime() + n * DAY_MS)) < businessDays) n += 1;
      return n;
    };
    const sweepTwiceAtOnce = () => Promise.all([sweepSlaRisks(true), sweepSlaRisks(true), sweepSlaRisks(true)]);
    const mine = () => db.notification.findMany({ where: { userId: owner.id, caseId: id, kind: "sla_at_risk" }, orderBy: { id: "asc" }, select: { title: true, dedupeKey: true } });
    try {
      moveClock(daysUntil(19) * DAY_MS); // one business day left: at risk
      await sweepTwiceAtOnce();
      await sweepSlaRisks(true);
      expect((await mine()).map((n) => n.dedupeKey)).toEqual([`sla:${id}`]);
      expect(mailTo(owner.email)).toHaveLength(1);
      expect(body(mailTo(owner.email)[0].raw)).toMatch(/is close to its SLA/);

      resetClock();
      moveClock(daysUntil(20) * DAY_MS); // the diagnosis target reached: breached
      await sweepTwiceAtOnce();
      await sweepSlaRisks(true);
      expect((await mine()).map((n) => n.dedupeKey)).toEqual([`sla:${id}`, `sla-breach:diagnosis:${id}`]);
      expect(mailTo(owner.email)).toHaveLength(2);
      expect(body(mailTo(owner.email)[1].raw)).toMatch(/is past its diagnosis SLA/);

      resetClock();
      moveClock(daysUntil(40) * DAY_MS); // still breached weeks later: nothing new
      await sweepSlaRisks(true);
      expect(await mine()).toHaveLength(2);
    } finally {
      resetClock();
    }
  });

  it("tells of a first-response breach apart from the diagnosis one", async () => {
    const owner = await who("analyst", "Unanswered Owner");
    const form = caseFormSchema.parse({ ...validCase, confidential: false });
    const { id } = await newCase(form, analyst.id);
    // Owned without a first response (as an import of an old assignment would leave it).
    await db.case.update({ where: { id }, data: { ownerId: owner.id, firstResponseAt: null } });
    try {
      moveClock(10 * DAY_MS); // past the one-day first-response target of an untriaged case
      await Promise.all([sweepSlaRisks(true), sweepSlaRisks(true)]);
      const keys = (await db.notification.findMany({ where: { userId: owner.id, caseId: id }, select: { dedupeKey: true } })).map((n) => n.dedupeKey);
      expect(keys).toEqual([`sla-breach:first_response:${id}`]);
    } finally {
      resetClock();
    }
  });

  // Its queries answer at once (better-sqlite3), so a sweep that never paused was one turn of the
  // event loop: at 100,000 cases its 100 notices held every request ~1.9 s. It pauses between them.
  it("lets other requests in while it tells owners: a pause between notices", async () => {
    const owner = await who("analyst", "Busy Owner");
    await db.notificationPreference.create({ data: { userId: owner.id, kind: "sla_at_risk", channel: "app" } }); // no mail: no I/O to wait on
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push((await newCase(caseFormSchema.parse({ ...validCase, confidential: false }), analyst.id)).id);
    await db.case.updateMany({ where: { id: { in: ids } }, data: { ownerId: owner.id, firstResponseAt: null } });
    try {
      moveClock(10 * DAY_MS);
      const { turns } = await turnsDuring(() => sweepSlaRisks(true, { turnMs: 0 }));
      const told = await db.notification.count({ where: { userId: owner.id, caseId: { in: ids } } });
      expect(told).toBe(ids.length);
      expect(turns).toBeGreaterThanOrEqual(ids.length);
    } finally {
      resetClock();
    }
  });

  it("honours each person's choice: off, in the app only, and a weekly digest", async () => {
    const save = (cookie: string, prefs: Record<string, string>) => run(inboxAction, postRequest("/inbox", { intent: "preferences", ...prefs }, cookie));
    expect((await save(leader.cookie, { question_asked: "app" })).status).toBe(200);
    await askLeader();
    expect(mailTo(leader.email)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: leader.id, kind: "question_asked", emailedAt: null } })).toBe(1);

    await save(leader.cookie, { question_asked: "off" });
    const before = await db.notification.count({ where: { userId: leader.id } });
    await askLeader();
    expect(await db.notification.count({ where: { userId: leader.id } })).toBe(before);

    await save(leader.cookie, { question_asked: "email", weeklyDigest: "on" });
    await askLeader();
    await briefPublished(4243, 1);
    expect(mailTo(leader.email)).toHaveLength(0); // the digest instead
    expect(mailTo(exec.email)).toHaveLength(1);
  });

  it("makes each weekly digest once, from the sweep on Monday, in the app and by email, with no name and no count for an executive", async () => {
    const save = (cookie: string, prefs: Record<string, string>) => run(inboxAction, postRequest("/inbox", { intent: "preferences", ...prefs }, cookie));
    await save(exec.cookie, { weeklyDigest: "on" });
    await askLeader();
    await briefPublished(4244, 1);
    mails.length = 0;
    const digests = (userId: string) => db.notification.findMany({ where: { userId, kind: "weekly_digest" }, select: { title: true, dedupeKey: true, emailedAt: true } });
    // Still this week: nothing to digest yet (the digest covers the week before its Monday).
    expect((await sweepWeeklyDigests(true)).prepared).toBe(0);
    expect(await digests(leader.id)).toHaveLength(0);

    // The next Monday (business time, the app's clock), a few sweeps at once, as page loads run them.
    const today = new Date();
    const daysToMonday = ((8 - today.getUTCDay()) % 7) || 7;
    moveClock((daysToMonday * 24 + 9) * 60 * 60 * 1000); // Monday 09:00-ish
    try {
      const runs = await Promise.all([sweepWeeklyDigests(true), sweepWeeklyDigests(true), sweepWeeklyDigests(true)]);
      expect(runs.flatMap((r) => r.sent).sort()).toEqual([exec.email, leader.email].sort());
      const [leaderDigest] = await digests(leader.id);
      expect(leaderDigest.title).toMatch(/^Your weekly digest: \d+ updates from last week$/);
      expect(leaderDigest.emailedAt).not.toBeNull();
      const [execDigest] = await digests(exec.id);
      expect(execDigest.title).toBe("Your weekly digest is ready");

      const digest = mailTo(leader.email);
      expect(digest).toHaveLength(1);
      expect(body(digest[0].raw)).toMatch(/waiting for your answer/);
      expect(body(digest[0].raw)).toMatch(/brief was published/);
      expect(leaks(digest[0].raw)).toBe(false);
      const execMail = mailTo(exec.email);
      expect(execMail).toHaveLength(1);
      expect(leaks(execMail[0].raw)).toBe(false);
      expect(figuresIn(body(execMail[0].raw))).toEqual([]);

      // Later that week (and from the admin's button): nothing new, nobody gets a second one.
      mails.length = 0;
      moveClock(2 * DAY_MS);
      expect((await sweepWeeklyDigests(true)).sent).toEqual([]);
      const button = await run(inboxAction, postRequest("/inbox", { intent: "send-digests" }, (await who("admin", "Ad Min")).cookie));
      expect(JSON.stringify(button.data)).toContain("Digest generated for 0 people");
      expect(mails).toHaveLength(0);
      expect(await digests(leader.id)).toHaveLength(1);
    } finally {
      resetClock();
      await save(exec.cookie, { weeklyDigest: "" });
    }
  });

  it("refuses a bad preference with a message by the field", async () => {
    const r = await run(inboxAction, postRequest("/inbox", { intent: "preferences", question_asked: "loud" }, leader.cookie));
    expect(r.status).toBe(400);
  });

  it("only admins send the digest by hand", async () => {
    expect((await run(inboxAction, postRequest("/inbox", { intent: "send-digests" }, analyst.cookie))).status).toBe(403);
  });

  it("without SMTP_URL, notifies in the app only", async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await run(listAction, postRequest("/cases?index", { intent: "bulk-assign", caseIds: [String(caseId)], ownerId: colleague.id }, analyst.cookie));
      expect(mails).toHaveLength(0);
      expect(await db.notification.count({ where: { userId: colleague.id, kind: "case_assigned" } })).toBe(2);
    } finally {
      process.env.SMTP_URL = url;
    }
  });

  it("tells the new assignee when the owner is changed on the case's edit form too", async () => {
    const form = caseFormSchema.parse({ ...validCase, confidential: false });
    const { id } = await newCase(form, analyst.id);
    const before = await db.notification.count({ where: { userId: colleague.id, kind: "case_assigned", caseId: id } });
    const version = (await db.case.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    const saved = await updateCase({ id, version, input: { ...form, ownerId: colleague.id }, actorId: analyst.id });
    expect(saved.ok).toBe(true);
    expect(await db.notification.count({ where: { userId: colleague.id, kind: "case_assigned", caseId: id } })).toBe(before + 1);
    // Saving again without changing the owner says nothing new.
    const again = (await db.case.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    await updateCase({ id, version: again, input: { ...form, ownerId: colleague.id, region: "APAC" }, actorId: analyst.id });
    expect(await db.notification.count({ where: { userId: colleague.id, kind: "case_assigned", caseId: id } })).toBe(before + 1);
  });
});
