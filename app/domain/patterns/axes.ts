// The dimensions the patterns page slices cases by. Order and labels come from the case
// taxonomy so the matrices read in the same order as the case form.

import {
  BEHAVIOURS,
  CAUSES,
  FUNCTIONS,
  REPORTER_ROLES,
  SEGMENTS,
} from "../cases/taxonomy";
import { TENURE_BANDS, tenureBand } from "../cases/tenure";
import { effectiveCause, UNKNOWN_CAUSE, UNKNOWN_CAUSE_LABEL } from "./effective-cause";
import type { PatternCase } from "./types";

export type Axis = "cause" | "function" | "segment" | "behaviour" | "role" | "tenure";

/** A value that was not recorded (or, for cause, not yet suspected or diagnosed). */
export const UNKNOWN = UNKNOWN_CAUSE;

export const AXIS_TITLES: Record<Axis, string> = {
  cause: "Upstream cause",
  function: "Reporting function",
  segment: "Segment",
  behaviour: "Behaviour",
  role: "Reporter role",
  tenure: "Tenure",
};

const OPTIONS: Record<Axis, readonly { value: string; label: string }[]> = {
  cause: CAUSES,
  function: FUNCTIONS,
  segment: SEGMENTS,
  behaviour: BEHAVIOURS,
  role: REPORTER_ROLES,
  tenure: TENURE_BANDS,
};

const UNKNOWN_LABELS: Record<Axis, string> = {
  cause: UNKNOWN_CAUSE_LABEL,
  function: "Not recorded",
  segment: "Not recorded",
  behaviour: "Not recorded",
  role: "Not recorded",
  tenure: "Unknown",
};

/** The four matrices of the patterns page (issue item 1). */
export const MATRICES: readonly { rows: Axis; cols: Axis; title: string }[] = [
  { rows: "cause", cols: "function", title: "Upstream cause × reporting function" },
  { rows: "cause", cols: "segment", title: "Upstream cause × segment" },
  { rows: "behaviour", cols: "role", title: "Behaviour × reporter role" },
  { rows: "cause", cols: "tenure", title: "Upstream cause × tenure" },
];

export function axisValue(c: PatternCase, axis: Axis): string {
  let v: string | null;
  switch (axis) {
    case "cause":
      return effectiveCause(c).cause;
    case "function":
      v = c.reporterFunction;
      break;
    case "segment":
      v = c.segment;
      break;
    case "behaviour":
      v = c.behaviour;
      break;
    case "role":
      v = c.reporterRole;
      break;
    case "tenure":
      v = tenureBand(c.tenureMonths);
      break;
  }
  return v?.trim() || UNKNOWN;
}

export function axisLabel(axis: Axis, value: string): string {
  if (value === UNKNOWN) return UNKNOWN_LABELS[axis];
  // A value no longer in the taxonomy (old data) still shows, as itself.
  return OPTIONS[axis].find((o) => o.value === value)?.label ?? value;
}

/** Taxonomy order; values outside the taxonomy after it (alphabetically); unknown last. */
export function compareAxisValues(axis: Axis, a: string, b: string): number {
  const rank = (v: string) => {
    if (v === UNKNOWN) return Number.MAX_SAFE_INTEGER;
    const i = OPTIONS[axis].findIndex((o) => o.value === v);
    return i === -1 ? OPTIONS[axis].length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
