import { describe, expect, it } from "vitest";
import { adjustedRandIndex, purity } from "./cluster-metrics";
import { heldOutCases, HELD_OUT_COMPLAINTS } from "./fixtures/held-out-complaints";
import { LABELLED_COMPLAINTS, labelledCases } from "./fixtures/labelled-complaints";
import { makeCase } from "./fixtures/make-case";
import {
  DEFAULT_TEXT_THRESHOLD,
  groupByCause,
  groupByText,
  rankSuggestions,
  type Suggestion,
  suggestGroups,
  verdict,
  verdictSentence,
  independentReports,
  reportOf,
} from "./grouping";
import { buildIndex } from "./text-similarity";
import { caseText, type PatternCase } from "./types";

/** Predicted labels in fixture order; a case in no group is its own singleton. */
function predicted(cases: PatternCase[], groups: { caseIds: number[] }[]): string[] {
  const label = new Map<number, string>();
  groups.forEach((g, k) => g.caseIds.forEach((id) => label.set(id, `g${k}`)));
  return cases.map((c) => label.get(c.id) ?? `alone${c.id}`);
}

function measure(cases: PatternCase[], truth: string[], groups: { caseIds: number[] }[]) {
  const labels = predicted(cases, groups);
  const grouped = groups.reduce((s, g) => s + g.caseIds.length, 0);
  return {
    ari: adjustedRandIndex(labels, truth),
    purity: purity(labels, truth),
    coverage: grouped / cases.length,
    groups: groups.length,
  };
}

const fmt = (m: ReturnType<typeof measure>) =>
  `ARI ${m.ari.toFixed(3)}, purity ${m.purity.toFixed(3)}, coverage ${(m.coverage * 100).toFixed(0)}%, ${m.groups} groups`;

describe("the labelled fixture", () => {
  it("has at least 48 complaints in at least 7 true groups, each reported by several functions", () => {
    expect(LABELLED_COMPLAINTS.length).toBeGreaterThanOrEqual(48);
    const groups = new Map<string, Set<string>>();
    for (const c of LABELLED_COMPLAINTS) {
      const fns = groups.get(c.group) ?? new Set();
      groups.set(c.group, fns.add(c.reporterFunction));
    }
    expect(groups.size).toBeGreaterThanOrEqual(7);
    for (const fns of groups.values()) expect(fns.size).toBeGreaterThanOrEqual(2);
    // Not templated: no two complaints open with the same three words.
    const openings = LABELLED_COMPLAINTS.map((c) => c.complaint.toLowerCase().split(/\s+/).slice(0, 3).join(" "));
    expect(new Set(openings).size).toBe(openings.length);
  });
});

describe("groupByText on the labelled complaints", () => {
  const cases = labelledCases();
  const truth = LABELLED_COMPLAINTS.map((c) => c.group);

  it("recovers the true groups (adjusted Rand index and purity)", () => {
    const m = measure(cases, truth, groupByText(cases));
    console.log(`[grouping] labelled set (${cases.length} texts, 8 groups), threshold ${DEFAULT_TEXT_THRESHOLD}: ${fmt(m)}`);
    expect(m.ari).toBeGreaterThanOrEqual(0.5);
    expect(m.purity).toBeGreaterThanOrEqual(0.8);
    expect(m.coverage).toBeGreaterThanOrEqual(0.8);
  });

  it("reports what plain words (no theme lexicon) and unseen wording achieve", () => {
    const plainIndex = buildIndex(cases.map((c) => ({ id: c.id, text: caseText(c) })), { themes: false });
    const plain = measure(cases, truth, groupByText(cases, { index: plainIndex }));
    const held = heldOutCases();
    const heldTruth = HELD_OUT_COMPLAINTS.map((c) => c.group);
    const unseen = measure(held, heldTruth, groupByText(held));
    console.log(`[grouping] labelled set, plain words only: ${fmt(plain)}`);
    console.log(`[grouping] held-out set (${held.length} texts, written before the lexicon): ${fmt(unseen)}`);
    for (const t of [0.1, 0.12, 0.2, 0.25]) {
      console.log(`[grouping] labelled set at threshold ${t}: ${fmt(measure(cases, truth, groupByText(cases, { threshold: t })))}`);
    }
    // A floor, not a target: unseen wording must still do better than chance.
    expect(unseen.ari).toBeGreaterThan(0);
  });

  it("gives the same groups whatever order the cases come in", () => {
    const shuffled = [...cases].sort((a, b) => ((a.id * 7919) % 61) - ((b.id * 7919) % 61));
    const key = (gs: { caseIds: number[] }[]) => gs.map((g) => g.caseIds.join(",")).sort();
    expect(key(groupByText(shuffled))).toEqual(key(groupByText(cases)));
  });

  it("puts no case in two groups and respects the minimum size", () => {
    const groups = groupByText(cases, { minSize: 4 });
    const ids = groups.flatMap((g) => g.caseIds);
    expect(new Set(ids).size).toBe(ids.length);
    expect(groups.every((g) => g.caseIds.length >= 4)).toBe(true);
  });

  it("says which words the group shares, found in at least two of its complaints", () => {
    for (const g of groupByText(cases)) {
      expect(g.sharedTerms.length).toBeGreaterThan(0);
      expect(g.sharedTerms.every((t) => t.cases >= 2)).toBe(true);
      expect(g.cohesion).toBeGreaterThan(0);
      expect(g.cohesion).toBeLessThanOrEqual(1);
    }
  });
});

describe("groupByText edge cases", () => {
  it("groups nothing when there is nothing to compare", () => {
    expect(groupByText([])).toEqual([]);
    expect(groupByText([makeCase({ complaint: "and the of" }), makeCase({ complaint: "" })])).toEqual([]);
  });

  it("groups two near-identical complaints and leaves an unrelated one out", () => {
    const a = makeCase({ complaint: "My commission statement was late and wrong again" });
    const b = makeCase({ complaint: "Commission statements arrive late and the payout is wrong" });
    const c = makeCase({ complaint: "The roadmap keeps slipping" });
    expect(groupByText([a, b, c]).map((g) => g.caseIds)).toEqual([[a.id, b.id]]);
  });
});

describe("verdict", () => {
  let n = 0;
  // Each report from a different person in a different month unless told otherwise.
  const rep = (reporterFunction: string, reporterRole: string, extra: { reporterKey?: string; region?: string; month?: string } = {}) => {
    n += 1;
    return { reporterFunction, reporterRole, segment: "enterprise", region: extra.region ?? "", reporterKey: extra.reporterKey ?? `person-${n}`, raisedOn: new Date(`${extra.month ?? `2026-${String((n % 12) + 1).padStart(2, "0")}`}-15T00:00:00Z`) };
  };

  it("calls two reports an anecdote even across functions", () => {
    expect(verdict([rep("sales", "ae"), rep("finance", "other")])).toBe("anecdote");
  });

  it("calls three reports from one function a pattern within one function, whatever the roles", () => {
    expect(verdict([rep("sales", "ae"), rep("sales", "ae"), rep("sales", "ae")])).toBe("single-function");
    expect(verdict([rep("customer_success", "csm"), rep("customer_success", "account_manager"), rep("customer_success", "frontline_manager")])).toBe("single-function");
  });

  it("calls three reports from two functions cross-functional", () => {
    expect(verdict([rep("sales", "other"), rep("finance", "other"), rep("finance", "other")])).toBe("cross-functional");
  });

  it("counts one reporter once, however many cases they raised", () => {
    const same = { reporterKey: "dana" };
    expect(independentReports([rep("sales", "ae", same), rep("sales", "ae", same), rep("finance", "other", same)])).toBe(1);
    expect(verdict([rep("sales", "ae", same), rep("sales", "ae", same), rep("finance", "other", same)])).toBe("anecdote");
  });

  it("counts one team in one month once, and the same team in another month again", () => {
    const team = { region: "EMEA North", month: "2026-03" };
    expect(independentReports([rep("sales", "ae", team), rep("sales", "ae", team), rep("sales", "ae", { ...team, month: "2026-04" })])).toBe(2);
    // Without a region the team is not known: people count one by one.
    expect(independentReports([rep("sales", "ae", { month: "2026-03" }), rep("sales", "ae", { month: "2026-03" })])).toBe(2);
  });

  it("numbers each case by its report, joining a reporter's cases and a team's month through either", () => {
    const team = { region: "EMEA North", month: "2026-03" };
    const r = reportOf([rep("sales", "ae", { ...team, reporterKey: "dana" }), rep("sales", "ae", team), rep("finance", "other", { reporterKey: "dana" }), rep("sales", "ae", { ...team, month: "2026-05" })]);
    expect(r[1]).toBe(r[0]);
    expect(r[2]).toBe(r[0]);
    expect(r[3]).not.toBe(r[0]);
  });

  it("does not count an unrecorded function as a second one", () => {
    expect(verdict([rep("sales", "ae"), rep("", ""), rep("sales", "ae")])).toBe("single-function");
  });

  it("says why, in a sentence", () => {
    const cases = [rep("sales", "ae", { reporterKey: "a" }), rep("sales", "ae", { reporterKey: "a" }), rep("customer_success", "csm"), rep("sales", "sdr")];
    expect(verdictSentence(cases)).toBe("A cross-functional pattern: 3 independent reports (4 cases; one reporter, or one team in one month, counts once) from Sales and Customer Success.");
    expect(verdictSentence(cases.slice(0, 2))).toMatch(/^An anecdote so far: 1 independent report/);
  });
});

describe("groupByCause", () => {
  it("groups by diagnosed cause, else suspected, and leaves out unknown and other", () => {
    const a = makeCase({ rootCause: "quota_setting", suspectedCause: "plan_mechanics" });
    const b = makeCase({ suspectedCause: "quota_setting" });
    const c = makeCase({ suspectedCause: "plan_mechanics" });
    const d = makeCase({ suspectedCause: "other" });
    const e = makeCase({ suspectedCause: "other" });
    const f = makeCase({});
    const g = makeCase({});
    expect(groupByCause([a, b, c, d, e, f, g])).toEqual([
      { cause: "quota_setting", label: "Quota setting", caseIds: [a.id, b.id], sources: { diagnosed: 1, suspected: 1 } },
    ]);
  });
});

describe("suggestGroups", () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  // Territory: 4 cases, 3 functions, 4 roles — cross-functional.
  const territory = [
    makeCase({ suspectedCause: "territory_imbalance", complaint: "My patch was carved in half", reporterFunction: "sales", reporterRole: "ae", raisedOn: day("2026-01-10"), tenureMonths: 3 }),
    makeCase({ suspectedCause: "territory_imbalance", complaint: "Our territory has no whitespace", reporterFunction: "marketing", reporterRole: "sdr", raisedOn: day("2026-02-10"), tenureMonths: 20 }),
    makeCase({ rootCause: "territory_imbalance", complaint: "Accounts were reassigned mid-year", reporterFunction: "customer_success", reporterRole: "csm", raisedOn: day("2026-03-10"), tenureMonths: 20 }),
    makeCase({ suspectedCause: "territory_imbalance", complaint: "The region realignment halved my book", reporterFunction: "sales", reporterRole: "account_manager", raisedOn: day("2026-03-20"), tenureMonths: null }),
  ];
  // Statements: 3 cases, one function, one role — a pattern within one function, alike text.
  const statements = [
    makeCase({ suspectedCause: "data_systems", complaint: "Commission statement late again and missing deals", raisedOn: day("2026-04-01") }),
    makeCase({ suspectedCause: "data_systems", complaint: "My commission statement is late and the payout wrong", raisedOn: day("2026-04-02") }),
    makeCase({ suspectedCause: "plan_mechanics", complaint: "Statements always late, payout never reconciles", raisedOn: day("2026-04-03") }),
  ];
  const all = [...territory, ...statements];
  const suggestions = suggestGroups(all);
  const byKey = new Map(suggestions.map((s) => [s.key, s]));

  it("suggests cause groups and says where the cause came from", () => {
    const t = byKey.get("cause:territory_imbalance")!;
    expect(t.kind).toBe("cause");
    expect(t.reason).toBe("Shared cause: Territory imbalance (1 diagnosed, 3 suspected)");
    expect(t.caseIds).toEqual(territory.map((c) => c.id));
    expect(t.count).toBe(4);
    expect(t.verdict).toBe("cross-functional");
  });

  it("describes who reported it and when", () => {
    const t = byKey.get("cause:territory_imbalance")!;
    expect(t.functions).toEqual([
      { value: "sales", label: "Sales", count: 2 },
      { value: "marketing", label: "Marketing", count: 1 },
      { value: "customer_success", label: "Customer Success", count: 1 },
    ]);
    expect(t.roles.map((r) => r.label)).toEqual(["AE", "SDR", "CSM", "Account manager"]);
    expect(t.segments).toEqual([{ value: "mid_market", label: "Mid-Market", count: 4 }]);
    expect(t.tenureBands).toEqual([
      { value: "lt6m", label: "<6 mo", count: 1 },
      { value: "1to2y", label: "1–2 y", count: 2 },
      { value: "unknown", label: "Unknown", count: 1 },
    ]);
    expect(t.from).toEqual(day("2026-01-10"));
    expect(t.to).toEqual(day("2026-03-20"));
  });

  it("suggests alike complaints across causes, with the shared words as the reason", () => {
    const text = suggestions.find((s) => s.kind === "text" && s.caseIds.includes(statements[2].id))!;
    expect(text.caseIds).toEqual(statements.map((c) => c.id));
    expect(text.reason).toMatch(/^Alike complaints: /);
    expect(text.sharedTerms.map((t) => t.word)).toEqual(expect.arrayContaining(["late", "statement"]));
    expect(text.verdict).toBe("single-function"); // three people, one function
    expect(text.key).toMatch(/^text:[0-9a-z]+$/);
  });

  it("drops a text group with exactly the cases of a cause group", () => {
    const sameCause = statements.map((c) => ({ ...c, suspectedCause: "data_systems" }));
    const s = suggestGroups(sameCause);
    expect(s.map((x) => x.kind)).toEqual(["cause"]);
  });

  it("ranks cross-functional first, then breadth, then size, then recency", () => {
    expect(suggestions[0].key).toBe("cause:territory_imbalance");
    const mk = (over: Partial<Suggestion>): Suggestion => ({
      ...suggestions[0],
      ...over,
    });
    const ranked = [
      mk({ key: "a", verdict: "anecdote" }),
      mk({ key: "b", count: 9 }),
      mk({ key: "c", count: 9, to: day("2026-06-01") }),
      mk({ key: "d", functions: suggestions[0].functions.slice(0, 1) }),
      mk({ key: "e" }),
    ];
    const order = [...ranked].sort(rankSuggestions).map((s) => s.key);
    expect(order).toEqual(["c", "b", "e", "d", "a"]);
  });

  it("is empty for no cases", () => {
    expect(suggestGroups([])).toEqual([]);
  });
});
