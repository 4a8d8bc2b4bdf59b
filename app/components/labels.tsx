import { Badge } from "@mantine/core";
import { severityLabel, statusLabel } from "~/domain/cases/taxonomy";

// Colour carries meaning in the fill or border; the text stays near-black so it passes
// WCAG AA whatever the colour.
export const DARK_LABEL = { label: { color: "var(--mantine-color-dark-8)" } };

// Dark text on light fills keeps contrast above 4.5:1 for every status.
const STATUS_COLOURS: Record<string, string> = {
  new: "blue",
  triaged: "cyan",
  diagnosing: "violet",
  diagnosed: "grape",
  briefed: "teal",
  monitoring: "lime",
  closed: "gray",
  reopened: "orange",
};

export function StatusBadge({ status }: { status: string }) {
  const color = STATUS_COLOURS[status] ?? "gray";
  return (
    <Badge variant="light" color={color} styles={DARK_LABEL}>
      {statusLabel(status)}
    </Badge>
  );
}

const SEVERITY_COLOURS: Record<string, string> = { low: "gray", medium: "yellow", high: "orange", critical: "red" };

export function SeverityBadge({ severity }: { severity: string }) {
  const color = SEVERITY_COLOURS[severity] ?? "gray";
  return (
    <Badge variant="outline" color={color} styles={DARK_LABEL}>
      {severityLabel(severity)}
    </Badge>
  );
}

// One formatter, made once: toLocaleDateString builds a new one on every call, which costs a
// list of 25 rows over a millisecond of server time. Same output.
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(value: string | Date) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "Invalid Date" : DATE_FORMAT.format(date);
}

export function formatDateTime(value: string | Date) {
  return new Date(value).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
}

export function formatMoney(value: number | null | undefined) {
  if (value == null) return "—";
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(value);
}
