import type { CaseStatus } from "./taxonomy";

// new → triaged → diagnosing → diagnosed → briefed → monitoring → closed, and reopened.
// A step back is allowed where work really goes back (a diagnosis that falls apart).
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["triaged", "closed"],
  triaged: ["diagnosing", "closed"],
  diagnosing: ["diagnosed", "triaged", "closed"],
  diagnosed: ["briefed", "diagnosing", "closed"],
  briefed: ["monitoring", "closed"],
  monitoring: ["closed", "diagnosing"],
  closed: ["reopened"],
  reopened: ["triaged", "diagnosing", "closed"],
};

export function allowedNextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from] ?? [];
}

export function canMoveStatus(from: CaseStatus, to: CaseStatus): boolean {
  return allowedNextStatuses(from).includes(to);
}
