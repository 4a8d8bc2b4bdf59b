// People name the same problem in different words: "my patch", "my region", "the carve".
// Bag-of-words similarity misses that, so each complaint also gets a theme term for every
// word it uses from this small sales-compensation lexicon, and complaints about "my patch"
// and "territories" share a term. Themes follow the common upstream causes and comp
// complaints. Caveat: the lexicon was written with fixtures/labelled-complaints.ts in view,
// so that fixture's score flatters it; fixtures/held-out-complaints.ts was not used for it.
// Keep it short: a word common to every kind of complaint (account, deal, commission,
// customer, plan) belongs in no theme, because it would pull unrelated complaints together.

import { stemmer } from "stemmer";

export const THEMES: Record<string, readonly string[]> = {
  territory: [
    "territory", "territories", "patch", "region", "regions", "regional", "geography", "geo",
    "carve", "carved", "realignment", "realign", "realigned", "reassigned", "reassignment",
    "rebalance", "whitespace", "addressable", "tam", "assignment",
  ],
  quota: [
    "quota", "quotas", "target", "targets", "attainment", "attainable", "unattainable", "stretch",
    "capacity", "increase", "unrealistic", "achievable",
  ],
  product: [
    "product", "roadmap", "feature", "features", "release", "released", "ship", "shipped", "bug",
    "bugs", "crash", "crashes", "api", "integration", "module", "demo", "outage", "stable",
    "unstable", "launch", "launched", "engineering", "workaround", "workarounds",
  ],
  statements: [
    "statement", "statements", "payout", "payouts", "paycheck", "paycheque", "payroll", "underpaid",
    "overpaid", "reconcile", "reconciliation", "accelerator", "accelerators", "miscalculated",
    "corrected", "late",
  ],
  clawback: [
    "clawback", "clawbacks", "chargeback", "chargebacks", "recover", "recovered", "recovering",
    "recoup", "churn", "churned", "cancel", "cancelled", "canceled", "cancellation", "downgrade",
    "downgraded", "refund",
  ],
  credit: [
    "credit", "credited", "credits", "split", "splits", "splitting", "attribution", "overlay",
    "sourced", "sourcing", "claim", "claims", "claimed", "ownership", "owns", "poach", "poaching",
  ],
  incentive: [
    "spif", "spiff", "spifs", "spiffs", "contest", "contests", "bonus", "incentive", "incentives",
    "discount", "discounts", "discounting", "discounted", "price", "prices", "margin", "margins",
  ],
  enablement: [
    "training", "trained", "train", "trains", "onboarding", "enablement", "playbook", "playbooks",
    "coaching", "coach", "certification", "certified", "battlecard", "battlecards", "pitch", "deck",
    "messaging", "content", "ramp", "ramping", "wiki", "positioning", "position", "competitor",
    "competitive",
  ],
};

const THEME_BY_STEM: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [theme, words] of Object.entries(THEMES)) {
    for (const w of words) map.set(stemmer(w), theme);
  }
  return map;
})();

/** Prefix that keeps theme terms apart from word stems in the vocabulary. */
export const THEME_PREFIX = "theme:";

/** The theme term a stem belongs to, if any: "territori" → "theme:territory". */
export function themeOf(stem: string): string | null {
  const theme = THEME_BY_STEM.get(stem);
  return theme ? THEME_PREFIX + theme : null;
}
