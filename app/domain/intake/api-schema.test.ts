import { describe, expect, it } from "vitest";
import { parseApiCase, scopedExternalId } from "./api-schema";

const good = { externalId: "ZD-1042", complaint: "My territory was carved.", behaviour: "pipeline_generation" };

describe("parseApiCase", () => {
  it("accepts the intake fields plus an external id, and says which fields were sent", () => {
    const r = parseApiCase({ ...good, tenureMonths: 18, confidential: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.tenureMonths).toBe(18);
    expect(r.value.confidential).toBe(true);
    expect([...r.sent].sort()).toEqual(["behaviour", "complaint", "confidential", "tenureMonths", "title"]);
  });

  it("answers with errors per field", () => {
    const r = parseApiCase({ externalId: "", behaviour: "nope", tenureMonths: -1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["behaviour", "complaint", "externalId", "tenureMonths"]);
    expect(r.fieldErrors.tenureMonths).toEqual(["Tenure cannot be negative"]);
  });

  it("refuses unknown fields, owner and duplicate links, and Upstream's own case ids", () => {
    expect(parseApiCase({ ...good, ownerId: "u1" }).ok).toBe(false);
    expect(parseApiCase({ ...good, surprise: 1 }).ok).toBe(false);
    const own = parseApiCase({ ...good, externalId: "case-12" });
    expect(!own.ok && own.fieldErrors.externalId?.[0]).toMatch(/case-<number>/);
  });

  it("refuses anything but one JSON object", () => {
    expect(parseApiCase([good]).ok).toBe(false);
    expect(parseApiCase("x").ok).toBe(false);
    expect(parseApiCase(null).ok).toBe(false);
  });
});

describe("external ids per integration", () => {
  it("puts each integration's ids in a namespace of its folded name", () => {
    expect(scopedExternalId("Zendesk", "ZD-1")).toBe("api:zendesk:ZD-1");
    expect(scopedExternalId("  Zendesk  EU ", "ZD-1")).toBe(scopedExternalId("zendesk eu", "ZD-1"));
    expect(scopedExternalId("Zendesk", "ZD-1")).not.toBe(scopedExternalId("HR portal", "ZD-1"));
  });
});
