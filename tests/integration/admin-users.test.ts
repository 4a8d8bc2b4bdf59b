import { beforeAll, describe, expect, it } from "vitest";
import { action as listAction, loader as listLoader } from "~/routes/admin.users";
import { action as userAction, loader as userLoader } from "~/routes/admin.users_.$id";
import { loader as casesLoader } from "~/routes/cases._index";
import { action as loginAction } from "~/routes/login";
import { cookieFor, db, formResult, getRequest, makeUser, postRequest, run } from "./helpers";

let admin: { id: string; cookie: string };

beforeAll(async () => {
  const user = await makeUser("admin", { name: "Head Admin" });
  admin = { id: user.id, cookie: await cookieFor(user.id) };
});

describe("/admin/users", () => {
  it("is for admins only", async () => {
    for (const role of ["analyst", "sales_leader", "executive"] as const) {
      const user = await makeUser(role);
      const cookie = await cookieFor(user.id);
      expect((await run(listLoader, getRequest("/admin/users", cookie))).status).toBe(403);
      const before = await db.user.count();
      const res = await run(listAction, postRequest("/admin/users", { intent: "create", name: "X", email: "x@example.test", role: "admin", password: "long enough password" }, cookie));
      expect(res.status).toBe(403);
      expect(await db.user.count()).toBe(before);
      expect((await run(userAction, postRequest(`/admin/users/${user.id}`, { intent: "role", role: "admin" }, cookie), { id: user.id })).status).toBe(403);
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe(role);
    }
  });

  it("lists users without password hashes", async () => {
    const res = await run(listLoader, getRequest("/admin/users", admin.cookie));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.data)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("creates a user who can then sign in, and refuses a duplicate email or a short password", async () => {
    const fields = { intent: "create", name: "New Analyst", email: "New.Analyst@Example.test", role: "analyst", password: "twelve chars ok" };
    const res = await run(listAction, postRequest("/admin/users", fields, admin.cookie));
    expect(res.status).toBe(302);
    const login = await run(loginAction, postRequest("/login", { email: "new.analyst@example.test", password: "twelve chars ok" }));
    expect(login.status).toBe(302);

    const dup = await run(listAction, postRequest("/admin/users", fields, admin.cookie));
    expect(dup.status).toBe(400);
    expect(formResult(dup).error?.email?.[0]).toMatch(/already/);

    const short = await run(listAction, postRequest("/admin/users", { ...fields, email: "other@example.test", password: "short" }, admin.cookie));
    expect(short.status).toBe(400);
    expect(formResult(short).error?.password?.[0]).toMatch(/12 characters/);
    // A refused form comes back with what was typed, except the password.
    expect(formResult(dup).initialValue).toMatchObject({ email: fields.email });
    expect(formResult(dup).initialValue?.password).toBeUndefined();
    expect(formResult(short).initialValue?.password).toBeUndefined();

    const badRole = await run(listAction, postRequest("/admin/users", { ...fields, email: "third@example.test", role: "overlord" }, admin.cookie));
    expect(badRole.status).toBe(400);
    expect(await db.user.count({ where: { email: { in: ["other@example.test", "third@example.test"] } } })).toBe(0);
  });

  it("changes a role, resets a password (ending sessions), deactivates and reactivates", async () => {
    const person = await makeUser("analyst", { password: "old password here" });
    const theirCookie = await cookieFor(person.id);
    const act = (fields: Record<string, string>) => run(userAction, postRequest(`/admin/users/${person.id}`, fields, admin.cookie), { id: person.id });

    expect((await act({ intent: "role", role: "sales_leader" })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("sales_leader");

    expect((await act({ intent: "password", password: "brand new password" })).status).toBe(200);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    expect((await run(casesLoader, getRequest("/cases", theirCookie))).location).toMatch(/^\/login/);
    expect((await run(loginAction, postRequest("/login", { email: person.email, password: "old password here" }))).status).toBe(401);
    expect((await run(loginAction, postRequest("/login", { email: person.email, password: "brand new password" }))).status).toBe(302);

    expect((await act({ intent: "deactivate" })).status).toBe(200);
    expect((await run(loginAction, postRequest("/login", { email: person.email, password: "brand new password" }))).status).toBe(401);
    expect((await act({ intent: "reactivate" })).status).toBe(200);
    expect((await run(loginAction, postRequest("/login", { email: person.email, password: "brand new password" }))).status).toBe(302);

    expect((await act({ intent: "explode" })).status).toBe(400);
  });

  it("does not let an admin lock themselves out", async () => {
    const res = await run(userAction, postRequest(`/admin/users/${admin.id}`, { intent: "deactivate" }, admin.cookie), { id: admin.id });
    expect(res.status).toBe(400);
    const demote = await run(userAction, postRequest(`/admin/users/${admin.id}`, { intent: "role", role: "executive" }, admin.cookie), { id: admin.id });
    expect(demote.status).toBe(400);
    const me = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(me).toMatchObject({ active: true, role: "admin" });
  });

  it("answers 404 for an unknown user", async () => {
    expect((await run(userLoader, getRequest("/admin/users/nope", admin.cookie), { id: "nope" })).status).toBe(404);
  });
});
