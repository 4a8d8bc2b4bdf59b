import { expect, request, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { baseURL, dataUrl, decodeData, session, type DemoRole } from "./support";

// Access decided from the route list itself (issue 8, "Hardening"). Every module in
// app/routes must have a row in RULES below: a new route without a decided access rule fails
// here. Each row names a sample URL and the GET status for each visitor; the page, its Remix
// data request (`.data`, single fetch) and its action (POST) are checked for every visitor,
// without following redirects.

test.describe.configure({ mode: "parallel" });

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes", import.meta.url));
const ROLES = ["admin", "analyst", "leader", "exec"] as const satisfies readonly DemoRole[];
type Visitor = "out" | DemoRole;
const VISITORS: Visitor[] = ["out", ...ROLES];

type Ids = { briefId: number; draftBriefId: number; userId: string };
/** GET status per visitor. 302 for "out" always means "to /login?redirectTo=<the URL>". */
type Statuses = Record<Visitor, 200 | 302 | 401 | 403 | 404 | 405>;
const S = (out: Statuses["out"], admin: Statuses["admin"], analyst: Statuses["analyst"], leader: Statuses["leader"], exec: Statuses["exec"]): Statuses => ({ out, admin, analyst, leader, exec });

type Sample = {
  url: (ids: Ids) => string;
  get: Statuses;
  /** Where a 302 goes (pathname + search); signed out, the default is /login?redirectTo=<the URL>. */
  to?: Partial<Record<Visitor, RegExp>>;
  /**
   * Text that the allowed visitors' page shows and a refused visitor's page (and data
   * request) must not: proof that the refusal carries none of the route's data.
   */
  secret?: string;
};
type Post = { url?: (ids: Ids) => string; body: Record<string, string>; refused: DemoRole[] };
type Rule = Sample & {
  extra?: (Sample & { what: string })[];
  /** "none": the module has no action. `open`: anyone may POST (the reason says why). */
  actions: "none" | { open: string } | Post[];
  /** GET and POST sign the visitor out: checked with sessions of their own (no route does today). */
  endsSession?: true;
  /**
   * A JSON API for other systems (bearer tokens, not sessions): a session is no credential, so
   * every visitor gets the same status; its data request answers the same way, and a POST
   * without a token is 401 for everyone.
   */
  api?: true;
};

const RULES: Record<string, Rule> = {
  "_index.tsx": {
    url: () => "/",
    get: S(302, 302, 302, 302, 200),
    to: { admin: /^\/cases$/, analyst: /^\/cases$/, leader: /^\/(questions|cases)$/ },
    actions: "none",
  },
  "login.tsx": {
    url: () => "/login",
    get: S(200, 302, 302, 302, 302),
    to: { admin: /^\/$/, analyst: /^\/$/, leader: /^\/$/, exec: /^\/$/ },
    actions: { open: "anyone may try to sign in (rate limited: web-security.spec.ts)" },
  },
  "logout.tsx": {
    url: () => "/logout",
    // A GET only asks (a page with a sign-out button); the POST signs out (web-security.spec.ts).
    get: S(302, 200, 200, 200, 200),
    to: { out: /^\/login$/ },
    secret: "Sign out of Upstream?",
    actions: { open: "anyone may sign out" },
  },
  "cases._index.tsx": {
    url: () => "/cases",
    get: S(302, 200, 200, 200, 403),
    secret: "Export CSV",
    extra: [{ what: "the breached view", url: () => "/cases?view=breached", get: S(302, 200, 200, 200, 403) }],
    // Bulk assign / bulk status: the comp team's.
    actions: [{ url: () => "/cases?index", body: { intent: "bulk-assign" }, refused: ["leader", "exec"] }],
  },
  "cases.$id_.triage.tsx": {
    url: () => "/cases/1/triage",
    get: S(302, 200, 200, 403, 403),
    secret: "What kind of case is it?",
    extra: [{ what: "a case that does not exist", url: () => "/cases/999999/triage", get: S(302, 404, 404, 403, 403) }],
    actions: [
      { body: { intent: "triage", triageClass: "nope", version: "1" }, refused: ["leader", "exec"] },
      { body: { intent: "assign", ownerId: "nobody" }, refused: ["leader", "exec"] },
    ],
  },
  "inbox.tsx": {
    url: () => "/inbox",
    get: S(302, 200, 200, 200, 200),
    secret: "How you hear of things",
    actions: [
      { body: { intent: "preferences", question_asked: "loud" }, refused: [] },
      { body: { intent: "read", id: "abc" }, refused: [] },
    ],
  },
  "admin.sla.tsx": {
    url: () => "/admin/sla",
    get: S(302, 200, 403, 403, 403),
    secret: "Save targets",
    actions: [{ body: { "data_error.firstResponseDays": "0" }, refused: ["analyst", "leader", "exec"] }],
  },
  "admin.integrations.tsx": {
    url: () => "/admin/integrations",
    get: S(302, 200, 403, 403, 403),
    secret: "Make a token",
    actions: [
      { body: { intent: "create", name: "" }, refused: ["analyst", "leader", "exec"] },
      { body: { intent: "revoke", tokenId: "none" }, refused: ["analyst", "leader", "exec"] },
    ],
  },
  "api.cases.tsx": {
    // The intake API: POST only, with a bearer token (tests/integration/intake-api.test.ts).
    url: () => "/api/cases",
    get: S(405, 405, 405, 405, 405),
    api: true,
    actions: [{ body: { complaint: "" }, refused: [] }],
  },
  "api.cases_.$externalId.tsx": {
    url: () => "/api/cases/ZD-1",
    get: S(401, 401, 401, 401, 401),
    api: true,
    actions: "none",
  },
  "cases.new.tsx": {
    url: () => "/cases/new",
    get: S(302, 200, 200, 403, 403),
    secret: "Open case file",
    actions: [{ body: { complaint: "" }, refused: ["leader", "exec"] }],
  },
  "cases.$id.tsx": {
    url: () => "/cases/1",
    get: S(302, 200, 200, 200, 403),
    secret: "I have 140 logos and 110 of them",
    extra: [{ what: "a case that does not exist", url: () => "/cases/999999", get: S(302, 404, 404, 404, 403) }],
    actions: [
      { body: { intent: "status", status: "not-a-status", version: "0" }, refused: ["leader", "exec"] },
      { body: { intent: "link-duplicate", duplicateOfId: "x" }, refused: ["leader", "exec"] },
      { body: { intent: "use-note", noteId: "abc" }, refused: ["leader", "exec"] },
      { body: { intent: "add-note", kind: "nope", body: "" }, refused: ["exec"] },
      { body: { intent: "edit-note", noteId: "abc", kind: "context", body: "", version: "1" }, refused: ["exec"] },
    ],
  },
  "cases.$id_.edit.tsx": {
    url: () => "/cases/1/edit",
    get: S(302, 200, 200, 403, 403),
    secret: "I have 140 logos and 110 of them",
    actions: [{ body: { complaint: "" }, refused: ["leader", "exec"] }],
  },
  "cases.$id_.whys.tsx": {
    url: () => "/cases/1/whys",
    get: S(302, 200, 200, 200, 403),
    secret: "mid-market pipeline down 45% year on year",
    actions: [
      { body: { intent: "unknown" }, refused: ["leader", "exec"] },
      { body: { intent: "add-step" }, refused: ["leader", "exec"] },
      { body: { intent: "conclusion" }, refused: ["leader", "exec"] },
      { body: { intent: "confirm" }, refused: ["leader", "exec"] },
    ],
  },
  "cases.export.tsx": {
    url: () => "/cases/export?format=csv",
    get: S(302, 200, 200, 200, 403),
    secret: "I have 140 logos and 110 of them",
    actions: "none",
  },
  "cases.similar.tsx": {
    url: () => "/cases/similar?text=territory+re-carve+accounts",
    get: S(302, 200, 200, 403, 403),
    secret: '"similar"',
    actions: "none",
  },
  "questions.tsx": {
    url: () => "/questions",
    get: S(302, 403, 403, 200, 403),
    secret: "Questions for you</h1>",
    actions: [{ body: { stepId: "abc" }, refused: ["admin", "analyst", "exec"] }],
  },
  "patterns._index.tsx": {
    url: () => "/patterns",
    get: S(302, 200, 200, 200, 200),
    actions: [{ url: () => "/patterns?index", body: { name: "" }, refused: ["leader", "exec"] }],
  },
  "patterns.$id.tsx": {
    url: () => "/patterns/1",
    get: S(302, 200, 200, 200, 200),
    extra: [{ what: "a pattern that does not exist", url: () => "/patterns/999999", get: S(302, 404, 404, 404, 404) }],
    actions: [
      { body: { intent: "unknown" }, refused: ["leader", "exec"] },
      { body: { intent: "edit" }, refused: ["leader", "exec"] },
      { body: { intent: "add-cases", caseRefs: "abc" }, refused: ["leader", "exec"] },
      { body: { intent: "remove-case", caseId: "abc" }, refused: ["leader", "exec"] },
    ],
  },
  "briefs._index.tsx": {
    url: () => "/briefs",
    get: S(302, 200, 200, 200, 200),
    actions: [{ url: () => "/briefs?index", body: { source: "nope" }, refused: ["leader", "exec"] }],
  },
  "briefs.$id.tsx": {
    url: (ids) => `/briefs/${ids.briefId}`,
    get: S(302, 200, 200, 200, 200),
    extra: [
      // Readers never learn that an unpublished brief exists.
      { what: "a draft that was never published", url: (ids) => `/briefs/${ids.draftBriefId}`, get: S(302, 200, 200, 404, 404), secret: "Save draft" },
      { what: "a brief that does not exist", url: () => "/briefs/999999", get: S(302, 404, 404, 404, 404) },
    ],
    actions: [
      { body: { intent: "save", title: "" }, refused: ["leader", "exec"] },
      { body: { intent: "publish", version: "abc" }, refused: ["leader", "exec"] },
      { body: { intent: "unknown" }, refused: ["leader", "exec"] },
      // Every reader acknowledges what they read; only the signed-out are refused.
      { body: { intent: "acknowledge", version: "abc" }, refused: [] },
    ],
  },
  "briefs.$id_.markdown.tsx": {
    url: (ids) => `/briefs/${ids.briefId}/markdown`,
    get: S(302, 200, 200, 200, 200),
    extra: [{ what: "the Markdown of a draft", url: (ids) => `/briefs/${ids.draftBriefId}/markdown`, get: S(302, 200, 200, 404, 404) }],
    actions: "none",
  },
  "variability.tsx": {
    url: () => "/variability",
    get: S(302, 200, 200, 200, 200),
    // Only admins set the target band (issue 17).
    actions: [{ body: { intent: "band", bandLow: "abc", bandHigh: "70", version: "0" }, refused: ["analyst", "leader", "exec"] }],
  },
  "import.tsx": {
    url: () => "/import",
    get: S(302, 200, 200, 403, 403),
    secret: "Check the file",
    actions: [
      { body: { intent: "unknown" }, refused: ["leader", "exec"] },
      { body: { intent: "upload-cases" }, refused: ["leader", "exec"] },
      { body: { intent: "upload-attainment" }, refused: ["leader", "exec"] },
      { body: { intent: "import-cases", uploadId: "nope" }, refused: ["leader", "exec"] },
    ],
  },
  "test.clock.tsx": {
    // Only the end-to-end server (MOVABLE_CLOCK=1) has it, and only an admin may move time.
    url: () => "/test/clock",
    get: S(404, 404, 404, 404, 404),
    // A body that does not parse: the admin gets a 400 and nobody moves the shared server's clock.
    actions: [{ body: { days: "x" }, refused: ["analyst", "leader", "exec"] }],
  },
  "healthz.tsx": {
    // Liveness and readiness probes: anyone, no session (they say nothing about the data).
    url: () => "/healthz",
    get: S(200, 200, 200, 200, 200),
    secret: '"ok"',
    actions: "none",
  },
  "readyz.tsx": {
    url: () => "/readyz",
    get: S(200, 200, 200, 200, 200),
    secret: '"ready"',
    actions: "none",
  },
  "admin.access.tsx": {
    url: () => "/admin/access?subject=case",
    get: S(302, 200, 403, 403, 403),
    secret: "Access log</h1>",
    actions: "none",
  },
  "admin.access_.export.tsx": {
    url: () => "/admin/access/export",
    get: S(302, 200, 403, 403, 403),
    secret: "When (UTC),Who,Role",
    actions: "none",
  },
  "admin.sso.tsx": {
    url: () => "/admin/sso",
    get: S(302, 200, 403, 403, 403),
    secret: "Map a group",
    actions: [
      { body: { intent: "add", group: "" }, refused: ["analyst", "leader", "exec"] },
      { body: { intent: "unknown" }, refused: ["analyst", "leader", "exec"] },
    ],
  },
  "auth.sso.tsx": {
    // Single sign-on is not set up on the end-to-end server: absent for everyone (tests/integration/sso.test.ts runs it).
    url: () => "/auth/sso",
    get: S(404, 404, 404, 404, 404),
    actions: "none",
  },
  "auth.sso_.callback.tsx": {
    url: () => "/auth/sso/callback?code=x&state=y",
    get: S(404, 404, 404, 404, 404),
    actions: "none",
  },
  "no-access.tsx": {
    // Only for a person signed in through single sign-on without a role; everyone with one goes home.
    url: () => "/no-access",
    get: S(302, 302, 302, 302, 302),
    to: { admin: /^\/$/, analyst: /^\/$/, leader: /^\/$/, exec: /^\/$/ },
    actions: "none",
  },
  "actions._index.tsx": {
    url: () => "/actions?view=all",
    get: S(302, 200, 200, 200, 200),
    actions: "none",
  },
  "actions.new.tsx": {
    url: () => "/actions/new?patternId=1",
    get: S(302, 200, 200, 403, 403),
    secret: "Propose action",
    actions: [{ body: { title: "" }, refused: ["leader", "exec"] }],
  },
  "actions.$id.tsx": {
    // Demo action #1 is the sales leader's own (on a pattern, so executives may read it).
    url: () => "/actions/1",
    get: S(302, 200, 200, 200, 200),
    secret: "Where it comes from",
    extra: [{ what: "an action that does not exist", url: () => "/actions/999999", get: S(302, 404, 404, 404, 404) }],
    actions: [
      { body: { intent: "unknown" }, refused: ["exec"] },
      { body: { intent: "verdict", version: "1", verdict: "nope" }, refused: ["exec"] },
    ],
  },
  "plan-changes.tsx": {
    url: () => "/plan-changes",
    get: S(302, 200, 200, 200, 200),
    secret: "Export Markdown",
    actions: [{ body: { kind: "" }, refused: ["leader", "exec"] }],
  },
  "plan-changes_.export.tsx": {
    url: () => "/plan-changes/export?format=md",
    get: S(302, 200, 200, 200, 200),
    secret: "# Plan-change log",
    actions: "none",
  },
  "admin.users.tsx": {
    url: () => "/admin/users",
    get: S(302, 200, 403, 403, 403),
    secret: "Add a user",
    actions: [{ body: { intent: "create" }, refused: ["analyst", "leader", "exec"] }],
  },
  "admin.users_.$id.tsx": {
    url: (ids) => `/admin/users/${ids.userId}`,
    get: S(302, 200, 403, 403, 403),
    // Regression guard (a bug this test found, now fixed): admin.users.$id.tsx is nested in admin.users.tsx (no `_`),
    // which renders no <Outlet />, so /admin/users/:id shows the user list, not the user's
    // page with "Change role" / "Reset password" / "Deactivate". Rename the module to
    // admin.users_.$id.tsx (and its row here).
    secret: "Reset password",
    extra: [{ what: "a user who does not exist", url: () => "/admin/users/nobody", get: S(302, 404, 403, 403, 403) }],
    actions: [
      { body: { intent: "unknown" }, refused: ["analyst", "leader", "exec"] },
      { body: { intent: "role", role: "nope" }, refused: ["analyst", "leader", "exec"] },
      { body: { intent: "password", password: "short" }, refused: ["analyst", "leader", "exec"] },
    ],
  },
};

// ---------------------------------------------------------------------------------------





const routeId = (file: string) => `routes/${file.replace(/\.tsx?$/, "")}`;
const exportsAction = (file: string) =>
  /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(fs.readFileSync(`${ROUTES_DIR}/${file}`, "utf8"));
const location = (res: APIResponse) => {
  const raw = res.headers()["location"] ?? "";
  const url = new URL(raw, baseURL());
  return `${url.pathname}${url.search}`;
};
const loginFor = (url: string) => `/login?${new URLSearchParams({ redirectTo: url })}`;

type Redirect = { __type: "SingleFetchRedirect"; values: [{ redirect: string; status: number }] };
const isRedirect = (v: unknown): v is Redirect => (v as Redirect)?.__type === "SingleFetchRedirect";

let ids: Ids;
const ctx = {} as Record<Visitor, APIRequestContext>;

test.beforeAll(async () => {
  ctx.out = await request.newContext({ baseURL: baseURL() });
  for (const role of ROLES) ctx[role] = await session(role);
  // A published brief and a draft of our own: the demo data has no brief.
  const analyst = ctx.analyst;
  const made = await analyst.post("/briefs?index", { form: { source: "pattern", sourceId: "1" }, maxRedirects: 0 });
  expect(made.status(), "generate a brief").toBe(302);
  const briefId = Number(/\/briefs\/(\d+)$/.exec(location(made))![1]);
  const html = await (await analyst.get(`/briefs/${briefId}`)).text();
  const version = /name="intent" value="publish"\/><input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1];
  expect(version, "the draft's version on the brief page").toBeTruthy();
  const published = await analyst.post(`/briefs/${briefId}`, { form: { intent: "publish", version: version! }, maxRedirects: 0 });
  expect(published.status(), "publish the brief").toBe(302);
  const draft = await analyst.post("/briefs?index", { form: { source: "case", sourceId: "1" }, maxRedirects: 0 });
  expect(draft.status(), "generate a draft brief").toBe(302);
  const draftBriefId = Number(/\/briefs\/(\d+)$/.exec(location(draft))![1]);
  const users = await (await ctx.admin.get("/admin/users")).text();
  const leaderRow = /href="\/admin\/users\/([A-Za-z0-9_-]+)"[^>]*>Jordan Whitlock</.exec(users);
  expect(leaderRow, "the sales leader's row on /admin/users").toBeTruthy();
  ids = { briefId, draftBriefId, userId: leaderRow![1] };
});

test.afterAll(async () => {
  for (const c of Object.values(ctx)) await c?.dispose();
});

test("every route module has a decided access rule, and every rule a route module", () => {
  const files = fs.readdirSync(ROUTES_DIR).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f));
  const missing = files.filter((f) => !(f in RULES));
  expect(missing, `route modules without an access rule in ${test.info().file}`).toEqual([]);
  const stale = Object.keys(RULES).filter((f) => !files.includes(f));
  expect(stale, "rules for route modules that no longer exist").toEqual([]);
  for (const f of files) {
    const rule = RULES[f];
    if (exportsAction(f)) expect(rule.actions, `${f} has an action: decide who may POST`).not.toBe("none");
    else expect(rule.actions, `${f} has no action`).toBe("none");
  }
  const samples = Object.values(RULES).reduce((n, r) => n + 1 + (r.extra?.length ?? 0), 0);
  const posts = Object.values(RULES).reduce(
    (n, r) => n + (r.actions === "none" ? (r.endsSession ? 0 : 1) : "open" in r.actions ? 0 : r.actions.length * 2),
    0,
  );
  console.log(
    `route access: ${files.length} route modules, ${samples} sample URLs × ${VISITORS.length} visitors = ` +
      `${samples * VISITORS.length} page GETs + ${samples * VISITORS.length} data GETs; ${posts * VISITORS.length} POSTs (${posts} per visitor)`,
  );
});

for (const who of VISITORS) {
  test(`GET as ${who === "out" ? "a signed-out visitor" : who}: page and data request per route`, async () => {
    for (const [file, rule] of Object.entries(RULES)) {
      for (const sample of [{ ...rule, what: "sample" }, ...(rule.extra ?? [])]) {
        const url = sample.url(ids);
        const expected = sample.get[who];
        const label = `${who} GET ${url} (${file}, ${sample.what})`;
        // Signing out ends the session it is sent with: use one made for the purpose.
        const client = rule.endsSession && who !== "out" ? await session(who) : ctx[who];

        const page = await client.get(url, { maxRedirects: 0 });
        expect(page.status(), label).toBe(expected);
        if (rule.api) {
          const data = await client.get(dataUrl(url), { maxRedirects: 0 });
          expect(data.status(), `${label} (.data)`).toBe(expected);
          continue;
        }
        if (expected === 302) {
          if (who === "out" && !rule.to?.out) expect(location(page), label).toBe(loginFor(url));
          else {
            expect(rule.to?.[who], `${label}: where should it go?`).toBeTruthy();
            expect(location(page), label).toMatch(rule.to![who]!);
          }
        }
        const text = (await page.text()).replaceAll("\u0000", ""); // React 18's stray NULs (web-security.spec.ts)
        // Soft: a page that renders the wrong thing is a bug, but the access checks go on.
        if (sample.secret && expected === 200) expect.soft(text.includes(sample.secret), `${label}: shows "${sample.secret}" (the marker is real)`).toBe(true);
        if (sample.secret && expected !== 200) expect(text.includes(sample.secret), `${label}: a refusal carries no data ("${sample.secret}")`).toBe(false);

        // The data request answers the same way, and a refusal carries no route data.
        const dataClient = rule.endsSession && who !== "out" ? await session(who) : client;
        const data = await dataClient.get(dataUrl(url), { maxRedirects: 0 });
        const dataLabel = `${who} GET ${dataUrl(url)} (${file}, ${sample.what})`;
        const dataText = (await data.text()).replaceAll("\u0000", "");
        if (sample.secret && expected !== 200) expect(dataText.includes(sample.secret), `${dataLabel}: a refusal carries no data ("${sample.secret}")`).toBe(false);
        if (expected === 302) {
          expect(data.status(), dataLabel).toBe(202);
          const value = await decodeData(data);
          expect(isRedirect(value), `${dataLabel}: a single-fetch redirect`).toBe(true);
          const target = (value as Redirect).values[0].redirect;
          if (who === "out" && !rule.to?.out) expect(target, dataLabel).toBe(loginFor(url));
          else expect(target, dataLabel).toMatch(rule.to![who]!);
        } else {
          expect(data.status(), dataLabel).toBe(expected);
          const value = (await decodeData(data)) as Record<string, { data?: unknown; error?: { __type: string; values: unknown[] } }>;
          const entry = value[routeId(file)];
          expect(entry, `${dataLabel}: has an entry for ${routeId(file)}`).toBeTruthy();
          if (expected === 200) {
            expect(entry.error, `${dataLabel}: no error`).toBeUndefined();
          } else {
            expect(entry.data, `${dataLabel}: no route data on a refusal`).toBeUndefined();
            expect(entry.error?.__type, dataLabel).toBe("ErrorResponse");
            expect(entry.error?.values[1], dataLabel).toBe(expected);
          }
        }
        if (client !== ctx[who]) await client.dispose();
        if (dataClient !== client && dataClient !== ctx[who]) await dataClient.dispose();
      }
    }
  });

  test(`POST as ${who === "out" ? "a signed-out visitor" : who}: refused actions, and no POST to a route without one`, async () => {
    for (const [file, rule] of Object.entries(RULES)) {
      if (rule.actions === "none") {
        // A route without an action answers 405 to everyone, before any loader runs.
        const url = rule.url(ids);
        if (rule.endsSession) continue;
        const res = await ctx[who].post(url, { form: { probe: "1" }, maxRedirects: 0 });
        expect(res.status(), `${who} POST ${url} (${file}: no action)`).toBe(405);
        continue;
      }
      if ("open" in rule.actions) continue;
      if (rule.api) {
        // A session is no credential here: without a bearer token every visitor gets a 401.
        for (const target of [rule.url(ids), dataUrl(rule.url(ids))]) {
          const res = await ctx[who].post(target, { data: { complaint: "" }, maxRedirects: 0 });
          expect(res.status(), `${who} POST ${target} (${file}: no token)`).toBe(401);
        }
        continue;
      }
      for (const post of rule.actions) {
        const url = (post.url ?? rule.url)(ids);
        for (const target of [url, dataUrl(url)]) {
          const label = `${who} POST ${target} ${JSON.stringify(post.body)} (${file})`;
          const res = await ctx[who].post(target, { form: post.body, maxRedirects: 0 });
            const isData = target !== url;
          if (who === "out") {
            if (isData) {
              // An action's single-fetch redirect is a plain { redirect, status } object.
              expect(res.status(), label).toBe(202);
              const value = (await decodeData(res)) as { redirect?: string };
              expect(value?.redirect ?? "", label).toMatch(/^\/login\?redirectTo=/);
            } else {
              expect(res.status(), label).toBe(302);
              expect(location(res), label).toMatch(/^\/login\?redirectTo=/);
            }
          } else if (post.refused.includes(who)) {
            expect(res.status(), label).toBe(403);
          } else {
            // Allowed to act: the harmless body is refused as bad input, never as a crash.
            expect(res.status(), `${label}: allowed, so not 403`).not.toBe(403);
            expect(res.status(), `${label}: bad input is a 4xx`).toBeGreaterThanOrEqual(400);
            expect(res.status(), `${label}: bad input is a 4xx`).toBeLessThan(500);
          }
        }
      }
    }
  });
}
