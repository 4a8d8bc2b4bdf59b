// Phrase banks for synthetic complaints: varied enough that text search, title derivation and
// the pattern page's text grouping have real words to chew on, and skewed per suspected cause
// the way real complaints are (territory complaints talk about territories, and so on).

export const CAUSE_PHRASES = {
  territory_imbalance: [
    "Since the territory re-carve my patch has half the workable accounts it had last year",
    "My territory is full of accounts under contract with a competitor until 2028",
    "The new territory split gave the best logos to reps who joined in the same quarter",
    "Half of my territory is accounts under fifty employees that never buy the platform",
    "Territory balance was done by account count, not by addressable revenue",
    "I inherited a territory that nobody has worked for two years",
    "The territory map moved three of my open deals to another rep mid-quarter",
  ],
  segmentation_shift: [
    "The segment threshold moved from 500 to 1,000 employees and my book shrank overnight",
    "Accounts were reclassified into mid-market without anyone telling the account team",
    "After the segmentation change I lost my three largest renewals to the enterprise team",
    "Re-segmenting in the middle of the year left me with deals I cannot close and cannot hand over",
    "The segment rules changed and now my territory overlaps with the strategic team",
  ],
  product_readiness: [
    "The product the plan pays a premium on is not ready for customers in my segment",
    "We are told to push the new module but it fails security review every time",
    "Customers keep asking for the integration that was promised two releases ago",
    "The new SKU has no reference customers and no pricing approval path",
    "Implementation is quoting twelve weeks for the add-on we are paid extra to sell",
  ],
  enablement_gap: [
    "Nobody trained us on the new pricing, so we discount to avoid the conversation",
    "New hires are ramping for nine months because there is no onboarding for the motion",
    "The playbook still describes the old product and the old buyer",
    "I have not had a deal review with my manager since the reorganisation",
    "We were never shown how the multi-year bonus actually works",
  ],
  role_definition: [
    "Nobody knows whether the SE or the CSM owns the technical renewal",
    "SDRs are paid on meetings booked, AEs on closed revenue, and nobody owns qualification",
    "Account managers and CSMs both chase the same expansion and argue about credit",
    "The overlay team gets paid on my deals but does not join a single call",
    "Partner managers and AEs are both credited on partner-sourced deals, so both hoard them",
  ],
  quota_setting: [
    "My quota went up 40% while my territory lost a third of its accounts",
    "Quota was set top-down from the board number, not from my territory's potential",
    "The quota assumes a ramp that no rep in my segment has ever hit",
    "Half the team missed quota in a year the company beat its number",
    "Quotas arrived six weeks into the year and were backdated",
  ],
  pricing_packaging: [
    "List price is 30% above what customers in my segment will pay, so every deal needs approval",
    "The new bundle forces customers to buy modules they do not want",
    "Discount approvals take two weeks and deals slip past quarter end",
    "Packaging changed mid-cycle and proposals already sent became invalid",
    "Customers compare our per-seat price with a competitor's flat fee and walk away",
  ],
  sales_motion_mismatch: [
    "We are asked to run an enterprise motion on deals worth ten thousand dollars",
    "The product sells itself bottom-up but we are paid only on top-down contracts",
    "Self-serve upgrades are not credited, so reps steer customers away from them",
    "The field motion needs six meetings for a deal a customer would buy online",
    "Inbound leads get routed to the field when they want a quick trial",
  ],
  data_systems: [
    "The CRM drops opportunity splits, so credit goes to whoever touched the deal last",
    "Commission statements arrive three months late and nobody can reconcile them",
    "Bookings data and the commission system disagree on almost every multi-year deal",
    "Territory assignments in the CRM are months out of date",
    "Renewals booked by the CSM show up under the AE in the report",
  ],
  plan_mechanics: [
    "The accelerator only starts at 120%, so nobody closes deals after they hit 100%",
    "The plan pays on bookings, not on collections, so reps sign customers who will churn",
    "Clawbacks on churned customers hit reps who had no say in onboarding",
    "The cap on commissions means top reps push deals into next year",
    "Multi-year deals pay only on the first year, so reps sell one-year contracts",
    "The decelerator below 50% makes a bad quarter unrecoverable, so reps sandbag",
  ],
  other: [
    "Morale on the team is low and people are interviewing elsewhere",
    "Leadership changed the rules twice this year and nobody trusts the plan",
    "The team feels the plan rewards luck more than work",
    "Deals are being held back until the new plan year starts",
  ],
};

// Phrases about the behaviour the complaint reports.
export const BEHAVIOUR_PHRASES = {
  pipeline_generation: ["pipeline is down year on year", "nobody is prospecting new logos", "top-of-funnel has dried up in my territory"],
  deal_cycle_length: ["deal cycles have stretched by two months", "deals stall at legal review", "every deal now takes an extra quarter"],
  discounting: ["discounts are creeping up every quarter", "reps give away 30% to close before quarter end", "the average discount doubled"],
  churn_risk: ["customers signed last year are churning", "renewals are at risk because nobody owns onboarding", "logo churn is up in the segment"],
  sandbagging: ["reps hold deals until the next quarter", "forecasts are sandbagged to protect next year's quota", "deals appear the day after quarter close"],
  deal_hoarding: ["deals are hoarded instead of handed to partners", "nobody shares accounts with the overlay team", "reps sit on leads they cannot work"],
  inflated_pipeline: ["pipeline is padded with deals that will never close", "stage two is full of ghosts", "coverage looks fine but conversion is terrible"],
  short_term_focus: ["everyone sells one-year deals", "nobody invests in accounts that will close next year", "reps chase this quarter's number at any cost"],
  bad_handoffs: ["handoffs from sales to CS lose the customer's context", "implementation learns about the deal at kickoff", "the SDR handoff drops half the meetings"],
  forecast_manipulation: ["close dates are moved to game the forecast", "stages are changed to hit coverage targets", "the forecast call is theatre"],
  attrition_morale: ["two of my best reps resigned this quarter", "morale is the lowest I have seen", "people feel the plan is unfair"],
  other: ["the team is frustrated", "something is off with how we are paid", "nobody can explain the outcome"],
};

export const CONNECTORS = [
  "As a result,",
  "On top of that,",
  "Meanwhile",
  "Which means",
  "So in practice",
  "The upshot is that",
  "And now",
  "Because of this",
];

export const CLOSERS = [
  "This has been raised in three pipeline reviews with no answer.",
  "I have attached the CRM export that shows it.",
  "Other reps in the region say the same.",
  "My manager agrees but says it is a comp problem.",
  "If this continues I will miss plan for the second year running.",
  "Nobody in RevOps could explain the numbers.",
  "We need someone to look at the territory data, not just the quota.",
  "The customer told us the same thing on the QBR.",
  "",
  "",
];

export const FIRST_NAMES = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Gia", "Hugo", "Ines", "Jonas", "Kemi", "Liam", "Maya", "Noor", "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Vera", "Wes", "Xin", "Yara", "Zane"];
export const LAST_NAMES = ["Adeyemi", "Brandt", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Wright", "Xu", "Yilmaz", "Zhou"];
export const REGIONS = ["NA East", "NA West", "NA Central", "EMEA North", "EMEA South", "DACH", "APAC", "ANZ", "LATAM"];
export const TAGS = ["q4-push", "re-carve", "new-plan", "renewals", "partner", "pricing", "multi-year", "overlay", "smb-motion", "ramp", "clawback", "accelerator"];

export const WHY_QUESTIONS = [
  "Why is the rep's pipeline down?",
  "Why does the territory have so few workable accounts?",
  "Why was the territory designed that way?",
  "Why did nobody check addressable revenue?",
  "Why does the plan reward this behaviour?",
  "Why was the change not communicated?",
  "Why do the systems disagree?",
];

export const WHY_ANSWERS = [
  "Most accounts in the territory are too small or under contract with a competitor.",
  "The re-carve balanced territories by account count, not by revenue potential.",
  "RevOps had two weeks to design territories before the kick-off.",
  "The territory model has no field for addressable revenue.",
  "The plan pays only on first-year bookings, so multi-year value is invisible.",
  "The segment threshold changed after quotas were already issued.",
  "The CRM and the commission system use different account hierarchies.",
  "Enablement for the new product was cut from the budget.",
];
