import { describe, expect, it } from "vitest";
import { PLAN_MECHANICS_CASES } from "./fixtures/cases";
import { writeBrief } from "./sections";
import { diffBriefs, type BriefVersionContent } from "./version-diff";

const v1 = writeBrief({ title: "Sandbagging", cases: PLAN_MECHANICS_CASES, scope: "pattern" });

const rebuilt = (parts: { value: string; added?: true; removed?: true }[], side: "old" | "new") =>
  parts.filter((p) => (side === "old" ? !p.added : !p.removed)).map((p) => p.value).join("");

describe("diffBriefs", () => {
  it("finds nothing between identical versions", () => {
    expect(diffBriefs(v1, structuredClone(v1))).toEqual([]);
  });

  it("lists only the sections that changed, with word-level changes", () => {
    const v2 = {
      ...v1,
      sections: { ...v1.sections, recommendedFix: v1.sections.recommendedFix.replace("annual", "yearly") },
    };
    const diff = diffBriefs(v1, v2);
    expect(diff.map((d) => d.section)).toEqual(["recommendedFix"]);
    expect(diff[0].title).toBe("What we recommend");
    expect(diff[0].parts.filter((p) => p.removed).map((p) => p.value)).toEqual(["annual"]);
    expect(diff[0].parts.filter((p) => p.added).map((p) => p.value)).toEqual(["yearly"]);
    expect(rebuilt(diff[0].parts, "old")).toBe(v1.sections.recommendedFix);
    expect(rebuilt(diff[0].parts, "new")).toBe(v2.sections.recommendedFix);
  });

  it("covers the title, summary and chain too, in reading order", () => {
    const v2 = {
      ...v1,
      title: "Sandbagging in Enterprise",
      chain: v1.chain.slice(0, -1),
      sections: { ...v1.sections, quotes: "No quotes." },
    };
    expect(diffBriefs(v1, v2).map((d) => d.section)).toEqual(["title", "chain", "quotes"]);
  });

  it("reads a section missing from an older version as empty", () => {
    const old: BriefVersionContent = { title: v1.title, summary: v1.summary, chain: v1.chain, sections: { ...v1.sections, quotes: undefined } };
    const diff = diffBriefs(old, v1);
    expect(diff.map((d) => d.section)).toEqual(["quotes"]);
    expect(diff[0].parts).toEqual([{ value: v1.sections.quotes, added: true }]);
  });

  it("marks only changed parts as added or removed", () => {
    const v2 = { ...v1, summary: `${v1.summary} Act this quarter.` };
    const [d] = diffBriefs(v1, v2);
    const unchanged = d.parts.filter((p) => !p.added && !p.removed);
    expect(unchanged.length).toBeGreaterThan(0);
    for (const p of unchanged) expect(Object.keys(p)).toEqual(["value"]);
  });
});
