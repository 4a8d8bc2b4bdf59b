import { describe, expect, it } from "vitest";
import { audienceOf, HIDDEN_TEXT, historyForOutside, publicSearchText, scrubDeep, shownTo } from "./case-view";

const NAMES = ["Zebulon Quistgaard"];
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const leaks = (value: unknown) => /zebulon|quistg|\bzeb/.test(fold(JSON.stringify(value)));

describe("who is outside the comp team", () => {
  it("admins and analysts are the comp team; leaders and executives are not", () => {
    expect(["admin", "analyst", "sales_leader", "executive", "nobody"].map(audienceOf)).toEqual(["comp-team", "comp-team", "outside", "outside", "outside"]);
  });
});

describe("scrubDeep", () => {
  const record = {
    id: 7,
    title: "Zebulon says the patch is empty",
    region: "EMEA North (Zebulon's patch)",
    tags: ["quistgaard-followup", "territory"],
    status: "new",
    behaviour: "pipeline_generation",
    raisedOn: new Date("2026-11-24T00:00:00Z"),
    notes: [{ id: 1, body: "Called Zeb — the Quistgaards moved to Oslo", author: { name: "Ana Analyst" } }],
    duplicateOf: { id: 3, title: "Quistgård again" },
  };

  it("takes every name variant out of every nested string field, new fields included", () => {
    const shown = scrubDeep({ ...record, someFieldAddedLater: "ask ZebulonQ" }, NAMES);
    expect(leaks(shown)).toBe(false);
    expect(shown.notes[0].author.name).toBe("Ana Analyst");
  });

  it("leaves codes, ids and dates exactly as they are", () => {
    const shown = scrubDeep(record, NAMES);
    expect(shown.id).toBe(7);
    expect(shown.status).toBe("new");
    expect(shown.behaviour).toBe("pipeline_generation");
    expect(shown.raisedOn).toEqual(record.raisedOn);
  });

  it("is the identity for the comp team and scrubs for everyone else", () => {
    expect(shownTo("comp-team", record, NAMES)).toBe(record);
    expect(leaks(shownTo("outside", record, NAMES))).toBe(false);
    expect(leaks(record)).toBe(true);
  });
});

describe("history outside the comp team", () => {
  const events = [
    { id: 1, field: "complaint", fromValue: "Zebulon told me the patch is empty", toValue: "The patch is empty" },
    { id: 2, field: "reporterName", fromValue: "", toValue: "Zebulon Quistgaard" },
    { id: 3, field: "confidential", fromValue: "false", toValue: "true" },
    { id: 4, field: "segment", fromValue: "smb", toValue: "enterprise" },
    { id: 5, field: "note edited", fromValue: "Zeb called", toValue: "Called back" },
    { id: 6, field: "step 2 answer", fromValue: "", toValue: "Because the Quistgaards left" },
  ];
  const shown = historyForOutside(events, NAMES);

  it("never carries identity changes", () => {
    expect(shown.map((e) => e.field)).not.toContain("reporterName");
    expect(shown.map((e) => e.field)).not.toContain("confidential");
  });

  it("shows who changed free text and when, but not the old or new words", () => {
    const complaint = shown.find((e) => e.field === "complaint")!;
    expect(complaint).toMatchObject({ fromValue: HIDDEN_TEXT, toValue: HIDDEN_TEXT, textHidden: true });
    expect(shown.find((e) => e.field === "step 2 answer")).toMatchObject({ fromValue: "", toValue: HIDDEN_TEXT });
    expect(leaks(shown)).toBe(false);
  });

  it("keeps from → to for coded fields", () => {
    expect(shown.find((e) => e.field === "segment")).toMatchObject({ fromValue: "smb", toValue: "enterprise", textHidden: false });
  });
});

describe("public search text", () => {
  it("is the title and complaint with the reporter's name scrubbed", () => {
    const text = publicSearchText({ title: "Quistgaard's patch", complaint: "Zebulon says the carve took his accounts", reporterName: "Zebulon Quistgaard" });
    expect(leaks(text)).toBe(false);
    expect(text.publicComplaint).toContain("says the carve took his accounts");
  });

  it("is the text itself when there is no name to hide", () => {
    expect(publicSearchText({ title: "Quota moved", complaint: "My quota moved mid-quarter", reporterName: "" })).toEqual({ publicTitle: "Quota moved", publicComplaint: "My quota moved mid-quarter" });
  });
});
