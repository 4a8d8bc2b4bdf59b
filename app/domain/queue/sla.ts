import { z } from "zod";
import { TRIAGE_CLASSES, type TriageClass } from "./triage";

// SLA targets per triage class in business days (Monday to Friday, UTC; no holiday calendar).
// Defaults: decision 015. "First response": triaged or assigned. "Diagnosis": a design signal
// diagnosed, any other case resolved (closed).

export type SlaTargets = { firstResponseDays: number; diagnosisDays: number };

export const DEFAULT_SLA: Record<TriageClass, SlaTargets> = {
  data_error: { firstResponseDays: 1, diagnosisDays: 5 },
  calculation_error: { firstResponseDays: 1, diagnosisDays: 5 },
  policy_question: { firstResponseDays: 2, diagnosisDays: 5 },
  exception_request: { firstResponseDays: 2, diagnosisDays: 10 },
  plan_design: { firstResponseDays: 3, diagnosisDays: 20 },
};
/** Before triage the class is unknown: the strictest first response and the longest diagnosis. */
export const UNTRIAGED_SLA: SlaTargets = { firstResponseDays: 1, diagnosisDays: 20 };

/** "At risk": this close to a target (in business days) or closer. */
export const AT_RISK_WITHIN = 1;

export const slaTargetsSchema = z.object(
  Object.fromEntries(
    TRIAGE_CLASSES.flatMap((t) => [
      [`${t.value}.firstResponseDays`, days(`${t.label}: first response`)],
      [`${t.value}.diagnosisDays`, days(`${t.label}: diagnosis`)],
    ]),
  ) as Record<string, ReturnType<typeof days>>,
);

function days(label: string) {
  return z.coerce.number({ message: `${label} must be a number of days` }).int(`${label} must be whole days`).min(1, `${label} must be at least 1 day`).max(250, `${label} must be under a working year`);
}

const DAY = 24 * 60 * 60 * 1000;
const dayNumber = (d: Date) => Math.floor(d.getTime() / DAY); // UTC days since 1970-01-01, a Thursday
const isWeekday = (n: number) => ((n + 4) % 7 + 7) % 7 % 6 !== 0; // 0 Sunday … 6 Saturday
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

/**
 * Business days from `start` to `now`: the weekdays (UTC) after start's day up to now's day.
 * A case opened Friday is 0 days old at the weekend and 1 on Monday. Whole weeks are counted
 * by arithmetic, so a year-old case costs no more than a new one.
 */
export function businessDaysBetween(start: Date, now: Date): number {
  const a = dayNumber(start);
  const b = dayNumber(now);
  if (b <= a) return 0;
  const weeks = Math.floor((b - a) / 7);
  let count = weeks * 5;
  for (let n = a + weeks * 7 + 1; n <= b; n += 1) if (isWeekday(n)) count += 1;
  return count;
}

/** The day `days` business days after `start`. */
export function addBusinessDaysUtc(start: Date, days: number): Date {
  let d = start;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWeekday(dayNumber(d))) left -= 1;
  }
  return d;
}

export type SlaCase = {
  createdAt: Date;
  triageClass: string;
  status: string;
  firstResponseAt: Date | null;
  diagnosisConfirmedAt: Date | null;
};

export type SlaState = "ok" | "at_risk" | "breached" | "met";
export type SlaView = {
  ageDays: number;
  /** Which clock runs now: the first response until there is one, then the diagnosis. */
  clock: "first_response" | "diagnosis" | null;
  targetDays: number | null;
  state: SlaState;
};

const DONE = new Set(["diagnosed", "briefed", "monitoring", "closed"]);

/** Where a case stands against its targets at `now`. */
export function slaFor(c: SlaCase, targets: Partial<Record<string, SlaTargets>>, now: Date): SlaView {
  const ageDays = businessDaysBetween(c.createdAt, now);
  const t = (c.triageClass && targets[c.triageClass]) || UNTRIAGED_SLA;
  if (DONE.has(c.status) || c.diagnosisConfirmedAt) return { ageDays, clock: null, targetDays: null, state: "met" };
  const clock = c.firstResponseAt ? "diagnosis" : "first_response";
  const targetDays = clock === "first_response" ? t.firstResponseDays : t.diagnosisDays;
  const state: SlaState = ageDays >= targetDays ? "breached" : ageDays >= targetDays - AT_RISK_WITHIN ? "at_risk" : "ok";
  return { ageDays, clock, targetDays, state };
}

/**
 * The latest creation time a case may have and be at least `days` business days old at `now`
 * (the end of that UTC day): the list filters "at risk" and "breached" in SQL with it.
 */
export function createdBeforeFor(now: Date, days: number): Date {
  let n = dayNumber(now);
  const end = (day: number) => new Date((day + 1) * DAY - 1);
  if (days <= 0) return end(n);
  let counted = 0;
  // Walk back until the weekdays after day n up to today number `days`.
  while (counted < days) {
    if (isWeekday(n)) counted += 1;
    n -= 1;
  }
  return end(n);
}
