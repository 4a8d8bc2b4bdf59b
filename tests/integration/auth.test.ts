import { describe, expect, it } from "vitest";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import { safeRedirect } from "~/utils/auth.server";
import { loader as casesLoader } from "~/routes/cases._index";
import { cookieFor, db, getRequest, makeUser, postRequest, run } from "./helpers";

function cookieFrom(setCookie: string | null) {
  return setCookie?.split(";")[0] ?? "";
}

// Each of these resolves, normalises or decodes to another host or to a protocol-relative
// "//host" that a browser follows off-site.
const OFF_SITE = [
  "/.//evil.test/phish",
  "/a/..//evil.test",
  "/..//evil.test",
  "/%2e%2e//evil.test",
  "/./\\evil.test",
  "/a/../\\evil.test",
  "/%2F%2Fevil.test",
  "/%2f%5Cevil.test",
  "/%252F%252Fevil.test",
  "/a/..%2F%2Fevil.test",
  "\\\\evil.test",
  "\\/evil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  "/\r\n/evil.test",
  "/%00/evil.test",
  "https:evil.test",
  " //evil.test",
  "javascript:alert(1)",
  "",
];
const SAME_SITE: [string, string][] = [
  ["/cases?segment=SMB", "/cases?segment=SMB"],
  ["/cases/3#notes", "/cases/3#notes"],
  ["/cases?status=new&q=rate%20increase", "/cases?status=new&q=rate%20increase"],
  ["/cases/./3", "/cases/3"],
  ["/patterns/1/../2", "/patterns/2"],
  ["/", "/"],
];

describe("safeRedirect", () => {
  it("falls back to / for anything that resolves off-site or to a protocol-relative path", () => {
    for (const target of OFF_SITE) expect(safeRedirect(target), JSON.stringify(target)).toBe("/");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/cases")).toBe("/cases");
  });

  it("keeps same-site paths, normalised, with their query and fragment", () => {
    for (const [target, expected] of SAME_SITE) expect(safeRedirect(target), target).toBe(expected);
  });

  it("returns only what is safe in a Location header: a path, never // or /\\, no control characters", () => {
    for (const target of [...OFF_SITE, ...SAME_SITE.map(([t]) => t), "/cases?q=a b", "/x#y z", "/%E2%80%94"]) {
      const out = safeRedirect(target);
      expect(out.startsWith("/"), JSON.stringify(target)).toBe(true);
      expect(out.startsWith("//") || out.startsWith("/\\"), JSON.stringify(target)).toBe(false);
      // eslint-disable-next-line no-control-regex -- control characters are what is checked for
      expect(/[\u0000-\u0020\u007f]/.test(out), `${JSON.stringify(target)} → ${JSON.stringify(out)}`).toBe(false);
      expect(new URL(out, "http://upstream.test").origin, JSON.stringify(target)).toBe("http://upstream.test");
    }
  });
});

describe("sign-in", () => {
  it("signs a user in with a new session and sends them where they were going", async () => {
    const user = await makeUser("analyst", { password: "a very good password" });
    const res = await run(
      loginAction,
      postRequest("/login", { email: user.email.toUpperCase(), password: "a very good password", redirectTo: "/cases?status=new" }),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/cases?status=new");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const list = await run(casesLoader, getRequest("/cases", cookieFrom(setCookie)));
    expect(list.status).toBe(200);

    // A second sign-in gets a different session id.
    const again = await run(loginAction, postRequest("/login", { email: user.email, password: "a very good password" }));
    expect(cookieFrom(again.headers.get("Set-Cookie"))).not.toBe(cookieFrom(setCookie));
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("refuses a wrong password with a message and keeps the email, not the password", async () => {
    const user = await makeUser("analyst");
    const res = await run(loginAction, postRequest("/login", { email: user.email, password: "wrong" }));
    expect(res.status).toBe(401);
    const reply = res.data as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(reply.error[""]).toEqual(["That email and password do not match an active account."]);
    expect(reply.initialValue.email).toBe(user.email);
    expect(reply.initialValue.password).toBeUndefined();
  });

  it("shows field messages for a malformed email and a blank password", async () => {
    const res = await run(loginAction, postRequest("/login", { email: "not-an-email", password: "" }));
    expect(res.status).toBe(400);
    const reply = res.data as { error: Record<string, string[]> };
    expect(reply.error.email?.[0]).toMatch(/valid email/);
    expect(reply.error.password?.[0]).toMatch(/password/i);
  });

  it("refuses further attempts after five failures for the same email and address", async () => {
    const user = await makeUser("analyst", { password: "the real password!" });
    const context = { clientAddress: "10.9.9.9" };
    for (let i = 0; i < 5; i++) {
      const res = await run(loginAction, postRequest("/login", { email: user.email, password: `guess-${i}` }), {}, context);
      expect(res.status).toBe(401);
    }
    const blocked = await run(loginAction, postRequest("/login", { email: user.email, password: "the real password!" }), {}, context);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Someone else, from another address, is not locked out.
    const other = await makeUser("analyst", { password: "another password" });
    const ok = await run(loginAction, postRequest("/login", { email: other.email, password: "another password" }), {}, { clientAddress: "10.1.1.1" });
    expect(ok.status).toBe(302);
  });

  it("never redirects off-site after sign-in", async () => {
    const user = await makeUser("analyst", { password: "safe redirect pass" });
    for (const target of ["https://evil.test/", "//evil.test", "/\\evil.test", ...OFF_SITE]) {
      const res = await run(loginAction, postRequest("/login", { email: user.email, password: "safe redirect pass", redirectTo: target }));
      expect(res.status).toBe(302);
      expect(res.location).toBe("/");
    }
  });

  it("keeps a same-site redirectTo after sign-in, normalised", async () => {
    const user = await makeUser("analyst", { password: "safe redirect pass" });
    for (const [target, expected] of SAME_SITE) {
      const res = await run(loginAction, postRequest("/login", { email: user.email, password: "safe redirect pass", redirectTo: target }));
      expect(res.status, target).toBe(302);
      expect(res.location, target).toBe(expected);
    }
  });

  it("does not let a deactivated user sign in, and ends their sessions", async () => {
    const user = await makeUser("sales_leader", { password: "leader password 1" });
    const cookie = await cookieFor(user.id);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    const res = await run(loginAction, postRequest("/login", { email: user.email, password: "leader password 1" }));
    expect(res.status).toBe(401);
    const page = await run(casesLoader, getRequest("/cases", cookie));
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login/);
  });

  it("ends a session at its expiry: a minute before it the page opens, after it the user signs in again", async () => {
    const user = await makeUser("analyst");
    const cookie = await cookieFor(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await run(casesLoader, getRequest("/cases", cookie))).status).toBe(200);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const page = await run(casesLoader, getRequest("/cases", cookie));
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login/);
  });

  it("sends a signed-in user away from the sign-in page", async () => {
    const user = await makeUser("executive");
    const res = await run(loginLoader, getRequest("/login", await cookieFor(user.id)));
    expect(res.status).toBe(302);
  });

  it("GET /logout does not sign out: it shows a sign-out form and the session stays valid", async () => {
    // A cross-site <img src="/logout"> or a link prefetch is a GET: it must change nothing.
    const user = await makeUser("analyst", { name: "Stays Signedin" });
    const cookie = await cookieFor(user.id);
    const res = await run(logoutLoader, getRequest("/logout", cookie));
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ name: "Stays Signedin" });
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const page = await run(casesLoader, getRequest("/cases", cookie));
    expect(page.status).toBe(200);
  });

  it("GET /logout when signed out goes to the sign-in page", async () => {
    const res = await run(logoutLoader, getRequest("/logout"));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
  });

  it("signs out: the session is deleted and the cookie no longer works", async () => {
    const user = await makeUser("analyst");
    const cookie = await cookieFor(user.id);
    const res = await run(logoutAction, postRequest("/logout", {}, cookie));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const page = await run(casesLoader, getRequest("/cases", cookie));
    expect(page.location).toBe("/login?redirectTo=%2Fcases");
  });
});
