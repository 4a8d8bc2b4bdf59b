// Direction of travel for the executive home: more or fewer independent reports than the
// previous period. Below three reports in both periods no direction is given: "one more" is a
// person, and executives never see a figure below three.

export type Direction = "more" | "fewer" | "same" | "too-few";

export const DIRECTION_WORDS: Record<Direction, string> = {
  more: "More reports than the previous 90 days",
  fewer: "Fewer reports than the previous 90 days",
  same: "About as many reports as the previous 90 days",
  "too-few": "Too few reports lately to show a direction",
};

export function direction(current: number, previous: number): Direction {
  if (Math.max(current, previous) < 3) return "too-few";
  if (current > previous) return "more";
  if (current < previous) return "fewer";
  return "same";
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The two periods compared: the last `days` days up to `now`, and the `days` before them. */
export function periods(now: Date, days = 90) {
  const start = new Date(now.getTime() - days * DAY_MS);
  return { current: { from: start, to: now }, previous: { from: new Date(start.getTime() - days * DAY_MS), to: start } };
}

/** The first day of the calendar quarter `now` falls in (UTC). */
export function quarterStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
}
