// The brief's wording rules (issue 14): counts read naturally, a fix one case of many names is
// not the headline, a step waiting for an answer is never quoted, chain steps are never cut
// with "…" outside the diagram, and lists are real lists.
import { describe, expect, it } from "vitest";
import { buildCaseChain, isPendingAnswer } from "./chain-merge";
import { briefCase, TERRITORY_CASES } from "./fixtures/cases";
import { briefToMarkdown } from "./markdown";
import { isLoneFix, writeBrief } from "./sections";
import { everyOne } from "./text";
import { SECTION_KEYS, type Brief, type BriefCase } from "./types";

const sectionsText = (b: Brief) => `${b.summary}\n${SECTION_KEYS.map((k) => b.sections[k]).join("\n")}`;
const twoAlike = (over: Partial<BriefCase> = {}) => [TERRITORY_CASES[0], { ...TERRITORY_CASES[1], ...over }];

describe("counts", () => {
  it("says 'both', 'all 3', never 'all 2'", () => {
    expect(everyOne(2)).toBe("both cases");
    expect(everyOne(3)).toBe("all 3 cases");
    expect(everyOne(1_200)).toBe("all 1,200 cases");
  });

  it("writes 'both cases' in a brief on two cases that agree", () => {
    const [a, b] = TERRITORY_CASES;
    const cases = [a, { ...b, rootCause: a.rootCause, suspectedCause: a.suspectedCause, payFix: a.payFix, upstreamFix: a.upstreamFix }];
    const brief = writeBrief({ title: "Two", cases, scope: "pattern" });
    const text = sectionsText(brief);
    expect(text).not.toMatch(/\ball 2\b/i);
    expect(text).toMatch(/Both cases trace back to/);
    expect(text).toMatch(/Both cases point to it\./);
  });

  it("writes 'all 3 cases' for three", () => {
    const [a] = TERRITORY_CASES;
    const cases = [1, 2, 3].map((i) => ({ ...a, id: 900 + i, reporterName: `Rep ${i}` }));
    const brief = writeBrief({ title: "Three", cases, scope: "pattern" });
    expect(sectionsText(brief)).toMatch(/All 3 cases trace back to/);
  });
});

describe("the pay-change judgement", () => {
  it("counts only the judged cases as such: 'both cases the team judged', not 'both cases' of eight", () => {
    const cases = TERRITORY_CASES.map((c, i) => ({ ...c, payFix: i < 2 ? "no" : "" }));
    const text = writeBrief({ title: "Judged", cases, scope: "pattern" }).sections.payChange;
    expect(text).toContain("In both cases the team judged, a pay change would not fix it.");
    const all = writeBrief({ title: "All", cases: TERRITORY_CASES.map((c) => ({ ...c, payFix: "no" })), scope: "pattern" }).sections.payChange;
    expect(all).toMatch(/In all \d+ cases, the team judged that a pay change would not fix it\./);
  });
});

describe("a fix named in one case of several", () => {
  const fixes = ["Rebalance territories on account potential", "Publish the quota method before letters go out", "Add a shared account master"];
  const cases = TERRITORY_CASES.slice(0, 3).map((c, i) => ({ ...c, upstreamFix: fixes[i] }));
  const text = writeBrief({ title: "Split", cases, scope: "pattern" }).sections.recommendedFix;

  it("is not the headline recommendation, and says it rests on one case", () => {
    expect(isLoneFix({ count: 1 }, 3)).toBe(true);
    expect(isLoneFix({ count: 1 }, 1)).toBe(false);
    expect(isLoneFix({ count: 2 }, 10)).toBe(false);
    expect(text).not.toMatch(/We recommend this fix/);
    expect(text).toMatch(/^No fix is backed by more than one case yet, so we do not recommend one\. The fix to check first, named in 1 case of 3: /);
  });

  it("lists the other fixes as a list paragraph of their own", () => {
    const paragraphs = text.split("\n\n");
    expect(paragraphs).toContain("Other fixes the team named:");
    const list = paragraphs[paragraphs.indexOf("Other fixes the team named:") + 1];
    expect(list.split("\n").every((l) => l.startsWith("- "))).toBe(true);
  });
});

describe("steps still waiting for an answer", () => {
  it.each(["", "  ", "Open: waiting for Sales leadership to say how many accounts a rep can work.", "Waiting for the VP to reply", "TBD", "Unknown.", "Pending - asked Finance"])(
    "%j is not a finding",
    (answer) => expect(isPendingAnswer(answer)).toBe(true),
  );
  it.each(["Opening deals late in the quarter pays more", "Unknown accounts were moved to new hires", "Pendulum swings in quota setting"])("%j is a finding", (answer) => {
    expect(isPendingAnswer(answer)).toBe(false);
  });

  it("are never quoted in the chain or any section", () => {
    const waiting = briefCase({ steps: [{ position: 1, answer: "Reps stopped prospecting in thin patches." }, { position: 2, answer: "Open: waiting for Sales leadership to say how many accounts a rep can work." }] });
    expect(buildCaseChain(waiting).links.map((l) => l.text).join(" ")).not.toMatch(/waiting|open/i);
    const brief = writeBrief({ title: "Waiting", cases: [waiting], scope: "case" });
    expect(JSON.stringify(brief)).not.toMatch(/waiting for Sales leadership/i);
    expect(briefToMarkdown(brief, { version: null, publishedAt: null })).not.toMatch(/waiting for Sales leadership/i);
  });
});

describe("chain steps in sentences", () => {
  const long = "The quota model used the account list from before the resegmentation and so every rep in the new segment carried accounts that had already moved.";
  const cases = twoAlike().map((c) => ({ ...c, steps: [{ position: 1, answer: long }] }));
  const brief = writeBrief({ title: "Long", cases, scope: "pattern" });

  it("are never cut with an ellipsis outside the diagram", () => {
    // The diagram's box may abbreviate…
    expect(brief.chain.some((l) => l.text.endsWith("…"))).toBe(true);
    // …the sentences and the download do not.
    expect(sectionsText(brief)).not.toContain("…");
    const md = briefToMarkdown(brief, { version: 1, publishedAt: new Date("2026-05-01T00:00:00Z") });
    expect(md).not.toContain("…");
    expect(md).toContain("quota model used the account list from before the resegmentation and so every rep");
  });
});

describe("lists in the Markdown download", () => {
  it("are Markdown lists after a blank line, not '- ' inside a paragraph", () => {
    const brief = writeBrief({ title: "Territory", cases: TERRITORY_CASES, scope: "pattern" });
    const md = briefToMarkdown(brief, { version: 1, publishedAt: new Date("2026-05-01T00:00:00Z") });
    const lines = md.split("\n");
    lines.forEach((line, i) => {
      if (line.startsWith("- ") && i > 0) expect(lines[i - 1] === "" || lines[i - 1].startsWith("- "), `line ${i}: ${line}`).toBe(true);
    });
    expect(md).toMatch(/\n\n- /);
  });
});
