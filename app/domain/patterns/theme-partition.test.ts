import { describe, expect, it } from "vitest";
import { makeCase } from "./fixtures/make-case";
import { DEFAULT_THEME_WEIGHTS, dominant, partitionThemes } from "./theme-partition";

const territory = [
  "My patch is tiny compared with the other reps, the territory carve gave me nothing",
  "The territory realignment left my patch with no accounts worth calling",
  "Territory carve is uneven, my patch has a third of the accounts of the next rep",
];
const statements = [
  "Commission statement was wrong again, payout missing two deals",
  "My payout statement missed deals and payroll took a month to fix it",
  "Statement shows the wrong payout, deals missing from the commission statement",
];

describe("partitionThemes", () => {
  it("puts each case in at most one theme and keeps different problems apart", () => {
    const cases = [
      ...territory.map((complaint) => makeCase({ complaint, suspectedCause: "territory_imbalance" })),
      ...statements.map((complaint) => makeCase({ complaint, suspectedCause: "data_systems" })),
      makeCase({ complaint: "The office coffee machine has been broken for weeks" }),
    ];
    const themes = partitionThemes(cases);
    const all = themes.flatMap((t) => t.caseIds);
    expect(new Set(all).size).toBe(all.length);
    expect(themes.map((t) => t.caseIds)).toEqual(
      expect.arrayContaining([cases.slice(0, 3).map((c) => c.id), cases.slice(3, 6).map((c) => c.id)]),
    );
    expect(all).not.toContain(cases[6].id);
  });

  it("lets the text outweigh a wrong suspected cause, and explains the theme", () => {
    const cases = territory.map((complaint, i) => makeCase({ complaint, suspectedCause: i === 1 ? "plan_mechanics" : "territory_imbalance" }));
    const [t] = partitionThemes(cases);
    expect(t.caseIds).toHaveLength(3);
    expect(t.dominantCause).toBe("territory_imbalance");
    expect(t.terms).toContain("patch");
    expect(cases.map((c) => c.id)).toContain(t.typicalCaseId);
  });

  it("gives the same themes for the same cases in any order", () => {
    const cases = [...territory, ...statements].map((complaint) => makeCase({ complaint }));
    const a = partitionThemes(cases).map((t) => t.key).sort();
    const b = partitionThemes([...cases].reverse()).map((t) => t.key).sort();
    expect(a).toEqual(b);
  });
});

describe("dominant", () => {
  it("prefers a diagnosis over a majority of suspicions", () => {
    expect(dominant([{ cause: "quota_setting", cases: 4, diagnosed: 0 }, { cause: "territory_imbalance", cases: 1, diagnosed: 1 }])).toEqual({ dominantCause: "territory_imbalance", dominantSource: "diagnosed" });
  });
  it("names no cause when suspicions are split", () => {
    expect(dominant([{ cause: "quota_setting", cases: 2, diagnosed: 0 }, { cause: "pricing_packaging", cases: 2, diagnosed: 0 }]).dominantCause).toBe("");
  });
});

describe("partitionThemes on unfamiliar wording", () => {
  it("groups paraphrases of one mechanism that share no word", () => {
    const clawbacks = ["They took back 4k when my customer went bust", "Charged back on a logo I closed last year", "Recovery of commission for churn CS owned"];
    const caps = ["The kicker past plan is tiny, so I park deals", "Earnings capped at 150% so the floor sandbags", "Multiplier flattens after 120%, no upside"];
    const cases = [...clawbacks, ...caps].map((complaint) => makeCase({ complaint }));
    const themes = partitionThemes(cases).map((t) => t.caseIds);
    expect(themes).toEqual(expect.arrayContaining([cases.slice(0, 3).map((c) => c.id), cases.slice(3).map((c) => c.id)]));
  });

  it("makes no theme of two one-offs that only share common words", () => {
    const cases = [
      makeCase({ complaint: "Car allowance is now taxable and my manager never said so this year" }),
      makeCase({ complaint: "My manager said the legal review takes six weeks this year" }),
    ];
    expect(partitionThemes(cases)).toEqual([]);
  });
});

describe("partitionThemes with a cause many cases share", () => {
  const splits = [
    "The parent company signed so the HQ rep got all the credit for my subsidiary deal",
    "Local reps get nothing when the parent account signs, HQ owner takes the credit",
    "Subsidiary deal credited to the parent owner again, local rep paid zero",
  ];
  const cash = [
    "Commission only paid when the customer invoice is collected, waiting months for cash",
    "Cash collection triggers payout so late payers hold my commission for months",
    "My commission waits until the invoice is paid, customers pay at 90 days",
  ];
  const cases = [...splits, ...cash].map((complaint) => makeCase({ complaint, rootCause: "plan_mechanics", suspectedCause: "plan_mechanics" }));

  it("keeps two problems filed under the same common cause apart", () => {
    const themes = partitionThemes(cases).map((t) => t.caseIds);
    expect(themes).toEqual(expect.arrayContaining([cases.slice(0, 3).map((c) => c.id), cases.slice(3).map((c) => c.id)]));
  });

  it("would glue them into one theme if the cause counted whatever its share (why causeIdf exists)", () => {
    expect(partitionThemes(cases, { ...DEFAULT_THEME_WEIGHTS, causeIdf: 0 }).map((t) => t.caseIds)).toEqual([cases.map((c) => c.id)]);
  });
});

describe("partitionThemes' core rule", () => {
  const core = [
    "Territory carve left my patch with no accounts worth calling",
    "My patch is tiny next to the other reps after the territory carve",
    "The territory realignment gave me the leftover accounts in my patch",
    "Territory carve is uneven, my patch has a third of the accounts",
    "After the carve my territory patch has nothing left to sell",
  ];
  const cases = [...core, "My territory manager never answers my emails"].map((complaint) => makeCase({ complaint }));
  const ids = (admit: number) => partitionThemes(cases, { ...DEFAULT_THEME_WEIGHTS, admit }).map((t) => t.caseIds);

  it("leaves out a case that is like the theme's core less than the rule asks, and keeps the core", () => {
    expect(ids(0)).toEqual([cases.map((c) => c.id)]);
    expect(ids(0.5)).toEqual([cases.slice(0, 5).map((c) => c.id)]);
  });
});

describe("partitionThemes' report blocks", () => {
  const pool = [
    "The SE bonus pool is split evenly so the engineers who carry the technical win get nothing extra",
    "Our presales pool pays every SE the same share no matter who ran the proof of concept",
    "SE pool payout ignores which engineer did the security review, same share for all",
    "The solutions engineer pool splits the bonus evenly, the POC work is invisible",
  ];
  const gary = [
    "The bonus pool is split by my manager, his favourites get the share, the SE work counts for nothing",
    "My manager split the pool to his favourites again, the same share for the SE as for nobody",
    "Favourites of my manager get the pool share again, the split ignores the engineer work",
  ];
  const rest = pool.map((complaint, i) => makeCase({ complaint, reporterKey: `se${i}`, region: ["EMEA", "APAC", "LATAM", "NA East"][i] }));
  const ids = (cases: ReturnType<typeof makeCase>[], block = DEFAULT_THEME_WEIGHTS.block) => partitionThemes(cases, { ...DEFAULT_THEME_WEIGHTS, block }).map((t) => t.caseIds.sort((a, b) => a - b));

  it("splits one reporter's cases from a theme when they are more alike to each other than to the rest", () => {
    const cases = [...rest, ...gary.map((complaint) => makeCase({ complaint, reporterKey: "gary", region: "NA West" }))];
    expect(ids(cases, 0)).toEqual([cases.map((c) => c.id)]);
    expect(ids(cases)).toEqual(expect.arrayContaining([rest.map((c) => c.id), cases.slice(4).map((c) => c.id)]));
  });

  it("does the same for one team's cases in one month (one report, as the verdict counts it)", () => {
    const cases = [...rest, ...gary.map((complaint, i) => makeCase({ complaint, reporterKey: `team${i}`, region: "NA West" }))];
    expect(ids(cases, 0)).toEqual([cases.map((c) => c.id)]);
    expect(ids(cases)).toEqual(expect.arrayContaining([rest.map((c) => c.id), cases.slice(4).map((c) => c.id)]));
  });

  it("leaves in the theme one reporter's cases that read like the rest of it (a block of two, considered at block 2)", () => {
    const twice = [
      "The SE pool split is even, the engineer who carries the technical win gets the same share",
      "Presales bonus pool pays every engineer the same, the security review and POC work are not rewarded",
    ].map((complaint) => makeCase({ complaint, reporterKey: "same", region: "APAC" }));
    const cases = [...rest, ...twice];
    expect(ids(cases, 0)).toEqual([cases.map((c) => c.id)]);
    expect(ids(cases, 2)).toEqual([cases.map((c) => c.id)]);
  });
});
