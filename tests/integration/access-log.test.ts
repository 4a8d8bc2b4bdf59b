import { beforeAll, describe, expect, it } from "vitest";
import { flushAccessLog, pruneAccessLog, recordAccess, recordExport } from "~/models/access-log.server";
import { loader as accessLoader } from "~/routes/admin.access";
import { loader as accessExport } from "~/routes/admin.access_.export";
import { action as userAction } from "~/routes/admin.users_.$id";
import { loader as briefLoader } from "~/routes/briefs.$id";
import { loader as markdownLoader } from "~/routes/briefs.$id_.markdown";
import { action as briefsAction } from "~/routes/briefs._index";
import { loader as caseLoader } from "~/routes/cases.$id";
import { action as editAction } from "~/routes/cases.$id_.edit";
import { loader as whysLoader } from "~/routes/cases.$id_.whys";
import { loader as exportLoader } from "~/routes/cases.export";
import { action as newAction } from "~/routes/cases.new";
import { DAY_MS, moveClock, resetClock } from "~/utils/clock.server";
import { cookieFor, db, getRequest, makeUser, postRequest, run, validCase } from "./helpers";

type Signed = { id: string; email: string; cookie: string };
let analyst: Signed, admin: Signed, leader: Signed, exec: Signed;
let confidentialId: number;
let openId: number;
const REPORTER = validCase.reporterName; // "Ingrid Halvorsen-Paz"

async function signedIn(role: Parameters<typeof makeUser>[0]): Promise<Signed> {
  const user = await makeUser(role);
  return { id: user.id, email: user.email, cookie: await cookieFor(user.id) };
}

async function newCase(fields: Record<string, string>) {
  const res = await run(newAction, postRequest("/cases/new", fields, analyst.cookie));
  expect(res.status).toBe(302);
  return Number(res.location!.split("/").pop());
}

const entriesFor = async (userId: string) => {
  await flushAccessLog();
  return db.accessLog.findMany({ where: { userId }, orderBy: { id: "asc" } });
};

beforeAll(async () => {
  [analyst, admin, leader, exec] = await Promise.all([signedIn("analyst"), signedIn("admin"), signedIn("sales_leader"), signedIn("executive")]);
  confidentialId = await newCase({ ...validCase, title: `About ${REPORTER}` });
  const { reporterName: _name, confidential: _flag, ...open } = validCase;
  openId = await newCase(open);
});

describe("access log", () => {
  it("reading a confidential case as an analyst records exactly one entry, marked confidential, without the reporter's name", async () => {
    const before = (await entriesFor(analyst.id)).length;
    const res = await run(caseLoader, getRequest(`/cases/${confidentialId}`, analyst.cookie), { id: String(confidentialId) });
    expect(res.status).toBe(200);
    const entries = (await entriesFor(analyst.id)).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "read", subject: "case", subjectId: String(confidentialId), role: "analyst", confidential: true, userEmail: analyst.email });
    expect(JSON.stringify(entries[0])).not.toMatch(/Ingrid|Halvorsen/i);
  });

  it("records a sales leader's read of a case and its Five Whys, and not a refused read", async () => {
    await run(caseLoader, getRequest(`/cases/${openId}`, leader.cookie), { id: String(openId) });
    await run(whysLoader, getRequest(`/cases/${confidentialId}/whys`, leader.cookie), { id: String(confidentialId) });
    expect((await entriesFor(leader.id)).map((e) => [e.subject, e.subjectId, e.role, e.confidential])).toEqual([
      ["case", String(openId), "sales_leader", false],
      ["whys", String(confidentialId), "sales_leader", true],
    ]);
    // An executive may not read a case file: refused before anything is read, nothing recorded.
    const refused = await run(caseLoader, getRequest(`/cases/${openId}`, exec.cookie), { id: String(openId) });
    expect(refused.status).toBe(403);
    expect(await entriesFor(exec.id)).toEqual([]);
  });

  it("records an export with its format and size", async () => {
    await run(exportLoader, getRequest("/cases/export?format=csv", analyst.cookie));
    const last = (await entriesFor(analyst.id)).at(-1)!;
    expect(last).toMatchObject({ action: "read", subject: "export", confidential: true });
    expect(last.detail).toMatch(/^csv, \d+ cases$/);
  });

  it("marks a sales leader's export confidential when a confidential case is in it, though their rows carry no flag", async () => {
    await run(exportLoader, getRequest("/cases/export?format=csv", leader.cookie));
    expect((await entriesFor(leader.id)).at(-1)).toMatchObject({ subject: "export", confidential: true });
  });

  it("records an export of more than a thousand cases (one statement, not one bound value per case)", async () => {
    const raisedOn = new Date("2026-09-01T00:00:00Z");
    await db.case.createMany({
      data: Array.from({ length: 1_200 }, (_, i) => ({ title: `Bulk export ${i}`, complaint: "The plan moved.", raisedOn, channel: "one_on_one", reporterRole: "ae", reporterFunction: "sales", segment: "smb", behaviour: "attrition_morale", createdById: analyst.id })),
    });
    const total = await db.case.count();
    await run(exportLoader, getRequest("/cases/export?format=csv", leader.cookie));
    expect((await entriesFor(leader.id)).at(-1)).toMatchObject({ subject: "export", confidential: true, detail: `csv, ${total} cases` });
  });

  it("records reads of a brief and of its Markdown", async () => {
    const made = await run(briefsAction, postRequest("/briefs?index", { source: "case", sourceId: String(openId) }, analyst.cookie));
    expect(made.status).toBe(302);
    const briefId = made.location!.split("/").pop()!;
    expect((await run(briefLoader, getRequest(`/briefs/${briefId}`, admin.cookie), { id: briefId })).status).toBe(200);
    expect((await run(markdownLoader, getRequest(`/briefs/${briefId}/markdown`, admin.cookie), { id: briefId })).status).toBe(200);
    expect((await entriesFor(admin.id)).map((e) => [e.action, e.subject, e.subjectId, e.detail])).toEqual([
      ["read", "brief", briefId, "draft"],
      ["read", "brief", briefId, "markdown, draft"],
    ]);
  });

  it("reads recorded together are written together, each with its own confidential flag, in order", async () => {
    const reader = await signedIn("analyst");
    const user = { id: reader.id, email: reader.email, role: "analyst" };
    recordAccess(user, "case", openId);
    recordAccess(user, "whys", confidentialId);
    recordExport(user, [openId], "csv, 1 cases");
    recordExport(user, [openId, confidentialId], "csv, 2 cases");
    recordAccess(user, "case", confidentialId);
    recordAccess(user, "brief", 7, { detail: "version 1" });
    expect((await entriesFor(reader.id)).map((e) => [e.subject, e.subjectId, e.confidential, e.detail])).toEqual([
      ["case", String(openId), false, ""],
      ["whys", String(confidentialId), true, ""],
      ["export", "", false, "csv, 1 cases"],
      ["export", "", true, "csv, 2 cases"],
      ["case", String(confidentialId), true, ""],
      ["brief", "7", false, "version 1"],
    ]);
    const [entry] = await entriesFor(reader.id);
    expect(entry.at).toBeInstanceOf(Date);
    expect(Math.abs(entry.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("records a change of the confidential flag and of a role, in the transaction that makes it", async () => {
    const edit = await run(editAction, postRequest(`/cases/${confidentialId}/edit`, { ...validCase, title: `About ${REPORTER}`, confidential: "", version: "1" }, analyst.cookie), { id: String(confidentialId) });
    expect(edit.status).toBe(302);
    const flag = (await entriesFor(analyst.id)).at(-1)!;
    expect(flag).toMatchObject({ action: "confidential-change", subject: "case", subjectId: String(confidentialId), detail: "yes → no" });

    const role = await run(userAction, postRequest(`/admin/users/${leader.id}`, { intent: "role", role: "analyst" }, admin.cookie), { id: leader.id });
    expect(role.status).toBe(200);
    expect((await entriesFor(admin.id)).at(-1)).toMatchObject({ action: "role-change", subject: "user", subjectId: leader.id, role: "admin", detail: "sales_leader → analyst" });
    await run(userAction, postRequest(`/admin/users/${leader.id}`, { intent: "role", role: "sales_leader" }, admin.cookie), { id: leader.id });
  });

  it("is for admins only, filters by the URL, and exports CSV without any reporter name", async () => {
    for (const who of [analyst, leader, exec]) {
      expect((await run(accessLoader, getRequest("/admin/access", who.cookie))).status).toBe(403);
      expect((await run(accessExport, getRequest("/admin/access/export", who.cookie))).status).toBe(403);
    }
    const page = await run(accessLoader, getRequest(`/admin/access?confidential=1&subject=case&user=${encodeURIComponent(analyst.email)}`, admin.cookie));
    const { entries, total } = page.data as { entries: { subject: string; confidential: boolean; userEmail: string }[]; total: number };
    expect(total).toBeGreaterThanOrEqual(2); // the read and the flag change
    expect(entries.every((e) => e.subject === "case" && e.confidential && e.userEmail === analyst.email)).toBe(true);

    const csv = await run(accessExport, getRequest("/admin/access/export", admin.cookie));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/text\/csv/);
    const text = String(csv.data);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("When (UTC),Who,Role,Action,What,Id,Confidential,Detail");
    expect(lines.length).toBeGreaterThan(6);
    expect(text).toContain(`${leader.email},sales_leader,read,whys,${confidentialId},yes`);
    expect(text).not.toMatch(/Ingrid|Halvorsen/i);
  });

  it("keeps ACCESS_LOG_DAYS and prunes what is older", async () => {
    await run(caseLoader, getRequest(`/cases/${openId}`, exec.cookie), { id: String(openId) }); // refused: nothing
    await run(caseLoader, getRequest(`/cases/${openId}`, admin.cookie), { id: String(openId) });
    await flushAccessLog();
    const total = await db.accessLog.count();
    expect(await pruneAccessLog(30)).toBe(0);
    moveClock(31 * DAY_MS);
    try {
      expect(await pruneAccessLog(60)).toBe(0);
      expect(await pruneAccessLog(30)).toBe(total);
      expect(await db.accessLog.count()).toBe(0);
    } finally {
      resetClock();
    }
  });

  it("a failed insert never fails the read", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "AccessLog" RENAME TO "AccessLogAway"`);
    try {
      const res = await run(caseLoader, getRequest(`/cases/${openId}`, analyst.cookie), { id: String(openId) });
      expect(res.status).toBe(200);
      await flushAccessLog();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "AccessLogAway" RENAME TO "AccessLog"`);
    }
  });
});
