// Direction of travel of a plan-health figure across periods: the latest period against the one
// before it, so a plan change's effect shows up the period after it. "same" inside a tolerance,
// so rounding noise does not read as a trend.

export type Direction = "better" | "worse" | "same";

export type Figure = "shareAtQuota" | "quotaAccuracy" | "gini" | "top10Share" | "payTracks" | "complaints";

/**
 * What "better" means per figure: for the share at quota, getting closer to the target band
 * (the value passed is its distance from the band, in points); for quota accuracy and pay
 * tracking, higher; for concentration and complaints, lower.
 */
export const FIGURES: Record<Figure, { label: string; higherIsBetter: boolean; tolerance: number }> = {
  shareAtQuota: { label: "Distance from the target band", higherIsBetter: false, tolerance: 2 },
  quotaAccuracy: { label: "Within ±20% of quota", higherIsBetter: true, tolerance: 0.02 },
  gini: { label: "Gini", higherIsBetter: false, tolerance: 0.02 },
  top10Share: { label: "Top 10% share", higherIsBetter: false, tolerance: 0.02 },
  payTracks: { label: "Pay tracks performance", higherIsBetter: true, tolerance: 0.05 },
  complaints: { label: "Complaints per 10 reps", higherIsBetter: false, tolerance: 0.1 },
};

/** Values in period order (oldest first); nulls are periods without a figure and are skipped. */
export function direction(figure: Figure, values: readonly (number | null)[]): Direction | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2) return null;
  const [before, latest] = known.slice(-2);
  const { higherIsBetter, tolerance } = FIGURES[figure];
  const change = latest - before;
  if (Math.abs(change) <= tolerance + 1e-9) return "same";
  return change > 0 === higherIsBetter ? "better" : "worse";
}
