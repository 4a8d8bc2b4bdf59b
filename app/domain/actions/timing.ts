// Due, overdue and check-due, decided from a "now" the caller passes (the app's movable clock).

const DAY_MS = 24 * 60 * 60 * 1000;

type Timed = { status: string; dueOn: Date; checkDueOn: Date | null; verdict: string };

/** Not finished by the end of its due day. Done and rejected work is never overdue. */
export function isOverdue(a: Timed, now: Date): boolean {
  if (a.status === "done" || a.status === "rejected") return false;
  return now.getTime() >= endOfDay(a.dueOn).getTime();
}

/** Done, its check date reached, and no verdict yet. */
export function isCheckDue(a: Timed, now: Date): boolean {
  return a.status === "done" && a.checkDueOn !== null && a.verdict === "" && now.getTime() >= a.checkDueOn.getTime();
}

/** The check date reached (the figures can be shown), verdict or not. */
export function checkReached(a: Pick<Timed, "status" | "checkDueOn">, now: Date): boolean {
  return a.status === "done" && a.checkDueOn !== null && now.getTime() >= a.checkDueOn.getTime();
}

export function checkDate(doneAt: Date, days: number): Date {
  return new Date(doneAt.getTime() + days * DAY_MS);
}

function endOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + DAY_MS);
}

/** "on track" | "overdue" | … — one word for lists and the executive home. */
export function progressWord(a: Timed, now: Date): "overdue" | "on track" | "check due" | "monitoring" | "checked" | "rejected" {
  if (a.status === "rejected") return "rejected";
  if (a.status === "done") return a.verdict ? "checked" : isCheckDue(a, now) ? "check due" : "monitoring";
  return isOverdue(a, now) ? "overdue" : "on track";
}
