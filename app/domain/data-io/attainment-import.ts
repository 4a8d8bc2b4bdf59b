// Attainment import (issue item 2): period, rep pseudonym, role, segment, region, attainment %.
// Same rules as the case import: every row validated, errors by row and field, all or nothing
// (see planImport).

import { z } from "zod";
import { REPORTER_ROLES, SEGMENTS, reporterRoleValues, segmentValues } from "../cases/taxonomy";
import type { AttainmentRow } from "../variability/group";
import { PERIOD_MESSAGE, parsePeriod } from "../variability/period";
import { normaliseKey, optionList, taxonomyValue, type RowError } from "./import-common";

export type AttainmentField = keyof AttainmentRow;

/** All six columns are required: the issue and docs/product.md "Performance variability" define the file as exactly these. */
export const ATTAINMENT_COLUMNS: readonly { name: AttainmentField; label: string; aliases: readonly string[] }[] = [
  { name: "period", label: "Period", aliases: [] },
  { name: "repPseudonym", label: "Rep pseudonym", aliases: ["Rep", "Pseudonym", "Rep ID"] },
  { name: "role", label: "Role", aliases: [] },
  { name: "segment", label: "Segment", aliases: [] },
  { name: "region", label: "Region", aliases: [] },
  { name: "attainmentPct", label: "Attainment %", aliases: ["Attainment", "Attainment percent", "Attainment (%)"] },
];

export const ATTAINMENT_PCT_MAX = 1000;

const AMOUNT = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** "87.5", "87.5%", " 87.5 % " and the number 87.5 all mean 87.5%. A blank stays blank. */
function readPercent(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const text = v.trim().replace(/\s*%$/, "");
  if (text === "") return undefined;
  // Only plain decimals: "1,000" (thousands or a decimal comma?) and "1e3" are refused.
  return AMOUNT.test(text) ? Number(text) : v;
}

function fromTaxonomy(options: readonly { value: string; label: string }[]) {
  return (v: unknown) => (typeof v === "string" ? (taxonomyValue(options, v) ?? v) : v);
}

const roleMessage = `Choose a role: ${optionList(REPORTER_ROLES)}`;
const segmentMessage = `Choose a segment: ${optionList(SEGMENTS)}`;
const percentMessage = "Give attainment as a number, like 87.5 or 87.5%";

export const attainmentRowSchema = z.object({
  period: z.string({ message: PERIOD_MESSAGE }).transform((v, ctx) => {
    const period = parsePeriod(v);
    if (!period) {
      ctx.addIssue({ code: "custom", message: PERIOD_MESSAGE });
      return z.NEVER;
    }
    return period.text; // normalised: "2026-q1" is stored as "2026-Q1"
  }),
  repPseudonym: z
    .string({ message: "Give the rep's pseudonym" })
    .trim()
    .min(1, "Give the rep's pseudonym")
    .max(100, "The rep pseudonym must be 100 characters or fewer"),
  role: z.preprocess(fromTaxonomy(REPORTER_ROLES), z.enum(reporterRoleValues, { message: roleMessage })),
  segment: z.preprocess(fromTaxonomy(SEGMENTS), z.enum(segmentValues, { message: segmentMessage })),
  region: z
    .string()
    .trim()
    .max(100, "The region must be 100 characters or fewer")
    .optional()
    .transform((v) => v ?? ""),
  attainmentPct: z.preprocess(
    readPercent,
    z
      .number({ message: percentMessage })
      .min(0, "Attainment cannot be negative")
      .max(ATTAINMENT_PCT_MAX, `Attainment above ${ATTAINMENT_PCT_MAX}% is not plausible; check the value`),
  ),
});

/** Headings of the file → fields, or a message naming the missing columns. */
export function mapAttainmentHeaders(headers: readonly string[]): { mapping: Record<AttainmentField, string> } | { error: string } {
  const found = new Map<AttainmentField, string>();
  for (const header of headers) {
    const key = normaliseKey(header);
    const column = ATTAINMENT_COLUMNS.find((c) => [c.name, c.label, ...c.aliases].some((t) => normaliseKey(t) === key));
    if (!column) continue; // extra columns (e.g. a rep's manager) are ignored
    const earlier = found.get(column.name);
    if (earlier !== undefined) return { error: `"${earlier}" and "${header}" both look like the ${column.label} column. Keep one of them.` };
    found.set(column.name, header);
  }
  const missing = ATTAINMENT_COLUMNS.filter((c) => !found.has(c.name)).map((c) => c.label);
  if (missing.length > 0) {
    const expected = ATTAINMENT_COLUMNS.map((c) => c.label).join(", ");
    return {
      error: `The file is missing ${missing.length === 1 ? "the column" : "these columns"}: ${missing.join(", ")}. Its first row must name the columns ${expected}.`,
    };
  }
  return { mapping: Object.fromEntries(found) as Record<AttainmentField, string> };
}

export type ValidAttainmentRow = { rowNumber: number; data: AttainmentRow };

export type AttainmentValidation =
  | { error: string }
  | {
      valid: ValidAttainmentRow[];
      errors: RowError[];
      /** Rows empty in every column: skipped, not errors. */
      blankRows: number;
      /** Things that do not block the import but are probably mistakes. */
      warnings: string[];
    };

/**
 * Validates an attainment table (from parseCsv). `headers` defaults to the keys of the first
 * row. One row per rep per period: a second row for the same pseudonym and period is an error
 * (it would count the rep twice in every statistic).
 */
export function validateAttainmentRows(
  rows: readonly Record<string, string>[],
  options: { headers?: readonly string[]; firstRowNumber?: number } = {},
): AttainmentValidation {
  const headers = options.headers ?? Object.keys(rows[0] ?? {});
  const mapped = mapAttainmentHeaders(headers);
  if ("error" in mapped) return mapped;
  const { mapping } = mapped;
  const firstRowNumber = options.firstRowNumber ?? 2;

  const valid: ValidAttainmentRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let blankRows = 0;

  rows.forEach((row, index) => {
    const rowNumber = firstRowNumber + index;
    const input = Object.fromEntries(ATTAINMENT_COLUMNS.map((c) => [c.name, row[mapping[c.name]] ?? ""]));
    if (Object.values(input).every((v) => v.trim() === "")) {
      blankRows++;
      return;
    }
    const result = attainmentRowSchema.safeParse(input);
    if (!result.success) {
      const reported = new Set<string>();
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? "row");
        if (reported.has(field)) continue; // one message per cell is enough
        reported.add(field);
        errors.push({ rowNumber, field, column: mapping[field as AttainmentField], message: issue.message });
      }
      return;
    }
    const data = result.data;
    const key = `${data.period}\u0000${data.repPseudonym}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        rowNumber,
        field: "repPseudonym",
        column: mapping.repPseudonym,
        message: `${data.repPseudonym} already has a row for ${data.period} (row ${earlier}). Give each rep one row per period.`,
      });
      return;
    }
    seen.set(key, rowNumber);
    valid.push({ rowNumber, data });
  });

  const warnings: string[] = [];
  if (valid.length > 0 && valid.every((r) => r.data.attainmentPct <= 2)) {
    warnings.push("Every attainment is 2% or less. If the file gives fractions (0.875 for 87.5%), multiply them by 100 first.");
  }
  return { valid, errors, blankRows, warnings };
}
