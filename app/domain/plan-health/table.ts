// The plan-health table (issue 17): per group (segment, role, region, tenure band or a pair of
// them), each period's health figures, the direction of travel, and the complaints raised by
// that group in the same period — groups in poor health with many complaints first.

import { causeLabel } from "../cases/taxonomy";
import { tenureBand } from "../cases/tenure";
import { DisclosureProblem, EXEC_MIN_CELL, protect, type ShownCount } from "../privacy/disclosure";
import {
  type AttainmentRow,
  EXEC_HIDDEN_NOTE,
  EXEC_WITHHELD_NOTE,
  type GroupDimension,
  compareFor,
  dimensionValue,
  groupKey,
  labelFor,
  DIMENSION_ORDER,
} from "../variability/group";
import { comparePeriods, parsePeriod } from "../variability/period";
import { type Health, type TargetBand, distanceFromBand, healthFlags, planHealth } from "./health";
import { type Direction, type Figure, direction } from "./trend";

/** A complaint as the table counts it: who raised it (the group) and when, and its cause. */
export type HealthCase = {
  /** "YYYY-MM-DD" */
  raisedOn: string;
  segment: string;
  role: string;
  region: string;
  tenureMonths: number | null;
  /** The diagnosed root cause where there is one, else the suspected cause ("" if none). */
  cause: string;
};

/** At least this many complaints per 10 reps in a period counts as "many". */
export const MANY_COMPLAINTS_PER10 = 3;

/** First and last day of a period, or null for text that is not one. */
export function periodRange(period: string): { from: string; to: string } | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const [m1, m2] = p.kind === "year" ? [1, 12] : p.kind === "quarter" ? [p.index * 3 - 2, p.index * 3] : [p.index, p.index];
  const last = new Date(Date.UTC(p.year, m2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { from: `${p.year}-${pad(m1)}-01`, to: `${p.year}-${pad(m2)}-${pad(last)}` };
}

function caseValue(c: HealthCase, d: GroupDimension): string {
  if (d === "tenure") return tenureBand(c.tenureMonths) ?? "";
  if (d === "period") return "";
  return c[d] ?? "";
}

export type Cause = { cause: string; label: string; count: number };

export type PeriodCell = {
  period: string;
  health: Health;
  complaints: number;
  /** Complaints per 10 reps, one decimal. */
  per10: number | null;
  topCauses: Cause[];
};

export type HealthRow = {
  key: string;
  keys: Partial<Record<GroupDimension, string>>;
  label: string;
  cells: PeriodCell[];
  latest: PeriodCell;
  trends: Record<Figure, Direction | null>;
  /** Poor health (a flag in the latest period) and many complaints: called out first. */
  attention: boolean;
  /** The case list filtered to this group and the latest period (region is not a list filter). */
  casesUrl: string;
  patternsUrl: string;
};

export function topCauses(cases: readonly HealthCase[], limit = 3): Cause[] {
  const counts = new Map<string, number>();
  for (const c of cases) if (c.cause) counts.set(c.cause, (counts.get(c.cause) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([cause, count]) => ({ cause, label: causeLabel(cause), count }));
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function casesUrlFor(keys: Partial<Record<GroupDimension, string>>, period: string): string {
  const q = new URLSearchParams();
  if (keys.segment) q.set("segment", keys.segment);
  if (keys.role) q.set("role", keys.role);
  if (keys.tenure) q.set("tenure", keys.tenure);
  const range = periodRange(period);
  if (range) {
    q.set("from", range.from);
    q.set("to", range.to);
  }
  return `/cases?${q.toString()}`;
}

export function patternsUrlFor(period: string): string {
  const range = periodRange(period);
  return range ? `/patterns?from=${range.from}&to=${range.to}` : "/patterns";
}

export function trendsOf(cells: readonly PeriodCell[], band: TargetBand): Record<Figure, Direction | null> {
  return {
    shareAtQuota: direction("shareAtQuota", cells.map((c) => distanceFromBand(c.health.shareAtQuota, band))),
    quotaAccuracy: direction("quotaAccuracy", cells.map((c) => c.health.quotaAccuracy)),
    gini: direction("gini", cells.map((c) => c.health.gini)),
    top10Share: direction("top10Share", cells.map((c) => c.health.top10Share)),
    payTracks: direction("payTracks", cells.map((c) => c.health.pay?.spearman ?? null)),
    complaints: direction("complaints", cells.map((c) => c.per10)),
  };
}

/** Poor health with many complaints first, then more flags × complaints, then the usual order. */
export function sortRows<T extends { attention: boolean; keys: Partial<Record<GroupDimension, string>> }>(rows: T[], weight: (r: T) => number): T[] {
  return rows.sort((a, b) => {
    if (a.attention !== b.attention) return a.attention ? -1 : 1;
    const w = weight(b) - weight(a);
    if (w !== 0) return w;
    for (const d of DIMENSION_ORDER) {
      const c = compareFor[d](a.keys[d] ?? "", b.keys[d] ?? "");
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** The comp team's table: every group, every figure. */
export function healthTable(rows: readonly AttainmentRow[], cases: readonly HealthCase[], by: GroupDimension[], band: TargetBand): HealthRow[] {
  const dims = DIMENSION_ORDER.filter((d) => by.includes(d) && d !== "period");
  const periods = [...new Set(rows.map((r) => r.period))].sort(comparePeriods);
  const groups = new Map<string, { keys: Partial<Record<GroupDimension, string>>; rows: AttainmentRow[] }>();
  for (const r of rows) {
    const keys: Partial<Record<GroupDimension, string>> = {};
    for (const d of dims) keys[d] = dimensionValue(r, d);
    const key = groupKey(keys, dims);
    const g = groups.get(key) ?? { keys, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  // Each period's complaints, bucketed by their group's values: one pass over the cases per
  // period instead of one per group and period (100,000 cases by segment × role took ~0.6 s on
  // the server's thread after every write).
  const valuesKey = (value: (d: GroupDimension) => string) => (dims.length === 1 ? value(dims[0]) : JSON.stringify(dims.map(value)));
  const casesIn = new Map<string, Map<string, HealthCase[]>>();
  for (const period of periods) {
    const range = periodRange(period);
    const buckets = new Map<string, HealthCase[]>();
    if (range) {
      for (const c of cases) {
        if (c.raisedOn < range.from || c.raisedOn > range.to) continue;
        const k = valuesKey((d) => caseValue(c, d));
        const bucket = buckets.get(k);
        if (bucket) bucket.push(c);
        else buckets.set(k, [c]);
      }
    }
    casesIn.set(period, buckets);
  }
  const out: HealthRow[] = [];
  for (const [key, g] of groups) {
    const cells: PeriodCell[] = [];
    const groupValues = valuesKey((d) => g.keys[d] ?? "");
    for (const period of periods) {
      const inPeriod = g.rows.filter((r) => r.period === period);
      if (inPeriod.length === 0) continue;
      const theirs = casesIn.get(period)?.get(groupValues) ?? [];
      const reps = new Set(inPeriod.map((r) => r.repPseudonym)).size;
      cells.push({
        period,
        health: planHealth(inPeriod, band),
        complaints: theirs.length,
        per10: reps ? round1((theirs.length / reps) * 10) : null,
        topCauses: topCauses(theirs),
      });
    }
    if (cells.length === 0) continue;
    const latest = cells[cells.length - 1];
    out.push({
      key,
      keys: g.keys,
      label: dims.length === 0 ? "All reps" : dims.map((d) => labelFor[d](g.keys[d] ?? "")).join(" · "),
      cells,
      latest,
      trends: trendsOf(cells, band),
      attention: latest.health.flags.length > 0 && (latest.per10 ?? 0) >= MANY_COMPLAINTS_PER10,
      casesUrl: casesUrlFor(g.keys, latest.period),
      patternsUrl: patternsUrlFor(latest.period),
    });
  }
  return sortRows(out, (r) => r.latest.health.flags.length * (r.latest.per10 ?? 0));
}

// ---- What executives see -------------------------------------------------------------------

/** What protectAttainment (variability/group.ts) decides, for the groups of one period. */
export type AttainmentProtection = {
  statusOf: (key: string) => string;
  countOf: (key: string, which: "atQuota" | "within20") => ShownCount | null;
};

export type ExecCell =
  | { period: string; hidden: true; note: string }
  | {
      period: string;
      hidden: false;
      reps: number;
      shareAtQuota: number | null;
      quotaAccuracy: number | null;
      gini: number | null;
      top10Share: number | null;
      peaks: string | null;
      p90Ratio: number | null;
      spearman: number | null;
      complaints: ShownCount;
      per10: number | null;
      /** Causes named by three complaints or more, without their counts. */
      topCauses: string[];
      flags: string[];
    };

export type ExecRow = Omit<HealthRow, "cells" | "latest" | "casesUrl"> & { cells: ExecCell[]; latest: ExecCell };

/**
 * The executive copy: a group-period of fewer than five reps, or withheld by the attainment
 * protection, shows nothing; shares come from the protected counts; no min or max, no figure
 * that rests on one or two people (a top 10% of fewer than three reps, a peak of fewer than three
 * reps, the 90th-percentile rep of fewer than 30); complaint counts of one or two read "<3", and
 * complaint counts are protected across the groups of a period (their sum is the period's
 * complaints, with those outside every group an unprinted remainder).
 */
export function execHealthTable(rows: HealthRow[], protection: AttainmentProtection, band: TargetBand): ExecRow[] {
  const problem = new DisclosureProblem();
  const byPeriod = new Map<string, string[]>();
  for (const r of rows)
    for (const c of r.cells) {
      const key = `${r.key}|period=${c.period}|complaints`;
      problem.add(key, c.complaints);
      byPeriod.set(c.period, [...(byPeriod.get(c.period) ?? []), key]);
    }
  for (const [period, keys] of byPeriod) {
    const total = keys.reduce((s, k) => s + (problem.value(k) ?? 0), 0);
    problem.add(`period=${period}|rest`, 0, { published: false });
    problem.add(`period=${period}|complaints`, total, { published: false });
    problem.sum(`period=${period}|complaints`, [...keys, `period=${period}|rest`]);
  }
  const complaints = protect(problem);

  const execRows = rows.map((r): ExecRow => {
    const cells = r.cells.map((c): ExecCell => {
      const key = groupKey({ ...r.keys, period: c.period }, [...(Object.keys(r.keys) as GroupDimension[]), "period"]);
      const status = protection.statusOf(key);
      if (status !== "shown") return { period: c.period, hidden: true, note: status === "small" ? EXEC_HIDDEN_NOTE : EXEC_WITHHELD_NOTE };
      const h = c.health;
      const n = h.reps;
      const share = (which: "atQuota" | "within20") => {
        const shown = protection.countOf(key, which);
        return shown?.value == null ? null : shown.value / n;
      };
      const shareAtQuota = share("atQuota");
      const quotaAccuracy = share("within20");
      const enoughTop = h.top10Reps >= EXEC_MIN_CELL;
      const peaksShown = h.peaks.twoPeaks && (h.peaks.low?.reps ?? 0) >= EXEC_MIN_CELL && (h.peaks.high?.reps ?? 0) >= EXEC_MIN_CELL;
      const gini = h.gini === null ? null : Math.round(h.gini * 100) / 100;
      const pay = h.pay && h.pay.reps === n ? h.pay : null;
      const spearman = pay?.spearman == null ? null : Math.round(pay.spearman * 10) / 10;
      const shownComplaints = complaints.show(`${r.key}|period=${c.period}|complaints`);
      return {
        period: c.period,
        hidden: false,
        reps: n,
        shareAtQuota,
        quotaAccuracy,
        gini,
        top10Share: enoughTop ? h.top10Share : null,
        peaks: peaksShown ? h.peaks.words : null,
        p90Ratio: enoughTop && pay ? Math.round(pay.p90Ratio * 100) / 100 : null,
        spearman,
        complaints: shownComplaints,
        per10: shownComplaints.value === null ? null : round1((shownComplaints.value / n) * 10),
        topCauses: c.topCauses.filter((t) => t.count >= EXEC_MIN_CELL).map((t) => t.label),
        flags: healthFlags(
          { shareAtQuota, quotaAccuracy, gini, peaks: peaksShown ? h.peaks : { ...h.peaks, twoPeaks: false, words: null }, pay: spearman === null ? null : { reps: n, p90Ratio: 0, spearman } },
          band,
        ),
      };
    });
    const latest = cells[cells.length - 1];
    const shownCells = cells.flatMap((c) => (c.hidden ? [] : [c]));
    const { casesUrl: _casesUrl, cells: _cells, latest: _latest, trends: _trends, ...rest } = r;
    const d = (f: Figure, v: (c: (typeof shownCells)[number]) => number | null) => direction(f, cells.map((c) => (c.hidden ? null : v(c))));
    return {
      ...rest,
      cells,
      latest,
      trends: {
        shareAtQuota: d("shareAtQuota", (c) => distanceFromBand(c.shareAtQuota, band)),
        quotaAccuracy: d("quotaAccuracy", (c) => c.quotaAccuracy),
        gini: d("gini", (c) => c.gini),
        top10Share: d("top10Share", (c) => c.top10Share),
        payTracks: d("payTracks", (c) => c.spearman),
        complaints: d("complaints", (c) => c.per10),
      },
      attention: !latest.hidden && latest.flags.length > 0 && (latest.per10 ?? 0) >= MANY_COMPLAINTS_PER10,
    };
  });
  return sortRows(execRows, (r) => (r.latest.hidden ? 0 : r.latest.flags.length * (r.latest.per10 ?? 0)));
}

// ---- One shape for the page, whoever reads it -----------------------------------------------

export type DisplayCell = {
  period: string;
  hidden: boolean;
  note: string | null;
  reps: number | null;
  shareAtQuota: number | null;
  quotaAccuracy: number | null;
  gini: number | null;
  top10Share: number | null;
  peaks: string | null;
  p90Ratio: number | null;
  spearman: number | null;
  complaints: string;
  per10: number | null;
  topCauses: string[];
  flags: string[];
};

export type DisplayRow = {
  key: string;
  label: string;
  attention: boolean;
  cells: DisplayCell[];
  latest: DisplayCell;
  trends: Record<Figure, Direction | null>;
  casesUrl: string | null;
  patternsUrl: string;
};

export function displayRows(rows: readonly HealthRow[]): DisplayRow[] {
  const cell = (c: PeriodCell): DisplayCell => ({
    period: c.period,
    hidden: false,
    note: null,
    reps: c.health.reps,
    shareAtQuota: c.health.shareAtQuota,
    quotaAccuracy: c.health.quotaAccuracy,
    gini: c.health.gini,
    top10Share: c.health.top10Share,
    peaks: c.health.peaks.words,
    p90Ratio: c.health.pay?.p90Ratio ?? null,
    spearman: c.health.pay?.spearman ?? null,
    complaints: String(c.complaints),
    per10: c.per10,
    topCauses: c.topCauses.map((t) => `${t.label} (${t.count})`),
    flags: c.health.flags,
  });
  return rows.map((r) => ({ key: r.key, label: r.label, attention: r.attention, cells: r.cells.map(cell), latest: cell(r.latest), trends: r.trends, casesUrl: r.casesUrl, patternsUrl: r.patternsUrl }));
}

export function execDisplayRows(rows: readonly ExecRow[]): DisplayRow[] {
  const cell = (c: ExecCell): DisplayCell =>
    c.hidden
      ? { period: c.period, hidden: true, note: c.note, reps: null, shareAtQuota: null, quotaAccuracy: null, gini: null, top10Share: null, peaks: null, p90Ratio: null, spearman: null, complaints: "", per10: null, topCauses: [], flags: [] }
      : { ...c, note: null, complaints: c.complaints.text };
  return rows.map((r) => ({ key: r.key, label: r.label, attention: r.attention, cells: r.cells.map(cell), latest: cell(r.latest), trends: r.trends, casesUrl: null, patternsUrl: r.patternsUrl }));
}
