import { describe, expect, it } from "vitest";
import { BEHAVIOURS } from "../cases/taxonomy";
import {
  buildCaseChain,
  chainSentence,
  chainSentenceWithSupport,
  linksAlike,
  MAX_LINK_WORDS,
  mergeChains,
  OUTCOME_TAILS,
  shortLink,
} from "./chain-merge";
import { briefCase, PLAN_MECHANICS_CASES, TERRITORY_CASES } from "./fixtures/cases";
import { wordCount } from "./text";
import type { CaseChain, ChainLink, LinkKind } from "./types";

const chain = (caseId: number, ...texts: [string, LinkKind][]): CaseChain => ({
  caseId,
  links: texts.map(([text, kind]): ChainLink => ({ text, kind })),
});

describe("shortLink", () => {
  it("drops a leading because, the end stop and a leading determiner, and lower-cases", () => {
    expect(shortLink("Because their earnings dropped.")).toBe("earnings dropped");
    expect(shortLink("Due to the territory carve.")).toBe("territory carve");
  });

  it("keeps acronyms", () => {
    expect(shortLink("SMB reps do not follow up on leads.")).toBe("SMB reps do not follow up on leads");
  });

  it("takes the first sentence", () => {
    expect(shortLink("Reps miss quota. Then they leave.")).toBe("reps miss quota");
  });

  it("cuts a long answer before a joining word", () => {
    expect(shortLink("Territories were split and the new patches have far fewer accounts than before")).toBe(
      "territories were split",
    );
  });

  it("cuts a long answer at its first clause", () => {
    expect(shortLink("Quotas went up by a third, while the number of accounts in each patch went down")).toBe(
      "quotas went up by a third",
    );
  });

  it("marks a phrase it had to cut mid-way, and never exceeds the word limit", () => {
    const text = "Reps in the new northern enterprise region spend most days driving between far flung small accounts";
    const short = shortLink(text);
    expect(short.endsWith("…")).toBe(true);
    expect(wordCount(short)).toBeLessThanOrEqual(MAX_LINK_WORDS);
  });
});

describe("buildCaseChain", () => {
  it("runs root cause, then the whys from the deepest, then the behaviour, then the business outcome", () => {
    const c = briefCase({
      id: 7,
      rootCause: "territory_imbalance",
      behaviour: "attrition_morale",
      // Given out of order on purpose.
      steps: [
        { position: 2, answer: "Because their earnings dropped." },
        { position: 1, answer: "Reps feel the plan is unfair." },
        { position: 3, answer: "They miss their targets." },
      ],
    });
    expect(buildCaseChain(c)).toEqual({
      caseId: 7,
      links: [
        { text: "territory imbalance", kind: "root" },
        { text: "they miss their targets", kind: "step" },
        { text: "earnings dropped", kind: "step" },
        { text: "reps feel the plan is unfair", kind: "step" },
        { text: "attrition and low morale", kind: "behaviour" },
        { text: "coverage gaps", kind: "outcome" },
        { text: "missed revenue", kind: "outcome" },
      ],
    });
  });

  it("uses the statement when the root cause is 'other', and the suspected cause before diagnosis", () => {
    const other = briefCase({ rootCause: "other", rootCauseStatement: "The CRM merger lost half the contacts." });
    expect(buildCaseChain(other).links[0]).toEqual({ text: "CRM merger lost half the contacts", kind: "root" });
    const suspected = briefCase({ rootCause: "", suspectedCause: "enablement_gap" });
    expect(buildCaseChain(suspected).links[0]).toEqual({ text: "enablement gap", kind: "root" });
  });

  it("leaves out blank answers and a link that repeats the one before", () => {
    const c = briefCase({
      rootCause: "quota_setting",
      behaviour: "discounting",
      steps: [
        { position: 1, answer: "Reps discount." },
        { position: 2, answer: "  " },
        { position: 3, answer: "Quota setting." },
      ],
    });
    expect(buildCaseChain(c).links.map((l) => l.text)).toEqual([
      "quota setting",
      "reps discount",
      "heavy discounting",
      "margin erosion",
    ]);
  });

  it("ends every chain in a business outcome, whatever the behaviour", () => {
    for (const behaviour of [...BEHAVIOURS.map((b) => b.value), "", "reps skip the CRM"]) {
      const links = buildCaseChain(briefCase({ behaviour, rootCause: "data_systems" })).links;
      expect(links[links.length - 1].kind, behaviour).toBe("outcome");
      expect(OUTCOME_TAILS[behaviour] ?? OUTCOME_TAILS.other).toContain(links[links.length - 1].text);
    }
  });
});

describe("linksAlike", () => {
  it("treats identical links as alike, whatever the case and punctuation", () => {
    expect(linksAlike("Missed revenue.", "missed revenue")).toBe(true);
  });

  it("merges links that share most of their words, synonyms folded", () => {
    expect(linksAlike("reps miss their targets", "missed targets")).toBe(true);
    expect(linksAlike("lower earnings", "earnings dropped")).toBe(true);
    expect(linksAlike("poor seller sentiment", "low morale among reps")).toBe(true);
    expect(linksAlike("territories have too few accounts", "new territories hold fewer good accounts")).toBe(true);
  });

  it("merges a short link held inside a longer one", () => {
    expect(linksAlike("they miss their targets", "they missed quota two quarters in a row")).toBe(true);
  });

  it("keeps links apart that share one word only, or differ by a negation", () => {
    expect(linksAlike("missed targets", "missed revenue")).toBe(false);
    expect(linksAlike("coverage gaps", "thin pipeline")).toBe(false);
    expect(linksAlike("quota is reachable", "quota is not reachable")).toBe(false);
  });

  it("can ignore a negation, for fixes that say what not to do", () => {
    const a = "Rebalance territories on account potential, not account count";
    const b = "Rebalance territories on account potential";
    expect(linksAlike(a, b)).toBe(false);
    expect(linksAlike(a, b, { negation: false })).toBe(true);
  });
});

describe("mergeChains", () => {
  it("merges identical links and counts the cases behind each", () => {
    const merged = mergeChains([
      chain(1, ["territory imbalance", "root"], ["missed targets", "step"], ["missed revenue", "outcome"]),
      chain(2, ["territory imbalance", "root"], ["missed targets", "step"], ["missed revenue", "outcome"]),
      chain(3, ["territory imbalance", "root"], ["lost deals", "step"], ["missed revenue", "outcome"]),
    ]);
    expect(merged).toEqual([
      { text: "territory imbalance", kind: "root", support: 3, caseIds: [1, 2, 3], single: false },
      { text: "missed targets", kind: "step", support: 2, caseIds: [1, 2], single: false },
      { text: "lost deals", kind: "step", support: 1, caseIds: [3], single: true },
      { text: "missed revenue", kind: "outcome", support: 3, caseIds: [1, 2, 3], single: false },
    ]);
  });

  it("merges alike links under the most common wording", () => {
    const merged = mergeChains([
      chain(1, ["territory imbalance", "root"], ["missed targets", "step"], ["missed revenue", "outcome"]),
      chain(2, ["territory imbalance", "root"], ["reps miss their targets", "step"], ["missed revenue", "outcome"]),
      chain(3, ["territory imbalance", "root"], ["missed targets", "step"], ["missed revenue", "outcome"]),
    ]);
    expect(merged.map((l) => [l.text, l.support])).toEqual([
      ["territory imbalance", 3],
      ["missed targets", 3],
      ["missed revenue", 3],
    ]);
    expect(merged.every((l) => !l.single)).toBe(true);
  });

  it("counts a case once when it repeats a link", () => {
    const merged = mergeChains([
      chain(1, ["territory imbalance", "root"], ["missed targets", "step"], ["reps miss their targets", "step"], ["missed revenue", "outcome"]),
    ]);
    const targets = merged.find((l) => l.text === "missed targets")!;
    expect(targets).toMatchObject({ support: 1, caseIds: [1], single: true });
  });

  it("puts the root cause first and the business outcome last, whatever the chains' lengths", () => {
    const merged = mergeChains([
      chain(1, ["missed revenue", "outcome"]),
      chain(2, ["territory imbalance", "root"], ["a", "step"], ["b", "step"], ["c", "step"], ["missed revenue", "outcome"]),
      chain(3, ["lost renewals", "outcome"], ["missed revenue", "outcome"]),
      chain(4, ["territory imbalance", "root"], ["heavy discounting", "behaviour"], ["margin erosion", "outcome"]),
    ]);
    expect(merged[0]).toMatchObject({ text: "territory imbalance", kind: "root" });
    expect(merged[merged.length - 1]).toMatchObject({ text: "missed revenue", support: 3 });
    expect(merged.map((l) => l.text)).toEqual([
      "territory imbalance",
      "a",
      "b",
      "c",
      "heavy discounting",
      "lost renewals",
      "margin erosion",
      "missed revenue",
    ]);
  });

  it("orders the middle links by their average place in the chains", () => {
    const merged = mergeChains([
      chain(1, ["root", "root"], ["near the cause", "step"], ["near the symptom", "step"], ["missed revenue", "outcome"]),
      chain(2, ["root", "root"], ["near the symptom", "step"], ["missed revenue", "outcome"]),
    ]);
    expect(merged.map((l) => l.text)).toEqual(["root", "near the cause", "near the symptom", "missed revenue"]);
  });

  it("puts the best-supported root cause first when cases differ", () => {
    const merged = mergeChains([
      chain(1, ["quota setting", "root"], ["missed revenue", "outcome"]),
      chain(2, ["territory imbalance", "root"], ["missed revenue", "outcome"]),
      chain(3, ["territory imbalance", "root"], ["missed revenue", "outcome"]),
    ]);
    expect(merged.map((l) => l.text)).toEqual(["territory imbalance", "quota setting", "missed revenue"]);
  });

  it("merges the realistic territory pattern into a chain its cases share", () => {
    const merged = mergeChains(TERRITORY_CASES.map(buildCaseChain));
    expect(merged[0]).toMatchObject({ text: "territory imbalance", support: 5, single: false });
    expect(merged[merged.length - 1]).toMatchObject({ text: "missed revenue", kind: "outcome", support: 5 });
    // Four wordings of "they miss their targets" across five cases.
    expect(merged.find((l) => l.text === "they miss their targets")?.support).toBeGreaterThanOrEqual(4);
    expect(merged.find((l) => l.text === "territories have too few accounts")?.support).toBeGreaterThanOrEqual(3);
    // Every case's links are accounted for.
    for (const c of TERRITORY_CASES) expect(merged.some((l) => l.caseIds.includes(c.id))).toBe(true);
  });

  it("is empty for no chains", () => {
    expect(mergeChains([])).toEqual([]);
  });

  it("merges the plan-mechanics pattern around the accelerator reset", () => {
    const merged = mergeChains(PLAN_MECHANICS_CASES.map(buildCaseChain));
    expect(merged[0]).toMatchObject({ text: "plan mechanics", support: 3 });
    expect(merged.find((l) => /accelerator resets/.test(l.text))?.support).toBe(3);
  });
});

describe("chainSentence", () => {
  const links = [
    "territory imbalance",
    "missed targets",
    "lower earnings",
    "poor seller sentiment",
    "attrition",
    "coverage gaps",
    "missed revenue",
  ].map((text, i) => ({ text, support: i === 2 ? 1 : 4 }));

  it("reads in one breath, root cause first", () => {
    expect(chainSentence(links)).toBe(
      "Territory imbalance → missed targets → lower earnings → poor seller sentiment → attrition → coverage gaps → missed revenue.",
    );
  });

  it("has a variant with the support of each link, marking single-case links", () => {
    expect(chainSentenceWithSupport(links.slice(0, 3))).toBe(
      "Territory imbalance (4 cases) → missed targets (4 cases) → lower earnings (1 case only).",
    );
  });

  it("is empty for an empty chain", () => {
    expect(chainSentence([])).toBe("");
    expect(chainSentenceWithSupport([])).toBe("");
  });
});
