// Descriptive statistics of quota attainment (docs/product.md "Performance variability"). Values
// are attainment percentages: 100 means "at quota".
//
// Decisions, so briefs quote figures the same way every time:
// - Standard deviation is the POPULATION sd (divide by n, not n − 1). The import holds every
//   rep of the group for the period, not a sample of them, so there is nothing to estimate.
// - cv = sd / mean (a ratio, 0.5 = "the spread is half the average"); null when the mean is 0.
// - Top-X% share = the share of the group's SUM of attainment carried by the best ceil(X% × n)
//   reps. Rounding UP means every group has at least one "top rep" (with 7 reps the top 10% is
//   1 rep, the top 20% is 2 reps), and never rounds a real share away; with 30 reps it is
//   exactly 3 and 6. Null when the sum is 0.
// - An empty list gives n = 0 and null for every figure: there is no honest number to show.

export type Summary = {
  n: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  cv: number | null;
  top10Share: number | null;
  top20Share: number | null;
  /** Share of reps (0–1) at or above 100% attainment. */
  shareAtOrAbove100: number | null;
  min: number | null;
  max: number | null;
};

const EMPTY: Summary = {
  n: 0,
  mean: null,
  median: null,
  sd: null,
  cv: null,
  top10Share: null,
  top20Share: null,
  shareAtOrAbove100: null,
  min: null,
  max: null,
};

/** How many reps make up the top `percent`% of `n` reps (rounded up, see above). */
export function topCount(n: number, percent: number): number {
  return Math.ceil((n * percent) / 100);
}

export function summarise(values: number[]): Summary {
  if (values.some((v) => !Number.isFinite(v))) {
    throw new RangeError("summarise() needs finite numbers; validate the import first");
  }
  const n = values.length;
  if (n === 0) return { ...EMPTY };

  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  const mean = sum / n;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  // Two passes (mean first) keep the sd accurate; the one-pass formula loses precision.
  const sd = Math.sqrt(sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n);

  const topShare = (percent: number) => {
    if (sum === 0) return null;
    const top = sorted.slice(n - topCount(n, percent));
    return top.reduce((s, v) => s + v, 0) / sum;
  };

  return {
    n,
    mean,
    median,
    sd,
    cv: mean === 0 ? null : sd / mean,
    top10Share: topShare(10),
    top20Share: topShare(20),
    shareAtOrAbove100: sorted.filter((v) => v >= 100).length / n,
    min: sorted[0],
    max: sorted[n - 1],
  };
}

export type HistogramBin = {
  from: number;
  /** Exclusive upper edge; null for the last, open-ended bin. */
  to: number | null;
  count: number;
  /** "90–100%" or "200%+". */
  label: string;
};

export type HistogramOptions = { binWidth?: number; min?: number; max?: number };

/** Where the open-ended last bin starts unless the caller says otherwise: 200% and above. */
export const HISTOGRAM_DEFAULT_MAX = 200;

/**
 * Bins [from, to): a rep at exactly 100% counts in "100–110%", i.e. with those who made quota.
 * Bins run from `min` in steps of `binWidth` up to `max` (rounded up to a whole bin), then one
 * open-ended bin "max%+". A fixed axis (0 to 200%+ by default) keeps histograms of different
 * groups comparable. Values below `min` are counted in the first bin (attainment is never
 * negative, so with the default min of 0 this does not happen).
 */
export function histogram(values: number[], options: HistogramOptions = {}): HistogramBin[] {
  const binWidth = options.binWidth ?? 10;
  const min = options.min ?? 0;
  if (!(binWidth > 0)) throw new RangeError("binWidth must be above 0");
  const requestedMax = options.max ?? HISTOGRAM_DEFAULT_MAX;
  const closedBins = Math.max(1, Math.ceil((requestedMax - min) / binWidth));
  const max = min + closedBins * binWidth;

  const bins: HistogramBin[] = [];
  for (let i = 0; i < closedBins; i++) {
    const from = min + i * binWidth;
    bins.push({ from, to: from + binWidth, count: 0, label: `${from}–${from + binWidth}%` });
  }
  bins.push({ from: max, to: null, count: 0, label: `${max}%+` });

  for (const v of values) {
    const i = v >= max ? closedBins : Math.max(0, Math.floor((v - min) / binWidth));
    bins[i].count += 1;
  }
  return bins;
}

// Flags. Thresholds are deliberately round so they can be explained in one sentence:
// - mean more than 10% above the median → the total leans on a few high performers;
// - mean more than 10% below the median → a group of reps far behind drags the average down;
// - cv above 0.5 → the spread is more than half the average: a wide spread of outcomes.
// Each comparison is strict: exactly 10% or exactly 0.5 does not raise a flag.
export const SKEW_THRESHOLD = 0.1;
export const CV_THRESHOLD = 0.5;

export const FLAG_FEW_CARRY = "The average is well above the typical rep: a few reps carry the number.";
export const FLAG_TAIL_BEHIND =
  "The average is well below the typical rep: a group of reps far behind pulls it down.";
export const FLAG_WIDE_SPREAD = "Results are spread widely: outcomes depend on more than effort.";

export function flags(summary: Summary): string[] {
  const out: string[] = [];
  const { mean, median, cv } = summary;
  if (mean !== null && median !== null) {
    if (median > 0) {
      const gap = (mean - median) / median;
      if (gap > SKEW_THRESHOLD) out.push(FLAG_FEW_CARRY);
      if (gap < -SKEW_THRESHOLD) out.push(FLAG_TAIL_BEHIND);
    } else if (mean > 0) {
      // The typical rep has 0% and the average is above it: only a few reps are producing.
      out.push(FLAG_FEW_CARRY);
    }
  }
  if (cv !== null && cv > CV_THRESHOLD) out.push(FLAG_WIDE_SPREAD);
  return out;
}
