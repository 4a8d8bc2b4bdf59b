import { describe, expect, it } from "vitest";
import { deliveryFor, digestEmail, digestTitle, digestWeek, notificationTitle, preferencesFrom, preferencesSchema } from "./events";

describe("notifications", () => {
  it("defaults to the app and email, and honours each choice and the digest", () => {
    const prefs = preferencesFrom([{ kind: "case_assigned", channel: "off" }, { kind: "sla_at_risk", channel: "app" }]);
    expect(deliveryFor(prefs, "question_asked")).toBe("email");
    expect(deliveryFor(prefs, "case_assigned")).toBe("none");
    expect(deliveryFor(prefs, "sla_at_risk")).toBe("app");
    const digest = preferencesFrom([{ kind: "weekly_digest", channel: "email" }]);
    expect(deliveryFor(digest, "question_asked")).toBe("inbox-digest");
  });

  it("never puts a case's title in a line for someone outside the comp team", () => {
    const facts = { caseId: 7, caseTitle: "Priya says the carve hurt her", actorName: "Ana" };
    for (const kind of ["question_asked", "question_answered", "case_assigned", "sla_at_risk", "brief_published", "action_due"] as const) {
      expect(notificationTitle(kind, "outside", facts)).not.toContain("Priya");
    }
    expect(notificationTitle("case_assigned", "comp-team", facts)).toContain("Priya says");
  });

  it("says which SLA clock was breached, apart from the warning", () => {
    const facts = { caseId: 7, caseTitle: "Carve" };
    expect(notificationTitle("sla_at_risk", "comp-team", facts)).toBe("Case #7 (Carve) is close to its SLA");
    expect(notificationTitle("sla_at_risk", "comp-team", { ...facts, breached: "first_response" })).toBe("Case #7 (Carve) is past its first-response SLA");
    expect(notificationTitle("sla_at_risk", "comp-team", { ...facts, breached: "diagnosis" })).toBe("Case #7 (Carve) is past its diagnosis SLA");
  });

  it("reads the preference form", () => {
    const r = preferencesSchema.safeParse({ question_asked: "off", weeklyDigest: "on" });
    expect(r.success && r.data.question_asked).toBe("off");
    expect(r.success && r.data.case_assigned).toBe("email");
    expect(r.success && r.data.weeklyDigest).toBe(true);
    expect(preferencesSchema.safeParse({ question_asked: "loud" }).success).toBe(false);
  });

  it("writes a digest of lines and links", () => {
    const mail = digestEmail("https://u.test", "Jo", [{ title: "A thing", link: "/inbox", at: new Date() }]);
    expect(mail.text).toContain("- A thing: https://u.test/inbox");
  });

  it("dates the digest's week from Monday 00:00 UTC", () => {
    expect(digestWeek(new Date("2026-11-26T08:00:00Z"))).toEqual({ start: new Date("2026-11-23T00:00:00Z"), key: "digest:2026-11-23" }); // a Thursday
    expect(digestWeek(new Date("2026-11-23T00:00:00Z")).key).toBe("digest:2026-11-23"); // Monday, first instant
    expect(digestWeek(new Date("2026-11-22T23:59:59Z")).key).toBe("digest:2026-11-16"); // Sunday night
  });

  it("gives executives a digest line without a count", () => {
    expect(digestTitle("outside", 1)).toBe("Your weekly digest: 1 update from last week");
    expect(digestTitle("executive", 2)).not.toMatch(/\d/);
  });
});
