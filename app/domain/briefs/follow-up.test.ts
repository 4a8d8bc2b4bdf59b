import { describe, expect, it } from "vitest";
import { withoutSmallCounts } from "./exec-view";
import { FOLLOW_UP_TITLE, followUpForExecutives, followUpText, type FollowUp, type FollowUpItem } from "./follow-up";
import { briefToMarkdown } from "./markdown";
import type { Brief } from "./types";
import { diffBriefs } from "./version-diff";

const side = (periods: string[], median: number | null, reps: number) => ({ periods, reps, median, sd: median === null ? null : 20, shareAtQuota: median === null ? null : 40, tooFew: median === null });

const done: FollowUpItem = {
  title: "Cap the territory carve at 10% of pipeline",
  ownerFunction: "revops",
  ownerName: "Lee Der",
  status: "done",
  dueOn: "2026-03-01",
  doneOn: "2026-02-20",
  checkDueOn: "2026-05-21",
  overdue: false,
  caseIds: [12, 15],
  check: {
    days: 90,
    counts: { before: 14, after: 2, beforePerMonth: 4.7, afterPerMonth: 0.7, sentence: "A clear drop: a split this lopsided would happen by chance less than 1 time in 20 (p = 0.004).", recurrencesAfter: 1 },
    outcome: "clear-drop",
    attainment: [
      { group: "Enterprise", before: side(["2025-Q4"], 88, 12), after: side(["2026-Q2"], 95, 12) },
      { group: "SDR", before: side(["2025-Q4"], null, 3), after: side(["2026-Q2"], null, 4) },
    ],
  },
  verdict: "effective",
  verdictNote: "Complaints stopped after the cap; 2 cases came from the old carve.",
};

const open: FollowUpItem = { ...done, title: "Publish the crediting rules", status: "in_progress", doneOn: null, checkDueOn: null, overdue: true, caseIds: [], check: null, verdict: "", verdictNote: "" };

const followUp: FollowUp = { asOf: "2026-06-01", items: [done, open] };

describe("what we did and whether it worked", () => {
  it("says, per action, who owns it, where it stands, the check's figures and the verdict", () => {
    const text = followUpText(followUp);
    expect(text).toContain("As of 1 Jun 2026.");
    expect(text).toContain("Cap the territory carve at 10% of pipeline\n\n- Owner: ");
    expect(text).toContain("- Owner: RevOps (Lee Der).");
    expect(text).toContain("- Status: Done, done 20 Feb 2026.");
    expect(text).toContain("- Cases: #12, #15.");
    expect(text).toContain("- Check, 90 days either side of the change: 14 matching complaints before (4.7 a month), 2 after (0.7 a month). A clear drop:");
    expect(text).toContain("- Flagged as recurring after the fix: 1 case.");
    expect(text).toContain("- Attainment, Enterprise (2025-Q4 → 2026-Q2): median 88% → 95%, spread 20 → 20 points, at quota 40% → 40%.");
    expect(text).toContain("- Attainment, SDR: fewer than 5 reps in a period either side, so not compared.");
    expect(text).toContain("- Owner's verdict: Effective — Complaints stopped");
    expect(text).toContain("- Status: In progress, due 1 Mar 2026, overdue.");
  });

  it("is empty without actions, so no empty section is shown", () => {
    expect(followUpText(undefined)).toBe("");
    expect(followUpText({ asOf: "2026-06-01", items: [] })).toBe("");
  });

  it("gives executives the function, the status and the outcome in words: no person, case or count", () => {
    const text = followUpText(followUpForExecutives(followUp, withoutSmallCounts));
    expect(text).not.toContain("Lee Der");
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toMatch(/matching complaint|recurring|Attainment|a month/);
    expect(text).not.toMatch(/\b2 cases\b/);
    expect(text).toContain("- Owner: RevOps.");
    expect(text).toContain("- Check: Complaints like these clearly dropped after the change.");
    expect(text).toContain("fewer than three cases came from the old carve");
    expect(text).toContain("- Owner's verdict: Effective");
  });

  it("is part of the Markdown and of what changed between versions", () => {
    const brief: Brief = { title: "Carve", summary: "", chain: [], sections: { whatWeSee: "", whyItHappens: "", whatItCosts: "", payChange: "", recommendedFix: "", quotes: "" }, quotes: [] };
    const md = briefToMarkdown({ ...brief, followUp }, { version: 2, publishedAt: new Date("2026-06-01T00:00:00Z") });
    expect(md).toContain(`## ${FOLLOW_UP_TITLE}`);
    expect(md).toContain("- Cases: #12, #15.");
    expect(briefToMarkdown(brief, { version: 1, publishedAt: new Date() })).not.toContain(FOLLOW_UP_TITLE);
    const changes = diffBriefs(brief, { ...brief, followUp });
    expect(changes.map((c) => c.title)).toEqual([FOLLOW_UP_TITLE]);
    expect(diffBriefs({ ...brief, followUp }, { ...brief, followUp })).toEqual([]);
  });
});
