import { describe, expect, it } from "vitest";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as casesLoader } from "~/routes/cases._index";
import { cookieFor, db, getRequest, makeUser, postRequest, run } from "./helpers";

function cookieFrom(setCookie: string | null) {
  return setCookie?.split(";")[0] ?? "";
}

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
    for (const target of ["https://evil.test/", "//evil.test", "/\\evil.test"]) {
      const res = await run(loginAction, postRequest("/login", { email: user.email, password: "safe redirect pass", redirectTo: target }));
      expect(res.status).toBe(302);
      expect(res.location).toBe("/");
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

  it("sends a signed-in user away from the sign-in page", async () => {
    const user = await makeUser("executive");
    const res = await run(loginLoader, getRequest("/login", await cookieFor(user.id)));
    expect(res.status).toBe(302);
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
