import { protectSplit, showCount, type ShownCount } from "../privacy/disclosure";
import { PLAN_DESIGN, TRIAGE_CLASSES, triageLabel } from "./triage";

// Cases by triage class for the patterns page (a flood of crediting errors is itself a "data
// or systems" signal). Executives get the classes sorted out of the pattern figures only, as
// one protected split: those cases are in no other figure they see, so nothing links them to
// the matrices (plan-design signals and untriaged cases are the pattern total already).

export type TriageRow = { value: string; label: string; count: ShownCount };

export function triageSummary(counts: ReadonlyMap<string, number>, suppress: boolean): { rows: TriageRow[]; sortedOut: ShownCount } {
  const get = (k: string) => counts.get(k) ?? 0;
  const outside = TRIAGE_CLASSES.filter((t) => t.value !== PLAN_DESIGN);
  const sortedOutTotal = outside.reduce((n, t) => n + get(t.value), 0);
  if (suppress) {
    const split = protectSplit(sortedOutTotal, outside.map((t) => get(t.value)));
    return { rows: outside.map((t, i) => ({ value: t.value, label: t.label, count: split.parts[i] })), sortedOut: split.total };
  }
  const rows = [...TRIAGE_CLASSES.map((t) => t.value), ""].map((v) => ({ value: v, label: triageLabel(v), count: showCount(get(v), false) }));
  return { rows, sortedOut: showCount(sortedOutTotal, false) };
}
