import { describe, expect, it } from "vitest";
import {
  addCasesSchema,
  createPatternSchema,
  editPatternSchema,
  parseCaseRefs,
  PATTERN_NAME_MAX,
  removeCaseSchema,
} from "./pattern-schema";

/** Field → messages, as a form would show them. */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("createPatternSchema", () => {
  it("accepts a pattern made by hand with no cases, status open by default", () => {
    const r = createPatternSchema.safeParse({ name: "  Territory carve  " });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ name: "Territory carve", description: "", status: "open", source: "manual", caseIds: [], cause: "" });
  });

  it("takes caseIds as a repeated field or as a single string, dropping blanks and repeats", () => {
    expect(createPatternSchema.parse({ name: "x", caseIds: ["3", "5", "3", ""] }).caseIds).toEqual([3, 5]);
    expect(createPatternSchema.parse({ name: "x", caseIds: "7" }).caseIds).toEqual([7]);
  });

  it("needs at least one case when made from a suggestion", () => {
    const r = createPatternSchema.safeParse({ name: "Quota", source: "suggestion", caseIds: [] });
    expect(errors(r)).toEqual({ caseIds: ["Keep at least one case from the suggestion, or create the pattern by hand"] });
    expect(createPatternSchema.safeParse({ name: "Quota", source: "suggestion", caseIds: ["4"] }).success).toBe(true);
  });

  it("says what is wrong with the name, description, status and cases, all at once", () => {
    const r = createPatternSchema.safeParse({
      name: " ",
      description: "x".repeat(2_001),
      status: "closed",
      caseIds: ["abc", "-2"],
    });
    expect(errors(r)).toEqual({
      name: ["Give the pattern a name"],
      description: ["Keep the description under 2,000 characters"],
      status: ["Choose a status: open, briefed, monitoring or resolved"],
      "caseIds.0": ["Choose cases from the list"],
      "caseIds.1": ["Choose cases from the list"],
    });
  });

  it("limits the name to 120 characters", () => {
    expect(createPatternSchema.safeParse({ name: "x".repeat(PATTERN_NAME_MAX) }).success).toBe(true);
    expect(errors(createPatternSchema.safeParse({ name: "x".repeat(PATTERN_NAME_MAX + 1) }))).toEqual({
      name: ["Keep the name under 120 characters"],
    });
  });
});

describe("editPatternSchema", () => {
  it("accepts a full edit and coerces the version", () => {
    expect(
      editPatternSchema.parse({ name: "Quota", description: "Set top-down", status: "monitoring", version: "4" }),
    ).toEqual({ name: "Quota", description: "Set top-down", status: "monitoring", version: 4 });
  });

  it("asks for a reload when the version is missing or junk", () => {
    expect(errors(editPatternSchema.safeParse({ name: "Quota", status: "open", version: "x" }))).toEqual({
      version: ["Reload the page and try again"],
    });
  });
});

describe("parseCaseRefs", () => {
  it("reads numbers with or without #, separated by commas, spaces or semicolons", () => {
    expect(parseCaseRefs("12, #15 20;21\n12")).toEqual({ ids: [12, 15, 20, 21], junk: [] });
  });

  it("lists anything else as junk", () => {
    expect(parseCaseRefs("12 abc #0 ##4 1.5")).toEqual({ ids: [12], junk: ["abc", "#0", "##4", "1.5"] });
  });
});

describe("addCasesSchema", () => {
  it("merges ticked and typed cases", () => {
    expect(addCasesSchema.parse({ caseIds: ["3", "12"], caseRefs: "12, #15" })).toEqual({ caseIds: [3, 12, 15] });
  });

  it("accepts typed cases alone", () => {
    expect(addCasesSchema.parse({ caseRefs: "#8" })).toEqual({ caseIds: [8] });
  });

  it("quotes the junk it could not read", () => {
    expect(errors(addCasesSchema.safeParse({ caseRefs: "12, twelve" }))).toEqual({
      caseRefs: ["“twelve” is not a case number. Use numbers like 12 or #12, separated by commas or spaces."],
    });
    expect(errors(addCasesSchema.safeParse({ caseRefs: "a b c d" })).caseRefs[0]).toBe(
      "“a”, “b”, “c” are not case numbers. Use numbers like 12 or #12, separated by commas or spaces.",
    );
  });

  it("asks for at least one case", () => {
    expect(errors(addCasesSchema.safeParse({}))).toEqual({ caseRefs: ["Enter at least one case number, like 12 or #12"] });
    expect(errors(addCasesSchema.safeParse({ caseRefs: " , " }))).toEqual({
      caseRefs: ["Enter at least one case number, like 12 or #12"],
    });
  });
});

describe("removeCaseSchema", () => {
  it("takes one case id", () => {
    expect(removeCaseSchema.parse({ caseId: "9" })).toEqual({ caseId: 9 });
    expect(errors(removeCaseSchema.safeParse({}))).toEqual({ caseId: ["Choose a case to remove"] });
    expect(errors(removeCaseSchema.safeParse({ caseId: "0" }))).toEqual({ caseId: ["Choose a case to remove"] });
  });
});
