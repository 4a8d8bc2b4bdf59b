import { describe, expect, it } from "vitest";
import { ROLES, can, isCompTeam, isRole, roleLabel, roleValues, type Permission } from "./permissions";

const PERMISSIONS: Permission[] = ["case:read", "case:write", "case:see-reporter", "users:manage", "pattern:read"];
const CASE_PERMISSIONS: Permission[] = ["case:read", "case:write", "case:see-reporter"];

// The full table from docs/product.md "Roles and what each sees".
const EXPECTED: Record<string, Record<Permission, boolean>> = {
  admin: { "case:read": true, "case:write": true, "case:see-reporter": true, "users:manage": true, "pattern:read": true },
  analyst: { "case:read": true, "case:write": true, "case:see-reporter": true, "users:manage": false, "pattern:read": true },
  sales_leader: { "case:read": true, "case:write": false, "case:see-reporter": false, "users:manage": false, "pattern:read": true },
  executive: { "case:read": false, "case:write": false, "case:see-reporter": false, "users:manage": false, "pattern:read": true },
};

describe("can", () => {
  for (const role of Object.keys(EXPECTED)) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role][permission];
      it(`${allowed ? "lets" : "stops"} ${role} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("covers every defined role in the table above", () => {
    expect([...roleValues].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("gives executives none of the case permissions", () => {
    for (const p of CASE_PERMISSIONS) expect(can("executive", p), p).toBe(false);
  });

  it("lets only admins manage users", () => {
    expect(roleValues.filter((r) => can(r, "users:manage"))).toEqual(["admin"]);
  });

  it("shows the reporter only to the comp team", () => {
    expect(roleValues.filter((r) => can(r, "case:see-reporter")).sort()).toEqual(["admin", "analyst"]);
  });

  it("gives an unknown or malformed role nothing", () => {
    for (const role of ["", "superuser", "Admin", "ADMIN", " admin", "toString", "__proto__", "constructor"]) {
      for (const p of PERMISSIONS) expect(can(role, p), `${role} ${p}`).toBe(false);
    }
  });
});

describe("isCompTeam", () => {
  it("is true for admin and analyst only", () => {
    expect(isCompTeam("admin")).toBe(true);
    expect(isCompTeam("analyst")).toBe(true);
    expect(isCompTeam("sales_leader")).toBe(false);
    expect(isCompTeam("executive")).toBe(false);
    expect(isCompTeam("")).toBe(false);
    expect(isCompTeam("Admin")).toBe(false);
  });
});

describe("isRole", () => {
  it("recognises the defined roles and nothing else", () => {
    for (const r of roleValues) expect(isRole(r)).toBe(true);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(isRole(null)).toBe(false);
    expect(isRole(1)).toBe(false);
  });
});

describe("roleLabel", () => {
  it("labels each role and falls back to the raw value", () => {
    for (const r of ROLES) expect(roleLabel(r.value)).toBe(r.label);
    expect(roleLabel("executive")).toBe("Executive");
    expect(roleLabel("mystery")).toBe("mystery");
  });
});
