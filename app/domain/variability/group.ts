// Attainment statistics per segment, role and/or period (issue item 3), and the executive view
// of them. Rows come from the attainment import (data-io/attainment-import.ts).

import { REPORTER_ROLES, SEGMENTS, reporterRoleLabel, segmentLabel } from "../cases/taxonomy";
import { EXEC_MIN_CELL, showCount, type ShownCount } from "../privacy/suppress";
import { comparePeriods } from "./period";
import { flags, histogram, summarise, type HistogramBin, type Summary } from "./stats";

export type AttainmentRow = {
  period: string;
  repPseudonym: string;
  /** A REPORTER_ROLES value, e.g. "ae". */
  role: string;
  /** A SEGMENTS value, e.g. "mid_market". */
  segment: string;
  region: string;
  attainmentPct: number;
};

export type GroupDimension = "segment" | "role" | "period";

export type AttainmentGroup = {
  /** Stable id, e.g. "segment=mid_market|role=ae"; "all" when not grouped. */
  key: string;
  keys: Partial<Record<GroupDimension, string>>;
  labels: Partial<Record<GroupDimension, string>>;
  /** "Mid-Market · AE · 2026-Q1", or "All reps". */
  label: string;
  /**
   * Distinct reps in the group. Without "period" in `by`, a rep appears once per period, so
   * summary.n (rep-periods) can be larger than reps. Privacy thresholds count people: reps.
   */
  reps: number;
  summary: Summary;
  histogram: HistogramBin[];
  flags: string[];
};

const DIMENSION_ORDER: GroupDimension[] = ["segment", "role", "period"];

const labelFor: Record<GroupDimension, (v: string) => string> = {
  segment: segmentLabel,
  role: reporterRoleLabel,
  period: (v) => v,
};

// Taxonomy order (SMB before Enterprise, AE before SDR) is how the rest of the app lists them;
// a value outside the taxonomy sorts after it, alphabetically.
function taxonomyCompare(options: readonly { value: string }[]) {
  const rank = new Map(options.map((o, i) => [o.value, i]));
  return (a: string, b: string) =>
    (rank.get(a) ?? options.length) - (rank.get(b) ?? options.length) || (a < b ? -1 : a > b ? 1 : 0);
}

const compareFor: Record<GroupDimension, (a: string, b: string) => number> = {
  segment: taxonomyCompare(SEGMENTS),
  role: taxonomyCompare(REPORTER_ROLES),
  period: comparePeriods,
};

/**
 * One group per distinct combination of the `by` dimensions present in the rows. Dimensions are
 * always applied in the order segment, role, period (whatever order `by` lists them in), and
 * groups are sorted by them in that order, so the same data always gives the same table.
 */
export function groupAttainment(rows: AttainmentRow[], by: GroupDimension[]): AttainmentGroup[] {
  const dims = DIMENSION_ORDER.filter((d) => by.includes(d));
  const buckets = new Map<string, { keys: Partial<Record<GroupDimension, string>>; values: number[]; reps: Set<string> }>();

  for (const row of rows) {
    const keys: Partial<Record<GroupDimension, string>> = {};
    for (const d of dims) keys[d] = row[d];
    const key = dims.length === 0 ? "all" : dims.map((d) => `${d}=${row[d]}`).join("|");
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { keys, values: [], reps: new Set() };
      buckets.set(key, bucket);
    }
    bucket.values.push(row.attainmentPct);
    bucket.reps.add(row.repPseudonym);
  }

  const groups: AttainmentGroup[] = [...buckets].map(([key, b]) => {
    const labels: Partial<Record<GroupDimension, string>> = {};
    for (const d of dims) labels[d] = labelFor[d](b.keys[d] as string);
    const summary = summarise(b.values);
    return {
      key,
      keys: b.keys,
      labels,
      label: dims.length === 0 ? "All reps" : dims.map((d) => labels[d]).join(" · "),
      reps: b.reps.size,
      summary,
      histogram: histogram(b.values),
      flags: flags(summary),
    };
  });

  return groups.sort((a, b) => {
    for (const d of dims) {
      const c = compareFor[d](a.keys[d] as string, b.keys[d] as string);
      if (c !== 0) return c;
    }
    return 0;
  });
}

// ---- What executives see -------------------------------------------------------------------

/** Fewer reps than this and an executive could tell whose results they are looking at. */
export const EXEC_MIN_REPS = 5;
export const EXEC_HIDDEN_NOTE = `Fewer than ${EXEC_MIN_REPS} reps: not shown, so no one can be identified.`;

export type ExecBin = Omit<HistogramBin, "count"> & { count: ShownCount };

/** Min and max are one person's own result, so they are left out of the executive figures. */
export type ExecSummary = Omit<Summary, "min" | "max">;

type GroupIdentity = Pick<AttainmentGroup, "key" | "keys" | "labels" | "label">;

export type ExecGroup =
  | (GroupIdentity & { hidden: false; reps: number; summary: ExecSummary; histogram: ExecBin[]; flags: string[] })
  /** A small group keeps its row (so the table does not silently shrink) but carries no figure. */
  | (GroupIdentity & { hidden: true; note: string });

/**
 * The executive view (PRODUCT.md: never an aggregate cell small enough to identify a person):
 * - a group of fewer than EXEC_MIN_REPS distinct reps is hidden with a note, with no figure at
 *   all (not even its size);
 * - in a shown group, min and max are dropped, and a histogram bin of 1 or 2 reps reads "<3"
 *   (the app-wide EXEC_MIN_CELL rule), since "one rep at 250%+" points at a person.
 * Caveat for callers: showing a group next to its own total (e.g. a segment and that segment
 * split by role) can let a hidden group be worked out by subtraction. Show one grouping at a time.
 */
export function forExecutives(groups: AttainmentGroup[]): ExecGroup[] {
  return groups.map((g) => {
    const identity: GroupIdentity = { key: g.key, keys: g.keys, labels: g.labels, label: g.label };
    if (g.reps < EXEC_MIN_REPS) return { ...identity, hidden: true, note: EXEC_HIDDEN_NOTE };
    const { min: _min, max: _max, ...summary } = g.summary;
    return {
      ...identity,
      hidden: false,
      reps: g.reps,
      summary,
      histogram: g.histogram.map((bin) => ({ ...bin, count: showCount(bin.count, true, EXEC_MIN_CELL) })),
      flags: g.flags,
    };
  });
}
