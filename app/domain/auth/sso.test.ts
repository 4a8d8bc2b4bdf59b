import { describe, expect, it } from "vitest";
import { NO_ACCESS } from "./permissions";
import { roleForGroups, ssoMappingSchema } from "./sso";

const mapping = [
  { group: "comp-team", role: "analyst" },
  { group: "comp-admins", role: "admin" },
  { group: "sales-leaders", role: "sales_leader" },
];

describe("roleForGroups", () => {
  it("gives the mapped role", () => {
    expect(roleForGroups(["sales-leaders", "everyone"], mapping)).toBe("sales_leader");
  });
  it("gives the first role in the list when several groups map", () => {
    expect(roleForGroups(["sales-leaders", "comp-admins", "comp-team"], mapping)).toBe("admin");
  });
  it("gives no access without a mapped group (names must match exactly)", () => {
    expect(roleForGroups([], mapping)).toBe(NO_ACCESS);
    expect(roleForGroups(["Comp-Team", "comp-team "], mapping)).toBe(NO_ACCESS);
  });
});

describe("the mapping form", () => {
  it("needs a group and a real role", () => {
    expect(ssoMappingSchema.safeParse({ intent: "add", group: " ", role: "admin" }).success).toBe(false);
    expect(ssoMappingSchema.safeParse({ intent: "add", group: "x", role: "none" }).success).toBe(false);
    expect(ssoMappingSchema.parse({ intent: "add", group: " comp-team ", role: "analyst" })).toEqual({ intent: "add", group: "comp-team", role: "analyst" });
  });
});
