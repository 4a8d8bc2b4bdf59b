import { describe, expect, it } from "vitest";
import { conceptCounts, stems } from "./theme-concepts";

describe("conceptCounts", () => {
  it("maps paraphrases of one mechanism to one concept", () => {
    for (const text of ["They clawed back my commission", "I got charged back 8 months later", "Finance took back 4k", "a chargeback on my check"]) {
      expect([...conceptCounts(text).keys()], text).toContain("clawback");
    }
    for (const text of ["the accounts I was given are tiny", "My patch is tapped out", "my book of business is all schools"]) {
      expect([...conceptCounts(text).keys()], text).toContain("territory");
    }
    for (const text of ["The kicker above 100% is tiny", "accelerators are capped at 150", "the multiplier flattens out"]) {
      expect([...conceptCounts(text).keys()], text).toContain("accelerator-cap");
    }
  });

  it("matches word forms through the Porter stemmer", () => {
    expect(stems("Capped caps")).toEqual(["cap", "cap"]);
    expect(conceptCounts("Renewals renewed").get("renewal")).toBe(2);
  });

  it("counts a phrase once, longest match first, and ignores words common to every complaint", () => {
    expect([...conceptCounts("my book of business").entries()]).toEqual([["territory", 1]]);
    expect(conceptCounts("the deal paid commission to the customer plan").size).toBe(0);
  });
});
