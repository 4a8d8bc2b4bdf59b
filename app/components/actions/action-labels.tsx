import { Badge } from "@mantine/core";
import { statusLabel, verdictLabel } from "~/domain/actions/action-schema";
import { PATTERN_LIFE_LABELS, type PatternLife } from "~/domain/actions/pattern-life";
import { DARK_LABEL } from "../labels";

const STATUS_COLOR: Record<string, string> = { proposed: "gray", approved: "blue", in_progress: "indigo", done: "teal", rejected: "dark" };
const VERDICT_COLOR: Record<string, string> = { effective: "teal", not_effective: "red", inconclusive: "yellow" };
const LIFE_COLOR: Record<string, string> = { open: "gray", briefed: "blue", fixing: "indigo", monitoring: "cyan", resolved: "teal", recurring: "red" };

export function ActionStatusBadge({ status }: { status: string }) {
  return <Badge variant="light" color={STATUS_COLOR[status] ?? "gray"} styles={DARK_LABEL}>{statusLabel(status)}</Badge>;
}

export function VerdictBadgeSmall({ verdict }: { verdict: string }) {
  if (!verdict) return null;
  return <Badge variant="light" color={VERDICT_COLOR[verdict] ?? "gray"} styles={DARK_LABEL}>{verdictLabel(verdict)}</Badge>;
}

export function OverdueBadge() {
  return <Badge variant="filled" color="red.9">Overdue</Badge>;
}

export function PatternLifeBadge({ life }: { life: string }) {
  return <Badge variant="light" color={LIFE_COLOR[life] ?? "gray"} styles={DARK_LABEL}>{`Life: ${PATTERN_LIFE_LABELS[life as PatternLife] ?? life}`}</Badge>;
}
