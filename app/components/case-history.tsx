import { Timeline } from "@mantine/core";
import { PlainText } from "~/components/plain-text";
import { FIELD_LABELS, type TrackedField } from "~/domain/cases/case-history";
import {
  behaviourLabel,
  causeLabel,
  channelLabel,
  functionLabel,
  reporterRoleLabel,
  segmentLabel,
  severityLabel,
  statusLabel,
} from "~/domain/cases/taxonomy";
import { formatDateTime } from "./labels";

type Event = {
  id: number;
  at: string | Date;
  kind: string;
  field: string;
  fromValue: string;
  toValue: string;
  actor: { name: string };
  /** Outside the comp team the old and new words of free text are not shown, only who and when. */
  textHidden?: boolean;
};

const VALUE_LABELS: Partial<Record<string, (v: string) => string>> = {
  status: statusLabel,
  behaviour: behaviourLabel,
  suspectedCause: causeLabel,
  channel: channelLabel,
  reporterFunction: functionLabel,
  reporterRole: reporterRoleLabel,
  segment: segmentLabel,
  severity: severityLabel,
};

function show(field: string, value: string) {
  if (!value) return "(blank)";
  const label = VALUE_LABELS[field]?.(value) ?? value;
  return label.length > 120 ? `${label.slice(0, 117)}…` : label;
}

const clip = (v: string, n = 160) => (v.length > n ? `${v.slice(0, n - 1)}…` : v);

function describeHidden(e: Event) {
  if (e.kind === "whys") return e.field === "diagnosis" ? "confirmed the Five Whys read-back" : `changed Five Whys ${e.field}`;
  if (e.kind === "note") return e.field === "note" ? "added a note" : "edited a note";
  const name = FIELD_LABELS[e.field as TrackedField] ?? e.field;
  return `changed ${name.toLowerCase()}`;
}

function describe(e: Event) {
  if (e.kind === "created") return "opened the case file";
  if (e.textHidden) return describeHidden(e);
  if (e.kind === "whys") {
    if (e.field === "diagnosis") return "confirmed the Five Whys read-back";
    if (!e.fromValue) return `added ${e.field} of the Five Whys: ${clip(e.toValue)}`;
    if (e.toValue === "(removed)") return `removed ${e.field} of the Five Whys (${clip(e.fromValue)})`;
    return `changed Five Whys ${e.field}: ${clip(e.fromValue) || "(blank)"} → ${clip(e.toValue) || "(blank)"}`;
  }
  if (e.kind === "note") {
    if (e.field === "note") return `added a note — ${clip(e.toValue)}`;
    if (e.field === "note edited") return `edited a note: ${clip(e.fromValue)} → ${clip(e.toValue)}`;
    return e.toValue ? `marked a note as evidence for ${e.toValue}` : `unlinked a note from ${e.fromValue}`;
  }
  const name = FIELD_LABELS[e.field as TrackedField] ?? e.field;
  return `changed ${name.toLowerCase()}: ${show(e.field, e.fromValue)} → ${show(e.field, e.toValue)}`;
}

export function CaseHistory({ events }: { events: Event[] }) {
  if (events.length === 0) return <PlainText c="dimmed">No changes yet.</PlainText>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length}>
      {events.map((e) => (
        <Timeline.Item key={e.id}>
          <PlainText size="sm">
            <PlainText span fw={600}>
              {e.actor.name}
            </PlainText>{" "}
            {describe(e)}
          </PlainText>
          <PlainText size="xs" c="dark.3">
            <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
          </PlainText>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
