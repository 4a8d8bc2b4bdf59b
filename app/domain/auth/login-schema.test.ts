import { describe, expect, it } from "vitest";
import { loginSchema } from "./login-schema";

const messages = (r: ReturnType<typeof loginSchema.safeParse>, field: string) =>
  (r.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);

describe("loginSchema", () => {
  it("accepts an email and password", () => {
    const r = loginSchema.safeParse({ email: "sam@example.com", password: "x" });
    expect(r.success && r.data).toEqual({ email: "sam@example.com", password: "x" });
  });

  it("lower-cases and trims the email so sign-in is not case sensitive", () => {
    const r = loginSchema.safeParse({ email: "  Sam.Lee@Example.COM ", password: "secret" });
    expect(r.success && r.data.email).toBe("sam.lee@example.com");
  });

  it("does not trim or change the password", () => {
    const r = loginSchema.safeParse({ email: "a@b.co", password: "  Pass Word  " });
    expect(r.success && r.data.password).toBe("  Pass Word  ");
  });

  it("refuses an invalid email with a clear message", () => {
    for (const email of ["sam", "sam@", "@example.com", "sam example.com"]) {
      const r = loginSchema.safeParse({ email, password: "x" });
      expect(r.success, email).toBe(false);
      expect(messages(r, "email"), email).toContain("Enter a valid email address");
    }
  });

  it("asks for the email when it is missing", () => {
    const r = loginSchema.safeParse({ password: "x" });
    expect(messages(r, "email")).toEqual(["Enter your email address"]);
  });

  it("refuses an over-long email", () => {
    const r = loginSchema.safeParse({ email: `${"a".repeat(250)}@example.com`, password: "x" });
    expect(r.success).toBe(false);
    expect(messages(r, "email")).toContain("That email address is too long");
  });

  it("refuses an empty or missing password", () => {
    expect(messages(loginSchema.safeParse({ email: "a@b.co", password: "" }), "password")).toEqual([
      "Enter your password",
    ]);
    expect(messages(loginSchema.safeParse({ email: "a@b.co" }), "password")).toEqual(["Enter your password"]);
  });

  it("refuses a password over 200 characters", () => {
    const r = loginSchema.safeParse({ email: "a@b.co", password: "p".repeat(201) });
    expect(messages(r, "password")).toEqual(["That password is too long"]);
  });

  it("keeps the redirect target when given", () => {
    const r = loginSchema.safeParse({ email: "a@b.co", password: "x", redirectTo: "/cases?status=new" });
    expect(r.success && r.data.redirectTo).toBe("/cases?status=new");
  });
});
