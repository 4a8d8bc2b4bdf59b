import { describe, expect, it } from "vitest";
import { makeCase } from "./fixtures/make-case";
import { suggestGroups, type Suggestion } from "./grouping";
import { suppressSuggestionForExec } from "./suppress-groups";

const day = (d: string) => new Date(`${d}T00:00:00Z`);

const base: Suggestion = {
  key: "cause:quota_setting",
  kind: "cause",
  reason: "Shared cause: Quota setting (2 diagnosed, 3 suspected)",
  caseIds: [11, 12, 13, 14, 15],
  count: 5,
  cause: "quota_setting",
  causeSources: { diagnosed: 2, suspected: 3 },
  functions: [
    { value: "sales", label: "Sales", count: 4 },
    { value: "finance", label: "Finance", count: 1 },
  ],
  roles: [
    { value: "ae", label: "AE", count: 3 },
    { value: "other", label: "Other", count: 2 },
  ],
  segments: [{ value: "smb", label: "SMB", count: 5 }],
  tenureBands: [
    { value: "lt6m", label: "<6 mo", count: 2 },
    { value: "1to2y", label: "1–2 y", count: 3 },
  ],
  from: day("2026-01-14"),
  to: day("2026-03-02"),
  verdict: "cross-functional",
  independentReports: 5,
  verdictNote: "A cross-functional pattern: 5 independent reports from Sales and Finance.",
  sharedTerms: [
    { term: "quota", word: "quota", cases: 5, theme: false },
    { term: "board", word: "board", cases: 2, theme: false },
  ],
};

describe("suppressSuggestionForExec", () => {
  const s = suppressSuggestionForExec(base);

  it("shows a group of three or more with its count", () => {
    expect(s.count).toEqual({ value: 5, text: "5" });
    expect(s.verdict).toBe("cross-functional");
  });

  it("shows breakdown entries under three as <3, and withholds an entry the size would give away", () => {
    // 5 = 4 Sales + 1 Finance: with "5" and "4" shown, the "<3" would be 5 − 4.
    expect(s.functions).toEqual([
      { value: "sales", label: "Sales", count: { value: null, text: "x" } },
      { value: "finance", label: "Finance", count: { value: null, text: "<3" } },
    ]);
    expect(s.roles.map((r) => r.count.text)).toEqual(["x", "<3"]);
    expect(s.tenureBands.map((r) => r.count.text)).toEqual(["<3", "x"]);
    expect(s.segments.map((r) => r.count.text)).toEqual(["5"]);
  });

  it("hides small figures in the reason too, and the other part of the split (the split rule)", () => {
    expect(s.reason).toBe("Shared cause: Quota setting (<3 diagnosed, x suspected)");
  });

  it("never lists case ids or complaint text, and gives months rather than days", () => {
    expect(s).not.toHaveProperty("caseIds");
    expect(JSON.stringify(s)).not.toMatch(/\b1[1-5]\b/);
    expect(s.from).toBe("2026-01");
    expect(s.to).toBe("2026-03");
  });

  it("keeps only words that at least three complaints share", () => {
    expect(s.sharedTerms).toEqual([{ word: "quota", theme: false }]);
  });

  const smallGroup = (roles: Suggestion["roles"]): Suggestion => ({
    ...base,
    kind: "text",
    key: "text:abc",
    cause: null,
    causeSources: null,
    reason: "Alike complaints: quota, board",
    caseIds: [11, 12],
    count: 2,
    functions: [{ value: "sales", label: "Sales", count: 2 }],
    roles,
    segments: [{ value: "smb", label: "SMB", count: 2 }],
    tenureBands: [{ value: "lt6m", label: "<6 mo", count: 2 }],
    verdict: "anecdote",
    independentReports: 2,
    verdictNote: "An anecdote so far: 2 independent reports; a pattern needs three.",
    sharedTerms: [{ term: "quota", word: "quota", cases: 2, theme: false }],
  });

  it("shows a group below three as <3, without dates or words", () => {
    const small = suppressSuggestionForExec(smallGroup([{ value: "ae", label: "AE", count: 2 }]));
    expect(small.count).toEqual({ value: null, text: "<3" });
    expect(small.functions.map((e) => e.count.text)).toEqual(["<3"]);
    expect(small.from).toBeNull();
    expect(small.to).toBeNull();
    expect(small.sharedTerms).toEqual([]);
    expect(small.reason).toBe("Alike complaints");
  });

  it("withholds a small group's size when its two listed roles would each have to be one", () => {
    // "<3" cases from two roles (each at least one) is two cases, one per role.
    const small = suppressSuggestionForExec(smallGroup([{ value: "ae", label: "AE", count: 1 }, { value: "sdr", label: "SDR", count: 1 }]));
    expect(small.count.value).toBeNull();
    expect(small.count.text).toBe("x");
    expect(small.roles.map((e) => e.count.text)).toEqual(["<3", "<3"]);
  });

  it("works on real suggestions: text group reasons only use words three people wrote", () => {
    const cases = [
      makeCase({ complaint: "Commission statement late again, missing deals", reporterRole: "ae" }),
      makeCase({ complaint: "My commission statement is late and the payout is wrong", reporterRole: "sdr" }),
      makeCase({ complaint: "Statements are always late and the payout never reconciles", reporterRole: "ae" }),
    ];
    const [text] = suggestGroups(cases);
    const shown = suppressSuggestionForExec(text);
    expect(shown.count.text).toBe("3");
    expect(shown.sharedTerms.map((t) => t.word)).toContain("late");
    for (const t of shown.sharedTerms) {
      expect(text.sharedTerms.find((x) => x.word === t.word)!.cases).toBeGreaterThanOrEqual(3);
    }
    expect(shown.reason).toBe(`Alike complaints${shown.sharedTerms.length ? `: ${shown.sharedTerms.slice(0, 3).map((t) => t.word).join(", ")}` : ""}`);
  });
});
