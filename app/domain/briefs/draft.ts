// A brief as code writes it from its source, as one pure step over plain data (issue 18): the
// server works out what it needs (the cases, the segments' latest plan health) and a worker
// thread reads the attainment rows and writes the brief — the same function either way.
import type { TargetBand } from "../plan-health/health";
import type { PeriodCell } from "../plan-health/table";
import { groupAttainment, type AttainmentRow } from "../variability/group";
import { writeBrief, type WriteBriefInput } from "./sections";
import type { Brief, PlanHealthFigures } from "./types";

export type DraftInput = {
  title: string;
  cases: WriteBriefInput["cases"];
  scope: WriteBriefInput["scope"];
  /** Attainment rows of the cases' segments. */
  rows: AttainmentRow[];
  /** The latest plan-health cell of each segment (comp team's table). */
  health: Record<string, PeriodCell | null>;
  band: TargetBand;
};

/** The latest period's plan health of a segment, as a brief quotes it (issue 17). */
export function healthFigures(cell: PeriodCell | null, band: TargetBand): PlanHealthFigures | null {
  if (!cell) return null;
  const h = cell.health;
  const { shareAtQuota, quotaAccuracy } = h;
  if (shareAtQuota === null || quotaAccuracy === null || cell.per10 === null) return null;
  return {
    period: cell.period,
    band: { low: band.low, high: band.high },
    shareAtQuota,
    quotaAccuracy,
    peaks: h.peaks.words,
    gini: h.gini === null ? null : Math.round(h.gini * 100) / 100,
    spearman: h.pay && h.pay.spearman !== null && h.pay.reps === h.reps ? Math.round(h.pay.spearman * 10) / 10 : null,
    complaints: cell.complaints,
    per10: cell.per10,
  };
}

export function draftFrom({ title, cases, scope, rows, health, band }: DraftInput): Brief {
  const attainment = groupAttainment(rows, ["segment"]).flatMap((g) =>
    g.summary.mean == null
      ? []
      : [
          {
            segment: g.keys.segment ?? "",
            reps: g.reps,
            mean: g.summary.mean,
            median: g.summary.median ?? 0,
            sd: g.summary.sd ?? 0,
            top10Share: g.summary.top10Share ?? 0,
            top20Share: g.summary.top20Share ?? 0,
            shareAtOrAbove100: g.summary.shareAtOrAbove100 ?? 0,
            health: healthFigures(health[g.keys.segment ?? ""] ?? null, band),
          },
        ],
  );
  return writeBrief({ title, cases, attainment, scope });
}
