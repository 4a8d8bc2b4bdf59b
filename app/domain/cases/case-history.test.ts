import { describe, expect, it } from "vitest";
import { FIELD_LABELS, IDENTITY_FIELDS, TRACKED_FIELDS, diffCase, stringifyValue } from "./case-history";

describe("diffCase", () => {
  it("returns nothing when nothing changed", () => {
    const v = { title: "Quota", severity: "high", tenureMonths: 14, confidential: true };
    expect(diffCase(v, { ...v })).toEqual([]);
  });

  it("names only the fields that changed, with from and to", () => {
    const before = { title: "Quota", severity: "medium", region: "EMEA" };
    const after = { title: "Quota", severity: "high", region: "EMEA" };
    expect(diffCase(before, after)).toEqual([{ field: "severity", from: "medium", to: "high" }]);
  });

  it("lists changes in the tracked-field order, whatever the object key order", () => {
    const before = { status: "new", tags: "a", title: "A", complaint: "x" };
    const after = { tags: "b", status: "triaged", complaint: "y", title: "B" };
    expect(diffCase(before, after).map((c) => c.field)).toEqual(["title", "complaint", "tags", "status"]);
  });

  it("shows dates as YYYY-MM-DD", () => {
    const changes = diffCase(
      { raisedOn: new Date("2026-03-01T00:00:00Z") },
      { raisedOn: new Date("2026-03-31T00:00:00Z") },
    );
    expect(changes).toEqual([{ field: "raisedOn", from: "2026-03-01", to: "2026-03-31" }]);
  });

  it("treats the same day as unchanged even at a different time", () => {
    expect(
      diffCase({ raisedOn: new Date("2026-03-31T00:00:00Z") }, { raisedOn: new Date("2026-03-31T15:30:00Z") }),
    ).toEqual([]);
  });

  it("shows booleans as yes/no", () => {
    expect(diffCase({ confidential: false }, { confidential: true })).toEqual([
      { field: "confidential", from: "no", to: "yes" },
    ]);
    expect(diffCase({ confidential: true }, { confidential: false })).toEqual([
      { field: "confidential", from: "yes", to: "no" },
    ]);
  });

  it("shows null as an empty string", () => {
    expect(diffCase({ tenureMonths: null }, { tenureMonths: 18 })).toEqual([
      { field: "tenureMonths", from: "", to: "18" },
    ]);
    expect(diffCase({ suspectedCause: "quota_setting" }, { suspectedCause: null })).toEqual([
      { field: "suspectedCause", from: "quota_setting", to: "" },
    ]);
  });

  it("does not record a change between null and an empty string", () => {
    expect(diffCase({ region: null }, { region: "" })).toEqual([]);
  });

  it("shows numbers as text and notices numeric changes", () => {
    expect(diffCase({ revenueAtRisk: 1000 }, { revenueAtRisk: 2500 })).toEqual([
      { field: "revenueAtRisk", from: "1000", to: "2500" },
    ]);
  });

  it("ignores fields absent from the new version (a partial update)", () => {
    const before = { title: "A", severity: "low", region: "EMEA" };
    expect(diffCase(before, { severity: "high" })).toEqual([{ field: "severity", from: "low", to: "high" }]);
  });

  it("records a field present in the new version but missing from the old one", () => {
    expect(diffCase({}, { ownerId: "u1" })).toEqual([{ field: "ownerId", from: "", to: "u1" }]);
  });

  it("records a field explicitly set to null in the new version", () => {
    expect(diffCase({ ownerId: "u1" }, { ownerId: null })).toEqual([{ field: "ownerId", from: "u1", to: "" }]);
  });

  it("ignores fields that are not tracked", () => {
    // A row read back from the database may carry columns the form does not know.
    const after: Parameters<typeof diffCase>[1] = JSON.parse('{ "title": "A", "secret": "x" }');
    expect(diffCase({ title: "A" }, after)).toEqual([]);
  });
});

describe("stringifyValue", () => {
  it("formats each kind of value the history shows", () => {
    expect(stringifyValue(null)).toBe("");
    expect(stringifyValue(undefined)).toBe("");
    expect(stringifyValue(true)).toBe("yes");
    expect(stringifyValue(false)).toBe("no");
    expect(stringifyValue(0)).toBe("0");
    expect(stringifyValue("text")).toBe("text");
    expect(stringifyValue(new Date("2026-01-05T23:59:59Z"))).toBe("2026-01-05");
  });
});

describe("tracked fields", () => {
  it("has a label for every tracked field", () => {
    for (const f of TRACKED_FIELDS) expect(FIELD_LABELS[f], f).toMatch(/\S/);
  });

  it("marks the reporter's identity fields as comp-team only", () => {
    expect([...IDENTITY_FIELDS].sort()).toEqual(["confidential", "reporterName"]);
    for (const f of IDENTITY_FIELDS) expect(TRACKED_FIELDS as readonly string[]).toContain(f);
  });
});
