// Which fields a history entry may name, how they read, and which ones only the comp team
// may see (the reporter's identity).

export const TRACKED_FIELDS = [
  "title",
  "complaint",
  "raisedOn",
  "channel",
  "reporterRole",
  "reporterFunction",
  "segment",
  "region",
  "tenureMonths",
  "reporterName",
  "confidential",
  "behaviour",
  "behaviourDetail",
  "suspectedCause",
  "causeDetail",
  "severity",
  "peopleAffected",
  "revenueAtRisk",
  "ownerId",
  "tags",
  "status",
  "duplicateOfId",
] as const;

export type TrackedField = (typeof TRACKED_FIELDS)[number];

export const IDENTITY_FIELDS: readonly string[] = ["reporterName", "confidential"];

export const FIELD_LABELS: Record<TrackedField, string> = {
  title: "Title",
  complaint: "Complaint",
  raisedOn: "Date raised",
  channel: "Channel",
  reporterRole: "Role",
  reporterFunction: "Function",
  segment: "Segment",
  region: "Region",
  tenureMonths: "Tenure (months)",
  reporterName: "Reporter name",
  confidential: "Confidential",
  behaviour: "Behaviour of concern",
  behaviourDetail: "Behaviour detail",
  suspectedCause: "Suspected cause",
  causeDetail: "Cause detail",
  severity: "Severity",
  peopleAffected: "People affected",
  revenueAtRisk: "Revenue at risk",
  ownerId: "Owner",
  tags: "Tags",
  status: "Status",
  duplicateOfId: "Duplicate of",
};

export type FieldValues = Partial<Record<TrackedField, string | number | boolean | Date | null>>;

export type FieldChange = { field: TrackedField; from: string; to: string };

export function stringifyValue(value: string | number | boolean | Date | null | undefined): string {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** The fields whose value differs between two versions of a case, in a stable order. */
export function diffCase(before: FieldValues, after: FieldValues): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    if (!(field in after)) continue;
    const from = stringifyValue(before[field]);
    const to = stringifyValue(after[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}
