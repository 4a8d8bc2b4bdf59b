import { describe, expect, it } from "vitest";
import { questionFromAnswer } from "./next-question";

// Real answers: the demo seed's Five Whys chains (prisma/seed/demo-cases.ts) and the answers
// the issue quotes, with what the next step's question should start as.
const TABLE: [answer: string, question: string][] = [
  ["The January re-carve balanced territories by number of accounts, not by addressable revenue.", "Why is it that the January re-carve balanced territories by number of accounts, not by addressable revenue?"],
  ["Only the owner can release an account, and nobody wants to give up potential pipeline.", "Why is it that only the owner can release an account, and nobody wants to give up potential pipeline?"],
  ["Territories were carved by postcode in a spreadsheet without any accounts-per-rep capacity target.", "Why is it that territories were carved by postcode in a spreadsheet without any accounts-per-rep capacity target?"],
  ["Both said they could not earn anywhere near on-target pay with the territory they had.", "Why is it that both said they could not earn anywhere near on-target pay with the territory they had?"],
  ["Their patches had about 40% less addressable pipeline than the new-hire patches in Austin.", "Why is it that their patches had about 40% less addressable pipeline than the new-hire patches in Austin?"],
  ["Quota letters were already issued before the re-carve was finalised.", "Why is it that quota letters were already issued before the re-carve was finalised?"],
  ["FY26 quotas rose about 40% on territories that shrank, and nobody explained the method.", "Why is it that FY26 quotas rose about 40% on territories that shrank, and nobody explained the method?"],
  ["Finance and RevOps have no shared account-potential model; quota is owned by Finance alone.", "Why is it that Finance and RevOps have no shared account-potential model?"],
  ["Managers were told that a forecast under 80% of quota triggers a performance review.", "Why is it that managers were told that a forecast under 80% of quota triggers a performance review?"],
  ["They need volume to close a 40% quota increase inside the year.", "Why is it that they need volume to close a 40% quota increase inside the year?"],
  ["Buyers' security and legal teams will not sign until EU data residency is available.", "Why is it that buyers' security and legal teams will not sign until EU data residency is available?"],
  ["The EU hosting region slipped from Q2 to Q4 behind the infrastructure migration.", "Why is it that the EU hosting region slipped from Q2 to Q4 behind the infrastructure migration?"],
  ["The pitch deck presented roadmap items as current capability without a 'coming soon' marker.", "Why is it that the pitch deck presented roadmap items as current capability without a 'coming soon' marker?"],
  ["Reps near 100% pull deals in at any price to cross the threshold; reps well above or below push them out.", "Why is it that reps near 100% pull deals in at any price to cross the threshold?"],
  ["The accelerator is retroactive: at 100% the rate doubles on all bookings in the period.", "Why is it that the accelerator is retroactive: at 100% the rate doubles on all bookings in the period?"],
  ["It paid $500 per closed deal regardless of deal size or price.", "Why is it that it paid $500 per closed deal regardless of deal size or price?"],
  ["SPIFs under $100k do not need comp committee sign-off.", "Why is it that SPIFs under $100k do not need comp committee sign-off?"],
  ["To lift analytics attach rate, which is a product-line target.", "Why is it necessary to lift analytics attach rate, which is a product-line target?"],
  ["They don't know their attainment for six to eight weeks after month end.", "Why is it that they don't know their attainment for six to eight weeks after month end?"],
  ["Commission is calculated in spreadsheets after manual corrections to CRM credit.", "Why is it that commission is calculated in spreadsheets after manual corrections to CRM credit?"],
  ["The January CS reorg added expansion to CSMs without removing it from AMs, and no RACI was written.", "Why is it that the January CS reorg added expansion to CSMs without removing it from AMs, and no RACI was written?"],
  // The two broken prefills.
  ["The plan pays commission on bookings, so cutting a discount costs the rep almost nothing.", "Why is it that the plan pays commission on bookings, so cutting a discount costs the rep almost nothing?"],
  ["Why does the deal desk approve discounts above 20% without a second look?", "Why does the deal desk approve discounts above 20% without a second look?"],
  // Lead-ins and shapes people type.
  ["Because the quota went up", "Why is it that the quota went up?"],
  ["because reps chase small deals.", "Why is it that reps chase small deals?"],
  ["It's because the SPIF paid per deal.", "Why is it that the SPIF paid per deal?"],
  ["Since nobody owns the account master, two lists drift.", "Why is it that nobody owns the account master?"],
  ["Since March the deal desk has been short-staffed.", "Why is it that since March the deal desk has been short-staffed?"],
  ["Due to the resegmentation in July.", "What is behind the resegmentation in July?"],
  ["Because of late SDR handoffs", "What is behind late SDR handoffs?"],
  ["No shared account master between Finance and RevOps.", "Why is there no shared account master between Finance and RevOps?"],
  ["Not enough pipeline in the new territories", "Why is there not enough pipeline in the new territories?"],
  ["Too many reps on one patch", "Why are there too many reps on one patch?"],
  ["is the cap too low?", "Is the cap too low?"],
  ["why does the plan pay on bookings", "Why does the plan pay on bookings?"],
  ["When the plan changed, nobody retrained the AEs.", "Why is it that when the plan changed, nobody retrained the AEs?"],
  ["Will Price said the carve was unfair.", "Why is it that Will Price said the carve was unfair?"],
  ["SDR handoffs are late", "Why is it that SDR handoffs are late?"],
  ["Quotas rose. Nobody said why.", "Why is it that quotas rose?"],
];

/** What a grammatical prefill never does (the failures issue 14 quotes). */
function problems(q: string): string[] {
  const out: string[] = [];
  if (!/^[A-Z]/.test(q)) out.push("does not start with a capital");
  if (!q.endsWith("?") || q.indexOf("?") !== q.length - 1) out.push("not one question mark at the end");
  if (/\bwhy\b[^?]*\bwhy\b/i.test(q)) out.push("doubled why");
  if (/\bdoes\b.*\b\w+s happen\?$/i.test(q) || /\bhappen\?$/.test(q)) out.push("'does … happen' frame");
  if (/…|\.\.\./.test(q)) out.push("cut with an ellipsis");
  if (/[.!;:,]\?$/.test(q)) out.push("stop before the question mark");
  if (/\b(because|due to)\b/i.test(q.slice(0, 25))) out.push("keeps the lead-in");
  return out;
}

describe("questionFromAnswer on real answers", () => {
  it("has a table of at least 20 real answers", () => expect(TABLE.length).toBeGreaterThanOrEqual(20));

  it.each(TABLE)("%s", (answer, expected) => {
    const q = questionFromAnswer(answer);
    expect(problems(q)).toEqual([]);
    expect(q).toBe(expected);
  });

  it("the grammar check catches the old prefills", () => {
    expect(problems("Why does the plan pays commission on bookings happen?")).not.toEqual([]);
    expect(problems("Why does why does the deal desk approve discounts happen?")).not.toEqual([]);
    expect(problems("Why does territories were redrawn… happen?")).not.toEqual([]);
  });
});

describe("questionFromAnswer edge cases", () => {
  it("asks a plain question when there is nothing to build on", () => {
    expect(questionFromAnswer("")).toBe("Why is that?");
    expect(questionFromAnswer("   ")).toBe("Why is that?");
    expect(questionFromAnswer("Because.")).toBe("Why is that?");
    expect(questionFromAnswer("?")).toBe("Why is that?");
  });

  it("keeps acronyms, camel-cased names and months capitalised, lower-cases the rest", () => {
    expect(questionFromAnswer("EMEA quotas rose")).toBe("Why is it that EMEA quotas rose?");
    expect(questionFromAnswer("RevOps owns the routing")).toBe("Why is it that RevOps owns the routing?");
    expect(questionFromAnswer("January quotas were set top-down")).toBe("Why is it that January quotas were set top-down?");
    expect(questionFromAnswer("Reps leave")).toBe("Why is it that reps leave?");
  });

  it("reads one line of a multi-line answer", () => {
    expect(questionFromAnswer("Quotas rose\n  by 40%.\n\nNobody explained it.")).toBe("Why is it that quotas rose by 40%?");
  });
});
