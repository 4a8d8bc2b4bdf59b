// Attainment statistics per segment, role and/or period (issue item 3), and the executive view
// of them. Rows come from the attainment import (data-io/attainment-import.ts).

import { REPORTER_ROLES, SEGMENTS, reporterRoleLabel, segmentLabel } from "../cases/taxonomy";
import { DisclosureProblem, EXEC_MIN_CELL, protect, type ShownCount } from "../privacy/disclosure";
import { comparePeriods } from "./period";
import { flags, histogram, summarise, topCount, type HistogramBin, type Summary } from "./stats";

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
export const EXEC_WITHHELD_NOTE = "Not shown, so that no group's figures can be worked out from the others.";

/** The groupings the variability page offers. Executives' figures are protected across all of them. */
export const GROUPINGS: Record<string, { label: string; by: GroupDimension[] }> = {
  segment: { label: "Segment", by: ["segment"] },
  role: { label: "Role", by: ["role"] },
  "segment-role": { label: "Segment and role", by: ["segment", "role"] },
  period: { label: "Period", by: ["period"] },
  "segment-period": { label: "Segment and period", by: ["segment", "period"] },
};

export type ExecBin = Omit<HistogramBin, "count"> & { count: ShownCount };

/**
 * Min and max are one person's own result, so they are left out. Mean, median and sd are
 * rounded to whole percents; a top-X% share is shown only when that top is three reps or more
 * (below that it is one or two people's own results); the share at quota is hidden when one or
 * two reps are at quota, or one or two are not.
 */
export type ExecSummary = Omit<Summary, "min" | "max" | "top10Share" | "top20Share" | "shareAtOrAbove100"> & {
  top10Share: number | null;
  top20Share: number | null;
  shareAtOrAbove100: number | null;
};

type GroupIdentity = Pick<AttainmentGroup, "key" | "keys" | "labels" | "label">;

export type ExecGroup =
  | (GroupIdentity & { hidden: false; reps: number; summary: ExecSummary; histogram: ExecBin[]; flags: string[] })
  /** A hidden group keeps its row (so the table does not silently shrink) but carries no figure. */
  | (GroupIdentity & { hidden: true; note: string });

/**
 * The executive view of every grouping at once (docs/product.md "Roles and what each sees": never an aggregate small enough to
 * identify a person, and nothing that can be worked out from other figures — parent groups).
 *
 * The subtraction attack: a group's n, mean and sd give its n, Σx and Σx²; those add up from
 * children to parent (segment = Σ its segment·role groups = Σ its segment·period groups; all reps
 * = Σ segments = Σ roles = Σ periods, with "all" printed nowhere but implied by any complete
 * grouping). A hidden group's Σx and Σx² minus its visible siblings' give its mean and sd.
 *
 * What blocks it (the simplest thing that provably does): one disclosure problem over the group
 * sizes n (rep-periods) of every grouping, tied by those sums (privacy/disclosure.ts), with every
 * group of fewer than five reps hidden first. Secondary suppression then hides whole groups —
 * smallest first — until no hidden group's n can be solved from the others, nor pinned by what
 * the note says about it (1 to 4 reps). n, Σx, Σx², the count at quota and every histogram bin
 * all add up through the same sums, and a hidden group hides all of them, so each of those
 * statistics forms the same linear system with the same unknowns: none of a hidden group's
 * sums is determined, hence nor is its mean (Σx/n) or sd. Within the groups shown, the
 * histogram bins and the count at quota are protected the same way (a second problem with the
 * group sizes fixed): a bin of 1 or 2 reads "<3", and so does an empty one, so listed bins pin
 * nothing. Rounding (whole percents) is kept as a second line, not relied on.
 */
export function protectAttainment(rows: readonly AttainmentRow[]) {
  const periods = new Set(rows.map((r) => r.period)).size || 1;
  const byGrouping = new Map(Object.entries(GROUPINGS).map(([name, g]) => [name, groupAttainment([...rows], g.by)]));
  const all = groupAttainment([...rows], [])[0];
  const groups = new Map<string, AttainmentGroup>();
  for (const list of byGrouping.values()) for (const g of list) groups.set(g.key, g);

  // Which groups add up to which: parent = Σ children, per dimension.
  const sums: { whole: string; parts: string[] }[] = [];
  const childrenOf = (parent: (g: AttainmentGroup) => boolean, list: AttainmentGroup[] | undefined) => (list ?? []).filter(parent).map((g) => g.key);
  for (const name of ["segment", "role", "period"]) sums.push({ whole: "all", parts: childrenOf(() => true, byGrouping.get(name)) });
  for (const seg of byGrouping.get("segment") ?? []) {
    sums.push({ whole: seg.key, parts: childrenOf((g) => g.keys.segment === seg.keys.segment, byGrouping.get("segment-role")) });
    sums.push({ whole: seg.key, parts: childrenOf((g) => g.keys.segment === seg.keys.segment, byGrouping.get("segment-period")) });
  }
  for (const role of byGrouping.get("role") ?? []) sums.push({ whole: role.key, parts: childrenOf((g) => g.keys.role === role.keys.role, byGrouping.get("segment-role")) });
  for (const period of byGrouping.get("period") ?? []) sums.push({ whole: period.key, parts: childrenOf((g) => g.keys.period === period.keys.period, byGrouping.get("segment-period")) });
  const live = sums.filter((r) => r.parts.length > 0);

  // 1. Which groups are shown: over the group sizes.
  const sizes = new DisclosureProblem();
  if (all) sizes.add("all", all.summary.n, { published: false });
  for (const g of groups.values()) {
    const small = g.reps < EXEC_MIN_REPS;
    sizes.add(g.key, g.summary.n, { small, smallBounds: [1, (EXEC_MIN_REPS - 1) * (g.keys.period ? 1 : periods)] });
  }
  for (const r of live) sizes.sum(r.whole, r.parts);
  const shown = protect(sizes, { min: EXEC_MIN_REPS });

  // 2. Within the groups shown: histogram bins and the count at quota, group sizes fixed.
  const inner = new DisclosureProblem();
  const binKey = (key: string, i: number) => `${key}|bin=${i}`;
  const quotaKey = (key: string) => `${key}|atQuota`;
  const addFigures = (key: string, g: AttainmentGroup, visible: boolean) => {
    const n = g.summary.n;
    const atQuota = Math.round((g.summary.shareAtOrAbove100 ?? 0) * n);
    inner.add(key, n, visible ? { fixed: true } : { published: false });
    g.histogram.forEach((b, i) => inner.add(binKey(key, i), b.count, visible ? { small: b.count < EXEC_MIN_CELL, smallBounds: [0, EXEC_MIN_CELL - 1] } : { published: false }));
    const smallQuota = (atQuota > 0 && atQuota < EXEC_MIN_CELL) || (n - atQuota > 0 && n - atQuota < EXEC_MIN_CELL);
    inner.add(quotaKey(key), atQuota, visible ? { small: smallQuota, smallBounds: [1, Math.max(1, n - 1)] } : { published: false });
    inner.sum(key, g.histogram.map((_, i) => binKey(key, i)));
    inner.sum(quotaKey(key), g.histogram.flatMap((b, i) => (b.from >= 100 ? [binKey(key, i)] : [])));
  };
  if (all) addFigures("all", all, false);
  for (const g of groups.values()) addFigures(g.key, g, !shown.hidden(g.key));
  for (const r of live) {
    inner.sum(r.whole, r.parts);
    inner.sum(quotaKey(r.whole), r.parts.map(quotaKey));
    (all?.histogram ?? []).forEach((_, i) => inner.sum(binKey(r.whole, i), r.parts.map((p) => binKey(p, i))));
  }
  const within = protect(inner);

  const round = (v: number | null) => (v == null ? null : Math.round(v));
  const view = (g: AttainmentGroup): ExecGroup => {
    const identity: GroupIdentity = { key: g.key, keys: g.keys, labels: g.labels, label: g.label };
    const status = shown.status(g.key);
    if (status !== "shown") return { ...identity, hidden: true, note: status === "small" ? EXEC_HIDDEN_NOTE : EXEC_WITHHELD_NOTE };
    const { min: _min, max: _max, ...rest } = g.summary;
    const n = g.summary.n;
    const atQuota = within.show(quotaKey(g.key));
    const summary: ExecSummary = {
      ...rest,
      mean: round(rest.mean),
      median: round(rest.median),
      sd: round(rest.sd),
      top10Share: topCount(n, 10) >= EXEC_MIN_CELL ? rest.top10Share : null,
      top20Share: topCount(n, 20) >= EXEC_MIN_CELL ? rest.top20Share : null,
      shareAtOrAbove100: atQuota.value === null ? null : rest.shareAtOrAbove100,
    };
    return {
      ...identity,
      hidden: false,
      reps: g.reps,
      summary,
      histogram: g.histogram.map((bin, i) => ({ ...bin, count: within.show(binKey(g.key, i)) })),
      flags: g.flags,
    };
  };
  return {
    /** The executive rows of one grouping, in the page's order. */
    groupsFor: (by: GroupDimension[]) => groupAttainment([...rows], by).map((g) => view(groups.get(g.key) ?? g)),
    /** Whether a group's figures may be quoted to executives (e.g. a segment in a brief). */
    isShown: (key: string) => groups.has(key) && !shown.hidden(key),
  };
}

export type ExecAttainment = ReturnType<typeof protectAttainment>;

/** The executive rows of one grouping (protected together with every other grouping). */
export function forExecutives(rows: readonly AttainmentRow[], by: GroupDimension[]): ExecGroup[] {
  return protectAttainment(rows).groupsFor(by);
}
