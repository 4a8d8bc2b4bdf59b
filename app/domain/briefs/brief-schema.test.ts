import { describe, expect, it } from "vitest";
import {
  acknowledgeBriefSchema,
  BRIEF_SECTION_MAX,
  BRIEF_SUMMARY_MAX,
  BRIEF_TITLE_MAX,
  editBriefSchema,
  generateBriefSchema,
  publishBriefSchema,
} from "./brief-schema";

/** The first message for each field, as the form shows it. */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[String(issue.path[0])] ??= issue.message;
  return out;
}

describe("generateBriefSchema", () => {
  it("accepts a pattern or a case id from a form", () => {
    expect(generateBriefSchema.parse({ source: "pattern", sourceId: "12" })).toEqual({ source: "pattern", sourceId: 12 });
    expect(generateBriefSchema.parse({ source: "case", sourceId: 3 })).toEqual({ source: "case", sourceId: 3 });
  });

  it("says what to choose when the source is wrong", () => {
    expect(errors(generateBriefSchema.safeParse({ source: "deck", sourceId: "abc" }))).toEqual({
      source: "Choose whether the brief is about a pattern or a case",
      sourceId: "Choose the pattern or case to write the brief from",
    });
    expect(errors(generateBriefSchema.safeParse({ source: "case", sourceId: "0" })).sourceId).toBe(
      "Choose the pattern or case to write the brief from",
    );
    expect(generateBriefSchema.safeParse({ source: "case", sourceId: "1.5" }).success).toBe(false);
  });
});

describe("editBriefSchema", () => {
  const valid = { title: " Territory carve ", summary: "One line.", payChange: "Paying more will not fix this.", version: "4" };

  it("trims, fills missing sections with empty text and reads the version", () => {
    const data = editBriefSchema.parse(valid);
    expect(data.title).toBe("Territory carve");
    expect(data.payChange).toBe("Paying more will not fix this.");
    expect(data.whatWeSee).toBe("");
    expect(data.quotes).toBe("");
    expect(data.version).toBe(4);
  });

  it("needs a title of 1 to 200 characters", () => {
    expect(errors(editBriefSchema.safeParse({ ...valid, title: "   " })).title).toBe("Give the brief a title");
    expect(errors(editBriefSchema.safeParse({ ...valid, title: undefined })).title).toBe("Give the brief a title");
    expect(editBriefSchema.safeParse({ ...valid, title: "x".repeat(BRIEF_TITLE_MAX) }).success).toBe(true);
    expect(errors(editBriefSchema.safeParse({ ...valid, title: "x".repeat(BRIEF_TITLE_MAX + 1) })).title).toBe(
      "Keep the title under 200 characters",
    );
  });

  it("limits the summary to 1,000 characters and each section to 10,000", () => {
    expect(errors(editBriefSchema.safeParse({ ...valid, summary: "x".repeat(BRIEF_SUMMARY_MAX + 1) })).summary).toBe(
      "Keep the summary under 1,000 characters",
    );
    expect(editBriefSchema.safeParse({ ...valid, whyItHappens: "x".repeat(BRIEF_SECTION_MAX) }).success).toBe(true);
    expect(errors(editBriefSchema.safeParse({ ...valid, whyItHappens: "x".repeat(BRIEF_SECTION_MAX + 1) })).whyItHappens).toBe(
      "Keep “Why it is happening” under 10,000 characters",
    );
  });

  it("asks for a reload when the version is missing or wrong", () => {
    for (const version of [undefined, "", "-1", "abc", "2.5"]) {
      expect(errors(editBriefSchema.safeParse({ ...valid, version })).version, String(version)).toBe(
        "Reload the page and try again",
      );
    }
  });
});

describe("publish and acknowledge", () => {
  it("publishes the draft at its edit counter, which starts at 0", () => {
    expect(publishBriefSchema.parse({ version: "0" })).toEqual({ version: 0 });
    expect(errors(publishBriefSchema.safeParse({ version: "x" })).version).toBe("Reload the page and try again");
  });

  it("acknowledges a published version, numbered from 1", () => {
    expect(acknowledgeBriefSchema.parse({ version: "2" })).toEqual({ version: 2 });
    expect(acknowledgeBriefSchema.safeParse({ version: "0" }).success).toBe(false);
  });
});
