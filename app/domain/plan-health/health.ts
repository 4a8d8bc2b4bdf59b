// Plan-health figures of one group in one period (issue 17): what a comp committee reviews.
// Values are attainment percentages (100 = at quota). Pure: plain numbers in, plain figures out.
//
// - Share at or above quota against a target band (default 60–70%: most plans are set so that
//   most reps can make quota, and not nearly all).
// - Quota accuracy: the share of reps within ±20% of quota (80% ≤ x ≤ 120%, both ends in).
// - Two peaks: Sarle's bimodality coefficient (BC) over the sample skewness g and the sample
//   excess kurtosis k: BC = (g² + 1) / (k + 3(n−1)² / ((n−2)(n−3))). A uniform distribution
//   gives 5/9; above it suggests two modes (SAS/STAT manual, PROC CLUSTER; Pfister et al. 2013,
//   "Good things peak in pairs", Front. Psychol. 4:700). BC alone also fires on strongly skewed
//   one-peak samples, which attainment often is, so the flag also asks the best split into two
//   groups (Ckmeans, optimal 1-D k-means) to be a real split: Ashman's D > 2 (Ashman, Bird &
//   Zepf 1994: D = √2·|μ₁−μ₂| / √(σ₁²+σ₂²)) and the smaller side holding at least 10% of reps.
//   No maintained npm package implements Hartigan's dip test, so it is not used.
// - Concentration: the Gini coefficient of attainment (0 = everyone equal, 1 = one rep has it
//   all; population form Σᵢ Σⱼ |xᵢ−xⱼ| / (2n²·mean)) and the share of the total carried by the
//   top 10% (stats.ts rounding: the best ceil(10% × n) reps).
// - Pay curve, where payout and target incentive are imported: what the 90th-percentile rep earns
//   against target incentive (payout ÷ target, R-7 interpolation), and whether pay tracks
//   performance (Spearman's rank correlation of attainment and payout ÷ target).

import { ckmeans, quantile, sampleKurtosis, sampleRankCorrelation, sampleSkewness } from "simple-statistics";
import { summarise, topCount } from "../variability/stats";

export type TargetBand = { low: number; high: number };
export const DEFAULT_BAND: TargetBand = { low: 60, high: 70 };

/** One rep in one period. Payout and target incentive are money in any one currency. */
export type HealthPoint = { attainmentPct: number; payout?: number | null; targetIncentive?: number | null };

export type Peaks = {
  /** Sarle's bimodality coefficient; null below four reps (the formula needs n > 3). */
  coefficient: number | null;
  twoPeaks: boolean;
  /** Where the two clusters sit (their medians) and how many reps each holds. */
  low: { at: number; reps: number } | null;
  high: { at: number; reps: number } | null;
  /** "a cluster near 80% and one past 200%", or null without two peaks. */
  words: string | null;
};

export type PayCurve = {
  /** Reps with both payout and target incentive. */
  reps: number;
  /** Payout ÷ target incentive of the 90th-percentile rep (1.5 = 150% of target). */
  p90Ratio: number;
  /** Spearman's rank correlation of attainment and payout ÷ target; null when either is constant. */
  spearman: number | null;
};

export type Health = {
  reps: number;
  /** Fractions of 1. */
  shareAtQuota: number | null;
  atQuota: number;
  bandStatus: "below" | "within" | "above" | null;
  quotaAccuracy: number | null;
  withinTwenty: number;
  peaks: Peaks;
  gini: number | null;
  top10Share: number | null;
  top10Reps: number;
  pay: PayCurve | null;
  /** One plain sentence each. */
  flags: string[];
};

export const BC_THRESHOLD = 5 / 9;
export const ASHMAN_D_MIN = 2;
export const MIN_CLUSTER_SHARE = 0.1;
/** Below this Spearman's rho, pay does not track performance. */
export const PAY_TRACKS_MIN = 0.5;
export const ACCURACY_LOW = 0.5;
export const GINI_HIGH = 0.3;

export function sarleBC(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 4) return null;
  const first = values[0];
  if (values.every((v) => v === first)) return null;
  const g = sampleSkewness([...values]);
  const k = sampleKurtosis([...values]);
  return (g * g + 1) / (k + (3 * (n - 1) ** 2) / ((n - 2) * (n - 3)));
}

export function gini(values: readonly number[]): number | null {
  const n = values.length;
  const sum = values.reduce((s, v) => s + v, 0);
  if (n === 0 || sum <= 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // Σᵢ Σⱼ |xᵢ−xⱼ| = 2 Σᵢ (2i − n + 1)·x₍ᵢ₎ for the sorted sample (i from 0): O(n log n).
  const pairs = sorted.reduce((s, v, i) => s + (2 * i - n + 1) * v, 0) * 2;
  return pairs / (2 * n * n * (sum / n));
}

const median = (xs: readonly number[]) => summarise([...xs]).median ?? 0;
const variance = (xs: readonly number[]) => (summarise([...xs]).sd ?? 0) ** 2;

/** "near 80%" / "past 200%": rounded to the nearest 10 so it reads as a place, not a person. */
export function placeInWords(at: number): string {
  if (at >= 200) return "past 200%";
  return `near ${Math.round(at / 10) * 10}%`;
}

export function peaks(values: readonly number[]): Peaks {
  const coefficient = sarleBC(values);
  const none: Peaks = { coefficient, twoPeaks: false, low: null, high: null, words: null };
  if (coefficient === null || values.length < 4) return none;
  const [lo, hi] = ckmeans([...values], 2);
  if (!lo || !hi) return none;
  const d = (Math.SQRT2 * Math.abs(median(hi) - median(lo))) / Math.sqrt(variance(lo) + variance(hi) || 1e-9);
  const smaller = Math.min(lo.length, hi.length);
  const twoPeaks = coefficient > BC_THRESHOLD && d > ASHMAN_D_MIN && smaller >= Math.max(2, MIN_CLUSTER_SHARE * values.length);
  if (!twoPeaks) return none;
  const low = { at: median(lo), reps: lo.length };
  const high = { at: median(hi), reps: hi.length };
  return { coefficient, twoPeaks, low, high, words: `a cluster ${placeInWords(low.at)} and one ${placeInWords(high.at)}` };
}

export function payCurve(points: readonly HealthPoint[]): PayCurve | null {
  const paid = points.filter((p) => p.payout != null && p.targetIncentive != null && p.targetIncentive > 0);
  if (paid.length < 3) return null;
  const ratios = paid.map((p) => (p.payout as number) / (p.targetIncentive as number));
  const attainment = paid.map((p) => p.attainmentPct);
  const constant = (xs: number[]) => xs.every((x) => x === xs[0]);
  const spearman = constant(ratios) || constant(attainment) ? null : sampleRankCorrelation(attainment, ratios);
  return { reps: paid.length, p90Ratio: quantile(ratios, 0.9), spearman };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

export function bandStatus(share: number | null, band: TargetBand): Health["bandStatus"] {
  if (share === null) return null;
  const p = share * 100;
  return p < band.low ? "below" : p > band.high ? "above" : "within";
}

export function planHealth(points: readonly HealthPoint[], band: TargetBand = DEFAULT_BAND): Health {
  const values = points.map((p) => p.attainmentPct);
  const n = values.length;
  const atQuota = values.filter((v) => v >= 100).length;
  const withinTwenty = values.filter((v) => v >= 80 && v <= 120).length;
  const shareAtQuota = n ? atQuota / n : null;
  const quotaAccuracy = n ? withinTwenty / n : null;
  const summary = summarise(values);
  const health: Health = {
    reps: n,
    shareAtQuota,
    atQuota,
    bandStatus: bandStatus(shareAtQuota, band),
    quotaAccuracy,
    withinTwenty,
    peaks: peaks(values),
    gini: gini(values),
    top10Share: summary.top10Share,
    top10Reps: topCount(n, 10),
    pay: payCurve(points),
    flags: [],
  };
  health.flags = healthFlags(health, band);
  return health;
}

/** Every flag is one plain sentence a committee member can repeat. */
export function healthFlags(h: Pick<Health, "shareAtQuota" | "quotaAccuracy" | "peaks" | "gini" | "pay">, band: TargetBand): string[] {
  const out: string[] = [];
  const status = bandStatus(h.shareAtQuota, band);
  if (h.shareAtQuota !== null && status === "below")
    out.push(`Only ${pct(h.shareAtQuota)} of reps reached quota, below the ${band.low}–${band.high}% a healthy plan aims for.`);
  if (h.shareAtQuota !== null && status === "above")
    out.push(`${pct(h.shareAtQuota)} of reps reached quota, above the ${band.low}–${band.high}% band: quotas may be set too low.`);
  if (h.quotaAccuracy !== null && h.quotaAccuracy < ACCURACY_LOW)
    out.push(`Only ${pct(h.quotaAccuracy)} of reps finished within 20% of quota, so quotas do not match what territories can produce.`);
  if (h.peaks.twoPeaks && h.peaks.words) out.push(`Results have two peaks, ${h.peaks.words}: two different jobs are sharing one plan.`);
  if (h.gini !== null && h.gini > GINI_HIGH) out.push(`Attainment is concentrated (Gini ${h.gini.toFixed(2)}): a few reps carry most of the number.`);
  if (h.pay && h.pay.spearman !== null && h.pay.spearman < PAY_TRACKS_MIN)
    out.push(`Pay barely tracks performance (rank correlation ${h.pay.spearman.toFixed(2)}): reps who sell more do not reliably earn more.`);
  return out;
}

/** How far a share at quota sits from the band, in points; 0 inside it. Smaller is healthier. */
export function distanceFromBand(share: number | null, band: TargetBand): number | null {
  if (share === null) return null;
  const p = share * 100;
  return p < band.low ? band.low - p : p > band.high ? p - band.high : 0;
}
