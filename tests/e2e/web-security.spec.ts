import { expect, request, test, type APIRequestContext, type APIResponse, type Browser, type Page } from "@playwright/test";
import http from "node:http";
import Papa from "papaparse";
import { getEnv } from "../../app/utils/env.server";
import { baseURL, decodeData, DEMO, session, signIn, type DemoRole } from "./support";

// Web security of the running app (issue 8, "Hardening"): headers and CSP, the session cookie,
// sign-in rate limiting and redirects, stored XSS in every free-text field, CSV formula
// injection and request size limits.

test.describe.configure({ mode: "parallel" });

const MB = 1024 * 1024;
const XSS = ["<script>window.__xss=1</script>", `<img src=x onerror="window.__xss=1">`, "[x](javascript:window.__xss=1)"] as const;



const locationOf = (res: APIResponse) => res.headers()["location"] ?? "";
const idFrom = (res: APIResponse, what: RegExp) => Number(what.exec(locationOf(res))?.[1] ?? NaN);


/** A form body with repeated keys (caseIds=1&caseIds=2), which `form:` cannot send. */
function formBody(entries: [string, string][]) {
  return { headers: { "content-type": "application/x-www-form-urlencoded" }, data: new URLSearchParams(entries).toString(), maxRedirects: 0 };
}

/** Collects CSP violations (DOM events and console errors) from the moment a page opens. */
async function watchCsp(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} at ${location.pathname} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber}) ${e.sample}`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return async () => [...problems, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[])];
}

// ---------------------------------------------------------------------------------------
// Headers and CSP
// ---------------------------------------------------------------------------------------

test("HTML responses carry the security headers and a per-response script nonce", async () => {
  const analyst = await session("analyst");
  const anon = await request.newContext({ baseURL: baseURL() });
  try {
    const responses: [string, APIResponse][] = [
      ["/login (signed out)", await anon.get("/login")],
      ["/cases", await analyst.get("/cases")],
      ["/cases/1", await analyst.get("/cases/1")],
      ["/admin/users (403)", await analyst.get("/admin/users")],
      ["/cases/999999 (404)", await analyst.get("/cases/999999")],
    ];
    const nonces = new Set<string>();
    for (const [what, res] of responses) {
      const h = res.headers();
      expect(h["content-type"], what).toContain("text/html");
      const csp = h["content-security-policy"] ?? "";
      const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      expect(directives["frame-ancestors"], `${what}: frame-ancestors`).toEqual(["'none'"]);
      expect(directives["default-src"], `${what}: default-src`).toEqual(["'self'"]);
      expect(directives["object-src"], `${what}: object-src`).toEqual(["'none'"]);
      expect(directives["base-uri"], `${what}: base-uri`).toEqual(["'self'"]);
      expect(directives["form-action"], `${what}: form-action`).toEqual(["'self'"]);
      const scriptSrc: string[] = directives["script-src"] ?? [];
      expect(scriptSrc, `${what}: no inline scripts without the nonce`).not.toContain("'unsafe-inline'");
      expect(scriptSrc, `${what}: no eval`).not.toContain("'unsafe-eval'");
      const nonce = scriptSrc.map((s) => /^'nonce-(.+)'$/.exec(s)?.[1]).find(Boolean);
      expect(nonce, `${what}: script-src has a nonce`).toBeTruthy();
      nonces.add(nonce!);
      expect(h["x-content-type-options"], what).toBe("nosniff");
      expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"], what).toBe("DENY");
      expect(h["x-powered-by"], `${what}: no X-Powered-By`).toBeUndefined();
      // Every script element carries this response's nonce.
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, `${what}: has scripts`).toBeGreaterThan(0);
      expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`)), `${what}: scripts without the nonce`).toEqual([]);
    }
    expect(nonces.size, "a fresh nonce per response").toBe(responses.length);
  } finally {
    await analyst.dispose();
    await anon.dispose();
  }
});

test("streamed HTML never carries NUL bytes", async () => {
  // Regression guard (a bug found by this test, now fixed; showed when a multi-byte character such as "·" or "—" lands on a
  // 2 KB boundary of React's stream encoder): React 18.3's renderToPipeableStream flushes its
  // whole 2048-byte buffer when TextEncoder.encodeInto stops short of a multi-byte character,
  // so stray \0 bytes reach the page (react#24985, fixed by react#26228 in React 19 only). Seen
  // on /patterns ("\0·" in a matrix cell): a hydration mismatch, and some clients treat \0 as
  // the end of the text. Fix: strip 0x00 bytes in app/entry.server.tsx (a Transform between
  // React's pipe and the PassThrough), or move to React 19.
  const visits: [DemoRole, string[]][] = [
    ["analyst", ["/cases", "/cases?page=2", "/cases?page=3", "/cases/new", "/patterns", "/patterns/1", "/patterns/2", "/briefs", "/variability", "/import", ...Array.from({ length: 20 }, (_, i) => `/cases/${i + 1}`), ...Array.from({ length: 8 }, (_, i) => `/cases/${i + 1}/whys`)]],
    ["admin", ["/cases", "/patterns", "/admin/users", "/cases/2", "/cases/3/whys"]],
    ["leader", ["/cases", "/cases?page=2", "/patterns", "/patterns/1", "/patterns/2", "/briefs", "/variability", ...Array.from({ length: 12 }, (_, i) => `/cases/${i + 1}`)]],
    ["exec", ["/", "/patterns", "/patterns/1", "/patterns/2", "/briefs", "/variability"]],
  ];
  const withNul: string[] = [];
  let scanned = 0;
  for (const [role, urls] of visits) {
    const ctx = await session(role);
    for (const url of urls) {
      const body = await (await ctx.get(url)).body();
      scanned += 1;
      const at = body.indexOf(0);
      if (at >= 0) withNul.push(`${role} ${url}: byte ${at} …${body.subarray(Math.max(0, at - 40), at + 10).toString("utf8").replaceAll("\u0000", "\\0")}…`);
    }
    await ctx.dispose();
  }
  console.log(`NUL scan: ${scanned} HTML responses, ${withNul.length} with NUL bytes`);
  expect(withNul).toEqual([]);
});

test("the app works under its CSP: no violation while signing in, navigating and filtering", async ({ page }) => {
  test.setTimeout(90_000); // a walk of ten pages, each waited on until the network is idle
  const violations = await watchCsp(page);
  await signIn(page, "analyst");
  await page.goto("/cases");
  // A filter select submits on change: that is JavaScript running under the CSP.
  await page.getByLabel("Function").selectOption({ index: 1 });
  await expect(page).toHaveURL(/\?.*=/);
  await page.goto("/cases/1");
  await page.getByRole("link", { name: /Five Whys/ }).click();
  await expect(page).toHaveURL(/\/cases\/1\/whys$/);
  for (const path of ["/patterns", "/patterns/1", "/briefs", "/variability", "/import", "/cases/new", "/admin/users"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation too (the router's data requests).
  await page.goto("/cases");
  await page.getByRole("link", { name: "Log a complaint" }).click();
  await expect(page).toHaveURL(/\/cases\/new$/);
  // Regression guard (a bug this test found, now fixed): zod v4 probes for `new Function` (allowsEval, in the client
  // bundle's schemas chunk) on first use; the CSP blocks it and Chrome reports a "script-src
  // eval" violation on every page with a form schema. Harmless, but it floods the console and
  // any CSP report endpoint. Fix: `z.config({ jitless: true })` in a module the client loads
  // before any schema (e.g. a new app/entry.client.tsx, or top of app/root.tsx).
  expect(await violations()).toEqual([]);
});

// ---------------------------------------------------------------------------------------
// Session cookie
// ---------------------------------------------------------------------------------------

test("the session cookie is HttpOnly and SameSite=Lax, new at every sign-in, and dead after sign-out", async () => {
  const anon = await request.newContext({ baseURL: baseURL() });
  try {
    const signIn = () => anon.post("/login", { form: { email: DEMO.analyst, password: "upstream-demo", redirectTo: "/" }, maxRedirects: 0 });
    const first = await signIn();
    const cookie = first.headers()["set-cookie"] ?? "";
    const attrs = cookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attrs[0]).toMatch(/^__upstream_session=./);
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
    expect(attrs).toContain("path=/");
    // This test server runs with INSECURE_COOKIES=1 (plain http on loopback), so no Secure
    // here; the production default is checked below.
    expect(attrs).not.toContain("secure");
    const second = await signIn();
    expect((second.headers()["set-cookie"] ?? "").split(";")[0], "a new session id at every sign-in").not.toBe(cookie.split(";")[0]);

    const stolen = cookie.split(";")[0];
    const replay = await request.newContext({ baseURL: baseURL(), extraHTTPHeaders: { cookie: stolen } });
    expect((await replay.get("/cases", { maxRedirects: 0 })).status(), "the cookie works before sign-out").toBe(200);
    const out = await replay.post("/logout", { maxRedirects: 0 });
    expect(out.status()).toBe(302);
    const after = await replay.get("/cases", { maxRedirects: 0 });
    expect(after.status(), "the same cookie after sign-out").toBe(302);
    expect(locationOf(after)).toMatch(/^\/login\?redirectTo=/);
    await replay.dispose();
  } finally {
    await anon.dispose();
  }
});

test("in production the session cookie is Secure unless INSECURE_COOKIES=1 opts out", () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, INSECURE_COOKIES: process.env.INSECURE_COOKIES, SESSION_SECRET: process.env.SESSION_SECRET };
  try {
    process.env.SESSION_SECRET = "a-secret-for-this-check";
    process.env.NODE_ENV = "production";
    delete process.env.INSECURE_COOKIES;
    expect(getEnv().secureCookies).toBe(true);
    process.env.INSECURE_COOKIES = "1";
    expect(getEnv().secureCookies).toBe(false);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test("sign-out is a POST: GET /logout (a cross-site <img>, a prefetch) only asks, and the session stays valid", async ({ browser }) => {
  const analyst = await session("analyst");
  const anon = await request.newContext({ baseURL: baseURL() });
  try {
    const asked = await analyst.get("/logout", { maxRedirects: 0 });
    expect(asked.status(), "GET /logout signed in: a confirm page").toBe(200);
    expect(asked.headers()["set-cookie"], "GET /logout: the cookie is left alone").toBeUndefined();
    const html = await asked.text();
    expect(html).toContain("Sign out of Upstream?");
    expect(html, "the page's sign-out form POSTs").toMatch(/<form[^>]*method="post"[^>]*action="\/logout"|<form[^>]*action="\/logout"[^>]*method="post"/);
    expect((await analyst.get("/logout.data", { maxRedirects: 0 })).status(), "GET /logout.data").toBe(200);
    expect((await analyst.get("/cases", { maxRedirects: 0 })).status(), "still signed in after GET /logout and /logout.data").toBe(200);

    const out = await anon.get("/logout", { maxRedirects: 0 });
    expect(out.status(), "GET /logout signed out").toBe(302);
    expect(locationOf(out)).toBe("/login");

    // In the browser: the bookmarked /logout shows the button, and the button signs out.
    const page = await pageAs(browser, analyst);
    await page.goto("/logout");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    const after = await page.request.get("/cases", { maxRedirects: 0 });
    expect(after.status(), "the browser's session after the POST").toBe(302);
    await page.context().close();
    expect((await analyst.get("/cases", { maxRedirects: 0 })).status(), "the POST ended the session for every copy of the cookie").toBe(302);
  } finally {
    await analyst.dispose();
    await anon.dispose();
  }
});

test("every app response (pages, .data, exports, downloads, redirects, errors) is Cache-Control: no-store; fingerprinted assets stay cacheable", async () => {
  const analyst = await session("analyst");
  const anon = await request.newContext({ baseURL: baseURL() });
  try {
    const made = await analyst.post("/briefs?index", { form: { source: "case", sourceId: "1" }, maxRedirects: 0 });
    expect(made.status(), "a brief to download").toBe(302);
    const briefId = idFrom(made, /\/briefs\/(\d+)$/);
    const checks: [string, APIResponse][] = [];
    for (const url of [
      "/cases",
      "/cases.data",
      "/cases/1",
      "/cases/1.data",
      "/cases/1/whys",
      "/cases/1/whys.data",
      "/cases/export?format=csv",
      "/cases/export?format=json",
      `/briefs/${briefId}`,
      `/briefs/${briefId}.data`,
      `/briefs/${briefId}/markdown`,
      "/patterns/1",
      "/logout",
      "/login",
      "/cases/999999",
      "/admin/users",
    ]) {
      checks.push([`analyst GET ${url}`, await analyst.get(url, { maxRedirects: 0 })]);
    }
    checks.push(["anon GET /login", await anon.get("/login")]);
    checks.push(["anon GET /cases/1 (redirect)", await anon.get("/cases/1", { maxRedirects: 0 })]);
    checks.push(["analyst POST /cases/1 (note)", await analyst.post("/cases/1", { form: { intent: "add-note", kind: "context", body: "no-store check" }, maxRedirects: 0 })]);
    for (const [what, res] of checks) {
      expect(res.status(), what).toBeLessThan(500);
      const cacheControl = res.headers()["cache-control"] ?? "";
      expect(cacheControl, `${what}: Cache-Control`).toMatch(/\bno-store\b/);
      expect(cacheControl, `${what}: one no-store, not doubled`).not.toMatch(/no-store.*no-store/);
    }
    // Static files are not app responses: a fingerprinted bundle is cached for good.
    const html = await (await analyst.get("/cases")).text();
    const asset = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/assets\/[^"]+)"/.exec(html)?.[1];
    expect(asset, "an /assets/ file on the page").toBeTruthy();
    const assetRes = await anon.get(asset!);
    expect(assetRes.status()).toBe(200);
    expect(assetRes.headers()["cache-control"] ?? "", asset).toMatch(/immutable/);
    expect(assetRes.headers()["cache-control"] ?? "", asset).not.toMatch(/no-store/);
  } finally {
    await analyst.dispose();
    await anon.dispose();
  }
});

test("a cross-site POST (Origin or Sec-Fetch-Site from elsewhere) is refused with 403, not 500, and changes nothing", async () => {
  const analyst = await session("analyst");
  const anon = await request.newContext({ baseURL: baseURL() });
  try {
    const marker = `csrf${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const note = (n: number) => ({ intent: "add-note", kind: "context", body: `${marker}-${n}` });
    const foreign: [string, Record<string, string>][] = [
      ["Origin evil.test + Sec-Fetch-Site cross-site", { origin: "http://evil.test", "sec-fetch-site": "cross-site" }],
      ["Origin evil.test", { origin: "http://evil.test" }],
      ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
      ["Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
      ["Origin null (sandboxed frame)", { origin: "null" }],
      ["Origin that is not a URL", { origin: "evil" }],
      ["Origin on another port", { origin: `http://127.0.0.1:${Number(new URL(baseURL()).port) + 1}` }],
    ];
    let n = 0;
    for (const [what, headers] of foreign) {
      for (const target of ["/cases/1", "/cases/1.data"]) {
        n += 1;
        const res = await analyst.post(target, { form: note(n), headers, maxRedirects: 0 });
        const label = `${what}: POST ${target}`;
        expect(res.status(), label).toBe(403);
        expect(res.headers()["content-type"] ?? "", label).toMatch(/^text\/plain/);
        expect(await res.text(), label).toContain("Cross-site request refused");
      }
    }
    // Sign-in and sign-out are form posts too (login CSRF, forced sign-out).
    const login = await anon.post("/login", { form: { email: DEMO.analyst, password: "upstream-demo", redirectTo: "/" }, headers: foreign[0][1], maxRedirects: 0 });
    expect(login.status(), "cross-site POST /login").toBe(403);
    expect(login.headers()["set-cookie"], "no session from a cross-site sign-in").toBeUndefined();
    const logout = await analyst.post("/logout", { headers: foreign[0][1], maxRedirects: 0 });
    expect(logout.status(), "cross-site POST /logout").toBe(403);
    expect((await analyst.get("/cases", { maxRedirects: 0 })).status(), "still signed in").toBe(200);

    // Nothing was written.
    const page = await (await analyst.get("/cases/1")).text();
    expect(page.includes(marker), "no note from a refused POST").toBe(false);

    // The same POST from Upstream itself goes through (what a browser sends for our own forms).
    const own = await analyst.post("/cases/1", {
      form: note(0),
      headers: { origin: new URL(baseURL()).origin, "sec-fetch-site": "same-origin" },
      maxRedirects: 0,
    });
    expect(own.status(), "same-origin POST").toBe(302);
    const ownData = await analyst.post("/cases/1.data", { form: note(-1), headers: { origin: new URL(baseURL()).origin, "sec-fetch-site": "same-origin" }, maxRedirects: 0 });
    expect(ownData.status(), "same-origin POST .data").toBe(202);
    const after = await (await analyst.get("/cases/1")).text();
    expect(after).toContain(`${marker}-0`);
    expect(after).toContain(`${marker}--1`);
  } finally {
    await analyst.dispose();
    await anon.dispose();
  }
});

// ---------------------------------------------------------------------------------------
// Sign-in: rate limiting and redirects
// ---------------------------------------------------------------------------------------

test("the sixth wrong password for one email is refused with 429, and so is the right one after it", async ({ page }) => {
  // A throwaway account, so the demo users are never locked out for the other tests.
  const admin = await session("admin");
  const email = `lockout-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@upstream.test`;
  const password = "a-long-enough-password";
  const created = await admin.post("/admin/users", { form: { intent: "create", name: "Lockout Probe", email, role: "analyst", password }, maxRedirects: 0 });
  expect(created.status(), "create the throwaway account").toBe(302);
  await admin.dispose();

  const anon = await request.newContext({ baseURL: baseURL() });
  try {
    for (let i = 1; i <= 5; i++) {
      const res = await anon.post("/login", { form: { email, password: `wrong-${i}` }, maxRedirects: 0 });
      expect(res.status(), `wrong password ${i}`).toBe(401);
    }
    // The sixth, through the form: the message is next to it.
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-6");
    const [sixth] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    expect(sixth.status()).toBe(429);
    await expect(page.getByRole("alert")).toContainText("Too many failed attempts");

    const right = await anon.post("/login", { form: { email, password }, maxRedirects: 0 });
    expect(right.status(), "locked: even the right password waits").toBe(429);
    // Regression guard (a bug this test found, now fixed): the action sets Retry-After, but login.tsx exports no
    // `headers` function, so Remix drops it (document and .data responses alike). Fix: in
    // app/routes/login.tsx, `export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;`
    expect.soft(Number(right.headers()["retry-after"]), "Retry-After in seconds").toBeGreaterThan(0);
    expect(await right.text()).toContain("Too many failed attempts");
    // Another account from the same address is not locked.
    const other = await anon.post("/login", { form: { email: DEMO.exec, password: "upstream-demo" }, maxRedirects: 0 });
    expect(other.status(), "another account signs in").toBe(302);
  } finally {
    await anon.dispose();
  }
});

test("no open redirect after sign-in", async ({ page }) => {
  const anon = await request.newContext({ baseURL: baseURL() });
  // The browser must never be sent to evil.test; if it were, this answers instead of DNS.
  const visitedEvil: string[] = [];
  await page.route((url) => url.hostname.endsWith("evil.test"), (route) => {
    visitedEvil.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
  });
  try {
    const targets = [
      "https://evil.test",
      "//evil.test",
      "/\\evil.test",
      "\\\\evil.test",
      "https:evil.test",
      " //evil.test",
      // Regression guard (a bug this test found, now fixed): a tab (or newline) inside the path. Browsers drop tabs and
      // newlines from URLs, so "Location: /\t/evil.test" is followed to //evil.test;
      // "/\n/evil.test" makes the Location header invalid and the sign-in a 500.
      // safeRedirect (app/utils/auth.server.ts) should refuse control characters, e.g.
      // `if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;`.
      "/\t/evil.test",
      "/\n/evil.test",
      // Regression guard (a tester's find, now fixed): paths that only become "//evil.test" once
      // dot segments are resolved or the path is decoded.
      "/.//evil.test/phish",
      "/a/..//evil.test",
      "/./\\evil.test",
      "/%2F%2Fevil.test",
    ];
    for (const redirectTo of targets) {
      const res = await anon.post("/login", { form: { email: DEMO.leader, password: "upstream-demo", redirectTo }, maxRedirects: 0 });
      const label = `redirectTo=${JSON.stringify(redirectTo)}`;
      expect.soft(res.status(), label).toBe(302);
      const to = locationOf(res);
      // Same origin: a path, not a scheme or a protocol-relative URL, and nothing the browser drops.
      expect.soft(new URL(to.replace(/[\t\n\r]/g, ""), baseURL()).origin, `${label} → ${JSON.stringify(to)}`).toBe(new URL(baseURL()).origin);
      expect.soft([...to].filter((ch) => ch.charCodeAt(0) < 0x20).length, `${label}: no control characters in Location ${JSON.stringify(to)}`).toBe(0);
    }
    // In the browser, through the form.
    for (const redirectTo of ["https://evil.test", "//evil.test", "/\t/evil.test", "/.//evil.test/phish"]) {
      await page.context().clearCookies();
      await page.goto(`/login?${new URLSearchParams({ redirectTo })}`);
      await page.getByLabel("Email").fill(DEMO.leader);
      await page.getByLabel("Password").fill("upstream-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect.soft(new URL(page.url()).origin, `browser, redirectTo=${JSON.stringify(redirectTo)}`).toBe(new URL(baseURL()).origin);
    }
    expect(visitedEvil, "requests that reached evil.test").toEqual([]);
  } finally {
    await anon.dispose();
  }
});

// ---------------------------------------------------------------------------------------
// Stored XSS
// ---------------------------------------------------------------------------------------

type Seeded = { marker: string; caseIds: number[]; patternId: number; briefId: number };

async function seedXss(analyst: APIRequestContext, leader: APIRequestContext): Promise<Seeded> {
  const marker = `xss${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const caseIds: number[] = [];
  for (const [i, p] of XSS.entries()) {
    const v = `${p} ${marker}-${i}`;
    const res = await analyst.post("/cases/new", {
      form: { complaint: v, title: v, behaviour: "other", reporterRole: "other", segment: "other", behaviourDetail: v, causeDetail: v, region: v, reporterName: v, tags: `${p}, ${marker}`, suspectedCause: "other" },
      maxRedirects: 0,
    });
    expect(res.status(), `intake with payload ${i}`).toBe(302);
    caseIds.push(idFrom(res, /\/cases\/(\d+)$/));
  }
  const caseId = caseIds[0];

  // Five Whys: a link that runs script is refused, with the reason next to the field.
  const whysVersion = async () => Number(/name="intent" value="add-step"\/><input type="hidden" name="version" value="(\d+)"/.exec(await (await analyst.get(`/cases/${caseId}/whys`)).text())?.[1] ?? NaN);
  const leaderId = /<option value="([^"]+)">Jordan Whitlock<\/option>/.exec(await (await analyst.get(`/cases/${caseId}/whys`)).text())?.[1];
  expect(leaderId, "the sales leader in the ask-a-leader list").toBeTruthy();
  const step = (extra: Record<string, string>) => ({ intent: "add-step", question: XSS[0], answer: XSS[1], evidence: XSS[2], ownerFunction: "sales", confidence: "likely", ...extra });
  for (const bad of ["javascript:alert(1)", "JavaScript:window.__xss=1", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
    const res = await analyst.post(`/cases/${caseId}/whys`, { form: step({ evidenceUrl: bad, version: String(await whysVersion()) }), maxRedirects: 0 });
    expect(res.status(), `evidenceUrl ${JSON.stringify(bad)} is refused`).toBe(400);
    expect(await res.text(), `evidenceUrl ${JSON.stringify(bad)}: the message`).toContain("Use a web link starting with http:// or https://");
  }
  const added = await analyst.post(`/cases/${caseId}/whys`, { form: step({ evidenceUrl: `https://example.test/?q=${encodeURIComponent(XSS[0])}`, version: String(await whysVersion()) }), maxRedirects: 0 });
  expect(added.status(), "a step with payloads in question, answer and evidence").toBe(302);
  const asked = await analyst.post(`/cases/${caseId}/whys`, { form: { intent: "add-step", question: `${XSS[1]} ${marker}`, ownerFunction: "sales", confidence: "possible", askLeaderId: leaderId!, version: String(await whysVersion()) }, maxRedirects: 0 });
  expect(asked.status(), "a step put to the sales leader").toBe(302);
  const conclusion = await analyst.post(`/cases/${caseId}/whys`, {
    form: { intent: "conclusion", rootCause: "other", statement: XSS[0], upstreamFix: XSS[1], fixOwner: "revops", payFix: "no", payFixWhy: XSS[2], justification: XSS[0], version: String(await whysVersion()) },
    maxRedirects: 0,
  });
  expect(conclusion.status(), "a conclusion with payloads").toBe(302);

  // The leader answers the question put to them, and both sides add notes.
  const questions = (await decodeData(await leader.get("/questions.data"))) as { "routes/questions": { data: { questions: { id: number; case: { id: number } }[] } } };
  const question = questions["routes/questions"].data.questions.find((q) => q.case.id === caseId);
  expect(question, "the question reached the leader").toBeTruthy();
  const answered = await leader.post("/questions", { form: { stepId: String(question!.id), answer: XSS[2], evidence: XSS[0] }, maxRedirects: 0 });
  expect(answered.status(), "the leader's answer").toBe(302);
  for (const [who, body] of [[leader, XSS[1]], [analyst, XSS[2]]] as const) {
    const note = await who.post(`/cases/${caseId}`, { form: { intent: "add-note", kind: "context", body }, maxRedirects: 0 });
    expect(note.status(), "a note with a payload").toBe(302);
  }

  // A pattern of the three cases, and a brief from it with a payload in every section.
  const pattern = await analyst.post(
    "/patterns?index",
    formBody([["name", `${XSS[1]} ${marker}`], ["description", `${XSS[0]} ${XSS[2]}`], ["source", "manual"], ["status", "open"], ...caseIds.map((id) => ["caseIds", String(id)] as [string, string])]),
  );
  expect(pattern.status(), "a pattern with payloads").toBe(302);
  const patternId = idFrom(pattern, /\/patterns\/(\d+)$/);
  const made = await analyst.post("/briefs?index", { form: { source: "pattern", sourceId: String(patternId) }, maxRedirects: 0 });
  expect(made.status(), "a brief from the pattern").toBe(302);
  const briefId = idFrom(made, /\/briefs\/(\d+)$/);
  const briefVersion = async () => /name="intent" value="publish"\/><input type="hidden" name="version" value="(\d+)"/.exec(await (await analyst.get(`/briefs/${briefId}`)).text())?.[1] ?? "";
  const saved = await analyst.post(`/briefs/${briefId}`, {
    form: {
      intent: "save",
      version: await briefVersion(),
      title: `${XSS[0]} ${marker}`,
      summary: XSS[1],
      whatWeSee: XSS[2],
      whyItHappens: `${XSS[0]}\n\n${XSS[1]}`,
      whatItCosts: `- ${XSS[1]}\n- ${XSS[2]}`,
      payChange: XSS[0],
      recommendedFix: XSS[1],
      quotes: XSS[2],
    },
    maxRedirects: 0,
  });
  expect(saved.status(), "brief sections with payloads").toBe(302);
  const published = await analyst.post(`/briefs/${briefId}`, { form: { intent: "publish", version: await briefVersion() }, maxRedirects: 0 });
  expect(published.status(), "publish the brief").toBe(302);
  return { marker, caseIds, patternId, briefId };
}

async function pageAs(browser: Browser, ctx: APIRequestContext) {
  const context = await browser.newContext({ storageState: await ctx.storageState() });
  return context.newPage();
}

/** Nothing from the payloads became markup: no injected script, image, handler or link. */
async function expectNoInjection(page: Page, url: string) {
  // After "load" every element of the page exists and an injected image has fired its onerror.
  await page.goto(url);
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    scripts: [...document.querySelectorAll("script")].filter((s) => (s.textContent ?? "").trimStart().startsWith("window.__xss")).length,
    images: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll("[onerror]").length,
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
  }));
  expect(found, url).toEqual({ xss: undefined, scripts: 0, images: 0, handlers: 0, jsLinks: 0 });
}

test("stored XSS in every free-text field is shown as text on every page that shows it", async ({ browser }) => {
  test.setTimeout(90_000);
  const analyst = await session("analyst");
  const leader = await session("leader");
  const exec = await session("exec");
  try {
    const s = await seedXss(analyst, leader);
    const [first] = s.caseIds;

    const a = await pageAs(browser, analyst);
    const cspA = await watchCsp(a);
    const analystPages = [
      `/cases?q=${s.marker}`,
      ...s.caseIds.flatMap((id) => [`/cases/${id}`, `/cases/${id}/edit`, `/cases/${id}/whys`]),
      `/cases/${first}/whys?edit=1`,
      "/patterns",
      `/patterns/${s.patternId}`,
      "/briefs",
      `/briefs/${s.briefId}`,
      `/briefs/${s.briefId}?version=1`,
    ];
    for (const url of analystPages) await expectNoInjection(a, url);
    // The payloads are there, as text.
    await a.goto(`/cases/${first}`);
    await expect(a.getByText(XSS[0]).first()).toBeVisible();
    await a.goto(`/briefs/${s.briefId}?version=1`);
    await expect(a.getByText(XSS[2]).first()).toBeVisible();
    // zod's eval probe is reported separately (the CSP test); an injected script is not eval.
    expect((await cspA()).filter((v) => !v.startsWith("script-src eval")), "CSP violations (an injected script would be one)").toEqual([]);

    const l = await pageAs(browser, leader);
    for (const url of [`/cases/${first}`, `/cases/${first}/whys`, `/cases?q=${s.marker}`, "/questions", `/patterns/${s.patternId}`, `/briefs/${s.briefId}`]) await expectNoInjection(l, url);
    const e = await pageAs(browser, exec);
    for (const url of ["/", "/patterns", `/patterns/${s.patternId}`, "/briefs", `/briefs/${s.briefId}`]) await expectNoInjection(e, url);
    console.log(`stored XSS: ${XSS.length} payloads in ${s.caseIds.length} cases, steps, notes, a pattern and a brief; ${analystPages.length + 11} page views clean`);
  } finally {
    await analyst.dispose();
    await leader.dispose();
    await exec.dispose();
  }
});

// ---------------------------------------------------------------------------------------
// CSV formula injection
// ---------------------------------------------------------------------------------------

test("CSV export neutralises formulas; JSON keeps the text as typed", async () => {
  const analyst = await session("analyst");
  const leader = await session("leader");
  try {
    const marker = `csvformula${Date.now().toString(36)}`;
    const typed = {
      complaint: `=HYPERLINK("http://evil.test","x")`,
      behaviourDetail: "+1+1",
      causeDetail: "-2+3",
      region: "@SUM(1+1)",
      reporterName: "=1+1",
    };
    const res = await analyst.post("/cases/new", { form: { ...typed, title: marker, behaviour: "other", reporterRole: "other", segment: "other", tags: `${marker}, =cmd|' /C calc'!A0` }, maxRedirects: 0 });
    expect(res.status()).toBe(302);

    for (const [who, ctx] of [["analyst", analyst], ["leader", leader]] as const) {
      const csv = await ctx.get(`/cases/export?format=csv&q=${marker}`);
      expect(csv.status(), who).toBe(200);
      const parsed = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
      expect(parsed.data, `${who}: one row`).toHaveLength(1);
      const row = parsed.data[0];
      expect(row["Complaint"], who).toBe(`'=HYPERLINK("http://evil.test","x")`);
      expect(row["Behaviour detail"], who).toBe("'+1+1");
      expect(row["Cause detail"], who).toBe("'-2+3");
      expect(row["Region"], who).toBe("'@SUM(1+1)");
      expect(row["Tags"], who).toMatch(/^'?[^=+\-@]/);
      if (who === "analyst") expect(row["Reporter name"], "reporter name cell").toBe("'=1+1");
      // No cell anywhere in the file starts a formula.
      for (const [column, cell] of Object.entries(row)) expect(cell, `${who} ${column}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const json = await analyst.get(`/cases/export?format=json&q=${marker}`);
    const body = (await json.json()) as { cases: Record<string, unknown>[] };
    expect(body.cases[0].complaint, "JSON is not a spreadsheet: the text is kept as typed").toBe(typed.complaint);
  } finally {
    await analyst.dispose();
    await leader.dispose();
  }
});

// ---------------------------------------------------------------------------------------
// Request size limits
// ---------------------------------------------------------------------------------------

/** A raw POST: with `length`, that Content-Length is declared; without, the body is chunked. */
function rawPost(path: string, opts: { cookie?: string; length?: number; send: number; contentType?: string }) {
  const url = new URL(path, baseURL());
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    const req = http.request(
      {
        method: "POST",
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: {
          "content-type": opts.contentType ?? "application/x-www-form-urlencoded",
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(opts.length !== undefined ? { "content-length": String(opts.length) } : {}),
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, sent });
          req.destroy();
        });
      },
    );
    req.on("error", (e) => (sent > 0 ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const first = Buffer.from("complaint=");
    req.write(first);
    sent += first.length;
    const pump = () => {
      while (sent < opts.send) {
        const piece = chunk.subarray(0, Math.min(chunk.length, opts.send - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      if (opts.length === undefined || sent >= opts.length) req.end();
    };
    pump();
  });
}

async function cookieOf(role: DemoRole) {
  const ctx = await session(role);
  const state = await ctx.storageState();
  await ctx.dispose();
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test("request bodies beyond the limits are refused with 413", async () => {
  const cookie = await cookieOf("analyst");
  const three = 3 * MB;

  const declared = await rawPost("/cases/new", { cookie, length: three, send: three });
  expect(declared.status, "3 MB form to /cases/new").toBe(413);
  expect(declared.body).toContain("Request too large");

  // 61 MB declared to /import: refused from the headers, before the body is sent.
  const big = await rawPost("/import", { cookie, length: 61 * MB, send: 64 * 1024, contentType: "multipart/form-data; boundary=x" });
  expect(big.status, "61 MB to /import").toBe(413);
  expect(big.sent, "answered without reading the 61 MB").toBeLessThan(MB);

  // Under the limit is not refused for size: 1 MB reaches the form (which says the complaint is too long).
  const under = await rawPost("/cases/new", { cookie, length: MB, send: MB });
  expect(under.status, "1 MB form to /cases/new").toBe(400);

  // A chunked body declares no size: it is refused before it is read (411 Length Required).
  const chunked = await rawPost("/login", { send: three });
  expect([411, 413], "3 MB chunked body to /login").toContain(chunked.status);
});
