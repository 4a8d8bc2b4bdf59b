// Whether a fix worked (issue 15): complaints matching the pattern in equal windows before and
// after the action was done, and whether the difference is more than noise.
//
// The noise test, in plain words: if nothing changed, each matching complaint was as likely to
// fall in the "after" window as in the "before" one (in proportion to their lengths), like a
// coin toss. Given the total, the "after" count is then binomial, and we ask how surprising the
// split we saw would be from that coin (an exact two-sided test — the conditional test for two
// Poisson counts). Less than 1 in 20 → a real change. When even the most lopsided split of so
// few complaints could not reach 1 in 20, we say there is too little data instead of "no change".

export const NOISE_LEVEL = 0.05;

export type NoiseVerdict = "clear-drop" | "clear-rise" | "no-change" | "too-little-data";

export type RateComparison = {
  before: number;
  after: number;
  /** Two-sided exact p-value; null with no complaints at all. */
  pValue: number | null;
  verdict: NoiseVerdict;
  /** One sentence for the page. */
  sentence: string;
};

/** log(n choose k), exact enough for the counts a comp team sees (n in the thousands). */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

function binomPmf(n: number, k: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/**
 * Exact two-sided binomial p-value: the probability of a split at most as likely as the one
 * seen (the usual "minimum likelihood" definition, as in R's binom.test).
 */
export function binomialTwoSided(n: number, k: number, p: number): number {
  const observed = binomPmf(n, k, p);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const q = binomPmf(n, i, p);
    // A small relative tolerance so ties in floating point count as "as likely".
    if (q <= observed * (1 + 1e-7)) total += q;
  }
  return Math.min(1, total);
}

/** The smallest p-value any split of n complaints could give: below the noise level or not at all. */
function bestPossible(n: number, p: number): number {
  return Math.min(binomialTwoSided(n, 0, p), binomialTwoSided(n, n, p));
}

/**
 * Compares the count before and after, over windows of the given lengths (equal by default).
 */
export function compareRates(before: number, after: number, beforeDays = 1, afterDays = 1): RateComparison {
  if (!(beforeDays > 0 && afterDays > 0)) throw new RangeError("windows must have a length");
  const n = before + after;
  const share = afterDays / (beforeDays + afterDays);
  if (n === 0 || bestPossible(n, share) >= NOISE_LEVEL) {
    return {
      before,
      after,
      pValue: n === 0 ? null : binomialTwoSided(n, after, share),
      verdict: "too-little-data",
      sentence:
        n === 0
          ? "No matching complaints in either window: too little data to say whether the fix worked."
          : `Only ${n} matching complaint${n === 1 ? "" : "s"} in both windows together: too few to tell a change from chance.`,
    };
  }
  const pValue = binomialTwoSided(n, after, share);
  const expectedAfter = n * share;
  if (pValue < NOISE_LEVEL) {
    const drop = after < expectedAfter;
    return {
      before,
      after,
      pValue,
      verdict: drop ? "clear-drop" : "clear-rise",
      sentence: `${drop ? "A clear drop" : "A clear rise"}: a split this lopsided would happen by chance less than 1 time in 20 (p = ${formatP(pValue)}).`,
    };
  }
  return {
    before,
    after,
    pValue,
    verdict: "no-change",
    sentence: `No clear change: a difference this size happens by chance (p = ${formatP(pValue)}).`,
  };
}

export function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

export type WindowCounts = {
  /** The windows: before = [start, doneAt), after = [doneAt, end). */
  before: { from: Date; to: Date; count: number; perMonth: number };
  after: { from: Date; to: Date; count: number; perMonth: number };
  days: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const MONTH_DAYS = 365.25 / 12;

/**
 * Counts dated complaints in two equal windows either side of the day the action was done.
 * The window is as long as the time since then (at least one day), so a late check uses all
 * the evidence it has.
 */
export function beforeAfterWindows(raisedOn: readonly Date[], doneAt: Date, at: Date): WindowCounts {
  const days = Math.max(1, Math.floor((at.getTime() - doneAt.getTime()) / DAY_MS));
  const start = new Date(doneAt.getTime() - days * DAY_MS);
  const end = new Date(doneAt.getTime() + days * DAY_MS);
  let before = 0;
  let after = 0;
  for (const d of raisedOn) {
    const t = d.getTime();
    if (t >= start.getTime() && t < doneAt.getTime()) before += 1;
    else if (t >= doneAt.getTime() && t < end.getTime()) after += 1;
  }
  const perMonth = (count: number) => Math.round((count / days) * MONTH_DAYS * 10) / 10;
  return {
    before: { from: start, to: doneAt, count: before, perMonth: perMonth(before) },
    after: { from: doneAt, to: end, count: after, perMonth: perMonth(after) },
    days,
  };
}

/** The noise test's outcome without any count: what executives read (no figure below three). */
export const NOISE_WORDS: Record<NoiseVerdict, string> = {
  "clear-drop": "Complaints like these clearly dropped after the change.",
  "clear-rise": "Complaints like these clearly rose after the change.",
  "no-change": "No clear change in complaints like these.",
  "too-little-data": "Too few complaints either side to tell.",
};
