import { describe, expect, it } from "vitest";
import { PASSWORD_MIN, createUserSchema, userActionSchema } from "./user-schema";

type Issues = { error?: { issues: { path: PropertyKey[]; message: string }[] } };
const messages = (r: Issues, field: string) =>
  (r.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);

const valid = {
  intent: "create",
  name: "Sam Lee",
  email: "Sam@Example.com",
  role: "analyst",
  password: "correct-horse-1",
};

describe("createUserSchema", () => {
  it("accepts a complete new user and normalises the email", () => {
    const r = createUserSchema.safeParse(valid);
    expect(r.success && r.data).toEqual({ ...valid, email: "sam@example.com" });
  });

  it("requires passwords of at least 12 characters", () => {
    expect(PASSWORD_MIN).toBe(12);
    const short = createUserSchema.safeParse({ ...valid, password: "a".repeat(11) });
    expect(short.success).toBe(false);
    expect(messages(short, "password")).toEqual(["Use at least 12 characters"]);
    expect(createUserSchema.safeParse({ ...valid, password: "a".repeat(12) }).success).toBe(true);
  });

  it("refuses passwords over 200 characters", () => {
    const r = createUserSchema.safeParse({ ...valid, password: "a".repeat(201) });
    expect(messages(r, "password")).toEqual(["Use at most 200 characters"]);
  });

  it("asks for a password when it is missing", () => {
    const { password: _omit, ...rest } = valid;
    expect(messages(createUserSchema.safeParse(rest), "password")).toEqual([
      "Choose a password of at least 12 characters",
    ]);
  });

  it("accepts each defined role and refuses anything else", () => {
    for (const role of ["admin", "analyst", "sales_leader", "executive"]) {
      expect(createUserSchema.safeParse({ ...valid, role }).success, role).toBe(true);
    }
    for (const role of ["superuser", "Admin", ""]) {
      const r = createUserSchema.safeParse({ ...valid, role });
      expect(r.success, role).toBe(false);
      expect(messages(r, "role"), role).toEqual(["Choose a role from the list"]);
    }
  });

  it("requires a name, trimmed", () => {
    expect(messages(createUserSchema.safeParse({ ...valid, name: "   " }), "name")).toEqual([
      "Enter the person's name",
    ]);
    const r = createUserSchema.safeParse({ ...valid, name: "  Sam  " });
    expect(r.success && r.data.name).toBe("Sam");
  });

  it("refuses an invalid email", () => {
    expect(messages(createUserSchema.safeParse({ ...valid, email: "not-an-email" }), "email")).toContain(
      "Enter a valid email address",
    );
  });

  it("refuses a different intent", () => {
    expect(createUserSchema.safeParse({ ...valid, intent: "role" }).success).toBe(false);
  });
});

describe("userActionSchema", () => {
  it("changes a role with a valid role only", () => {
    const r = userActionSchema.safeParse({ intent: "role", role: "executive" });
    expect(r.success && r.data).toEqual({ intent: "role", role: "executive" });
    const bad = userActionSchema.safeParse({ intent: "role", role: "god" });
    expect(bad.success).toBe(false);
    expect(messages(bad, "role")).toEqual(["Choose a role from the list"]);
    expect(userActionSchema.safeParse({ intent: "role" }).success).toBe(false);
  });

  it("resets a password only when it is long enough", () => {
    expect(userActionSchema.safeParse({ intent: "password", password: "a".repeat(12) }).success).toBe(true);
    const short = userActionSchema.safeParse({ intent: "password", password: "short" });
    expect(short.success).toBe(false);
    expect(messages(short, "password")).toEqual(["Use at least 12 characters"]);
  });

  it("deactivates and reactivates with no other fields", () => {
    expect(userActionSchema.safeParse({ intent: "deactivate" }).success).toBe(true);
    expect(userActionSchema.safeParse({ intent: "reactivate" }).success).toBe(true);
  });

  it("does not let one intent smuggle another's fields through", () => {
    const r = userActionSchema.safeParse({ intent: "deactivate", role: "admin" });
    expect(r.success && r.data).toEqual({ intent: "deactivate" });
  });

  it("refuses unknown or missing intents", () => {
    expect(userActionSchema.safeParse({ intent: "delete" }).success).toBe(false);
    expect(userActionSchema.safeParse({ intent: "create" }).success).toBe(false);
    expect(userActionSchema.safeParse({}).success).toBe(false);
  });
});
