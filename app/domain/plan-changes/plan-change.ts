// The plan-change log (issue 15): what changed in the plan or its inputs, why, who approved it,
// from when — and exceptions granted, so that one granted again and again becomes a plan change.

import { z } from "zod";
import { toCsv, type ExportColumn } from "../data-io/csv-export";

export const PLAN_CHANGE_KINDS = [
  { value: "quota", label: "Quota" },
  { value: "territory", label: "Territory" },
  { value: "crediting", label: "Crediting" },
  { value: "rates", label: "Rates" },
  { value: "role", label: "Role" },
  { value: "exception", label: "Exception granted" },
] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number]["value"];
const kindValues = PLAN_CHANGE_KINDS.map((k) => k.value) as [PlanChangeKind, ...PlanChangeKind[]];
export const kindLabel = (k: string) => PLAN_CHANGE_KINDS.find((x) => x.value === k)?.label ?? k;

/** An exception granted this many times is a rule in disguise: make it a plan change. */
export const EXCEPTION_FLAG_AT = 3;

const optionalId = (message: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), z.coerce.number({ message }).int(message).positive(message).max(2_000_000_000, message).optional());

export const planChangeSchema = z
  .object({
    kind: z.enum(kindValues, { message: "Choose what changed: quota, territory, crediting, rates, role, or an exception" }),
    summary: z.string({ message: "Say what changed" }).trim().min(1, "Say what changed").max(300, "Keep it under 300 characters"),
    reason: z.string().trim().max(4_000, "Keep it under 4,000 characters").optional().transform((v) => v ?? ""),
    approvedBy: z.string({ message: "Say who approved it" }).trim().min(1, "Say who approved it").max(120, "Keep it under 120 characters"),
    effectiveOn: z
      .string({ message: "Enter the date it applies from, like 2027-01-01" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date it applies from, like 2027-01-01")
      .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Enter a real date, like 2027-01-01"),
    exceptionKey: z.string().trim().max(120, "Keep it under 120 characters").optional().transform((v) => v ?? ""),
    patternId: optionalId("Choose a pattern from the list"),
    briefId: optionalId("Choose a brief from the list"),
    actionId: optionalId("Choose an action from the list"),
  })
  .refine((v) => v.kind !== "exception" || v.exceptionKey.length > 0, {
    path: ["exceptionKey"],
    message: "Name the exception (the same name each time it is granted), e.g. “split credit on partner deals”",
    when: (p) => typeof p.value === "object" && p.value !== null,
  });
export type PlanChangeData = z.output<typeof planChangeSchema>;

/** The same exception, however it was typed: case, spacing and punctuation do not make it new. */
export const exceptionKeyOf = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Exceptions granted EXCEPTION_FLAG_AT times or more, most granted first. */
export function repeatedExceptions(rows: readonly { kind: string; exceptionKey: string }[]): { key: string; label: string; times: number }[] {
  const byKey = new Map<string, { label: string; times: number }>();
  for (const r of rows) {
    if (r.kind !== "exception" || !r.exceptionKey) continue;
    const key = exceptionKeyOf(r.exceptionKey);
    const entry = byKey.get(key) ?? { label: r.exceptionKey, times: 0 };
    entry.times += 1;
    byKey.set(key, entry);
  }
  return [...byKey]
    .filter(([, e]) => e.times >= EXCEPTION_FLAG_AT)
    .map(([key, e]) => ({ key, ...e }))
    .sort((a, b) => b.times - a.times || a.key.localeCompare(b.key));
}

export type PlanChangeRow = {
  id: number;
  kind: string;
  summary: string;
  reason: string;
  approvedBy: string;
  effectiveOn: Date;
  exceptionKey: string;
  pattern: { id: number; name: string } | null;
  brief: { id: number; title: string } | null;
  action: { id: number; title: string } | null;
};

const COLUMNS: ExportColumn[] = [
  { key: "id", header: "id" },
  { key: "effectiveOn", header: "effective from" },
  { key: "kind", header: "what changed" },
  { key: "summary", header: "change" },
  { key: "reason", header: "why" },
  { key: "approvedBy", header: "approved by" },
  { key: "exception", header: "exception" },
  { key: "pattern", header: "pattern" },
  { key: "brief", header: "brief" },
  { key: "action", header: "action" },
];

const flat = (r: PlanChangeRow) => ({
  id: r.id,
  effectiveOn: r.effectiveOn.toISOString().slice(0, 10),
  kind: kindLabel(r.kind),
  summary: r.summary,
  reason: r.reason,
  approvedBy: r.approvedBy,
  exception: r.exceptionKey,
  pattern: r.pattern ? `#${r.pattern.id} ${r.pattern.name}` : "",
  brief: r.brief ? `#${r.brief.id} ${r.brief.title}` : "",
  action: r.action ? `#${r.action.id} ${r.action.title}` : "",
});

export const planChangesToCsv = (rows: readonly PlanChangeRow[]) => toCsv(rows.map(flat), COLUMNS, { bom: true });

/** Markdown for a committee pack: one entry per change, exceptions to promote listed first. */
export function planChangesToMarkdown(rows: readonly PlanChangeRow[]): string {
  const md = (s: string) => s.replace(/([\\`*_[\]<>|])/g, "\\$1").replace(/\r?\n/g, " ");
  const lines = ["# Plan-change log", ""];
  const repeated = repeatedExceptions(rows);
  if (repeated.length) {
    lines.push("## Make it a plan change", "");
    for (const r of repeated) lines.push(`- ${md(r.label)} — granted ${r.times} times`);
    lines.push("");
  }
  lines.push("## Changes and exceptions", "");
  for (const r of rows) {
    const f = flat(r);
    lines.push(`### ${f.effectiveOn} · ${f.kind}: ${md(r.summary)}`, "");
    if (r.reason) lines.push(`Why: ${md(r.reason)}`, "");
    lines.push(`Approved by: ${md(r.approvedBy)}`);
    for (const [label, v] of [["Pattern", f.pattern], ["Brief", f.brief], ["Action", f.action]] as const) if (v) lines.push(`${label}: ${md(v)}`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
