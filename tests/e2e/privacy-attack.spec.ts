import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { stemmer } from "stemmer";
import { dataUrl, session } from "./support";

// The confidentiality attack (docs/product.md "Roles and what each sees", "The case file", "Leadership brief"):
// a reporter's identity never leaves the comp team, "in every place a name can travel: free
// text, its history, notes, search, exports, briefs".
//
// 1. Plant: as the analyst, through the real forms, one confidential reporter, Zebulon
//    Quistgaard, goes into every free-text field a comp user can write, in every spelling a
//    person would type (nickname, possessive, plural, Nordic å, capitals, joined, as a tag),
//    with an email and a phone number. Case A is then edited to a name-free wording (its
//    history holds the old values); case B keeps the name in its current text (so the search
//    index has something to hide). Every plant must succeed and be visible to the analyst.
// 2. Read everything as the sales leader and the executive: every route in app/routes (param
//    routes with the planted ids), as HTML and as its `.data` request, plus the variants
//    below. Hits of the folded body: "zebulon", "quistg", a token starting "zeb", "acme.test",
//    "7946". Expect none.
// 3. Search extraction as the sales leader: letter by letter through `/cases?q=<prefix>`,
//    using "is a planted case in the results" as the oracle. Expect no letter recovered.
//
// Planted beyond the case file: the saved pattern's name and description (comp-written free
// text that leaders and executives read), and the briefs: version 1 as the app generated it,
// version 2 with every field typed to name the reporter, version 3 partly name-free again.
// The planted cases are raised on 2019-03-14, far from the demo data; they stay in the shared
// e2e database for the other specs of a full run.

test.describe.configure({ mode: "parallel" });

// ---------------------------------------------------------------------------------------------
// What is planted. No other word in the planted text starts with "q" or "z" and no ordinary
// word contains "zeb", so every search hit on those letters can only come from the name.

const REPORTER = "Zebulon Quistgaard";
const EMAIL = "zebulon.quistgaard@acme.test";
const PHONE = "+44 20 7946 0958";
const REGION = "EMEA North (Zebulon's patch)";
const VARIANTS = [
  "Zebulon Quistgaard",
  "Zebulon",
  "Quistgaard",
  "Zeb",
  "the Quistgaards",
  "Quistgård",
  "QUISTGAARD",
  "Zebulon's",
  "ZebulonQ",
  "quistgaard-followup",
];
/** Far from the demo data (raised within the last year), so a date filter isolates the plant. */
const RAISED_ON = "2019-03-14";
const DEMO_CASES_IN_PATTERN = [1, 2, 3];

/** A text carrying every variant, the region, the email and the phone, marked for attribution. */
function said(mark: string) {
  return (
    `${mark}: ${REPORTER} (Zeb to the team) says the Quistgaards lost two accounts; Quistgård and QUISTGAARD ` +
    `are the same person, Zebulon's manager moved them. Reach ZebulonQ at ${EMAIL} or ${PHONE}, tag ` +
    `quistgaard-followup, region ${REGION}.`
  );
}
/** What the analyst must see for a planted text (history clips long values, so a prefix). */
const seen = (mark: string) => `${mark}: ${REPORTER} (Zeb to the team)`;

const TITLE_A = `P01 ${REPORTER}, Zeb, the Quistgaards, Quistgård, QUISTGAARD, Zebulon's, ZebulonQ`;
const TITLE_B = `P61 ${REPORTER}, Zeb, the Quistgaards, Quistgård, QUISTGAARD, Zebulon's, ZebulonQ`;
const TAGS = "quistgaard-followup, zebulon, zeb, zebulonq, quistgård";

// ---------------------------------------------------------------------------------------------
// Needles and folding

const NEEDLES: { name: string; re: RegExp }[] = [
  { name: "zebulon", re: /zebulon/g },
  { name: "quistg", re: /quistg/g },
  { name: "\\bzeb", re: /\bzeb/g },
  { name: "acme.test", re: /acme\.test/g },
  { name: "7946", re: /7946/g },
];

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ",
  aring: "å", Aring: "Å", oslash: "ø", Oslash: "Ø", aelig: "æ", AElig: "Æ", shy: "",
};

function decodeEntities(s: string) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/**
 * A response body as text to search: markup noise that is not content removed (React's text
 * separators, stray NULs, CSP nonces and hashed asset names, which are random and could spell a
 * needle, and dates serialised as epoch milliseconds), entities and JS escapes undone, then folded: NFD, combining marks stripped, ø→o,
 * æ→ae, invisible characters dropped, lower case.
 */
function fold(raw: string) {
  let s = raw
    .replaceAll("\u0000", "")
    .replace(/<!-- -->/g, "")
    .replace(/nonce="[^"]*"/g, "")
    .replace(/\/assets\/[A-Za-z0-9._-]+/g, "/assets/x")
    // Dates as Remix serialises them (["D",1794614400000]): epoch milliseconds can spell "7946".
    .replace(/\[(\\?)"D\1",-?\d+\]/g, "[date]");
  s = decodeEntities(decodeEntities(s));
  s = s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[øØ]/g, "o")
    .replace(/[æÆ]/g, "ae")
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "")
    .toLowerCase();
}

type Hit = { url: string; needle: string; count: number; snippet: string };

function hitsIn(url: string, folded: string): Hit[] {
  const hits: Hit[] = [];
  for (const { name, re } of NEEDLES) {
    const all = [...folded.matchAll(re)];
    if (all.length === 0) continue;
    const at = all[0].index ?? 0;
    const snippet = folded.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ");
    hits.push({ url, needle: name, count: all.length, snippet });
  }
  return hits;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const htmlAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * On `/cases?q=<typed>` (and exports with q) the page repeats what the reader typed: in the
 * search box, in every filter/pagination/export link, and in the loader data as the query. That
 * echo is the reader's own words, not a leak; exactly those echoes are removed (the typed text
 * as a whole `q` value, never the same word elsewhere), so a result row naming the reporter
 * still counts. The plain list with the same date filter is scanned without any removal.
 */
function withoutEcho(body: string, q: string | null) {
  if (!q) return body;
  const forms = new Set([q, encodeURIComponent(q), new URLSearchParams({ q }).toString().slice(2)]);
  let out = body;
  for (const f of forms) {
    for (const g of new Set([f, htmlAttr(f)])) {
      out = out.replace(new RegExp(`q=${escapeRe(g)}(?=&|"|'|$|\\\\)`, "g"), "q=");
    }
  }
  const json = JSON.stringify(q).slice(1, -1);
  const exact = [
    `value="${htmlAttr(q)}"`,
    `"${json}"`, // a JSON string that is exactly the query (.data, turbo-stream)
    `\\"${json.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}\\"`, // the same inside the HTML's script string
  ];
  for (const e of exact) out = out.split(e).join('""');
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

/** HTML entities React writes undone, and its text separators removed. */
function plain(text: string) {
  return decodeEntities(text.replaceAll("\u0000", "").replace(/<!-- -->/g, ""));
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

async function html(ctx: APIRequestContext, url: string): Promise<string> {
  const res = await ctx.get(url, { maxRedirects: 0 });
  expect(res.status(), `GET ${url}`).toBe(200);
  return res.text();
}

function capture(text: string, re: RegExp, what: string): string {
  const m = re.exec(text);
  if (!m) throw new Error(`could not find ${what}`);
  return m[1];
}

async function post(ctx: APIRequestContext, url: string, form: Record<string, string> | URLSearchParams, what: string): Promise<APIResponse> {
  const res =
    form instanceof URLSearchParams
      ? await ctx.post(url, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: form.toString(), maxRedirects: 0 })
      : await ctx.post(url, { form, maxRedirects: 0 });
  if (res.status() !== 302) {
    const body = (await res.text()).slice(0, 600);
    expect(res.status(), `${what}: POST ${url} should redirect (302); body: ${body}`).toBe(302);
  }
  return res;
}

const location = (res: APIResponse) => res.headers()["location"] ?? "";

// ---------------------------------------------------------------------------------------------
// Planting, once per worker

type Planted = {
  caseA: number;
  caseB: number;
  patternId: number;
  briefIds: number[];
  leaderId: string;
  askedStepId: number;
  noteIds: number[];
  actionIds: number[];
  /** Every mark and the URL (as the analyst) where its planted text must show. */
  checks: { url: string; expect: string[] }[];
};

function caseForm(over: Record<string, string>): Record<string, string> {
  return {
    complaint: "",
    behaviour: "other",
    title: "",
    raisedOn: RAISED_ON,
    channel: "one_on_one",
    reporterRole: "ae",
    reporterFunction: "sales",
    segment: "enterprise",
    region: REGION,
    tenureMonths: "14",
    reporterName: REPORTER,
    confidential: "on",
    behaviourDetail: "",
    suspectedCause: "other",
    causeDetail: "",
    severity: "high",
    peopleAffected: "3",
    revenueAtRisk: "",
    ownerId: "",
    tags: TAGS,
    ...over,
  };
}

async function whysVersion(analyst: APIRequestContext, caseId: number) {
  return capture(await html(analyst, `/cases/${caseId}/whys`), /name="version" value="(\d+)"/, `the Five Whys version of case ${caseId}`);
}

async function addStep(analyst: APIRequestContext, caseId: number, fields: Record<string, string>, what: string) {
  const version = await whysVersion(analyst, caseId);
  await post(analyst, `/cases/${caseId}/whys`, { intent: "add-step", version, ownerFunction: "sales", confidence: "likely", answer: "", evidence: "", evidenceUrl: "", askLeaderId: "", ...fields }, what);
}

async function stepIds(analyst: APIRequestContext, caseId: number): Promise<number[]> {
  const page = await html(analyst, `/cases/${caseId}/whys`);
  return [...new Set([...page.matchAll(/id="step-(\d+)"/g)].map((m) => Number(m[1])))];
}

const SAVE_VERSION = /name="intent" value="save"\/><input type="hidden" name="version" value="(\d+)"/;
const PUBLISH_VERSION = /name="intent" value="publish"\/><input type="hidden" name="version" value="(\d+)"/;

async function publish(analyst: APIRequestContext, id: number, number: number) {
  const version = capture(await html(analyst, `/briefs/${id}`), PUBLISH_VERSION, `brief ${id}: the publish form`);
  const published = await post(analyst, `/briefs/${id}`, { intent: "publish", version }, `publish brief ${id} v${number}`);
  expect(location(published), `brief ${id} published as version ${number}`).toBe(`/briefs/${id}?version=${number}`);
}

/**
 * A brief generated from `form`: version 1 as the app wrote it (from text that names the
 * reporter), version 2 with every field edited to name them, version 3 with the title, summary
 * and first section name-free again (so "what changed" shows removed names).
 */
async function plantBrief(analyst: APIRequestContext, form: { source: string; sourceId: string }, n: number): Promise<{ id: number; checks: Planted["checks"] }> {
  const made = await post(analyst, "/briefs?index", form, `generate a brief from ${form.source} ${form.sourceId}`);
  const id = Number(capture(location(made), /\/briefs\/(\d+)$/, "the new brief's id"));
  await publish(analyst, id, 1);
  const sections = ["whatWeSee", "whyItHappens", "whatItCosts", "payChange", "recommendedFix", "quotes"] as const;
  const base = 70 + n * 20;
  const mark = (i: number) => `P${base + i}`;
  const v2: Record<string, string> = {
    intent: "save",
    version: capture(await html(analyst, `/briefs/${id}`), SAVE_VERSION, `brief ${id}: the draft's edit counter`),
    title: `${mark(0)} Brief on ${REPORTER}, Zeb, the Quistgaards, Quistgård, Zebulon's patch`,
    summary: said(mark(1)),
  };
  sections.forEach((key, i) => (v2[key] = `${said(mark(2 + i))}\n\n- ${said(mark(10 + i))}`));
  await post(analyst, `/briefs/${id}`, v2, `save brief ${id} draft (v2)`);
  await publish(analyst, id, 2);
  const v3 = {
    ...v2,
    version: capture(await html(analyst, `/briefs/${id}`), SAVE_VERSION, `brief ${id}: the draft's edit counter`),
    title: `${mark(16)} Territory brief`,
    summary: `${mark(17)} Territory patches moved and two accounts went with them.`,
    whatWeSee: `${mark(18)} Two accounts moved out of one patch.`,
  };
  await post(analyst, `/briefs/${id}`, v3, `save brief ${id} draft (v3)`);
  await publish(analyst, id, 3);
  return {
    id,
    checks: [
      { url: `/briefs/${id}?version=2`, expect: [v2.title, ...[1, ...sections.map((_, i) => 2 + i), ...sections.map((_, i) => 10 + i)].map((i) => seen(mark(i)))] },
      { url: `/briefs/${id}?version=3`, expect: [v3.title, v3.summary, v3.whatWeSee, seen(mark(3)), seen(mark(12))] },
    ],
  };
}

async function plant(): Promise<Planted> {
  const analyst = await session("analyst");
  try {
    const checks: Planted["checks"] = [];

    // Case A: every field names the reporter; edited to a name-free wording at the end.
    const createdA = await post(
      analyst,
      "/cases/new",
      caseForm({ title: TITLE_A, complaint: said("P02"), behaviourDetail: said("P03"), causeDetail: said("P04") }),
      "log case A",
    );
    const caseA = Number(capture(location(createdA), /^\/cases\/(\d+)$/, "case A's id"));

    // Notes: add two, edit the first, link the second to a step (below).
    await post(analyst, `/cases/${caseA}`, { intent: "add-note", kind: "context", body: said("P10") }, "add note 1");
    await post(analyst, `/cases/${caseA}`, { intent: "add-note", kind: "evidence", body: said("P11") }, "add note 2");
    const noteIds = [...new Set([...(await html(analyst, `/cases/${caseA}`)).matchAll(/id="note-(\d+)"/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
    expect(noteIds.length, "case A has the two planted notes").toBe(2);
    const noteEdit = await html(analyst, `/cases/${caseA}?note=${noteIds[0]}`);
    const noteVersion = capture(noteEdit, new RegExp(`name="noteId" value="${noteIds[0]}"/><input type="hidden" name="version" value="(\\d+)"`), "note 1's version");
    await post(analyst, `/cases/${caseA}`, { intent: "edit-note", noteId: String(noteIds[0]), kind: "counterpoint", body: said("P12"), version: noteVersion }, "edit note 1");

    // Five Whys: three steps (one put to the sales leader), one edited, a conclusion.
    const leaderId = capture(await html(analyst, `/cases/${caseA}/whys`), /<option value="([^"]+)">Jordan Whitlock<\/option>/, "the sales leader in the ask-a-leader list");
    await addStep(analyst, caseA, { question: said("P30"), answer: said("P31"), evidence: said("P32"), evidenceUrl: "https://wiki.example.org/notes/zebulon-quistgaard" }, "add why 1");
    await addStep(analyst, caseA, { question: said("P33"), evidence: said("P34"), askLeaderId: leaderId }, "add why 2, put to the sales leader");
    await addStep(analyst, caseA, { question: said("P35"), answer: said("P36"), evidence: said("P37"), ownerFunction: "revops" }, "add why 3");
    const steps = await stepIds(analyst, caseA);
    expect(steps.length, "case A has three steps").toBe(3);
    await post(
      analyst,
      `/cases/${caseA}/whys`,
      { intent: "edit-step", stepId: String(steps[0]), version: await whysVersion(analyst, caseA), question: said("P38"), answer: said("P39"), evidence: said("P32"), evidenceUrl: "https://wiki.example.org/notes/zebulon-quistgaard", ownerFunction: "sales", confidence: "confirmed", askLeaderId: "" },
      "edit why 1",
    );
    await post(
      analyst,
      `/cases/${caseA}/whys`,
      { intent: "conclusion", version: await whysVersion(analyst, caseA), rootCause: "territory_imbalance", statement: said("P40"), upstreamFix: said("P41"), fixOwner: "sales", payFix: "no", payFixWhy: said("P42"), justification: said("P43") },
      "write the conclusion",
    );
    await post(analyst, `/cases/${caseA}`, { intent: "use-note", noteId: String(noteIds[1]), stepId: String(steps[0]) }, "use note 2 as evidence for why 1");

    // Case B: the same reporter; its current title and complaint keep the name (the search index).
    const createdB = await post(
      analyst,
      "/cases/new",
      caseForm({ title: TITLE_B, complaint: said("P62"), behaviourDetail: said("P63"), causeDetail: said("P64") }),
      "log case B",
    );
    const caseB = Number(capture(location(createdB), /^\/cases\/(\d+)$/, "case B's id"));
    await post(analyst, `/cases/${caseB}`, { intent: "add-note", kind: "context", body: said("P65") }, "add a note to case B");
    await addStep(analyst, caseB, { question: said("P66"), answer: said("P67"), evidence: said("P68") }, "add why 1 to case B");

    // A saved pattern of both cases and three demo cases.
    const patternForm = new URLSearchParams([
      ["name", "P50 Territory review (Zebulon's patch)"],
      ["description", said("P51")],
      ["source", "manual"],
      ["status", "open"],
      ...[caseA, caseB, ...DEMO_CASES_IN_PATTERN].map((id) => ["caseIds", String(id)]),
    ]);
    const pattern = await post(analyst, "/patterns?index", patternForm, "save a pattern");
    const patternId = Number(capture(location(pattern), /\/patterns\/(\d+)$/, "the pattern's id"));

    // Briefs from case A and from the pattern, drafted while case A still names the reporter.
    const fromCase = await plantBrief(analyst, { source: "case", sourceId: String(caseA) }, 0);
    const fromPattern = await plantBrief(analyst, { source: "pattern", sourceId: String(patternId) }, 1);
    checks.push(...fromCase.checks, ...fromPattern.checks);

    // Case A edited to a name-free wording: the old values live on in its history.
    const version = capture(await html(analyst, `/cases/${caseA}/edit`), /name="version" value="(\d+)"/, "case A's version");
    await post(
      analyst,
      `/cases/${caseA}/edit`,
      caseForm({
        version,
        title: "P21 Territory patch lost two accounts",
        complaint: "P22 The rep says two accounts moved out of the patch and the plan did not follow.",
        behaviourDetail: "P23 Pipeline stalls after the territory moves.",
        causeDetail: "P24 The territory was redrawn mid-year.",
        region: "EMEA North",
        tags: "territory, patch-review",
      }),
      "edit case A to a name-free wording",
    );

    // Actions (issue 15): one on the pattern, owned by the sales leader, moved along with notes;
    // one linked only to case A; one rejected with a reason. And a plan change naming them all.
    const newAction = async (fields: Record<string, string>, what: string) =>
      Number(capture(location(await post(analyst, "/actions/new", { ownerFunction: "sales", ownerId: leaderId, dueOn: "2027-01-31", checkDays: "90", detail: "", patternId: "", briefId: "", caseRefs: "", ...fields }, what)), /^\/actions\/(\d+)$/, `${what}: its id`));
    const actionVersion = async (id: number) => capture(await html(analyst, `/actions/${id}`), /name="intent" value="notes"\/><input type="hidden" name="version" value="(\d+)"/, `action ${id}'s version`);
    const onPattern = await newAction({ title: `P120 Re-carve ${REPORTER}'s patch, Zeb, the Quistgaards, Quistgård`, detail: said("P121"), patternId: String(patternId), briefId: String(fromPattern.id) }, "propose an action on the pattern");
    await post(analyst, `/actions/${onPattern}`, { intent: "move", status: "approved", version: await actionVersion(onPattern) }, "approve the action");
    await post(analyst, `/actions/${onPattern}`, { intent: "notes", notes: said("P122"), version: await actionVersion(onPattern) }, "note on the action");
    await post(analyst, `/actions/${onPattern}`, { intent: "move", status: "done", version: await actionVersion(onPattern) }, "mark the action done");
    const onCase = await newAction({ title: `P123 Call ${REPORTER} (Zebulon's manager)`, detail: said("P124"), caseRefs: String(caseA) }, "propose an action on case A only");
    const rejected = await newAction({ title: "P125 Pay a SPIFF", patternId: String(patternId) }, "propose an action to reject");
    await post(analyst, `/actions/${rejected}`, { intent: "move", status: "rejected", reason: said("P126"), version: await actionVersion(rejected) }, "reject it");
    await post(
      analyst,
      "/plan-changes",
      { kind: "exception", summary: `P127 Split credit for ${REPORTER}`, reason: said("P128"), approvedBy: "CRO", effectiveOn: RAISED_ON, exceptionKey: "P129 Zebulon split", patternId: String(patternId), briefId: String(fromPattern.id), actionId: String(onPattern) },
      "log a plan change",
    );

    checks.push(
      { url: `/actions/${onPattern}`, expect: [`P120 Re-carve ${REPORTER}'s patch`, seen("P121"), seen("P122")] },
      { url: `/actions/${onCase}`, expect: [`P123 Call ${REPORTER}`, seen("P124")] },
      { url: `/actions/${rejected}`, expect: [seen("P126")] },
      { url: "/plan-changes", expect: [`P127 Split credit for ${REPORTER}`, seen("P128")] },
      {
        url: `/cases/${caseA}`,
        expect: [
          REPORTER, // the reporter field itself
          "P21 Territory patch lost two accounts",
          TITLE_A, // old title, in the history
          seen("P02"), // old complaint, history
          seen("P03"),
          seen("P04"),
          REGION, // old region, history
          "quistgaard-followup", // old tags, history
          seen("P11"),
          seen("P12"),
        ],
      },
      {
        url: `/cases/${caseA}/whys`,
        expect: ["P38", "P39", "P32", "P33", "P34", "P35", "P36", "P37", "P40", "P41", "P42", "P43"].map(seen).concat(["zebulon-quistgaard"]),
      },
      { url: `/cases/${caseB}`, expect: [REPORTER, TITLE_B, seen("P62"), seen("P63"), seen("P64"), seen("P65"), REGION, "quistgaard-followup"] },
      { url: `/cases/${caseB}/whys`, expect: [seen("P66"), seen("P67"), seen("P68")] },
      { url: `/patterns/${patternId}`, expect: ["P50 Territory review (Zebulon's patch)", seen("P51")] },
    );
    return { caseA, caseB, patternId, briefIds: [fromCase.id, fromPattern.id], leaderId, askedStepId: steps[1], noteIds, actionIds: [onPattern, onCase, rejected], checks };
  } finally {
    await analyst.dispose();
  }
}

let planting: Promise<Planted> | null = null;
/** Once per worker: every test of this file reads the same plant. */
function planted() {
  planting ??= plant().catch((error) => {
    planting = null;
    throw error;
  });
  return planting;
}

// ---------------------------------------------------------------------------------------------
// What the readers open

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes/", import.meta.url));

/** Remix flat-route file names → URL patterns ("cases.$id_.whys.tsx" → "/cases/$id/whys"). */
function routePatterns(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => /\.(tsx|ts|jsx|js)$/.test(f) && !/\.(test|spec)\./.test(f))
    .map((f) => f.replace(/\.(tsx|ts|jsx|js)$/, ""))
    .map((name) => {
      const segments = name
        .split(".")
        .filter((s) => s !== "_index" && !(s.startsWith("_") && !s.startsWith("_$")))
        .map((s) => s.replace(/_$/, ""));
      return `/${segments.join("/")}`;
    });
}

/** Every route, param routes filled with the planted ids. A param of an unknown kind fails the test. */
function routeUrls(p: Planted): { urls: string[]; unknown: string[] } {
  const idsFor: Record<string, string[]> = {
    cases: [p.caseA, p.caseB].map(String),
    briefs: p.briefIds.map(String),
    patterns: [String(p.patternId)],
    users: [p.leaderId],
    actions: p.actionIds.map(String),
  };
  const urls: string[] = [];
  const unknown: string[] = [];
  for (const pattern of routePatterns()) {
    const segments = pattern.split("/").slice(1);
    let expanded = [""];
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (s.startsWith("$")) {
        const ids = idsFor[segments[i - 1] ?? ""];
        if (!ids || s === "$") {
          unknown.push(pattern);
          expanded = [];
          break;
        }
        expanded = expanded.flatMap((e) => ids.map((id) => `${e}/${id}`));
      } else {
        expanded = expanded.map((e) => `${e}/${s}`);
      }
    }
    urls.push(...expanded.map((e) => e || "/"));
  }
  return { urls, unknown };
}

function readerUrls(p: Planted): { urls: string[]; unknown: string[] } {
  const { urls, unknown } = routeUrls(p);
  const day = { from: RAISED_ON, to: RAISED_ON };
  const caseFilters = new URLSearchParams({ ...day, function: "sales", role: "ae", segment: "enterprise", behaviour: "other", cause: "other" }).toString();
  const queries = [...VARIANTS, REGION, EMAIL, PHONE, "Quistg", "zeb"];
  const q = (value: string, extra: Record<string, string> = {}) => new URLSearchParams({ q: value, ...extra }).toString();
  const extra = [
    "/cases",
    `/cases?${new URLSearchParams(day)}`,
    `/cases?${caseFilters}`,
    `/cases?${caseFilters}&sort=-updatedAt`,
    ...queries.map((v) => `/cases?${q(v)}`),
    ...queries.map((v) => `/cases?${q(v, day)}`),
    `/cases/${p.caseA}?alike=1`,
    ...p.noteIds.map((id) => `/cases/${p.caseA}?note=${id}`),
    "/cases/export?format=csv",
    "/cases/export?format=json",
    `/cases/export?format=csv&${caseFilters}`,
    `/cases/export?format=json&${caseFilters}`,
    `/cases/export?format=json&${q("Quistgaard")}`,
    `/cases/export?format=csv&${q("Zebulon", day)}`,
    `/cases/similar?case=${p.caseB}`,
    `/cases/similar?${new URLSearchParams({ text: "Zebulon Quistgaard" })}`,
    "/questions",
    "/patterns",
    "/patterns?from=2019-01-01",
    `/patterns?${new URLSearchParams(day)}`,
    "/patterns?from=2019-03-01&to=2019-03-31",
    "/patterns?from=2019-01-01&to=2019-12-31",
    `/patterns/${p.patternId}`,
    "/briefs",
    ...p.briefIds.flatMap((id) => [
      `/briefs/${id}`,
      `/briefs/${id}?version=1`,
      `/briefs/${id}?version=2`,
      `/briefs/${id}?version=2&compare=1`,
      `/briefs/${id}?version=3`,
      `/briefs/${id}?version=3&compare=1`,
      `/briefs/${id}/markdown`,
      `/briefs/${id}/markdown?version=1`,
      `/briefs/${id}/markdown?version=2`,
      `/briefs/${id}/markdown?version=3`,
    ]),
    "/variability",
    "/inbox",
    "/actions",
    `/actions?pattern=${p.patternId}`,
    "/actions?view=mine",
    "/actions?view=overdue&status=approved",
    ...p.actionIds.map((id) => `/actions/new?caseId=${p.caseA}&patternId=${p.patternId}&briefId=${p.briefIds[1]}&x=${id}`).slice(0, 1),
    "/plan-changes",
    "/plan-changes/export?format=csv",
    "/plan-changes/export?format=md",
  ];
  return { urls: [...new Set([...urls, ...extra])], unknown };
}

type Scan = { url: string; status: number; hits: Hit[]; folded: string };

async function scan(reader: APIRequestContext, urls: string[]): Promise<Scan[]> {
  const all = urls.flatMap((u) => [u, dataUrl(u)]);
  return inBatches(all, 8, async (url) => {
    const res = await reader.get(url, { maxRedirects: 0 });
    const headers = res.headers();
    const q = new URL(url, "http://x").searchParams.get("q");
    const body = `${headers["location"] ?? ""}\n${headers["content-disposition"] ?? ""}\n${await res.text()}`;
    const folded = fold(withoutEcho(body, q));
    return { url, status: res.status(), hits: hitsIn(url, folded), folded };
  });
}

function hitTable(scans: Scan[]) {
  const rows = scans.flatMap((s) => s.hits.map((h) => `${s.url} [${s.status}] → ${h.needle} ×${h.count}: …${h.snippet}…`));
  return rows.length ? `\n${rows.join("\n")}\n` : "";
}

function statusTable(scans: Scan[]) {
  const byStatus = new Map<number, string[]>();
  for (const s of scans) byStatus.set(s.status, [...(byStatus.get(s.status) ?? []), s.url]);
  return [...byStatus].map(([status, urls]) => `  ${status}: ${urls.join("  ")}`).join("\n");
}

// ---------------------------------------------------------------------------------------------
// The tests

test("plant: every planted value reached the comp team (control)", async () => {
  test.setTimeout(60_000);
  const p = await planted();
  const analyst = await session("analyst");
  const leader = await session("leader");
  try {
    const missing: string[] = [];
    for (const check of p.checks) {
      const body = plain(await html(analyst, check.url));
      for (const text of check.expect) if (!body.includes(text)) missing.push(`${check.url}: ${text}`);
    }
    expect(missing, "every planted value is stored and shown to the analyst").toEqual([]);
    // The comp team's search finds the reporter in case B's current text.
    const found = plain(await html(analyst, `/cases?${new URLSearchParams({ q: "Quistgaard", from: RAISED_ON, to: RAISED_ON })}`));
    expect(found.includes(`href="/cases/${p.caseB}"`), "the analyst's search for Quistgaard finds case B").toBe(true);
    // The step put to the sales leader is on their "Questions for you".
    const questions = await html(leader, "/questions");
    expect(questions.includes(`name="stepId" value="${p.askedStepId}"`), "the sales leader is asked why 2 of case A").toBe(true);
  } finally {
    await analyst.dispose();
    await leader.dispose();
  }
});

for (const role of ["leader", "exec"] as const) {
  test(`${role}: no trace of the confidential reporter in any route, data request, export or brief`, async () => {
    test.setTimeout(60_000);
    const p = await planted();
    const reader = await session(role);
    try {
      const { urls, unknown } = readerUrls(p);
      expect(unknown, "every param route has planted ids to try (add the new route's ids to routeUrls)").toEqual([]);
      const scans = await scan(reader, urls);
      const status = new Map(scans.map((s) => [s.url, s.status]));
      console.log(`privacy attack (${role}): ${scans.length} responses scanned\n${statusTable(scans)}`);

      // The scan proves something only if the reader really opened the pages that matter (the
      // leader's home redirects to /questions or /cases, both scanned). Soft, so the hit table
      // below is reported as well.
      const mustOpen =
        role === "leader"
          ? ["/cases", `/cases/${p.caseA}`, `/cases/${p.caseB}`, `/cases/${p.caseA}/whys`, `/cases/${p.caseB}/whys`, "/questions", "/cases/export?format=csv", "/cases/export?format=json", "/patterns", `/patterns/${p.patternId}`, "/briefs", ...p.briefIds.flatMap((id) => [`/briefs/${id}`, `/briefs/${id}?version=1`, `/briefs/${id}/markdown`]), "/variability"]
          : ["/", "/patterns", `/patterns/${p.patternId}`, "/briefs", ...p.briefIds.flatMap((id) => [`/briefs/${id}`, `/briefs/${id}?version=1`, `/briefs/${id}/markdown`]), "/variability"];
      expect.soft(mustOpen.filter((u) => status.get(u) !== 200).map((u) => `${u}: ${status.get(u)}`), `${role}: the pages that matter open`).toEqual([]);
      // ... and really read the planted text there (scrubbed, it is hoped): the mark of each
      // planted text shows where the text itself is shown.
      const [caseBrief, patternBrief] = p.briefIds;
      const marks: [string, string][] =
        role === "leader"
          ? [[`/cases/${p.caseA}`, "P12:"], [`/cases/${p.caseA}/whys`, "P38:"], [`/cases/${p.caseA}/whys`, "P40:"], ["/questions", "P33:"], [`/cases/${p.caseB}`, "P62:"], [`/patterns/${p.patternId}`, "P51:"], [`/briefs/${caseBrief}?version=2`, "P72:"], [`/briefs/${patternBrief}?version=2`, "P92:"]]
          : // A brief on fewer than three cases reaches executives without its case-level text
            // (disclosure control), so only the pattern brief's planted text is looked for.
            [[`/patterns/${p.patternId}`, "P51:"], [`/briefs/${patternBrief}?version=2`, "P92:"]];
      const folded = new Map(scans.map((s) => [s.url, s.folded]));
      expect.soft(marks.filter(([url, mark]) => !folded.get(url)?.includes(mark.toLowerCase())).map(([url, mark]) => `${url}: ${mark}`), `${role}: the planted texts are on the pages scanned`).toEqual([]);
      if (role === "exec") {
        // Executives never open a case: every /cases page is refused (and its body was scanned too).
        const caseUrls = scans.filter((s) => /^\/cases(\/|\?|$)/.test(s.url) && !s.url.includes(".data"));
        expect.soft(caseUrls.filter((s) => s.status !== 403).map((s) => `${s.url}: ${s.status}`), "exec: every case URL is 403").toEqual([]);
      }

      const hits = scans.filter((s) => s.hits.length > 0);
      expect(hits.length, `${role}: traces of ${REPORTER} (url [status] → needle ×count: snippet)${hitTable(hits)}`).toBe(0);
    } finally {
      await reader.dispose();
    }
  });
}

/** Folded tokens the way the search tokenizer sees them (letters and digits). */
const tokens = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const isNeedle = (token: string) => NEEDLES.some(({ re }) => new RegExp(re.source).test(token));
const LETTERS = [..."abcdefghijklmnopqrstuvwxyz", "å"];

/**
 * The letter-by-letter attack on `/cases?q=<prefix>` as `ctx`. Oracle: a planted case is in the
 * results (the date filter keeps the planted cases on the first page). What `ctx` can already read
 * of the planted cases' searchable text (title and complaint, as its export shows them) explains
 * a "yes" and tells the attacker nothing new, except words that are themselves the name.
 * From the empty prefix, at each position keep the one letter the oracle says yes to that no
 * visible word explains (a and å count as one letter when both say yes: the index folds them);
 * stop at none or at more than one. The first letter is unknown too: every first letter given
 * away starts a walk of its own, so "z…" and "q…" are both followed.
 */
async function spell(ctx: APIRequestContext, targets: number[], maxLength = 16) {
  const oracle = async (prefix: string): Promise<boolean> => {
    const params = new URLSearchParams({ from: RAISED_ON, to: RAISED_ON });
    if (prefix) params.set("q", prefix);
    const res = await ctx.get(`/cases?${params}`, { maxRedirects: 0 });
    expect(res.status(), `GET /cases?${params}`).toBe(200);
    const ids = [...(await res.text()).matchAll(/href="\/cases\/(\d+)"/g)].map((m) => Number(m[1]));
    return targets.some((id) => ids.includes(id));
  };
  expect(await oracle(""), "the list with the date filter shows the planted cases").toBe(true);
  const exported = JSON.parse(await (await ctx.get(`/cases/export?${new URLSearchParams({ format: "json", from: RAISED_ON, to: RAISED_ON })}`)).text()) as { cases: Record<string, unknown>[] };
  expect(exported.cases.length, "the export shows the planted cases").toBeGreaterThan(0);
  const visible = exported.cases.flatMap((c) => tokens(`${c.title ?? ""} ${c.complaint ?? ""}`)).filter((t) => !isNeedle(t));
  const explained = (prefix: string) => visible.some((t) => t.startsWith(fold(prefix)));
  let requests = 1;

  const yes = async (prefix: string) => !explained(prefix) && (requests++, await oracle(prefix));
  // The index stems the words of a query as well (Porter): "qus" is searched as "qu", "quy" as
  // "qui", "zebue" as "zebu", so such a letter can say yes without being there, and a real one
  // ("quis", searched as "qui") cannot be told apart directly. The attacker knows the stemmer: a
  // prefix that is searched as typed is asked as it is; any other counts only when some
  // one-letter extension searched as typed says yes ("quist").
  const asTyped = (prefix: string) => stemmer(fold(prefix)) === fold(prefix);
  const extendsAsTyped = async (prefix: string) => {
    const next = LETTERS.filter((c) => asTyped(prefix + c));
    for (let i = 0; i < next.length; i += 8) {
      if ((await Promise.all(next.slice(i, i + 8).map((c) => yes(prefix + c)))).some(Boolean)) return true;
    }
    return false;
  };
  const yesLetters = async (prefix: string) => {
    const answers = await inBatches(LETTERS, 8, async (c) => ({ c, yes: await yes(prefix + c) }));
    const found: string[] = [];
    for (const a of answers) if (a.yes && (asTyped(prefix + a.c) || (await extendsAsTyped(prefix + a.c)))) found.push(fold(a.c));
    return [...new Set(found)];
  };
  const walks: string[] = [];
  for (const first of await yesLetters("")) {
    let known = first;
    while (known.length < maxLength) {
      const next = await yesLetters(known);
      if (next.length !== 1) break;
      known += next[0];
    }
    walks.push(known);
  }
  const recovered = (target: string) => Math.max(0, ...walks.map((w) => { let n = 0; while (n < w.length && n < target.length && w[n] === target[n]) n++; return n; }));
  return { zebulon: recovered("zebulon"), quistgaard: recovered("quistgaard"), walks, requests };
}

/** Whether a search as `ctx` (with or without the planted day as a filter) shows a planted case. */
async function finds(ctx: APIRequestContext, targets: number[], q: string, day: boolean) {
  const params = new URLSearchParams(day ? { q, from: RAISED_ON, to: RAISED_ON } : { q });
  const res = await ctx.get(`/cases?${params}`, { maxRedirects: 0 });
  expect(res.status(), `GET /cases?${params}`).toBe(200);
  const ids = [...(await res.text()).matchAll(/href="\/cases\/(\d+)"/g)].map((m) => Number(m[1]));
  return targets.some((id) => ids.includes(id));
}

// The control and the attack are separate tests so they run side by side (each walk is a few
// hundred searches) and neither spends the other's time budget.
test("analyst (control): the same letter-by-letter attack, run by the comp team, spells the name", async () => {
  // ~770 searches: 24 s on a quiet machine, up to 1.7 min at a load average of 20.
  test.setTimeout(150_000);
  const p = await planted();
  const analyst = await session("analyst");
  try {
    const targets = [p.caseA, p.caseB];
    expect(await finds(analyst, targets, "Quistgaard", false), "the analyst's search for Quistgaard finds the case").toBe(true);
    expect(await finds(analyst, targets, "Quistgaard", true), "the analyst's search for Quistgaard finds the case (date filter)").toBe(true);
    const control = await spell(analyst, targets, 7); // seven letters prove the point
    console.log(`search extraction (analyst, control): ${JSON.stringify(control)}`);
    expect(control.zebulon, "the attack, run by the comp team, spells Zebulon").toBe(7);
    expect(control.quistgaard, "the attack, run by the comp team, spells Quistg…").toBeGreaterThanOrEqual(6);
  } finally {
    await analyst.dispose();
  }
});

test("leader: the search cannot be used to spell the reporter's name letter by letter", async () => {
  test.setTimeout(60_000);
  const p = await planted();
  const leader = await session("leader");
  try {
    const targets = [p.caseA, p.caseB];
    // Direct searches for the name.
    const direct: string[] = [];
    for (const q of ["Quistgaard", "Zebulon", "Quistg", "zeb", "Quistgård", "ZebulonQ", "quistgaard-followup", "acme.test", "7946"]) {
      for (const day of [true, false]) if (await finds(leader, targets, q, day)) direct.push(`?q=${q}${day ? " (date filter)" : ""}`);
    }
    const attack = await spell(leader, targets);
    console.log(`search extraction (leader): ${JSON.stringify({ ...attack, direct })}`);

    expect(direct, "the leader's search never returns the case for the name").toEqual([]);
    expect(attack.walks, `letters recovered by the search attack: zebulon ${attack.zebulon}, quistgaard ${attack.quistgaard}`).toEqual([]);
  } finally {
    await leader.dispose();
  }
});
