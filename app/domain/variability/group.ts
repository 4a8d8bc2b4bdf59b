// Attainment statistics per segment, role and/or period (issue item 3), and the executive view
// of them. Rows come from the attainment import (data-io/attainment-import.ts).

import { REPORTER_ROLES, SEGMENTS, reporterRoleLabel, segmentLabel } from "../cases/taxonomy";
import { TENURE_BANDS, tenureBand } from "../cases/tenure";
import { DisclosureProblem, EXEC_MIN_CELL, protect, withheld, type ShownCount } from "../privacy/disclosure";
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
  /** Optional (issue 17): money paid and the target incentive, for the pay curve. */
  payout?: number | null;
  targetIncentive?: number | null;
  tenureMonths?: number | null;
};

/** Region and tenure band (issue 17) group the plan-health table; tenure comes from tenureMonths. */
export type GroupDimension = "segment" | "role" | "region" | "tenure" | "period";

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
  /** Rep-periods within ±20% of quota (80–120%, both ends in): quota accuracy (issue 17). */
  withinTwenty: number;
};

export const DIMENSION_ORDER: GroupDimension[] = ["segment", "role", "region", "tenure", "period"];

/** "" when a row has no region or no tenure: a group of its own ("No region", "Tenure not recorded"). */
export function dimensionValue(row: AttainmentRow, d: GroupDimension): string {
  if (d === "tenure") return tenureBand(row.tenureMonths) ?? "";
  return row[d] ?? "";
}

export const labelFor: Record<GroupDimension, (v: string) => string> = {
  segment: segmentLabel,
  role: reporterRoleLabel,
  region: (v) => v || "No region",
  tenure: (v) => TENURE_BANDS.find((b) => b.value === v)?.label ?? "Tenure not recorded",
  period: (v) => v,
};

/** The group key of a row for some dimensions, always in DIMENSION_ORDER: "segment=smb|period=2026-Q1". */
export function groupKey(keys: Partial<Record<GroupDimension, string>>, dims: readonly GroupDimension[]): string {
  const ordered = DIMENSION_ORDER.filter((d) => dims.includes(d));
  return ordered.length === 0 ? "all" : ordered.map((d) => `${d}=${keys[d] ?? ""}`).join("|");
}

// Taxonomy order (SMB before Enterprise, AE before SDR) is how the rest of the app lists them;
// a value outside the taxonomy sorts after it, alphabetically.
function taxonomyCompare(options: readonly { value: string }[]) {
  const rank = new Map(options.map((o, i) => [o.value, i]));
  return (a: string, b: string) =>
    (rank.get(a) ?? options.length) - (rank.get(b) ?? options.length) || (a < b ? -1 : a > b ? 1 : 0);
}

const blankLast = (a: string, b: string) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0) || (a < b ? -1 : a > b ? 1 : 0);

export const compareFor: Record<GroupDimension, (a: string, b: string) => number> = {
  segment: taxonomyCompare(SEGMENTS),
  role: taxonomyCompare(REPORTER_ROLES),
  region: blankLast,
  tenure: taxonomyCompare(TENURE_BANDS),
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
    for (const d of dims) keys[d] = dimensionValue(row, d);
    const key = groupKey(keys, dims);
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
      withinTwenty: b.values.filter((v) => v >= 80 && v <= 120).length,
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

/** The plan-health table's groupings (issue 17): each dimension and each pair, shown per period. */
/**
 * `exec`: offered to executives. Region and tenure groupings are the comp team's: protecting them
 * together with the rest is one disclosure problem of hundreds of tied groups (over five minutes
 * on the demo data), and at demo volumes nearly every one of their groups is under five reps.
 */
export const HEALTH_GROUPINGS: Record<string, { label: string; by: GroupDimension[]; exec?: true }> = {
  segment: { label: "Segment", by: ["segment"], exec: true },
  role: { label: "Role", by: ["role"] },
  region: { label: "Region", by: ["region"] },
  tenure: { label: "Tenure band", by: ["tenure"] },
  "segment-role": { label: "Segment and role", by: ["segment", "role"] },
  "segment-region": { label: "Segment and region", by: ["segment", "region"] },
  "segment-tenure": { label: "Segment and tenure band", by: ["segment", "tenure"] },
  "role-region": { label: "Role and region", by: ["role", "region"] },
  "role-tenure": { label: "Role and tenure band", by: ["role", "tenure"] },
  "region-tenure": { label: "Region and tenure band", by: ["region", "tenure"] },
};

const canonical = (dims: readonly GroupDimension[]) => DIMENSION_ORDER.filter((d) => dims.includes(d));

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
export function decideAttainmentDisclosure(rows: readonly AttainmentRow[]): AttainmentDisclosure {
  const periods = new Set(rows.map((r) => r.period)).size || 1;
  // What executives are shown: the variability page's groupings (with histograms) and the
  // plan-health groupings per period (issue 17: shares at quota and within ±20%, no bins).
  // Every grouping either implies (its parents down to "all reps") is in the problem too,
  // unprinted, so a hidden group cannot be reached through a parent printed on neither page.
  const binsShown = Object.values(GROUPINGS).map((g) => canonical(g.by));
  const healthShown = Object.values(HEALTH_GROUPINGS)
    .filter((g) => g.exec)
    .map((g) => canonical([...g.by, "period"]));
  const published = new Set([...binsShown, ...healthShown].map((dims) => dims.join(",")));
  const closure = new Map<string, GroupDimension[]>();
  const addWithParents = (dims: GroupDimension[]) => {
    if (dims.length === 0 || closure.has(dims.join(","))) return;
    closure.set(dims.join(","), dims);
    for (const d of dims) addWithParents(dims.filter((x) => x !== d));
  };
  for (const dims of [...binsShown, ...healthShown]) addWithParents(dims);

  const all = groupAttainment([...rows], [])[0];
  const groups = new Map<string, AttainmentGroup>();
  const publishedKeys = new Set<string>();
  const binKeys = new Set<string>();
  const byGrouping = new Map<string, AttainmentGroup[]>();
  for (const [name, dims] of closure) {
    const list = groupAttainment([...rows], dims);
    byGrouping.set(name, list);
    for (const g of list) {
      groups.set(g.key, g);
      if (published.has(name)) publishedKeys.add(g.key);
      if (binsShown.some((b) => b.join(",") === name)) binKeys.add(g.key);
    }
  }

  // Which groups add up to which: for every grouping and each of its dimensions, the parent
  // without that dimension = Σ its children ("all reps" for a single dimension).
  const live: { whole: string; parts: string[] }[] = [];
  for (const dims of closure.values()) {
    for (const d of dims) {
      const parentDims = dims.filter((x) => x !== d);
      const parts = new Map<string, string[]>();
      for (const g of byGrouping.get(dims.join(",")) ?? []) {
        const parent = groupKey(g.keys, parentDims);
        parts.set(parent, [...(parts.get(parent) ?? []), g.key]);
      }
      for (const [whole, keys] of parts) if (whole === "all" ? all !== undefined : groups.has(whole)) live.push({ whole, parts: keys });
    }
  }

  // 1. Which groups are shown: over the group sizes.
  const sizes = new DisclosureProblem();
  if (all) sizes.add("all", all.summary.n, { published: false });
  for (const g of groups.values()) {
    if (!publishedKeys.has(g.key)) {
      sizes.add(g.key, g.summary.n, { published: false });
      continue;
    }
    const small = g.reps < EXEC_MIN_REPS;
    sizes.add(g.key, g.summary.n, { small, smallBounds: [1, (EXEC_MIN_REPS - 1) * (g.keys.period ? 1 : periods)] });
  }
  for (const r of live) sizes.sum(r.whole, r.parts);
  const shown = protect(sizes, { min: EXEC_MIN_REPS });
  const visible = (key: string) => publishedKeys.has(key) && !shown.hidden(key);

  // 2. Within the groups shown: histogram bins, the count at quota and the count within ±20% of
  // quota, group sizes fixed.
  const inner = new DisclosureProblem();
  // The count within ±20% ties to nothing but itself across groups (its edges are not bin
  // edges), so it is its own problem: mixed in, it made the count at quota withheld more often.
  const nearProblem = new DisclosureProblem();
  const binKey = (key: string, i: number) => `${key}|bin=${i}`;
  const quotaKey = (key: string) => `${key}|atQuota`;
  const nearKey = (key: string) => `${key}|within20`;
  const complementSmall = (count: number, n: number) => (count > 0 && count < EXEC_MIN_CELL) || (n - count > 0 && n - count < EXEC_MIN_CELL);
  const addFigures = (key: string, g: AttainmentGroup) => {
    const n = g.summary.n;
    const shownHere = key !== "all" && visible(key);
    const bins = shownHere && binKeys.has(key);
    const atQuota = Math.round((g.summary.shareAtOrAbove100 ?? 0) * n);
    const near = g.withinTwenty;
    inner.add(key, n, shownHere ? { fixed: true } : { published: false });
    g.histogram.forEach((b, i) => inner.add(binKey(key, i), b.count, bins ? { small: b.count < EXEC_MIN_CELL, smallBounds: [0, EXEC_MIN_CELL - 1] } : { published: false }));
    inner.add(quotaKey(key), atQuota, shownHere ? { small: complementSmall(atQuota, n), smallBounds: [1, Math.max(1, n - 1)] } : { published: false });
    nearProblem.add(key, n, shownHere ? { fixed: true } : { published: false });
    nearProblem.add(nearKey(key), near, shownHere ? { small: complementSmall(near, n), smallBounds: [1, Math.max(1, n - 1)] } : { published: false });
    inner.sum(key, g.histogram.map((_, i) => binKey(key, i)));
    inner.sum(quotaKey(key), g.histogram.flatMap((b, i) => (b.from >= 100 ? [binKey(key, i)] : [])));
  };
  if (all) addFigures("all", all);
  for (const g of groups.values()) addFigures(g.key, g);
  for (const r of live) {
    inner.sum(r.whole, r.parts);
    inner.sum(quotaKey(r.whole), r.parts.map(quotaKey));
    nearProblem.sum(r.whole, r.parts);
    nearProblem.sum(nearKey(r.whole), r.parts.map(nearKey));
    (all?.histogram ?? []).forEach((_, i) => inner.sum(binKey(r.whole, i), r.parts.map((p) => binKey(p, i))));
  }
  const within = protect(inner);
  const nearShown = protect(nearProblem);

  // The decisions as plain data (they cross from a worker thread, see attainment.server.ts):
  // a status for every published group, and how each figure executives may read it shows.
  const status: Record<string, "shown" | "small" | "withheld"> = {};
  const figures: Record<string, ShownCount> = {};
  for (const key of publishedKeys) {
    const s = shown.status(key);
    status[key] = s === "shown" ? "shown" : s === "small" ? "small" : "withheld";
    if (s !== "shown") continue;
    const g = groups.get(key)!;
    figures[quotaKey(key)] = within.show(quotaKey(key));
    figures[nearKey(key)] = nearShown.show(nearKey(key));
    if (binKeys.has(key)) g.histogram.forEach((_, i) => (figures[binKey(key, i)] = within.show(binKey(key, i))));
  }
  return { status, figures };
}

/**
 * What protectAttainment decided, as plain data: `status` for every published group (a group
 * missing from it is not published), `figures` for the counts of the groups shown (`key|bin=i`,
 * `key|atQuota`, `key|within20`).
 */
export type AttainmentDisclosure = {
  status: Record<string, "shown" | "small" | "withheld">;
  figures: Record<string, ShownCount>;
};

/** The executive view of attainment, from its rows and the decisions taken over them. */
export function attainmentForExecutives(rows: readonly AttainmentRow[], decided: AttainmentDisclosure) {
  const statusOf = (key: string) => decided.status[key] ?? "withheld";
  const visible = (key: string) => decided.status[key] === "shown";
  // A shown group's figure that was not decided (it cannot be: every one is) reads withheld.
  const figure = (key: string): ShownCount => decided.figures[key] ?? withheld();
  const round = (v: number | null) => (v == null ? null : Math.round(v));
  const view = (g: AttainmentGroup): ExecGroup => {
    const identity: GroupIdentity = { key: g.key, keys: g.keys, labels: g.labels, label: g.label };
    const status = statusOf(g.key);
    if (status !== "shown") return { ...identity, hidden: true, note: status === "small" ? EXEC_HIDDEN_NOTE : EXEC_WITHHELD_NOTE };
    const { min: _min, max: _max, ...rest } = g.summary;
    const n = g.summary.n;
    const atQuota = figure(`${g.key}|atQuota`);
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
      histogram: g.histogram.map((bin, i) => ({ ...bin, count: figure(`${g.key}|bin=${i}`) })),
      flags: g.flags,
    };
  };
  return {
    /** The executive rows of one grouping, in the page's order. */
    groupsFor: (by: GroupDimension[]) => groupAttainment([...rows], by).map(view),
    /** Whether a group's figures may be quoted to executives (e.g. a segment in a brief). */
    isShown: (key: string) => visible(key),
    /** "small" (fewer than five reps), "withheld" (secondary) or "shown", for a published group. */
    statusOf,
    /** The count at quota or within ±20% of a shown group as executives may read it. */
    countOf: (key: string, which: "atQuota" | "within20") => (visible(key) ? figure(`${key}|${which === "atQuota" ? "atQuota" : "within20"}`) : null),
  };
}

/**
 * Every grouping protected together, in one call (tests, and where a worker is not worth its
 * start): the same as attainmentForExecutives over decideAttainmentDisclosure.
 */
export function protectAttainment(rows: readonly AttainmentRow[]) {
  return attainmentForExecutives(rows, decideAttainmentDisclosure(rows));
}

export type ExecAttainment = ReturnType<typeof protectAttainment>;

/** The executive rows of one grouping (protected together with every other grouping). */
export function forExecutives(rows: readonly AttainmentRow[], by: GroupDimension[]): ExecGroup[] {
  return protectAttainment(rows).groupsFor(by);
}
