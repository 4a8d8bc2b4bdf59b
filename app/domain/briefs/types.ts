import type { FollowUp } from "./follow-up";

// Plain data for the leadership brief (docs/product.md "Leadership brief"). The model layer passes
// cases in this shape; everything the domain hands back is JSON-safe (no Dates), so a draft
// or a published version can be stored as JSON as it is.

export type BriefCase = {
  id: number;
  title: string;
  complaint: string;
  raisedOn: Date;
  reporterFunction: string;
  reporterRole: string;
  segment: string;
  tenureMonths: number | null;
  /** A confidential reporter is never quoted. */
  confidential: boolean;
  /** Never printed; used only to scrub the name out of any text the brief carries. */
  reporterName: string;
  behaviour: string;
  suspectedCause: string;
  rootCause: string;
  rootCauseStatement: string;
  upstreamFix: string;
  fixOwner: string;
  payFix: string;
  payFixWhy: string;
  peopleAffected: number | null;
  revenueAtRisk: number | null;
  /** The Five Whys answers; position 1 is nearest the symptom. */
  steps: { position: number; answer: string }[];
};

/**
 * Attainment statistics of one segment (the variability feature). `mean`, `median` and `sd`
 * are in percent of quota (92 means 92%); the shares are fractions of 1 (0.48 means 48%),
 * though a share above 1 is read as a percent already.
 */
export type AttainmentFigures = {
  segment: string;
  reps: number;
  mean: number;
  median: number;
  sd: number;
  top10Share: number;
  top20Share: number;
  shareAtOrAbove100: number;
  /** Plan health of the segment in its latest period, and its complaints then (issue 17). */
  health?: PlanHealthFigures | null;
};

export type PlanHealthFigures = {
  period: string;
  band: { low: number; high: number };
  /** Fractions of 1. */
  shareAtQuota: number;
  quotaAccuracy: number;
  /** "a cluster near 80% and one past 200%", or null for one peak. */
  peaks: string | null;
  gini: number | null;
  /** Spearman's rank correlation of attainment and pay against target; null without payout. */
  spearman: number | null;
  complaints: number;
  per10: number;
};

export type LinkKind = "root" | "step" | "behaviour" | "outcome";

/** One link of one case's chain. `text` is a short lower-case phrase (acronyms kept). */
export type ChainLink = {
  text: string;
  /** The whole phrase when `text` was cut short ("…"): sentences read this, only the diagram abbreviates. */
  full?: string;
  kind: LinkKind;
};

export type CaseChain = { caseId: number; links: ChainLink[] };

/** A link of the merged chain: how many distinct cases support it, and which. */
export type MergedLink = {
  text: string;
  /** As in ChainLink: the uncut phrase, when `text` is cut. */
  full?: string;
  kind: LinkKind;
  support: number;
  caseIds: number[];
  /** Backed by one case only: the brief marks it as a lead, not a finding. */
  single: boolean;
  /** Set in an executive's copy instead of a small count ("fewer than 3 cases"). */
  supportText?: string;
};

export type Quote = { text: string; role: string; function: string; segment: string };

export const SECTION_KEYS = [
  "whatWeSee",
  "whyItHappens",
  "whatItCosts",
  "payChange",
  "recommendedFix",
  "quotes",
] as const;

export type SectionKey = (typeof SECTION_KEYS)[number];

/**
 * Section texts are plain text: paragraphs separated by a blank line, and list items on
 * lines starting with "- ". Nothing else is markup, so an edited section is safe to export.
 */
export type BriefSections = Record<SectionKey, string>;

export const SECTION_TITLES: Record<SectionKey, string> = {
  whatWeSee: "What we see",
  whyItHappens: "Why it is happening",
  whatItCosts: "What it costs",
  payChange: "What a pay change would and would not fix",
  recommendedFix: "What we recommend",
  quotes: "In their own words",
};

/**
 * What a brief was written from, kept with it so that a reader's copy can be derived from the
 * frozen text (briefs/exec-view.ts): how many cases, and the words that describe who raised
 * them, where and when. Never shown; dropped from an executive's copy.
 */
export type BriefBasis = {
  caseCount: number;
  /** Function, segment and role labels, months, behaviours (and outcomes only they lead to), tenure. */
  profile: string[];
  /** The segments whose attainment the brief quotes. */
  segments: { value: string; label: string }[];
  /** A title that names no one: for an executive's copy of a brief on fewer than three cases. */
  neutralTitle: string;
};

export type Brief = {
  title: string;
  /** One sentence. */
  summary: string;
  chain: MergedLink[];
  sections: BriefSections;
  quotes: Quote[];
  /** Absent from briefs written before it was kept. */
  basis?: BriefBasis;
  /**
   * "What we did and whether it worked": the actions and checks as they stood when this version
   * was published (frozen with it). Absent from drafts and from versions published before.
   */
  followUp?: FollowUp;
};
