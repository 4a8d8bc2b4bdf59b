import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushAccessLog } from "~/models/access-log.server";
import { loader as homeLoader } from "~/routes/_index";
import { action as ssoAdminAction, loader as ssoAdminLoader } from "~/routes/admin.sso";
import { loader as ssoStart } from "~/routes/auth.sso";
import { loader as ssoCallback } from "~/routes/auth.sso_.callback";
import { loader as casesLoader } from "~/routes/cases._index";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as noAccessLoader } from "~/routes/no-access";
import { getCurrentUser } from "~/utils/auth.server";
import { ssoCookie } from "~/utils/oidc.server";
import { cookieFor, db, getRequest, makeUser, postRequest, run } from "./helpers";
import { signInAtProvider, startTestProvider } from "./oidc-test-provider";

// Single sign-on against a real OpenID provider (oidc-provider) on a loopback port.
const APP = "http://upstream.test";
const CALLBACK = `${APP}/auth/sso/callback`;
const ACCOUNTS = {
  leader: { email: "Lena.Sso@Example.test", email_verified: true, name: "Lena Sso", groups: ["sales-leaders", "everyone"] },
  nobody: { email: "nobody.sso@example.test", email_verified: true, name: "Nils Nogroup", groups: ["everyone"] },
  unverified: { email: "unverified@example.test", email_verified: false, name: "Una Verified", groups: ["sales-leaders"] },
  existing: { email: "existing.analyst@example.test", email_verified: true, name: "Ex Isting", groups: ["comp-admins"] },
  replay: { email: "replay@example.test", email_verified: true, name: "Re Play", groups: ["sales-leaders"] },
};
let provider: Awaited<ReturnType<typeof startTestProvider>>;
let admin: { id: string; cookie: string };

beforeAll(async () => {
  provider = await startTestProvider({ redirectUri: CALLBACK, postLogoutUri: `${APP}/login`, accounts: ACCOUNTS });
  Object.assign(process.env, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_REDIRECT_URL: CALLBACK,
    OIDC_PROVIDER_NAME: "Test IdP",
    OIDC_SCOPES: "openid email profile groups",
  });
  const a = await makeUser("admin");
  admin = { id: a.id, cookie: await cookieFor(a.id) };
  // The mapping is set by an admin, through the page's action.
  const mapped = await run(ssoAdminAction, postRequest("/admin/sso", { intent: "add", group: "sales-leaders", role: "sales_leader" }, admin.cookie));
  expect(mapped.status).toBe(200);
  await run(ssoAdminAction, postRequest("/admin/sso", { intent: "add", group: "comp-admins", role: "admin" }, admin.cookie));
});

afterAll(async () => {
  for (const k of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URL", "OIDC_PROVIDER_NAME", "OIDC_SCOPES", "PASSWORD_SIGN_IN"]) delete process.env[k];
  await provider?.stop();
});

const cookieOf = (res: { headers: Headers }, name: string) =>
  res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1) ?? null;

/** Starts at /auth/sso, signs in at the provider; the callback URL and the app's state cookie. */
async function throughProvider(account: keyof typeof ACCOUNTS, redirectTo = "/cases") {
  const start = await run(ssoStart, getRequest(`/auth/sso?redirectTo=${encodeURIComponent(redirectTo)}`));
  expect(start.status).toBe(302);
  expect(start.location).toMatch(new RegExp(`^${provider.issuer}/`));
  const auth = new URL(start.location!);
  expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
  expect(auth.searchParams.get("state")).toBeTruthy();
  expect(auth.searchParams.get("nonce")).toBeTruthy();
  const stateCookie = cookieOf(start, "__upstream_sso")!;
  expect(stateCookie).toBeTruthy();
  const callback = await signInAtProvider(start.location!, account, CALLBACK);
  return { callback, stateCookie };
}

const callbackWith = (url: string, cookie: string | null) => run(ssoCallback, new Request(url, { headers: cookie ? { Cookie: cookie } : {} }));

async function signedInAs(res: { headers: Headers }) {
  const session = cookieOf(res, "__upstream_session");
  return session ? getCurrentUser(new Request(`${APP}/`, { headers: { Cookie: session } })) : null;
}

describe("single sign-on", () => {
  it("creates the user at first sign-in with the role their group maps to, and signs them in", async () => {
    const { callback, stateCookie } = await throughProvider("leader");
    const res = await callbackWith(callback, stateCookie);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/cases");
    const user = await signedInAs(res);
    expect(user).toMatchObject({ email: "lena.sso@example.test", name: "Lena Sso", role: "sales_leader" });
    await flushAccessLog();
    expect(await db.accessLog.findFirst({ where: { userId: user!.id, action: "sso-sign-in" } })).toMatchObject({ detail: "role sales_leader" });
    // The state cookie is spent.
    expect(res.headers.getSetCookie().some((c) => c.startsWith("__upstream_sso=;"))).toBe(true);
  });

  it("gives a user without a mapped group no access until an admin grants a role", async () => {
    const { callback, stateCookie } = await throughProvider("nobody", "/");
    const res = await callbackWith(callback, stateCookie);
    expect(res.status).toBe(302);
    const user = await signedInAs(res);
    expect(user).toMatchObject({ email: "nobody.sso@example.test", role: "none" });
    const session = cookieOf(res, "__upstream_session")!;
    expect((await run(homeLoader, getRequest("/", session))).location).toBe("/no-access");
    expect((await run(noAccessLoader, getRequest("/no-access", session))).status).toBe(200);
    expect((await run(casesLoader, getRequest("/cases", session))).status).toBe(403);
    expect((await run(ssoAdminLoader, getRequest("/admin/sso", session))).status).toBe(403);
  });

  it("refuses a wrong state", async () => {
    const { callback, stateCookie } = await throughProvider("leader");
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "not-the-state-we-sent");
    const res = await callbackWith(tampered.href, stateCookie);
    expect(res.status).toBe(400);
    expect(cookieOf(res, "__upstream_session")).toBeNull();
    // Nor without the state cookie at all (a callback started in another browser).
    expect((await callbackWith(callback, null)).status).toBe(400);
  });

  it("refuses a replayed code", async () => {
    const { callback, stateCookie } = await throughProvider("replay");
    expect((await callbackWith(callback, stateCookie)).status).toBe(302);
    const again = await callbackWith(callback, stateCookie);
    expect(again.status).toBe(400);
    expect(cookieOf(again, "__upstream_session")).toBeNull();
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const { callback, stateCookie } = await throughProvider("leader");
    const pending = await ssoCookie.parse(stateCookie);
    const forged = (await ssoCookie.serialize({ ...pending, nonce: "another-nonce-entirely" })).split(";")[0];
    const res = await callbackWith(callback, forged);
    expect(res.status).toBe(400);
    expect(cookieOf(res, "__upstream_session")).toBeNull();
  });

  it("refuses an email the provider has not verified", async () => {
    const { callback, stateCookie } = await throughProvider("unverified");
    const res = await callbackWith(callback, stateCookie);
    expect(res.status).toBe(403);
    expect(await db.user.findUnique({ where: { email: "unverified@example.test" } })).toBeNull();
  });

  it("matches an existing account by email and keeps its role; a deactivated one is refused", async () => {
    const existing = await makeUser("analyst", { email: "existing.analyst@example.test" });
    let { callback, stateCookie } = await throughProvider("existing");
    let res = await callbackWith(callback, stateCookie);
    expect(await signedInAs(res)).toMatchObject({ id: existing.id, role: "analyst" });
    await db.user.update({ where: { id: existing.id }, data: { active: false } });
    ({ callback, stateCookie } = await throughProvider("existing"));
    res = await callbackWith(callback, stateCookie);
    expect(res.status).toBe(403);
  });

  it("sign-out ends the local session and goes on to the provider's sign-out", async () => {
    const { callback, stateCookie } = await throughProvider("leader");
    const res = await callbackWith(callback, stateCookie);
    const session = cookieOf(res, "__upstream_session")!;
    const out = await run(logoutAction, postRequest("/logout", {}, session));
    expect(out.status).toBe(302);
    const to = new URL(out.location!);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(to.searchParams.get("id_token_hint")).toBeTruthy();
    expect(to.searchParams.get("post_logout_redirect_uri")).toBe(`${APP}/login`);
    expect(await getCurrentUser(new Request(`${APP}/`, { headers: { Cookie: session } }))).toBeNull();
  });

  it("the sign-in page offers the provider; PASSWORD_SIGN_IN=0 removes the form and refuses its POST", async () => {
    const person = await makeUser("analyst", { password: "a password that is right" });
    expect((await run(loginLoader, getRequest("/login"))).data).toEqual({ passwordSignIn: true, sso: { providerName: "Test IdP" } });
    process.env.PASSWORD_SIGN_IN = "0";
    try {
      expect((await run(loginLoader, getRequest("/login"))).data).toEqual({ passwordSignIn: false, sso: { providerName: "Test IdP" } });
      const res = await run(loginAction, postRequest("/login", { email: person.email, password: "a password that is right", redirectTo: "/" }));
      expect(res.status).toBe(403);
      expect(cookieOf(res, "__upstream_session")).toBeNull();
    } finally {
      delete process.env.PASSWORD_SIGN_IN;
    }
    const ok = await run(loginAction, postRequest("/login", { email: person.email, password: "a password that is right", redirectTo: "/" }));
    expect(ok.status).toBe(302);
  });

  it("only admins map groups, and a bad mapping is refused by the field", async () => {
    const analyst = await makeUser("analyst");
    expect((await run(ssoAdminAction, postRequest("/admin/sso", { intent: "add", group: "x", role: "admin" }, await cookieFor(analyst.id)))).status).toBe(403);
    const bad = await run(ssoAdminAction, postRequest("/admin/sso", { intent: "add", group: " ", role: "none" }, admin.cookie));
    expect(bad.status).toBe(400);
    const page = await run(ssoAdminLoader, getRequest("/admin/sso", admin.cookie));
    expect((page.data as { mappings: unknown[] }).mappings).toEqual([
      { group: "comp-admins", role: "admin" },
      { group: "sales-leaders", role: "sales_leader" },
    ]);
  });
});
