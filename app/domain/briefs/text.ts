// Small text helpers shared by the brief modules: plain English lists and counts, money and
// dates written the same way everywhere, and (from the privacy module) scrubbing names, email
// addresses and phone numbers out of text people typed. Deterministic: no locale or time-zone
// dependence.

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 case", "3 cases"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** "both cases" for two, "all 3 cases" for more: never "all 2 cases". */
export function everyOne(n: number, one = "case", many = `${one}s`): string {
  return n === 2 ? `both ${many}` : `all ${n.toLocaleString("en-US")} ${many}`;
}

/** $950, $85K, $1.2M, $3.4B: one decimal at most, trailing ".0" dropped. */
export function formatMoney(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const a = Math.abs(amount);
  const short = (value: number, suffix: string) => {
    const rounded = Math.round(value * 10) / 10;
    return `${sign}$${rounded % 1 === 0 ? rounded.toFixed(0) : rounded.toFixed(1)}${suffix}`;
  };
  if (a >= 1e9) return short(a / 1e9, "B");
  if (a >= 1e6) return short(a / 1e6, "M");
  // 999,950 would round to "$1000K": show it as millions instead.
  if (a >= 1e3) return Math.round(a / 100) >= 10_000 ? short(a / 1e6, "M") : short(a / 1e3, "K");
  return `${sign}$${Math.round(a)}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "3 Feb 2026", read in UTC so the server's time zone cannot change the day. */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "Feb 2026", in UTC. */
export function formatMonth(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "48%" from a fraction (0.48) or, when above 1, a percent already (48). */
export function percentOfShare(share: number): string {
  const pct = Math.abs(share) > 1 ? share : share * 100;
  return `${Math.round(pct)}%`;
}

// Names, email addresses and phone numbers are taken out of text by the privacy module; the
// brief modules and older callers import them from here.
export {
  EMAIL_PLACEHOLDER,
  mentionsNameOrEmail,
  NAME_PLACEHOLDER,
  nameHitsIn,
  nameVariants,
  PHONE_PLACEHOLDER,
  scrub,
} from "~/domain/privacy/scrub";
