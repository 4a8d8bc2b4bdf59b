// Tenure is recorded in months and shown as a band (docs/product.md "The case file").
export const TENURE_BANDS = [
  { value: "lt6m", label: "<6 mo", min: 0, max: 5 },
  { value: "6to12m", label: "6–12 mo", min: 6, max: 12 },
  { value: "1to2y", label: "1–2 y", min: 13, max: 24 },
  { value: "2to4y", label: "2–4 y", min: 25, max: 48 },
  { value: "4yplus", label: "4+ y", min: 49, max: Number.POSITIVE_INFINITY },
] as const;

export type TenureBand = (typeof TENURE_BANDS)[number]["value"];
export const tenureBandValues = TENURE_BANDS.map((b) => b.value) as [TenureBand, ...TenureBand[]];

export function tenureBand(months: number | null | undefined): TenureBand | null {
  if (months == null || !Number.isFinite(months) || months < 0) return null;
  const whole = Math.floor(months); // 5.5 months is still under six
  return TENURE_BANDS.find((b) => whole >= b.min && whole <= b.max)?.value ?? null;
}

export function tenureBandLabel(months: number | null | undefined): string {
  const band = tenureBand(months);
  return band ? TENURE_BANDS.find((b) => b.value === band)!.label : "Unknown";
}

/** The month range a band covers, for database filters. */
export function tenureRange(band: TenureBand): { min: number; max: number | null } {
  const b = TENURE_BANDS.find((x) => x.value === band)!;
  return { min: b.min, max: Number.isFinite(b.max) ? b.max : null };
}
