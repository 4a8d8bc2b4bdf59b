import { PlainBadge } from "./plain-badge";
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
    <PlainBadge variant="light" color={color} dark>
      {statusLabel(status)}
    </PlainBadge>
  );
}

const SEVERITY_COLOURS: Record<string, string> = { low: "gray", medium: "yellow", high: "orange", critical: "red" };

export function SeverityBadge({ severity }: { severity: string }) {
  const color = SEVERITY_COLOURS[severity] ?? "gray";
  return (
    <PlainBadge variant="outline" color={color} dark>
      {severityLabel(severity)}
    </PlainBadge>
  );
}

// One formatter, made once: toLocaleDateString builds a new one on every call, which costs a
// list of 25 rows over a millisecond of server time. Same output.
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(value: string | Date) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "Invalid Date" : DATE_FORMAT.format(date);
}

// The same for date and time: toLocaleString built a formatter per call (a case file's history
// and notes call it dozens of times a page).
const DATE_TIME_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function formatDateTime(value: string | Date) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "Invalid Date" : DATE_TIME_FORMAT.format(date);
}

// One formatter: building one per call cost ~26 µs against ~0.4 (a case file formats ~20 sums).
const MONEY_FORMAT = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export function formatMoney(value: number | null | undefined) {
  if (value == null) return "—";
  return MONEY_FORMAT.format(value);
}
