// Themes (issue 13): computed off the request after writes, served with the comp team's edits,
// which survive recomputation; the cause check re-files in one step, kept in history; outside
// the comp team the list is scrubbed (leaders) or disclosure-controlled (executives).
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { settleThemes } from "~/models/theme-recompute.server";
import { allThemes } from "~/models/theme.server";
import { action, loader } from "~/routes/patterns._index";
import { loader as caseLoader } from "~/routes/cases.$id";
import { cookieFor, db, formResult, getRequest, makeUser, newCase, postRequest, run, validCase } from "./helpers";

const form = caseFormSchema.parse({ ...validCase, confidential: false });
const TERRITORY = [
  "The territory carve left my patch with no whitespace accounts to prospect.",
  "My patch after the territory carve is half the size of the next rep's patch.",
  "Territory carve again: my patch lost its best accounts to the new hires.",
  "The carve split the territory so my patch has nothing left to call on.",
];
const STATEMENTS = [
  "My commission statement is missing deals and payroll takes a month to fix the payout.",
  "The payout on my commission statement was wrong again, two deals missing.",
  "Commission statement shows the wrong payout and deals missing for March.",
];

let analyst: { id: string; cookie: string };
let leader: { id: string; cookie: string };
let exec: { id: string; cookie: string };
const ids: Record<string, number[]> = { territory: [], statements: [] };

type PageData = { themes: { exec: boolean; updating: boolean; themes: { id: string; name: string; caseIds?: number[]; count: unknown; causeChecks?: { caseIds: number[] }[]; typical?: { complaint: string } }[] } };

async function page(cookie: string) {
  const r = await run(loader, getRequest("/patterns", cookie));
  return (r.data as PageData).themes;
}
const themeWith = async (caseId: number) => (await allThemes()).themes.find((t) => t.caseIds.includes(caseId));

beforeAll(async () => {
  for (const role of ["analyst", "sales_leader", "executive"] as const) {
    const u = await makeUser(role);
    const person = { id: u.id, cookie: await cookieFor(u.id) };
    if (role === "analyst") analyst = person;
    else if (role === "sales_leader") leader = person;
    else exec = person;
  }
  const fns = ["sales", "customer_success", "marketing", "partners"];
  for (const [i, complaint] of TERRITORY.entries()) {
    // One case filed under a wrong suspected cause: the cause check must catch it.
    const c = await newCase({ ...form, complaint, reporterName: `Rep ${i}`, reporterFunction: fns[i] as never, suspectedCause: i === 3 ? "plan_mechanics" : "territory_imbalance" }, analyst.id);
    ids.territory.push(c.id);
  }
  for (const [i, complaint] of STATEMENTS.entries()) {
    const c = await newCase({ ...form, complaint, reporterName: `Payee ${i}`, region: `R${i}`, suspectedCause: "data_systems", behaviour: "attrition_morale" }, analyst.id);
    ids.statements.push(c.id);
  }
  await settleThemes();
});

describe("themes", () => {
  it("recomputes after writes and puts each case in at most one theme", async () => {
    const { themes } = await allThemes();
    const all = themes.flatMap((t) => t.caseIds);
    expect(new Set(all).size).toBe(all.length);
    expect((await themeWith(ids.territory[0]))!.caseIds).toEqual(ids.territory);
    expect((await themeWith(ids.statements[0]))!.caseIds).toEqual(ids.statements);
  });

  it("serves the last themes marked updating while a recomputation is due, off the request", async () => {
    await newCase({ ...form, complaint: "Unrelated: the parking garage closes too early." }, analyst.id);
    const shown = await page(analyst.cookie);
    expect(shown.updating).toBe(true);
    expect(shown.themes.length).toBeGreaterThan(0);
    await settleThemes();
    expect((await page(analyst.cookie)).updating).toBe(false);
  });

  it("keeps merge, move and rename across a recomputation", async () => {
    const a = (await themeWith(ids.territory[0]))!.id;
    const b = (await themeWith(ids.statements[0]))!.id;
    const post = (fields: Record<string, string>) => run(action, postRequest("/patterns", fields, analyst.cookie));
    expect((await post({ intent: "theme-merge", themeId: a, otherId: b })).status).toBe(302);
    expect((await post({ intent: "theme-move", caseId: String(ids.statements[2]), themeId: "" })).status).toBe(302);
    expect((await post({ intent: "theme-rename", themeId: a, name: "Carve and pay" })).status).toBe(302);
    const expected = [...ids.territory, ...ids.statements.slice(0, 2)].sort((x, y) => x - y);
    expect(await themeWith(ids.territory[0])).toMatchObject({ id: a, name: "Carve and pay", caseIds: expected });

    // A new case like the territory ones: the theme keeps its id, and the edits hold.
    await newCase({ ...form, complaint: "The territory carve gave my patch to someone else; nothing left in my patch.", reporterName: "Rep 9", region: "APAC" }, analyst.id);
    await settleThemes();
    const after = (await themeWith(ids.territory[0]))!;
    expect(after).toMatchObject({ id: a, name: "Carve and pay" });
    expect(after.caseIds).toEqual(expect.arrayContaining(expected));
    expect(after.caseIds).not.toContain(ids.statements[2]);
  });

  it("refuses a bad edit with a message and a 4xx, saving nothing", async () => {
    const before = await db.themeEdit.count();
    const r = await run(action, postRequest("/patterns", { intent: "theme-merge", themeId: "x", otherId: "x" }, analyst.cookie));
    expect(r.status).toBe(400);
    expect(formResult(r).error).toEqual({ otherId: ["Choose another theme to merge in"] });
    expect(await db.themeEdit.count()).toBe(before);
    const leaderTry = await run(action, postRequest("/patterns", { intent: "theme-dismiss", themeId: "x" }, leader.cookie));
    expect(leaderTry.status).toBe(403);
  });

  it("re-files a case the cause check catches in one step, kept in its history", async () => {
    const theme = (await themeWith(ids.territory[0]))!;
    // The merged-in statement cases are flagged too (filed as data or systems); this one is the territory case.
    const check = theme.causeChecks.find((m) => m.cause === "plan_mechanics");
    expect(check).toMatchObject({ caseIds: [ids.territory[3]], sentence: "1 case filed as plan mechanics reads like territory imbalance" });
    const id = String(ids.territory[3]);
    const page = await run(caseLoader, getRequest(`/cases/${id}`, analyst.cookie), { id });
    expect((page.data as { causeCheck: unknown }).causeCheck).toMatchObject({ filedAs: "plan_mechanics", cause: "territory_imbalance" });
    const r = await run(action, postRequest("/patterns", { intent: "theme-refile", caseId: id, cause: "territory_imbalance", returnTo: `/cases/${id}` }, analyst.cookie));
    expect(r.status).toBe(302);
    expect(r.location).toBe(`/cases/${id}`);
    const c = await db.case.findUniqueOrThrow({ where: { id: ids.territory[3] }, select: { suspectedCause: true, events: { select: { field: true, fromValue: true, toValue: true } } } });
    expect(c.suspectedCause).toBe("territory_imbalance");
    expect(c.events).toContainEqual({ field: "suspectedCause", fromValue: "plan_mechanics", toValue: "territory_imbalance" });
    await settleThemes();
    expect((await themeWith(ids.territory[0]))!.causeChecks.find((m) => m.cause === "plan_mechanics")).toBeUndefined();
  });

  it("saves a theme as a pattern in one step", async () => {
    const theme = (await themeWith(ids.territory[0]))!;
    const r = await run(action, postRequest("/patterns", { intent: "theme-save", themeId: theme.id }, analyst.cookie));
    expect(r.status).toBe(302);
    const id = Number(r.location!.split("/").pop());
    const saved = await db.pattern.findUniqueOrThrow({ where: { id }, select: { name: true, cause: true, cases: { select: { caseId: true } } } });
    expect(saved).toMatchObject({ name: theme.name, cause: "territory_imbalance" });
    expect(saved.cases.map((c) => c.caseId).sort((x, y) => x - y)).toEqual(theme.caseIds);
  });

  it("shows executives no cases or text, and sizes below three as <3; leaders no reporter names", async () => {
    const shown = await page(exec.cookie);
    expect(shown.exec).toBe(true);
    for (const t of shown.themes) {
      expect(t).not.toHaveProperty("caseIds");
      expect(t).not.toHaveProperty("typical");
    }
    const leaderView = JSON.stringify(await page(leader.cookie));
    expect(leaderView).not.toMatch(/Rep \d|Payee \d/);
  });
});
