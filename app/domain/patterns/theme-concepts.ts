// A sales-compensation concept lexicon for themes (issue 13): people name one problem in many
// words — "clawback", "charged back", "they took it back"; "my patch", "the accounts I was
// given", "my book". Each case gets a count per concept it mentions, so two complaints about
// the same mechanism meet even when they share no word.
//
// Written from comp-domain knowledge (plan mechanics, crediting, coverage, enablement), not
// from one labelled set; entries are words or short phrases, matched on Porter stems (the
// `stemmer` package) so "capped", "caps" and "cap" are one entry. Stopwords are kept for
// phrases ("take back", "accounts I was given"). A word common to every complaint (deal,
// commission, customer, plan, pay) is in no concept: it would pull unrelated cases together.

import { stemmer } from "stemmer";

export const CONCEPTS: Record<string, readonly string[]> = {
  clawback: [
    "clawback", "claw back", "clawed back", "chargeback", "charged back", "charge back", "take back", "taken back",
    "taking back", "took back", "pay back", "paying back", "paid back", "recoup", "recoupment", "recover", "recovery",
    "reversal", "reversed", "reverse", "reclaim", "reclaimed", "deduction", "deducted", "negative commission", "negative line", "decommit",
  ],
  "accelerator-cap": [
    "accelerator", "kicker", "multiplier", "cap", "capped", "uncapped", "ceiling", "decelerator", "decel",
    "overachieve", "overachiever", "overachievement", "overperform", "upside", "past plan", "above plan",
    "beyond plan", "over plan", "above target", "past target", "above quota", "past quota", "over quota",
  ],
  territory: [
    "territory", "patch", "book of business", "my book", "accounts i was given", "accounts i got", "account list",
    "named accounts", "account assignment", "region", "geo", "geography", "carve", "carved", "whitespace", "tam",
    "addressable", "spend potential", "potential", "coverage model", "leftover accounts", "leftovers", "tapped out",
    "realignment", "rebalance", "rural", "metro",
  ],
  "quota-level": [
    "quota", "target", "goal", "goals", "the number", "my number", "same number", "full number", "attainment", "at plan",
    "unattainable", "unrealistic", "unreachable", "stretch", "top-down", "top down", "capacity",
  ],
  ramp: ["ramp", "ramped", "ramping", "new hire", "new hires", "day one", "first month", "first quarter", "prorate", "prorated", "onboarding period"],
  "comp-data": [
    "statement", "payslip", "paycheck", "paycheque", "payout run", "comp tool", "comp system", "spreadsheet", "sync",
    "synced", "export", "upload", "crm", "salesforce", "xactly", "missing deal", "missing deals", "wrong amount",
    "miscalculated", "miscalculation", "calculated", "calculation", "correction", "paid late", "commission rate", "payroll", "reconcile", "reconciliation", "dispute", "ticket", "shadow", "tracker",
    "invoice date", "close date", "hierarchy", "data",
  ],
  "product-readiness": [
    "product", "roadmap", "feature", "bug", "crash", "crashing", "beta", "release", "ship", "shipped", "launch",
    "launched", "vaporware", "vapourware", "defect", "defects", "sprint", "new version", "go live", "coming soon", "connector", "outage", "unstable", "stable", "docs", "sandbox",
    "engineering", "p1", "not ready",
  ],
  renewal: ["renewal", "renew", "renewed", "new logo", "new logos", "retention", "term end", "expiry", "expire", "lapse"],
  "quarter-end-push": [
    "spiff", "spif", "contest", "quarter end", "end of quarter", "end of q", "year end", "year-end", "pull forward",
    "pulled forward", "pulled into", "pull in", "promo", "promotion", "fire sale", "blitz", "double commission",
    "bonus week", "cutoff", "holiday bonus",
  ],
  presales: [
    "sales engineer", "solution engineer", "solutions engineer", "presales", "pre-sales", "poc", "proof of concept",
    "technical win", "security review", "technical evaluation", "se bonus", "se pool", "ses",
  ],
  "team-pool": ["pool", "pooled", "team bonus", "bonus pool", "team pool", "headcount"],
  currency: ["currency", "fx", "exchange rate", "conversion", "converted", "usd", "eur", "euro", "gbp"],
  "partner-channel": [
    "partner", "reseller", "channel", "registration", "deal registration", "msp", "distributor", "referral", "var",
    "alliance",
  ],
  crediting: [
    "split", "credit", "credited", "attribution", "sourced", "overlay", "ownership", "who owns", "poach",
    "double pay", "double payout", "claim", "recognition", "one owner", "opportunity owner", "who gets",
  ],
  "pricing-discount": [
    "discount", "price", "pricing", "packaging", "package", "bundle", "list price", "deal desk", "margin", "edition",
    "tier price",
  ],
  "csm-role": [
    "csm", "customer success", "nps", "help desk", "helpdesk", "support ticket", "upsell", "expansion", "adoption",
    "health score", "post-sale",
  ],
  segmentation: [
    "segment", "segmentation", "resegment", "resegmentation", "low-touch", "low touch", "high-touch", "tech touch",
    "motion", "segment model",
  ],
  "pay-mix": ["pay mix", "ote", "on-target earnings", "on target earnings", "base salary", "base pay", "variable", "50/50", "60/40", "70/30"],
  "deal-term": ["multi-year", "multi year", "multiyear", "tcv", "acv", "arr", "year one", "first year", "term length", "prepay", "prepaid", "annual contract"],
  "large-deal": ["windfall", "large deal", "big deal review", "whale", "deal review board", "mega deal"],
  "pay-timing": [
    "draw", "guarantee", "non-recoverable", "holdback", "true-up", "true up", "deferred", "paid on collection", "cash collected",
    "payment terms", "paid on invoice", "when the customer pays",
  ],
  enablement: [
    "training", "trained", "taught", "teach", "guidance", "methodology", "enablement", "playbook", "battlecard", "certification", "coaching", "webinar", "pitch",
    "messaging", "competitor", "competitive",
  ],
};

/** Stems of a text, stopwords kept, for phrase matching: "Charged back!" → ["charg", "back"]. */
export function stems(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => stemmer(w));
}

const LONGEST = 4;

/** Stemmed phrase → concept. A phrase listed under two concepts belongs to the first. */
const BY_PHRASE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [concept, phrases] of Object.entries(CONCEPTS)) {
    for (const p of phrases) {
      const key = stems(p).join(" ");
      if (!map.has(key)) map.set(key, concept);
    }
  }
  return map;
})();

/** First stem of a phrase → the longest phrase starting with it: most words start none, and are looked up once. */
const LONGEST_FROM: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const key of BY_PHRASE.keys()) {
    const words = key.split(" ");
    map.set(words[0], Math.max(map.get(words[0]) ?? 0, words.length));
  }
  return map;
})();

/**
 * How often a text mentions each concept. Longest match first, and the words of a matched
 * phrase are not matched again: "book of business" counts once, as territory.
 */
export function conceptCounts(text: string): Map<string, number> {
  const s = stems(text);
  const out = new Map<string, number>();
  let i = 0;
  while (i < s.length) {
    let matched = 0;
    for (let n = Math.min(LONGEST, s.length - i, LONGEST_FROM.get(s[i]) ?? 0); n >= 1; n--) {
      const concept = BY_PHRASE.get(s.slice(i, i + n).join(" "));
      if (concept) {
        out.set(concept, (out.get(concept) ?? 0) + 1);
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}
