import { beforeAll, describe, expect, it } from "vitest";
import { action as briefAction, loader as briefLoader } from "~/routes/briefs.$id";
import { loader as markdownLoader } from "~/routes/briefs.$id_.markdown";
import { action as briefsAction, loader as briefsLoader } from "~/routes/briefs._index";
import { STRUCTURAL_LEAD } from "~/domain/briefs/sections";
import type { Brief, MergedLink } from "~/domain/briefs/types";
import { db, formResult, getRequest, type Person, postRequest, run, signedIn } from "./helpers";

type Reply = { status?: string; error?: Record<string, string[] | null> };
type ActionReply = { intent: string; result: Reply };
type View = {
  brief: { id: number; title: string; draftVersion: number; publishedCount: number; hasUnpublishedChanges: boolean };
  canWrite: boolean;
  showing: "draft" | number;
  content: Brief;
  draft: Brief | null;
  versions: { number: number; by: string }[];
  changes: { section: string; title: string; parts: { value: string; added?: true; removed?: true }[] }[] | null;
  acked: boolean;
  acks: { versionNumber: number; user: { name: string; role: string } }[];
};
type Listing = { canWrite: boolean; briefs: { id: number; title: string; version: number | null }[] };

let analyst: Person;
let admin: Person;
let leader: Person;
let exec: Person;
let otherExec: Person;

let caseIds: number[] = [];
let confidentialCaseId: number;
let xssCaseId: number;
let patternId: number;

// The confidential reporter: none of this may reach a brief.
const SECRET_NAME = "Zofia Quill-Abernathy";
const SECRET_EMAIL = "zofia.qa@example.com";
const SECRET_COMPLAINT =
  `I am ${SECRET_NAME} and you can write to me at ${SECRET_EMAIL} about it. ` +
  "My manager hands the orchard accounts to his favourites every single quarter. " +
  "Nobody in leadership listens to the night shift.";
const XSS_COMPLAINT =
  "Open the territory map at [click](javascript:alert(1)) and see <script>alert(1)</script> for yourself.";


type CaseSeed = {
  title: string;
  complaint: string;
  reporterFunction: string;
  reporterRole: string;
  segment: string;
  tenureMonths: number;
  raisedOn: string;
  confidential?: boolean;
  reporterName?: string;
  revenueAtRisk?: number;
  steps: string[]; // position 1 (nearest the symptom) first
};

async function seedCase(seed: CaseSeed, diagnosed = true) {
  const { steps, raisedOn, ...rest } = seed;
  const row = await db.case.create({
    data: {
      ...rest,
      raisedOn: new Date(raisedOn),
      channel: "one_on_one",
      behaviour: "pipeline_generation",
      suspectedCause: "territory_imbalance",
      createdById: analyst.id,
      ...(diagnosed
        ? {
            rootCause: "territory_imbalance",
            rootCauseStatement: "Territories were carved without looking at account capacity",
            upstreamFix: "Rebalance territories by account capacity before the next plan year",
            fixOwner: "revops",
            payFix: "no",
            payFixWhy: "Paying more does not create accounts that are not there.",
          }
        : {}),
    },
    select: { id: true },
  });
  for (const [i, answer] of steps.entries()) {
    await db.whyStep.create({ data: { caseId: row.id, position: i + 1, question: `Why, step ${i + 1}?`, answer } });
  }
  return row.id;
}

const STEP_NEAR = "Reps have too few accounts left to prospect";
const STEP_DEEP = "The territory carve-up gave the whitespace to new hires";

beforeAll(async () => {
  analyst = await signedIn("analyst", "Analyst Ana");
  admin = await signedIn("admin", "Admin Ade");
  leader = await signedIn("sales_leader", "Leader Lin");
  exec = await signedIn("executive", "Exec Esme");
  otherExec = await signedIn("executive", "Exec Otto");

  const seeds: CaseSeed[] = [
    {
      title: "AE patch emptied by the carve-up",
      complaint: "The carve-up gave my best accounts to the new hires. I have almost nothing left to prospect.",
      reporterFunction: "sales",
      reporterRole: "ae",
      segment: "mid_market",
      tenureMonths: 18,
      raisedOn: "2026-02-03T00:00:00Z",
      reporterName: "Ingrid Halvorsen-Paz",
      revenueAtRisk: 120_000,
      steps: [STEP_NEAR, STEP_DEEP],
    },
    {
      title: "Marketing leads go nowhere",
      complaint: "Our leads land with reps whose patches are too small to close them.",
      reporterFunction: "marketing",
      reporterRole: "sdr",
      segment: "enterprise",
      tenureMonths: 30,
      raisedOn: "2026-02-10T00:00:00Z",
      steps: [STEP_NEAR, STEP_DEEP],
    },
    {
      title: "CSM renewals stuck in thin territories",
      complaint: XSS_COMPLAINT,
      reporterFunction: "customer_success",
      reporterRole: "csm",
      segment: "mid_market",
      tenureMonths: 8,
      raisedOn: "2026-02-17T00:00:00Z",
      steps: [STEP_NEAR, STEP_DEEP],
    },
    {
      title: "Confidential: favouritism in account handouts",
      complaint: SECRET_COMPLAINT,
      reporterFunction: "sales",
      reporterRole: "ae",
      segment: "mid_market",
      tenureMonths: 50,
      raisedOn: "2026-03-02T00:00:00Z",
      confidential: true,
      reporterName: SECRET_NAME,
      steps: [STEP_NEAR, `${SECRET_NAME} lost her accounts in the carve-up to the new hires`],
    },
    {
      title: "SDRs without accounts to work",
      complaint: "There are no accounts left for us to call in my patch. The new hires got them all.",
      reporterFunction: "sales",
      reporterRole: "sdr",
      segment: "mid_market",
      tenureMonths: 14,
      raisedOn: "2026-03-10T00:00:00Z",
      steps: [STEP_NEAR, STEP_DEEP],
    },
  ];
  caseIds = [];
  for (const seed of seeds) caseIds.push(await seedCase(seed));
  xssCaseId = caseIds[2];
  confidentialCaseId = caseIds[3];

  const pattern = await db.pattern.create({
    data: {
      name: "Thin territories after the carve-up",
      status: "open",
      cause: "territory_imbalance",
      createdById: analyst.id,
      cases: { create: caseIds.map((caseId) => ({ caseId })) },
    },
    select: { id: true },
  });
  patternId = pattern.id;

  // Mid-Market: 6 reps, mean 100, median 90, 3 of 6 at or above quota.
  // Enterprise: 5 reps, mean 90, median 90.
  const mid = [40, 60, 80, 100, 120, 200];
  const ent = [50, 70, 90, 110, 130];
  await db.attainmentRow.createMany({
    data: [
      ...mid.map((attainmentPct, i) => ({ period: "2026-Q1", repPseudonym: `mm-${i}`, role: "ae", segment: "mid_market", region: "EMEA", attainmentPct })),
      ...ent.map((attainmentPct, i) => ({ period: "2026-Q1", repPseudonym: `ent-${i}`, role: "ae", segment: "enterprise", region: "NA", attainmentPct })),
    ],
  });
});

// ---------------------------------------------------------------------------------------
// Calling the routes
// ---------------------------------------------------------------------------------------

function generate(fields: Record<string, string>, who: Person | null = analyst) {
  return run(briefsAction, postRequest("/briefs", fields, who?.cookie));
}

async function generateOk(source: "pattern" | "case", sourceId: number, who: Person = analyst) {
  const res = await generate({ source, sourceId: String(sourceId) }, who);
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  const match = /^\/briefs\/(\d+)$/.exec(res.location ?? "");
  expect(match, res.location ?? "no location").not.toBeNull();
  return Number(match![1]);
}

function view(id: number | string, who: Person | null, query = "") {
  return run(briefLoader, getRequest(`/briefs/${id}${query}`, who?.cookie), { id: String(id) });
}

async function viewOk(id: number, who: Person, query = "") {
  const res = await view(id, who, query);
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return res.data as View;
}

function post(id: number | string, fields: Record<string, string>, who: Person | null = analyst) {
  return run(briefAction, postRequest(`/briefs/${id}`, fields, who?.cookie), { id: String(id) });
}

function markdown(id: number | string, who: Person | null, query = "") {
  return run(markdownLoader, getRequest(`/briefs/${id}/markdown${query}`, who?.cookie), { id: String(id) });
}

function listing(who: Person | null) {
  return run(briefsLoader, getRequest("/briefs", who?.cookie));
}

/** The save form as the editor sends it: every field from the draft, with changes. */
function saveFields(draft: Brief, version: number, over: Record<string, string> = {}) {
  return { intent: "save", title: draft.title, summary: draft.summary, ...draft.sections, version: String(version), ...over };
}

async function save(id: number, over: Record<string, string>, who: Person = analyst) {
  const current = await viewOk(id, analyst);
  return post(id, saveFields(current.draft!, current.brief.draftVersion, over), who);
}

async function publish(id: number, who: Person = analyst) {
  const { brief } = await viewOk(id, analyst);
  const res = await post(id, { intent: "publish", version: String(brief.draftVersion) }, who);
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return res.location;
}

/** Everything a request could change about a brief, as one comparable string. */
async function snapshot(id: number) {
  const [brief, versions, acks, patterns] = await Promise.all([
    db.brief.findUnique({ where: { id }, select: { title: true, draftJson: true, draftVersion: true, publishedCount: true, hasUnpublishedChanges: true } }),
    db.briefVersion.findMany({ where: { briefId: id }, orderBy: { number: "asc" }, select: { number: true, contentJson: true } }),
    db.briefAck.findMany({ where: { briefId: id }, orderBy: { id: "asc" }, select: { versionNumber: true, userId: true } }),
    db.pattern.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
  ]);
  return JSON.stringify({ brief, versions, acks, patterns, briefs: await db.brief.count() });
}

const fieldErrors = (res: { data: unknown }) => (res.data as ActionReply).result.error ?? {};

// ---------------------------------------------------------------------------------------
// 1. Access
// ---------------------------------------------------------------------------------------

describe("who may see and change briefs", () => {
  it("sends a signed-out visitor to the login page from every brief route", async () => {
    const id = await generateOk("pattern", patternId);
    await publish(id);
    const before = await snapshot(id);
    const outcomes = [
      await listing(null),
      await generate({ source: "pattern", sourceId: String(patternId) }, null),
      await view(id, null),
      await markdown(id, null),
      await post(id, { intent: "acknowledge", version: "1" }, null),
      await post(id, { intent: "publish", version: "0" }, null),
    ];
    for (const res of outcomes) {
      expect(res.status).toBe(302);
      expect(res.location).toMatch(/^\/login\?redirectTo=/);
    }
    expect(await snapshot(id)).toBe(before);
  });

  it("refuses sales leaders and executives generate, save and publish, changing nothing", async () => {
    const id = await generateOk("pattern", patternId);
    const draft = (await viewOk(id, analyst)).draft!;
    const v = (await viewOk(id, analyst)).brief.draftVersion;
    const before = await snapshot(id);
    for (const who of [leader, exec]) {
      const gen = await generate({ source: "pattern", sourceId: String(patternId) }, who);
      expect(gen.status).toBe(403);
      const saved = await post(id, saveFields(draft, v, { whatWeSee: "Hijacked by a reader." }), who);
      expect(saved.status).toBe(403);
      const published = await post(id, { intent: "publish", version: String(v) }, who);
      expect(published.status).toBe(403);
    }
    expect(await snapshot(id)).toBe(before);
  });

  it("hides a draft-only brief (page and Markdown) from readers until it is published", async () => {
    const id = await generateOk("pattern", patternId);
    for (const who of [leader, exec]) {
      const page = await view(id, who);
      expect(page.status).toBe(404);
      expect(JSON.stringify(page.data)).not.toContain("carve-up");
      expect((await markdown(id, who)).status).toBe(404);
      expect((await markdown(id, who, "?version=1")).status).toBe(404);
      const list = (await listing(who)).data as Listing;
      expect(list.canWrite).toBe(false);
      expect(list.briefs.map((b) => b.id)).not.toContain(id);
    }
    // The comp team sees its own draft.
    expect((await viewOk(id, analyst)).showing).toBe("draft");
    expect(((await listing(admin)).data as Listing).briefs.map((b) => b.id)).toContain(id);

    await publish(id);
    for (const who of [leader, exec]) {
      const page = await viewOk(id, who);
      expect(page.showing).toBe(1);
      expect(page.canWrite).toBe(false);
      expect(page.draft).toBeNull();
      expect(page.acks).toEqual([]);
      const md = await markdown(id, who);
      expect(md.status).toBe(200);
      const list = (await listing(who)).data as Listing;
      expect(list.briefs.find((b) => b.id === id)?.version).toBe(1);
    }
  });

  it.each(["999999", "0", "-1", "abc", "1.5", "1e3", "12345678901", "%20"])("answers 404 for brief id %j", async (raw) => {
    for (const who of [analyst, exec]) {
      expect((await view(raw, who)).status).toBe(404);
      expect((await markdown(raw, who)).status).toBe(404);
    }
    const before = await db.brief.count();
    const res = await post(raw, { intent: "publish", version: "1" }, analyst);
    expect(res.status).toBe(404);
    const ack = await post(raw, { intent: "acknowledge", version: "1" }, exec);
    expect(ack.status).toBe(404);
    expect(await db.brief.count()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------
// 2. Generating from a pattern
// ---------------------------------------------------------------------------------------

describe("a brief written from a pattern", () => {
  let id: number;
  let draft: Brief;

  beforeAll(async () => {
    id = await generateOk("pattern", patternId);
    const page = await viewOk(id, analyst);
    expect(page.showing).toBe("draft");
    draft = page.content;
  });

  it("is a draft named after the pattern, from the chains of its cases", async () => {
    const row = await db.brief.findUniqueOrThrow({ where: { id } });
    expect(row.source).toBe("pattern");
    expect(row.patternId).toBe(patternId);
    expect(row.publishedCount).toBe(0);
    expect(draft.title).toBe("Thin territories after the carve-up");
    const page = await viewOk(id, analyst);
    expect(page.draft).toEqual(page.content);
    expect(page.versions).toEqual([]);
  });

  it("puts the root cause first and a business outcome last, with support counts", () => {
    const chain: MergedLink[] = draft.chain;
    expect(chain.length).toBeGreaterThanOrEqual(4);
    expect(chain[0]).toMatchObject({ kind: "root", text: "territory imbalance", support: 5, single: false });
    expect([...chain[0].caseIds].sort((a, b) => a - b)).toEqual([...caseIds].sort((a, b) => a - b));
    const last = chain[chain.length - 1];
    expect(last).toMatchObject({ kind: "outcome", text: "missed revenue", support: 5 });
    // Kinds run root → steps → behaviour → outcome.
    const order = { root: 0, step: 1, behaviour: 2, outcome: 3 } as const;
    const kinds = chain.map((l) => order[l.kind]);
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    // The step every case shares is backed by all five.
    const near = chain.find((l) => l.kind === "step" && /too few accounts/.test(l.text));
    expect(near?.support).toBe(5);
    for (const link of chain) expect(link.support).toBe(link.caseIds.length);
    expect(draft.sections.whyItHappens).toMatch(/^Territory imbalance → .* → missed revenue\./);
    expect(draft.sections.whyItHappens).toContain("All 5 cases trace back to territory imbalance.");
  });

  it("counts cases, functions and segments", () => {
    const see = draft.sections.whatWeSee;
    expect(see).toContain("We have 5 cases on this.");
    expect(see).toContain("They come from 3 functions: Sales, Marketing and Customer Success.");
    expect(see).toContain("They cover 2 segments: Mid-Market and Enterprise.");
    expect(see).toContain("This is a pattern, not an anecdote");
    expect(draft.summary).toBe("Territory imbalance, not pay, is behind all 5 cases from 3 functions, with $120K of revenue at risk, so more pay will not fix it.");
  });

  it("says plainly that paying more will not fix a structural cause", () => {
    expect(draft.sections.payChange.startsWith(STRUCTURAL_LEAD)).toBe(true);
    expect(draft.sections.payChange).toContain("Paying people more will not fix this.");
    expect(draft.sections.payChange).toContain("The cause is territory imbalance: too little opportunity, not too little pay.");
    expect(draft.sections.payChange).toContain("In all 5 cases, the team judged that a pay change would not fix it.");
    expect(draft.sections.recommendedFix).toContain("We recommend this fix: rebalance territories by account capacity before the next plan year.");
    expect(draft.sections.recommendedFix).toContain("RevOps should own it.");
  });

  it("quotes the attainment figures of the cases' segments in what it costs", () => {
    const cost = draft.sections.whatItCosts;
    expect(cost).toContain("In Mid-Market, across 6 reps, the average rep reached 100% of quota.");
    expect(cost).toContain("But the typical rep, the one in the middle, reached only 90%.");
    expect(cost).toContain("The top 20% of reps bring in 53% of the total. 50% of reps reached quota.");
    expect(cost).toContain("Only 40% of reps reached quota.");
    expect(cost).toContain("In Enterprise, across 5 reps, the average rep reached 90% of quota.");
    expect(cost).toContain("$120K of revenue at risk");
    expect(cost).not.toContain("Attainment data has not been imported yet");
  });

  it("never carries the confidential reporter's name, email or complaint: loader JSON and Markdown", async () => {
    // Non-confidential cases are quoted; the confidential one is not.
    expect(draft.quotes.length).toBe(3);
    const forbiddenText = [
      SECRET_NAME,
      "Zofia",
      "Quill",
      "Abernathy",
      SECRET_EMAIL,
      "zofia.qa",
      "example.com",
      "orchard",
      "favourites",
      "night shift",
      "Confidential: favouritism",
      ...SECRET_COMPLAINT.split(/(?<=\.)\s+/),
    ];
    const check = (label: string, text: string) => {
      for (const secret of forbiddenText) expect(text.toLowerCase(), `${label} leaks ${secret}`).not.toContain(secret.toLowerCase());
    };
    check("comp draft", JSON.stringify((await view(id, analyst)).data));
    check("comp draft markdown", String((await markdown(id, analyst)).data));
    await publish(id);
    for (const who of [analyst, leader, exec]) {
      check(`${who.name} page`, JSON.stringify((await view(id, who)).data));
      check(`${who.name} page v1`, JSON.stringify((await view(id, who, "?version=1")).data));
      const md = await markdown(id, who, "?version=1");
      expect(md.status).toBe(200);
      check(`${who.name} markdown`, String(md.data));
      check(`${who.name} listing`, JSON.stringify((await listing(who)).data));
    }
    // The link her step shared with the others is still counted, with her name scrubbed.
    expect(JSON.stringify(draft.chain)).toContain("[name]");
  });
});

// ---------------------------------------------------------------------------------------
// 3. Generating from one case, and bad sources
// ---------------------------------------------------------------------------------------

describe("a brief written from one case, and sources that do not exist", () => {
  it("writes a brief from a single case", async () => {
    const id = await generateOk("case", caseIds[0]);
    const row = await db.brief.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ source: "case", caseId: caseIds[0], patternId: null });
    const { content } = await viewOk(id, analyst);
    expect(content.title).toBe("AE patch emptied by the carve-up");
    expect(content.sections.whatWeSee).toContain("This brief is about one case.");
    expect(content.sections.whatWeSee).toContain("One case is a lead, not yet a pattern.");
    expect(content.chain[0]).toMatchObject({ kind: "root", text: "territory imbalance", support: 1 });
    expect(content.chain[content.chain.length - 1]).toMatchObject({ kind: "outcome", text: "missed revenue" });
    expect(content.sections.payChange.startsWith(STRUCTURAL_LEAD)).toBe(true);
    expect(content.sections.whatItCosts).toContain("In Mid-Market, across 6 reps");
    // A named, non-confidential reporter is quoted but never named.
    expect(content.quotes).toHaveLength(1);
    expect(JSON.stringify(content)).not.toMatch(/Ingrid|Halvorsen/);
  });

  it("keeps a confidential case's complaint and reporter out of its own brief", async () => {
    const id = await generateOk("case", confidentialCaseId);
    const text = JSON.stringify((await view(id, analyst)).data) + String((await markdown(id, analyst)).data);
    for (const secret of ["Zofia", "Abernathy", SECRET_EMAIL, "orchard", "night shift"]) expect(text).not.toContain(secret);
    const { content } = await viewOk(id, analyst);
    expect(content.quotes).toEqual([]);
  });

  it.each([
    ["case", "That case does not exist."],
    ["pattern", "That pattern does not exist or has no cases yet."],
  ])("answers 404 with a message for a %s that does not exist", async (source, message) => {
    const before = await db.brief.count();
    const res = await generate({ source, sourceId: "987654" });
    expect(res.status).toBe(404);
    expect(formResult(res).error?.[""]).toEqual([message]);
    expect(await db.brief.count()).toBe(before);
  });

  it("answers 404 for a pattern with no cases", async () => {
    const empty = await db.pattern.create({ data: { name: "Empty pattern", createdById: analyst.id }, select: { id: true } });
    const before = await db.brief.count();
    const res = await generate({ source: "pattern", sourceId: String(empty.id) });
    expect(res.status).toBe(404);
    expect(formResult(res).error?.[""]?.[0]).toMatch(/no cases/);
    expect(await db.brief.count()).toBe(before);
  });

  it.each([
    ["a blank source id", { source: "pattern", sourceId: "" }, "sourceId"],
    ["a missing source id", { source: "case" }, "sourceId"],
    ["a non-numeric source id", { source: "case", sourceId: "abc" }, "sourceId"],
    ["a negative source id", { source: "case", sourceId: "-3" }, "sourceId"],
    ["an unknown source kind", { source: "rumour", sourceId: "1" }, "source"],
  ])("answers 400 for %s, with a message on the field", async (_name, fields, field) => {
    const before = await db.brief.count();
    const res = await generate(fields as Record<string, string>);
    expect(res.status).toBe(400);
    expect(formResult(res).error?.[field]?.[0]).toMatch(/Choose/);
    expect(await db.brief.count()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------
// 4. Editing the draft
// ---------------------------------------------------------------------------------------

describe("editing the draft", () => {
  it("saves a section from the version the editor loaded", async () => {
    const id = await generateOk("pattern", patternId);
    const before = await viewOk(id, analyst);
    const res = await save(id, { whatItCosts: "  Reps in thin patches earn less, and the business misses revenue.  " });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect(res.location).toBe(`/briefs/${id}`);
    const after = await viewOk(id, analyst);
    expect(after.brief.draftVersion).toBe(before.brief.draftVersion + 1);
    expect(after.draft!.sections.whatItCosts).toBe("Reps in thin patches earn less, and the business misses revenue.");
    // The rest of the draft is as it was; the chain and quotes are kept.
    expect(after.draft!.sections.payChange).toBe(before.draft!.sections.payChange);
    expect(after.draft!.chain).toEqual(before.draft!.chain);
    expect(after.draft!.quotes).toEqual(before.draft!.quotes);
    expect(after.brief.hasUnpublishedChanges).toBe(true);

    const retitled = await save(id, { title: "Carve-up brief, edited" });
    expect(retitled.status).toBe(302);
    expect((await viewOk(id, analyst)).brief.title).toBe("Carve-up brief, edited");
    expect((await db.brief.findUniqueOrThrow({ where: { id } })).title).toBe("Carve-up brief, edited");
  });

  it("refuses a save from a stale version with 409 and changes nothing", async () => {
    const id = await generateOk("pattern", patternId);
    const loaded = await viewOk(id, analyst);
    expect((await save(id, { summary: "First editor's summary." })).status).toBe(302);
    const before = await snapshot(id);
    const res = await post(id, saveFields(loaded.draft!, loaded.brief.draftVersion, { summary: "Second editor's summary." }));
    expect(res.status).toBe(409);
    expect((res.data as ActionReply).intent).toBe("save");
    expect(fieldErrors(res)[""]?.[0]).toMatch(/Someone changed this brief/);
    expect(await snapshot(id)).toBe(before);
    expect((await viewOk(id, analyst)).draft!.summary).toBe("First editor's summary.");
  });

  it("refuses a section over 10,000 characters with a message on that field", async () => {
    const id = await generateOk("pattern", patternId);
    const before = await snapshot(id);
    const res = await save(id, { whyItHappens: "a".repeat(10_001) });
    expect(res.status).toBe(400);
    expect(fieldErrors(res).whyItHappens?.[0]).toBe("Keep “Why it is happening” under 10,000 characters");
    expect(await snapshot(id)).toBe(before);
    // Exactly at the limit is fine.
    expect((await save(id, { whyItHappens: "b".repeat(10_000) })).status).toBe(302);
    expect((await viewOk(id, analyst)).draft!.sections.whyItHappens).toHaveLength(10_000);
  });

  it.each([["blank", ""], ["whitespace", "   "]])("refuses a %s title with 400", async (_name, title) => {
    const id = await generateOk("pattern", patternId);
    const before = await snapshot(id);
    const res = await save(id, { title });
    expect(res.status).toBe(400);
    expect(fieldErrors(res).title?.[0]).toBe("Give the brief a title");
    expect(await snapshot(id)).toBe(before);
  });

  it("answers 404 for a save to a brief that does not exist", async () => {
    const id = await generateOk("pattern", patternId);
    const draft = (await viewOk(id, analyst)).draft!;
    const res = await post(987654, saveFields(draft, 1));
    expect(res.status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------
// 5. Publishing
// ---------------------------------------------------------------------------------------

describe("publishing", () => {
  it("freezes version 1, publishes version 2 after an edit, and compares them", async () => {
    const pattern = await db.pattern.create({
      data: { name: "Carve-up, second look", status: "open", createdById: analyst.id, cases: { create: caseIds.map((caseId) => ({ caseId })) } },
      select: { id: true },
    });
    const id = await generateOk("pattern", pattern.id);
    const original = (await viewOk(id, analyst)).draft!;

    expect(await publish(id)).toBe(`/briefs/${id}?version=1`);
    expect((await db.pattern.findUniqueOrThrow({ where: { id: pattern.id } })).status).toBe("briefed");
    const v1 = await viewOk(id, exec);
    expect(v1.showing).toBe(1);
    // Was: the executive's content equal to the comp team's. An executive now reads a copy
    // derived at read time (no case ids, no count of one or two): same chain, same sections.
    expect(v1.content.title).toBe(original.title);
    expect(v1.content.chain.map((l) => l.text)).toEqual(original.chain.map((l) => l.text));
    expect(v1.content.sections.recommendedFix).toBe(original.sections.recommendedFix);
    expect(v1.versions.map((v) => v.number)).toEqual([1]);
    expect(v1.versions[0].by).toBe(analyst.name);

    // Editing the draft afterwards leaves version 1 alone.
    expect((await save(id, { recommendedFix: "Rebalance territories by account capacity this quarter. RevOps owns it." })).status).toBe(302);
    const stillV1 = await viewOk(id, exec);
    expect(stillV1.showing).toBe(1);
    expect(stillV1.content).toEqual(v1.content);
    expect(String((await markdown(id, exec)).data)).not.toContain("this quarter");
    const forComp = await viewOk(id, analyst);
    expect(forComp.showing).toBe("draft");
    expect(forComp.brief.hasUnpublishedChanges).toBe(true);
    expect((await viewOk(id, analyst, "?version=1")).content).toEqual(original);

    // Publishing again makes version 2; readers see it by default.
    expect(await publish(id, admin)).toBe(`/briefs/${id}?version=2`);
    const v2 = await viewOk(id, exec);
    expect(v2.showing).toBe(2);
    expect(v2.content.sections.recommendedFix).toBe("Rebalance territories by account capacity this quarter. RevOps owns it.");
    expect(v2.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(v2.changes).toBeNull();
    const old = await viewOk(id, exec, "?version=1");
    expect(old.showing).toBe(1);
    expect(old.content).toEqual(v1.content);
    expect((await viewOk(id, analyst)).brief.hasUnpublishedChanges).toBe(false);

    // Only the changed section is listed.
    const compared = await viewOk(id, exec, "?version=2&compare=1");
    expect(compared.showing).toBe(2);
    expect(compared.changes?.map((c) => c.section)).toEqual(["recommendedFix"]);
    const parts = compared.changes![0].parts;
    expect(parts.some((p) => p.added && p.value.includes("quarter"))).toBe(true);
    expect(parts.some((p) => p.removed)).toBe(true);
    // Version 1 has nothing to compare with.
    expect((await viewOk(id, exec, "?version=1&compare=1")).changes).toBeNull();

    // The pattern stays briefed.
    expect((await db.pattern.findUniqueOrThrow({ where: { id: pattern.id } })).status).toBe("briefed");
  });

  it("does not move a pattern that is already past open back to briefed", async () => {
    const pattern = await db.pattern.create({
      data: { name: "Carve-up, monitored", status: "monitoring", createdById: analyst.id, cases: { create: [{ caseId: caseIds[0] }, { caseId: caseIds[1] }] } },
      select: { id: true },
    });
    const id = await generateOk("pattern", pattern.id);
    await publish(id);
    expect((await db.pattern.findUniqueOrThrow({ where: { id: pattern.id } })).status).toBe("monitoring");
  });

  it("refuses to publish from a stale version with 409 and makes no version", async () => {
    const id = await generateOk("pattern", patternId);
    const loaded = await viewOk(id, analyst);
    expect((await save(id, { summary: "Edited after the page loaded." })).status).toBe(302);
    const before = await snapshot(id);
    const res = await post(id, { intent: "publish", version: String(loaded.brief.draftVersion) });
    expect(res.status).toBe(409);
    expect(fieldErrors(res)[""]?.[0]).toMatch(/Someone changed this brief/);
    expect(await snapshot(id)).toBe(before);
    expect((await view(id, exec)).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------
// 6. Acknowledging
// ---------------------------------------------------------------------------------------

describe("acknowledging a published version", () => {
  it("records who read which version, once", async () => {
    const id = await generateOk("pattern", patternId);
    await publish(id);

    expect((await viewOk(id, exec)).acked).toBe(false);
    const res = await post(id, { intent: "acknowledge", version: "1" }, exec);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/briefs/${id}?version=1`);
    expect((await viewOk(id, exec)).acked).toBe(true);
    expect((await viewOk(id, otherExec)).acked).toBe(false);

    const again = await post(id, { intent: "acknowledge", version: "1" }, exec);
    expect(again.status).toBe(302);
    expect(await db.briefAck.count({ where: { briefId: id } })).toBe(1);

    expect((await post(id, { intent: "acknowledge", version: "1" }, leader)).status).toBe(302);

    const forComp = await viewOk(id, analyst);
    expect(forComp.acks).toHaveLength(2);
    expect(forComp.acks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ versionNumber: 1, user: { name: exec.name, role: "executive" } }),
        expect.objectContaining({ versionNumber: 1, user: { name: leader.name, role: "sales_leader" } }),
      ]),
    );
    const listed = ((await listing(analyst)).data as { briefs: { id: number; acks: number | null }[] }).briefs.find((b) => b.id === id);
    expect(listed?.acks).toBe(2);
    // Readers do not see who else read it.
    expect((await viewOk(id, exec)).acks).toEqual([]);

    // A new version needs its own acknowledgement.
    expect((await save(id, { summary: "A fresh summary for version two." })).status).toBe(302);
    await publish(id);
    expect((await viewOk(id, exec)).acked).toBe(false);
    expect((await viewOk(id, exec, "?version=1")).acked).toBe(true);
    expect((await post(id, { intent: "acknowledge", version: "2" }, exec)).status).toBe(302);
    const acks = (await viewOk(id, analyst)).acks.filter((a) => a.user.name === exec.name).map((a) => a.versionNumber);
    expect(acks.sort()).toEqual([1, 2]);
  });

  it("answers 404 for a version that does not exist, and 400 for no version", async () => {
    const id = await generateOk("pattern", patternId);
    // Nothing published yet: version 1 does not exist.
    expect((await post(id, { intent: "acknowledge", version: "1" }, exec)).status).toBe(404);
    await publish(id);
    for (const version of ["2", "99"]) {
      const res = await post(id, { intent: "acknowledge", version }, exec);
      expect(res.status).toBe(404);
    }
    for (const version of ["", "0", "abc"]) {
      const res = await post(id, { intent: "acknowledge", version }, exec);
      expect(res.status).toBe(400);
    }
    expect(await db.briefAck.count({ where: { briefId: id } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// 7. Markdown
// ---------------------------------------------------------------------------------------

describe("the Markdown download", () => {
  let id: number;
  let published: Brief;

  beforeAll(async () => {
    id = await generateOk("pattern", patternId);
    await publish(id);
    published = (await viewOk(id, exec)).content;
    // An unpublished edit must not reach readers' downloads.
    expect((await save(id, { whatWeSee: "Unpublished draft wording." })).status).toBe(302);
  });

  it("gives an executive the published version as text/markdown with the chain and sections", async () => {
    const res = await markdown(id, exec);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/markdown/);
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="thin-territories-after-the-carve-up-v1\.md"/);
    const md = String(res.data);
    expect(md.startsWith("# Thin territories after the carve-up\n")).toBe(true);
    expect(md).toMatch(/\*Version 1, published \d{1,2} [A-Z][a-z]{2} \d{4}\*/);
    expect(md).toContain("## The chain, from cause to cost");
    expect(md).toContain("1. Territory imbalance (5 cases)");
    expect(md).toMatch(/\d+\. Missed revenue \(5 cases\)/);
    for (const heading of [
      "## What we see",
      "## Why it is happening",
      "## What it costs",
      "## What a pay change would and would not fix",
      "## What we recommend",
      "## In their own words",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain(STRUCTURAL_LEAD);
    expect(md).toContain("In Mid-Market, across 6 reps, the average rep reached 100% of quota.");
    expect(md).toContain("We have 5 cases on this.");
    expect(md).not.toContain("Unpublished draft wording");
    expect(published.sections.whatWeSee).not.toContain("Unpublished");

    // The comp team's default download is the draft; ?version=1 is the published one.
    const draftMd = String((await markdown(id, analyst)).data);
    expect(draftMd).toContain("*Draft, not yet published*");
    expect(draftMd).toContain("Unpublished draft wording.");
    // Was: the same file for both. The comp team's download is the stored version; the
    // executive's is their copy (a link backed by one case reads "fewer than 3 cases").
    const compMd = String((await markdown(id, analyst, "?version=1")).data);
    expect(compMd).toContain("(1 case only)");
    expect(md).not.toContain("1 case only");
    expect(md).toContain("(fewer than 3 cases)");
    expect(compMd.replace(/\(1 case only\)/g, "(fewer than 3 cases)").replace(/in one case only/g, "in fewer than three cases")).toBe(md);
    expect((await markdown(id, exec, "?version=7")).status).toBe(404);
  });

  it("escapes a quoted complaint's link and HTML so neither is live", async () => {
    const { content } = await viewOk(id, exec);
    // The complaint with the link and the tag is one of the quotes.
    const quoted = content.quotes.find((q) => q.function === "Customer Success");
    expect(quoted?.text).toContain("[click](javascript:alert(1))");
    expect(quoted?.text).toContain("<script>");

    const md = String((await markdown(id, exec)).data);
    expect(md).toContain("\\[click\\](javascript:alert(1))");
    expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
    // No unescaped bracket-paren link and no raw tag anywhere in the file.
    expect(md).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)<\/?script/i);
  });

  it("escapes links and HTML the comp team types into a section", async () => {
    expect(
      (await save(id, { recommendedFix: "See [the plan](javascript:alert(2)) and <img src=x onerror=alert(3)>.\n# Not a heading" })).status,
    ).toBe(302);
    await publish(id);
    const md = String((await markdown(id, exec)).data);
    expect(md).toContain("\\[the plan\\](javascript:alert(2))");
    expect(md).toContain("\\<img src=x onerror=alert(3)\\>");
    expect(md).toContain("\\# Not a heading");
    expect(md).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toMatch(/^# Not a heading/m);
  });
});

it("keeps the confidential case's complaint in the database only", async () => {
  // Guard for the leak tests above: the secret really is in the source data.
  const row = await db.case.findUniqueOrThrow({ where: { id: confidentialCaseId } });
  expect(row.complaint).toContain(SECRET_NAME);
  expect(row.complaint).toContain(SECRET_EMAIL);
  expect(row.confidential).toBe(true);
  const xss = await db.case.findUniqueOrThrow({ where: { id: xssCaseId } });
  expect(xss.complaint).toContain("<script>");
});
