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


/**
 * The statuses a case passes through to get from `from` to `to` along allowed moves
 * (above), excluding `from`; [] when already there, null when unreachable. The route can
 * record one history entry per hop so the history never shows a move status.ts forbids.
 */
export function statusPath(from: CaseStatus, to: CaseStatus): CaseStatus[] | null {
  if (from === to) return [];
  const previous = new Map<CaseStatus, CaseStatus>();
  const queue: CaseStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of allowedNextStatuses(current)) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, current);
      if (next === to) {
        const path: CaseStatus[] = [to];
        for (let s = current; s !== from; s = previous.get(s)!) path.unshift(s);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/**
 * The first answered step means the work has started. From "new" this implies triage
 * (new → triaged → diagnosing, see statusPath); later statuses are left alone, so editing a
 * step of a diagnosed or briefed case does not move it back.
 */
export function statusAfterStepAnswered(current: CaseStatus): CaseStatus {
  return current === "new" || current === "triaged" || current === "reopened" ? "diagnosing" : current;
}

/**
 * A confirmed conclusion makes the case diagnosed when it is new, triaged, reopened or
 * diagnosing (from new/triaged/reopened via statusPath's hops). A case that is already
 * diagnosed, briefed, monitoring or closed keeps its status.
 */
export function statusAfterConclusionConfirmed(current: CaseStatus): CaseStatus {
  const before: readonly CaseStatus[] = ["new", "triaged", "reopened", "diagnosing"];
  return before.includes(current) ? "diagnosed" : current;
}
