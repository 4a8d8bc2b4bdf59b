// Writes the leadership brief (docs/product.md "Leadership brief") from the cases of a pattern or
// one case: templates and rules over the chains and counts, so the same cases always give
// the same brief. Short sentences and everyday words: a test holds every section to the
// reading-ease target. The comp team edits the result before publishing.

import { EXEC_MIN_REPS } from "../variability/group";
import { behaviourLabel, CAUSES, causeLabel, functionLabel, reporterRoleLabel, segmentLabel } from "../cases/taxonomy";
import { TENURE_BANDS, tenureBand, type TenureBand } from "../cases/tenure";
import { effectiveCause, UNKNOWN_CAUSE } from "../patterns/effective-cause";
import { EXEC_MIN_CELL } from "../privacy/disclosure";
import { cleanLink, lowerFirst } from "../whys/chain";
import { buildCaseChain, chainSentence, fullLink, linksAlike, linkWords, mergeChains, OUTCOME_TAILS } from "./chain-merge";
import { splitSentences, words } from "./readability";
import {
  formatMoney,
  formatMonth,
  joinList,
  mentionsNameOrEmail,
  percentOfShare,
  everyOne,
  plural,
  scrub,
  upperFirst,
} from "./text";
import { SECTION_KEYS, type AttainmentFigures, type PlanHealthFigures, type Brief, type BriefBasis, type BriefCase, type BriefSections, type MergedLink, type Quote } from "./types";

export type BriefScope = "pattern" | "case";

export type WriteBriefInput = {
  title: string;
  cases: readonly BriefCase[];
  attainment?: readonly AttainmentFigures[] | null;
  scope: BriefScope;
};

// ---------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------

/** Values by how often they occur, most common first; ties keep first-seen order. */
function ranked<T>(values: readonly T[]): { value: T; count: number }[] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Sentence-ends a text people typed: "rebalance territories" → "Rebalance territories." */
function asSentence(text: string): string {
  const t = cleanLink(text);
  return t ? `${upperFirst(t)}.` : "";
}

/**
 * The root cause most cases share (diagnosed, else suspected); ties go to taxonomy order.
 * Null when no case has one yet.
 */
export function dominantCause(cases: readonly BriefCase[]): { cause: string; count: number } | null {
  const order = (c: string) => {
    const i = CAUSES.findIndex((o) => o.value === c);
    return i === -1 ? CAUSES.length : i;
  };
  const causes = cases.map((c) => effectiveCause(c).cause).filter((c) => c !== UNKNOWN_CAUSE);
  const top = ranked(causes).sort((a, b) => b.count - a.count || order(a.value) - order(b.value))[0];
  return top ? { cause: top.value, count: top.count } : null;
}

/** The cause as words in a sentence: "territory imbalance"; for "other", the statement. */
function causeWords(cause: string, cases: readonly BriefCase[]): string {
  if (cause !== "other") return lowerFirst(causeLabel(cause));
  const statement = cases.find((c) => effectiveCause(c).cause === "other" && c.rootCauseStatement.trim());
  return statement ? fullLink(statement.rootCauseStatement) : "a limit outside the plan";
}

// ---------------------------------------------------------------------------------------
// What we see
// ---------------------------------------------------------------------------------------

// Tenure bands in words; "<6 mo" reads badly in a sentence.
export const TENURE_WORDS: Record<TenureBand, string> = {
  lt6m: "under 6 months",
  "6to12m": "6 to 12 months",
  "1to2y": "1 to 2 years",
  "2to4y": "2 to 4 years",
  "4yplus": "over 4 years",
};

/** True when the cases are a diagnosis rather than an anecdote (docs/product.md "Patterns"). */
export function isCrossFunctional(cases: readonly BriefCase[]): boolean {
  const functions = distinct(cases.map((c) => c.reporterFunction));
  const roles = distinct(cases.map((c) => c.reporterRole));
  return cases.length >= 3 && (functions.length >= 2 || roles.length >= 2);
}

function whatWeSee(cases: readonly BriefCase[], scope: BriefScope, chain: readonly MergedLink[]): string {
  const out: string[] = [];
  const functions = distinct(cases.map((c) => c.reporterFunction)).map(functionLabel);
  const segments = distinct(cases.map((c) => c.segment)).map(segmentLabel);
  // With fewer cases than an executive may see counted, a confidential reporter's tenure
  // band could point to them: it is left out of such a brief.
  const hideTenure = cases.length < EXEC_MIN_CELL && cases.some((c) => c.confidential);
  const bands = hideTenure
    ? []
    : TENURE_BANDS.map((b) => b.value).filter((band) => cases.some((c) => tenureBand(c.tenureMonths) === band));
  const noTenure = hideTenure ? 0 : cases.filter((c) => tenureBand(c.tenureMonths) === null).length;
  const dates = cases.map((c) => c.raisedOn.getTime()).filter(Number.isFinite).sort((a, b) => a - b);

  if (cases.length === 1) out.push("This brief is about one case.");
  else out.push(`We have ${plural(cases.length, "case")} on this.`);
  if (functions.length > 0)
    out.push(
      functions.length === 1
        ? `${cases.length === 1 ? "It comes" : "They all come"} from ${functions[0]}.`
        : `They come from ${plural(functions.length, "function")}: ${joinList(functions)}.`,
    );
  if (segments.length > 0)
    out.push(
      segments.length === 1
        ? `${cases.length === 1 ? "It is" : "All are"} in ${segments[0]}.`
        : `They cover ${plural(segments.length, "segment")}: ${joinList(segments)}.`,
    );
  if (bands.length === 1)
    out.push(
      cases.length === 1
        ? `The person who raised it has been here ${TENURE_WORDS[bands[0]]}.`
        : `The people who raised them have all been here ${TENURE_WORDS[bands[0]]}.`,
    );
  if (bands.length > 1)
    out.push(
      `The people who raised them span ${plural(bands.length, "tenure band")}: ${joinList(bands.map((b) => TENURE_WORDS[b]))}.`,
    );
  if (noTenure > 0 && cases.length > 1) out.push(`Tenure is not known for ${plural(noTenure, "case")}.`);
  // Months, not days: leadership needs the span, and a day can point to a person.
  if (dates.length > 0) {
    const first = formatMonth(new Date(dates[0]));
    const last = formatMonth(new Date(dates[dates.length - 1]));
    const weeks = Math.round((dates[dates.length - 1] - dates[0]) / (7 * 24 * 3600 * 1000));
    if (dates.length === 1) out.push(`It was raised in ${first}.`);
    else if (weeks < 2) out.push(`They were all raised in ${first === last ? first : `${first} and ${last}`}, within two weeks.`);
    else out.push(`The first was raised in ${first} and the last in ${last}, ${weeks} weeks apart.`);
  }
  const behaviours = chain.filter((l) => l.kind === "behaviour").map((l) => l.text);
  if (behaviours.length > 0) out.push(`What we see people do: ${joinList(behaviours)}.`);
  if (scope === "case" || cases.length === 1) {
    out.push("One case is a lead, not yet a pattern.");
  } else if (isCrossFunctional(cases)) {
    out.push(
      functions.length >= 2
        ? "This is a pattern, not an anecdote: the same problem shows up in more than one function."
        : "This is a pattern, not an anecdote: people in different roles report the same problem.",
    );
  } else {
    out.push("This is still an anecdote: it needs at least three cases from more than one function or role.");
  }
  return out.join(" ");
}

// ---------------------------------------------------------------------------------------
// Why it is happening
// ---------------------------------------------------------------------------------------

/**
 * The links leadership reads in one breath: with several cases, those backed by two or more
 * cases, plus the leading root cause. Links seen in one case only are named separately.
 * Falls back to the whole chain when too few links are shared to make a chain.
 */
export function coreChain(chain: readonly MergedLink[], caseCount: number): MergedLink[] {
  if (caseCount <= 1) return [...chain];
  const core = chain.filter((l, i) => !l.single || (i === 0 && l.kind === "root"));
  return core.length >= 2 ? core : [...chain];
}

/** How many links seen in one case only whyItHappens names before it just counts them. */
export const MAX_NAMED_SINGLES = 4;

function whyItHappens(cases: readonly BriefCase[], chain: readonly MergedLink[]): string {
  const paragraphs: string[] = [];
  const core = coreChain(chain, cases.length);
  if (core.length === 0) return "The Five Whys has not been done for these cases yet, so there is no chain to show.";
  paragraphs.push(chainSentence(core));

  const lines: string[] = ["Read it from left to right: each step leads to the next."];
  const top = dominantCause(cases);
  if (top && cases.length > 1) {
    const others = ranked(
      cases.map((c) => effectiveCause(c).cause).filter((c) => c !== top.cause && c !== UNKNOWN_CAUSE),
    );
    lines.push(
      top.count === cases.length
        ? `${upperFirst(everyOne(cases.length))} trace back to ${causeWords(top.cause, cases)}.`
        : `${top.count} of ${cases.length} cases trace back to ${causeWords(top.cause, cases)}.`,
    );
    for (const other of others)
      lines.push(`${upperFirst(plural(other.count, "case"))} ${other.count === 1 ? "points" : "point"} to ${causeWords(other.value, cases)} instead.`);
    const unknown = cases.filter((c) => effectiveCause(c).cause === UNKNOWN_CAUSE).length;
    if (unknown > 0) lines.push(`The cause is not known yet for ${plural(unknown, "case")}.`);
  }
  paragraphs.push(lines.join(" "));

  if (cases.length <= 1) {
    paragraphs.push("This chain comes from one case. Treat it as a lead to check until more cases back it.");
  } else {
    // Weak links in the chain above are named; the rest are counted, or the list would
    // drown the chain.
    const weakInCore = core.filter((l) => l.single);
    const singles = chain.filter((l) => l.single && !core.includes(l));
    const named = [...weakInCore, ...singles].slice(0, MAX_NAMED_SINGLES);
    const more = weakInCore.length + singles.length - named.length;
    if (named.length > 0) {
      const list = named.map((l) => `“${linkWords(l)}”`);
      const moreText = more > 0 ? `, and ${more} more` : "";
      paragraphs.push(
        `Some links were seen in one case only: ${more > 0 ? list.join(", ") : joinList(list)}${moreText}. Treat them as leads to check, not as facts.`,
      );
    } else {
      paragraphs.push("Every link in the chain is backed by at least two cases.");
    }
    paragraphs.push("The diagram shows the full chain and how many cases back each link.");
  }
  return paragraphs.join("\n\n");
}

// ---------------------------------------------------------------------------------------
// What it costs
// ---------------------------------------------------------------------------------------

function sameSegment(figure: string, segment: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return norm(figure) === norm(segment) || norm(figure) === norm(segmentLabel(segment));
}

/** The attainment figures of one segment, in plain words (mean, median, sd, top 20%). */
export function attainmentSentences(f: AttainmentFigures, label: string): string {
  // Briefs reach executives: the variability page's rule (five reps or more) applies here too.
  if (f.reps < EXEC_MIN_REPS) return `There are too few reps in ${label} to show their results.`;
  const out: string[] = [];
  const mean = Math.round(f.mean);
  const median = Math.round(f.median);
  out.push(`In ${label}, across ${f.reps.toLocaleString("en-US")} reps, the average rep reached ${mean}% of quota.`);
  out.push(
    median < mean
      ? `But the typical rep, the one in the middle, reached only ${median}%.`
      : `The typical rep, the one in the middle, reached ${median}%.`,
  );
  if (mean - median >= 5) out.push("The average hides the gap, so a plan built on it overstates what most reps earn.");
  out.push(`Results vary a lot: most reps land within ${Math.round(f.sd)} points of the average.`);
  out.push(`The top 20% of reps bring in ${percentOfShare(f.top20Share)} of the total.`);
  const atQuota = percentOfShare(f.shareAtOrAbove100);
  out.push(`${Number.parseInt(atQuota, 10) < 50 ? "Only " : ""}${atQuota} of reps reached quota.`);
  return out.join(" ");
}

/**
 * The plan-health paragraph of one segment (issue 17). It opens "In <segment>, in <period>," so
 * the executive copy can tell which figures it quotes (exec-view.ts drops it when the
 * variability page would not show them).
 */
export function planHealthSentences(h: PlanHealthFigures, label: string): string {
  const share = Math.round(h.shareAtQuota * 100);
  const where = share < h.band.low ? "below" : share > h.band.high ? "above" : "inside";
  const out = [
    `In ${label}, in ${h.period}, ${share}% of reps reached quota, ${where} the ${h.band.low}–${h.band.high}% band a healthy plan aims for, and ${Math.round(h.quotaAccuracy * 100)}% finished within 20% of quota.`,
  ];
  if (h.peaks) out.push(`Results have two peaks, ${h.peaks}: two different jobs are sharing one plan.`);
  if (h.gini !== null) out.push(`The Gini coefficient of attainment is ${h.gini.toFixed(2)}.`);
  if (h.spearman !== null)
    out.push(h.spearman >= 0.5 ? `Pay tracks performance (rank correlation ${h.spearman.toFixed(1)}).` : `Pay barely tracks performance (rank correlation ${h.spearman.toFixed(1)}).`);
  out.push(`The same reps raised ${h.complaints} complaints that period, ${h.per10.toFixed(1)} per 10 reps.`);
  return out.join(" ");
}

function whatItCosts(cases: readonly BriefCase[], attainment: readonly AttainmentFigures[] | null | undefined): string {
  const paragraphs: string[] = [];
  const people = cases.filter((c) => c.peopleAffected != null && c.peopleAffected > 0);
  const money = cases.filter((c) => c.revenueAtRisk != null && c.revenueAtRisk > 0);
  const lines: string[] = [];

  if (people.length > 0) {
    const total = people.reduce((s, c) => s + (c.peopleAffected ?? 0), 0);
    lines.push(
      cases.length === 1
        ? `This case affects about ${plural(total, "person", "people")}.`
        : `The cases name up to ${plural(total, "person", "people")} affected. Some may be counted in more than one case.`,
    );
  } else {
    lines.push("No case says how many people are affected.");
  }
  if (money.length > 0) {
    const total = money.reduce((s, c) => s + (c.revenueAtRisk ?? 0), 0);
    lines.push(`${cases.length === 1 ? "It puts" : "Together they put"} ${formatMoney(total)} of revenue at risk.`);
    const missing = cases.length - money.length;
    if (missing > 0)
      lines.push(`${upperFirst(plural(missing, "case"))} did not put a figure on it, so the true cost is likely higher.`);
  } else {
    lines.push("No case puts a figure on the revenue at risk yet.");
  }
  paragraphs.push(lines.join(" "));

  const segments = distinct(cases.map((c) => c.segment));
  if (!attainment || attainment.length === 0) {
    paragraphs.push(
      "Attainment data has not been imported yet. Once it is, this section will show how results spread across reps.",
    );
  } else {
    const matched = segments.flatMap((s) => {
      const f = attainment.find((a) => sameSegment(a.segment, s));
      if (!f) return [];
      const label = segmentLabel(s);
      return f.health ? [attainmentSentences(f, label), planHealthSentences(f.health, label)] : [attainmentSentences(f, label)];
    });
    paragraphs.push(
      matched.length > 0 ? matched.join("\n\n") : "The attainment data has no figures for these segments yet.",
    );
  }
  return paragraphs.join("\n\n");
}

// ---------------------------------------------------------------------------------------
// What a pay change would and would not fix
// ---------------------------------------------------------------------------------------

/** "The cause is X: <this>." — what is short, when it is not pay. */
const NOT_PAY: Record<string, string> = {
  territory_imbalance: "too little opportunity, not too little pay",
  segmentation_shift: "the wrong accounts for the role, not too little pay",
  product_readiness: "a product that is not ready to sell, not too little pay",
  enablement_gap: "people not shown how to sell, not too little pay",
  role_definition: "jobs that are not clear, not too little pay",
  quota_setting: "targets that cannot be reached, not too little pay",
  pricing_packaging: "an offer that is hard to buy, not too little pay",
  sales_motion_mismatch: "a way of selling that does not fit how customers buy, not too little pay",
  data_systems: "bad data and tools, not too little pay",
  other: "a limit outside the plan, not too little pay",
};

/** What more pay would not do, per structural cause. */
const PAY_WOULD_NOT: Record<string, string> = {
  territory_imbalance: "It would not put more good accounts in thin territories.",
  segmentation_shift: "It would not put the right accounts in front of the right sellers.",
  product_readiness: "It would not make the product ready to sell.",
  enablement_gap: "It would not teach people what they were never shown.",
  role_definition: "It would not tell people which job is theirs.",
  quota_setting: "It would not make a target that cannot be reached fair.",
  pricing_packaging: "It would not make the offer easier to buy.",
  sales_motion_mismatch: "It would not change how customers want to buy.",
  data_systems: "It would not fix the data people are paid on.",
  other: "It would not remove the limit the plan sits on.",
};

export const STRUCTURAL_LEAD = "Paying people more will not fix this.";
export const PLAN_MECHANICS_LEAD = "The cause is in the plan itself: how it pays, not how much.";

type PayTally = { yes: number; partly: number; no: number; answered: number };

function payTally(cases: readonly BriefCase[]): PayTally {
  const t: PayTally = { yes: 0, partly: 0, no: 0, answered: 0 };
  for (const c of cases) {
    if (c.payFix === "yes" || c.payFix === "partly" || c.payFix === "no") {
      t[c.payFix] += 1;
      t.answered += 1;
    }
  }
  return t;
}

/**
 * Structural when the leading cause is anything but plan mechanics. Paying more is ruled out
 * plainly when most of its cases say a pay change would not fix it (a tie counts as most),
 * or when nobody has judged it yet: the cause alone says pay is not the lever.
 */
function payChange(cases: readonly BriefCase[]): string {
  const top = dominantCause(cases);
  if (!top) {
    return "The cause is not known yet. Until the Five Whys is done, we cannot say if a pay change would help.";
  }
  const ofTop = cases.filter((c) => effectiveCause(c).cause === top.cause);
  const tally = payTally(ofTop);
  const judged = (n: number, what: string) => {
    if (tally.answered === 0 || n === 0) return "";
    if (n < tally.answered) return `In ${n} of ${plural(tally.answered, "case")}, the team judged that a pay change ${what}.`;
    // Every judged case agrees; when not every case was judged, say the count is of those judged.
    const allJudged = tally.answered === ofTop.length;
    if (n === 1) return allJudged ? `The team judged that a pay change ${what}.` : `In the one case the team judged, a pay change ${what}.`;
    return allJudged ? `In ${everyOne(n)}, the team judged that a pay change ${what}.` : `In ${everyOne(n)} the team judged, a pay change ${what}.`;
  };
  const paragraphs: string[] = [];

  if (top.cause !== "plan_mechanics") {
    const cause = causeWords(top.cause, cases);
    const notPay = NOT_PAY[top.cause] ?? NOT_PAY.other;
    const wouldNot = PAY_WOULD_NOT[top.cause] ?? PAY_WOULD_NOT.other;
    const mostlyNo = tally.answered === 0 || tally.no * 2 >= tally.answered;
    if (mostlyNo) {
      paragraphs.push(`${STRUCTURAL_LEAD} The cause is ${cause}: ${notPay}.`);
      paragraphs.push(
        [
          judged(tally.no, "would not fix it"),
          "A raise or a bonus might calm things for a quarter.",
          wouldNot,
          "So the problem would come back.",
        ]
          .filter(Boolean)
          .join(" "),
      );
    } else {
      paragraphs.push(
        `More pay would help only in part. The cause is ${cause}: ${notPay}.`,
      );
      paragraphs.push(
        [
          judged(tally.yes + tally.partly, "would help at least in part"),
          "Check that view.",
          `A pay change might ease the pain. ${wouldNot}`,
          "Pair any pay change with the fix below.",
        ]
          .filter(Boolean)
          .join(" "),
      );
    }
  } else {
    paragraphs.push(`${PLAN_MECHANICS_LEAD} A change to the plan's rules would fix this.`);
    const lines: string[] = [];
    if (tally.answered > 0 && tally.no * 2 >= tally.answered) {
      lines.push(judged(tally.no, "alone would not fix it"));
      lines.push("Raising pay rates on the same rules would not help: the rules, not the rates, drive what people do.");
    } else if (tally.answered > 0) {
      lines.push(judged(tally.yes + tally.partly, "would fix it at least in part"));
      lines.push("Change the rule first, then check the rates.");
    }
    lines.push("A plan change would not fix limits outside the plan, such as thin territories or a product that is not ready.");
    lines.push("Check that none of these play a part.");
    paragraphs.push(lines.join(" "));
  }

  // Cases that name a different, structural cause: pay will not fix those either.
  const otherStructural = distinct(
    cases
      .map((c) => effectiveCause(c).cause)
      .filter((c) => c !== top.cause && c !== UNKNOWN_CAUSE && c !== "plan_mechanics"),
  );
  if (otherStructural.length > 0) {
    const n = cases.filter((c) => otherStructural.includes(effectiveCause(c).cause)).length;
    paragraphs.push(
      `${upperFirst(plural(n, "case"))} ${n === 1 ? "points" : "point"} to ${joinList(otherStructural.map((c) => causeWords(c, cases)))}. More pay would not fix ${n === 1 ? "that" : "those"} either.`,
    );
  }
  return paragraphs.join("\n\n");
}

// ---------------------------------------------------------------------------------------
// Recommended fix
// ---------------------------------------------------------------------------------------

export type FixGroup = { fix: string; owner: string; count: number; caseIds: number[] };

/** Upstream fixes grouped when alike (as chain links are), most common first. */
export function fixGroups(cases: readonly BriefCase[], names: readonly string[] = []): FixGroup[] {
  const groups: { members: BriefCase[] }[] = [];
  for (const c of cases) {
    if (!c.upstreamFix.trim()) continue;
    const group = groups.find((g) => g.members.some((m) => linksAlike(m.upstreamFix, c.upstreamFix, { negation: false })));
    if (group) group.members.push(c);
    else groups.push({ members: [c] });
  }
  return groups
    .map(({ members }) => {
      // The most common wording, shortest on a tie; likewise the owner.
      const wording = ranked(members.map((m) => cleanLink(m.upstreamFix))).sort(
        (a, b) => b.count - a.count || a.value.length - b.value.length,
      )[0].value;
      const owner = ranked(members.map((m) => m.fixOwner.trim()).filter(Boolean))[0]?.value ?? "";
      return {
        fix: scrub(wording, names),
        owner: owner ? scrub(functionLabel(owner), names) : "",
        count: new Set(members.map((m) => m.id)).size,
        caseIds: members.map((m) => m.id),
      };
    })
    .sort((a, b) => b.count - a.count);
}

/** A fix only one case names, while the brief rests on several: a lead to check, not the headline. */
export function isLoneFix(fix: Pick<FixGroup, "count">, caseCount: number): boolean {
  return fix.count === 1 && caseCount > 1;
}

function recommendedFix(cases: readonly BriefCase[], names: readonly string[]): string {
  const groups = fixGroups(cases, names);
  if (groups.length === 0) return "No fix has been named yet. Finish the Five Whys on these cases to find one.";
  const [best, ...others] = groups;
  const paragraphs: string[] = [];
  const owner = best.owner ? `${best.owner} should own it.` : "No owner has been named yet.";
  if (isLoneFix(best, cases.length)) {
    // One case of several is a lead, not a recommendation: the headline says so (issue 14).
    paragraphs.push(
      [
        `No fix is backed by more than one case yet, so we do not recommend one. The fix to check first, named in ${plural(best.count, "case")} of ${cases.length}: ${lowerFirst(asSentence(best.fix))}`,
        owner,
      ].join(" "),
    );
  } else {
    const lines = [`We recommend this fix: ${lowerFirst(asSentence(best.fix))}`, owner, "It goes to the cause, not the symptom."];
    if (cases.length > 1) lines.push(best.count === cases.length ? `${upperFirst(everyOne(cases.length))} point to it.` : `${best.count} of ${plural(cases.length, "case")} point to it.`);
    paragraphs.push(lines.join(" "));
  }
  if (others.length > 0) {
    // The list is its own paragraph, so the page and the Markdown show a real list.
    paragraphs.push("Other fixes the team named:");
    paragraphs.push(others.slice(0, 3).map((g) => `- ${asSentence(g.fix)}${g.owner ? ` Owner: ${g.owner}.` : ""}`).join("\n"));
  }
  return paragraphs.join("\n\n");
}

// ---------------------------------------------------------------------------------------
// Quotes
// ---------------------------------------------------------------------------------------

export const MAX_QUOTES = 3;
const QUOTE_MIN_WORDS = 5;
const QUOTE_MAX_WORDS = 30;

/** A whole sentence worth quoting: starts with a capital, ends with a stop, not too long. */
function isCompleteSentence(s: string): boolean {
  const n = words(s).length;
  return /^["“‘]?[\p{Lu}\p{N}]/u.test(s) && /[.!?]["”’]?$/u.test(s) && n >= QUOTE_MIN_WORDS && n <= QUOTE_MAX_WORDS;
}

/**
 * Up to three short quotes, one per case and different functions first. Never from a
 * confidential case, never a sentence that names a reporter or holds an email address (it is
 * skipped, not edited); the text is scrubbed again anyway.
 */
export function pickQuotes(cases: readonly BriefCase[], names: readonly string[], max = MAX_QUOTES): (Quote & { caseId: number })[] {
  const candidates = cases
    .filter((c) => !c.confidential)
    .flatMap((c) => {
      const best = splitSentences(c.complaint)
        .map((s) => s.replace(/^["“‘]|["”’]$/gu, "").trim())
        .filter((s) => isCompleteSentence(s) && !mentionsNameOrEmail(s, names))
        .sort((a, b) => words(a).length - words(b).length)[0];
      return best ? [{ c, text: best, length: words(best).length }] : [];
    })
    .sort((a, b) => a.length - b.length || a.c.id - b.c.id);

  const chosen: typeof candidates = [];
  const functions = new Set<string>();
  for (const cand of candidates) {
    if (chosen.length >= max) break;
    if (functions.has(cand.c.reporterFunction)) continue;
    functions.add(cand.c.reporterFunction);
    chosen.push(cand);
  }
  for (const cand of candidates) {
    if (chosen.length >= max) break;
    if (!chosen.includes(cand)) chosen.push(cand);
  }
  return chosen.map(({ c, text }) => ({
    caseId: c.id,
    text: scrub(text, names),
    role: reporterRoleLabel(c.reporterRole),
    function: functionLabel(c.reporterFunction),
    segment: segmentLabel(c.segment),
  }));
}

/** "AE, Sales, Mid-Market"; "Other" says nothing, so it is left out. */
function quoteSource(q: Quote): string {
  return [q.role, q.function, q.segment].filter((s) => s && s !== "Other").join(", ");
}

function quotesSection(quotes: readonly Quote[]): string {
  if (quotes.length === 0) return "There are no quotes to show. We never quote people who asked to stay confidential.";
  return [
    "What people told us, in their own words:",
    quotes.map((q) => `- “${q.text}”${quoteSource(q) ? ` (${quoteSource(q)})` : ""}`).join("\n"),
  ].join("\n\n");
}

// ---------------------------------------------------------------------------------------
// The brief
// ---------------------------------------------------------------------------------------

function summary(cases: readonly BriefCase[]): string {
  const top = dominantCause(cases);
  const functions = distinct(cases.map((c) => c.reporterFunction)).length;
  const risk = cases.reduce((s, c) => s + (c.revenueAtRisk != null && c.revenueAtRisk > 0 ? c.revenueAtRisk : 0), 0);
  const share = !top || top.count === cases.length ? everyOne(cases.length) : `${top.count} of ${plural(cases.length, "case")}`;
  const who = cases.length === 1 ? "one case" : `${share} from ${plural(functions, "function")}`;
  const atRisk = risk > 0 ? `, with ${formatMoney(risk)} of revenue at risk` : "";
  if (!top) return `${upperFirst(who)} point to the same problem${atRisk}, but the cause is not known yet.`;
  if (top.cause === "plan_mechanics")
    return `The plan's own rules are behind ${who}${atRisk}, so a change to how the plan pays would fix it.`;
  // A statement in the team's words does not fit this sentence; a label does.
  const cause = top.cause === "other" ? "A limit outside the plan" : upperFirst(causeWords(top.cause, cases));
  return `${cause}, not pay, is behind ${who}${atRisk}, so more pay will not fix it.`;
}

/** Every reporter name in the set: scrubbed from any text the brief carries. */
function reporterNames(cases: readonly BriefCase[]): string[] {
  return distinct(cases.map((c) => c.reporterName ?? ""));
}

export function writeBrief({ title, cases, attainment, scope }: WriteBriefInput): Brief {
  const names = reporterNames(cases);
  // Names are scrubbed from the chains before merging, so no box of the diagram can show one.
  const chains = cases.map(buildCaseChain).map((chain) => ({
    ...chain,
    links: chain.links.map((l) => ({ ...l, text: scrub(l.text, names), ...(l.full ? { full: scrub(l.full, names) } : {}) })),
  }));
  const chain = mergeChains(chains);
  const quotes = pickQuotes(cases, names).map(({ text, role, function: fn, segment }) => ({ text, role, function: fn, segment }));
  const sections: BriefSections = {
    whatWeSee: whatWeSee(cases, scope, chain),
    whyItHappens: whyItHappens(cases, chain),
    whatItCosts: whatItCosts(cases, attainment),
    payChange: payChange(cases),
    recommendedFix: recommendedFix(cases, names),
    quotes: quotesSection(quotes),
  };
  // A statement or fix quoted into a template could carry a name: scrub every section.
  for (const key of SECTION_KEYS) sections[key] = scrub(sections[key], names);
  return {
    title: scrub(title.trim(), names) || "Untitled brief",
    summary: scrub(summary(cases), names),
    chain,
    sections,
    quotes,
    basis: briefBasis(cases, chain),
  };
}

/**
 * What the brief rests on, for the executive's copy (exec-view.ts): the case count and every
 * word that could describe who raised the cases, where and when. Outcomes that only one or two
 * behaviours lead to ("margin erosion" comes from discounting alone) count as the behaviour.
 */
export function briefBasis(cases: readonly BriefCase[], chain: readonly MergedLink[]): BriefBasis {
  const profile = new Set<string>();
  const add = (text: string) => {
    const t = text.trim();
    if (t) profile.add(t);
  };
  const outcomeSpread = new Map<string, number>();
  for (const tails of Object.values(OUTCOME_TAILS)) for (const t of tails) outcomeSpread.set(t, (outcomeSpread.get(t) ?? 0) + 1);
  for (const c of cases) {
    add(functionLabel(c.reporterFunction));
    add(segmentLabel(c.segment));
    add(reporterRoleLabel(c.reporterRole));
    add(behaviourLabel(c.behaviour));
    if (Number.isFinite(c.raisedOn.getTime())) add(formatMonth(c.raisedOn));
    const band = tenureBand(c.tenureMonths);
    if (band) {
      add(TENURE_WORDS[band]);
      add(TENURE_BANDS.find((b) => b.value === band)!.label);
    }
    for (const t of OUTCOME_TAILS[c.behaviour] ?? []) if ((outcomeSpread.get(t) ?? 0) < EXEC_MIN_CELL) add(t);
  }
  for (const l of chain) if (l.kind === "behaviour") add(l.text);
  const top = dominantCause(cases);
  return {
    caseCount: new Set(cases.map((c) => c.id)).size,
    profile: [...profile],
    segments: distinct(cases.map((c) => c.segment)).map((value) => ({ value, label: segmentLabel(value) })),
    neutralTitle: top && top.cause !== "other" ? `A lead on ${lowerFirst(causeLabel(top.cause))}` : "A lead from a few cases",
  };
}
