import { describe, expect, it } from "vitest";
import { pasteSchema, suggestFromMessage } from "./paste";

describe("suggestFromMessage", () => {
  it("keeps the pasted text as the complaint and suggests fields from an email", () => {
    const mail = "From: Dana Whitfield <dana@acme.test>\nSubject: my patch\n\nSince the territory carve my enterprise accounts went to the new AEs and my pipeline is gone.";
    const s = suggestFromMessage(mail);
    expect(s.complaint).toBe(mail);
    expect(s).toMatchObject({ title: "my patch", channel: "slack_email", behaviour: "pipeline_generation", suspectedCause: "territory_imbalance", segment: "enterprise", reporterRole: "ae", reporterName: "Dana Whitfield" });
  });

  it("reads a chat line's sender and suggests nothing it cannot see", () => {
    const s = suggestFromMessage("Sam Okafor  10:42 AM\nwhy would I close anything before quarter end when the accelerator resets?");
    expect(s.reporterName).toBe("Sam Okafor");
    expect(s.behaviour).toBe("short_term_focus");
    expect(s.suspectedCause).toBe("plan_mechanics");
    expect(s.title).toBe("why would I close anything before quarter end when the accelerator resets?");
    expect(suggestFromMessage("It is unfair.")).toEqual({ complaint: "It is unfair.", title: "It is unfair." });
  });

  it("asks for a message", () => {
    expect(pasteSchema.safeParse({ message: "  " }).success).toBe(false);
  });
});
