// Case import (issue item 1): map the file's columns to case fields, then validate every row
// with the intake form's own schema, so an imported case obeys exactly the rules of a typed one.

import { caseFormSchema, type CaseFormData, type CaseFormInput } from "../cases/case-schema";
import { BEHAVIOURS, CAUSES, CHANNELS, FUNCTIONS, REPORTER_ROLES, SEGMENTS, SEVERITIES } from "../cases/taxonomy";
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  normaliseKey,
  optionList,
  prepareText,
  taxonomyValue,
  tooManyRowsProblem,
  type ReadResult,
  type RowError,
} from "./import-common";

// ---- Fields --------------------------------------------------------------------------------

/** Owner and "duplicate of" point at records of this database, so a file cannot carry them. */
type ImportedFormField = Exclude<keyof CaseFormInput, "ownerId" | "duplicateOfId">;
export type CaseFieldName = "externalId" | ImportedFormField;

export type CaseField = {
  name: CaseFieldName;
  label: string;
  required: boolean;
  /** Other headings that mean this field. */
  aliases: readonly string[];
  /** Identifies the reporter: comp team only. */
  identity?: boolean;
};

export const EXTERNAL_ID_MAX = 100;

/** In the order the intake form shows them; externalId first, as the row's identity. */
export const CASE_FIELDS: readonly CaseField[] = [
  { name: "externalId", label: "External ID", required: false, aliases: ["External reference", "External ref"] },
  { name: "complaint", label: "Complaint", required: true, aliases: ["Complaint text", "The complaint, in the reporter's own words"] },
  { name: "behaviour", label: "Behaviour of concern", required: true, aliases: ["Behavior", "Behavior of concern", "Behaviour or outcome"] },
  { name: "title", label: "Title", required: false, aliases: [] },
  { name: "raisedOn", label: "Date raised", required: false, aliases: ["Raised on", "Raised at", "Raised", "Date", "Created at", "Submitted at"] },
  { name: "channel", label: "Channel", required: false, aliases: [] },
  { name: "reporterRole", label: "Reporter role", required: false, aliases: ["Role"] },
  { name: "reporterFunction", label: "Reporter function", required: false, aliases: ["Function"] },
  { name: "segment", label: "Segment", required: false, aliases: [] },
  { name: "region", label: "Region", required: false, aliases: [] },
  { name: "tenureMonths", label: "Tenure (months)", required: false, aliases: ["Tenure"] },
  { name: "reporterName", label: "Reporter name", required: false, aliases: ["Name"], identity: true },
  { name: "confidential", label: "Confidential", required: false, aliases: [], identity: true },
  { name: "behaviourDetail", label: "Behaviour detail", required: false, aliases: ["Behavior detail"] },
  { name: "suspectedCause", label: "Suspected cause", required: false, aliases: ["Suspected upstream cause", "Cause"] },
  { name: "causeDetail", label: "Cause detail", required: false, aliases: ["Why we suspect it"] },
  { name: "severity", label: "Severity", required: false, aliases: [] },
  { name: "peopleAffected", label: "People affected", required: false, aliases: [] },
  { name: "revenueAtRisk", label: "Revenue at risk", required: false, aliases: ["Revenue at risk (USD)"] },
  { name: "tags", label: "Tags", required: false, aliases: [] },
];

const FIELD_BY_NAME = new Map(CASE_FIELDS.map((f) => [f.name, f]));

export function caseFieldLabel(name: string): string {
  return FIELD_BY_NAME.get(name as CaseFieldName)?.label ?? name;
}

/** Fields whose values come from a taxonomy: a file may give the value or the label. */
const TAXONOMY_FIELDS: Partial<Record<CaseFieldName, readonly { value: string; label: string }[]>> = {
  behaviour: BEHAVIOURS,
  channel: CHANNELS,
  reporterRole: REPORTER_ROLES,
  reporterFunction: FUNCTIONS,
  segment: SEGMENTS,
  suspectedCause: CAUSES,
  severity: SEVERITIES,
};

// ---- Value mapping -------------------------------------------------------------------------

/**
 * For list columns, what a file's own words mean: field → (normalised cell text → taxonomy
 * value). The team maps "email" to "Slack / email" once; it is remembered like the columns.
 */
export type ValueMapping = Record<string, Record<string, string>>;

// Words spreadsheets use for list values, offered as the first choice in the value-mapping step
// (the person still confirms it: a guess never imports silently).
const LIKELY_VALUES: Record<string, Record<string, string>> = {
  channel: { email: "slack_email", mail: "slack_email", slack: "slack_email", chat: "slack_email", teams: "slack_email", dm: "slack_email", oneonone: "one_on_one", "1on1": "one_on_one", exit: "exit_interview" },
  segment: { midmarket: "mid_market", mm: "mid_market", ent: "enterprise", smallbusiness: "smb" },
  reporterRole: { accountexecutive: "ae", salesdevelopmentrep: "sdr", customersuccessmanager: "csm", salesengineer: "se", am: "account_manager", manager: "front_line_manager" },
};

/** The taxonomy options of a list field, or undefined for any other field. */
export function listOptions(field: string) {
  return TAXONOMY_FIELDS[field as CaseFieldName];
}

function mappedValue(field: CaseFieldName, text: string, values?: ValueMapping): string | undefined {
  const options = TAXONOMY_FIELDS[field];
  if (!options) return undefined;
  const direct = taxonomyValue(options, text);
  if (direct) return direct;
  const chosen = values?.[field]?.[normaliseKey(text)];
  return chosen && options.some((o) => o.value === chosen) ? chosen : undefined;
}

export type UnknownValues = { field: CaseFieldName; column: string; values: { text: string; likely: string }[] }[];

/**
 * The cells of each mapped list column that are not a value of its list nor mapped yet:
 * what the value-mapping step asks about (at most `max` per column).
 */
export function unknownValues(rows: readonly Record<string, string>[], mapping: CaseMapping, values?: ValueMapping, max = 30): UnknownValues {
  const tally = unknownValuesTally(mapping, values, max);
  for (const row of rows) tally.add(row);
  return tally.result();
}

/** unknownValues a row at a time, for rows read one by one and not kept (decision 049). */
export function unknownValuesTally(mapping: CaseMapping, values?: ValueMapping, max = 30) {
  const columns = Object.entries(mapping)
    .filter((e): e is [string, CaseFieldName] => e[1] !== null && Boolean(TAXONOMY_FIELDS[e[1]]))
    .map(([column, field]) => ({ column, field, seen: new Map<string, string>() }));
  return {
    add(row: Record<string, string>) {
      for (const { column, field, seen } of columns) {
        if (seen.size >= max) continue;
        const text = (row[column] ?? "").trim();
        const key = normaliseKey(text);
        if (!key || seen.has(key) || mappedValue(field, text, values)) continue;
        seen.set(key, text);
      }
    },
    result(): UnknownValues {
      return columns
        .filter(({ seen }) => seen.size > 0)
        .map(({ column, field, seen }) => ({ field, column, values: [...seen].map(([key, text]) => ({ text, likely: LIKELY_VALUES[field]?.[key] ?? "" })) }));
    },
  };
}

const NUMBER_FIELDS: CaseFieldName[] = ["tenureMonths", "peopleAffected", "revenueAtRisk"];

// ---- Mapping -------------------------------------------------------------------------------

/** File heading → case field, or null for a column deliberately left out. */
export type CaseMapping = Record<string, CaseFieldName | null>;

const MATCH_KEYS = new Map<string, CaseFieldName>();
for (const f of CASE_FIELDS) {
  for (const text of [f.name, f.label, ...f.aliases]) {
    const key = normaliseKey(text);
    if (!MATCH_KEYS.has(key)) MATCH_KEYS.set(key, f.name);
  }
}

/**
 * A field for every heading, or null. The mapping remembered from the last import wins (the
 * team maps their spreadsheet once); then headings are matched to field names, labels and a
 * few common aliases, ignoring case, spaces and punctuation ("External ID" → externalId,
 * "Behaviour of concern" → behaviour). Each field is given to one heading at most, the first.
 */
export function suggestMapping(headers: readonly string[], lastMapping?: CaseMapping): CaseMapping {
  const mapping: CaseMapping = {};
  const used = new Set<CaseFieldName>();
  const remembered = new Map<string, CaseFieldName | null>();
  for (const [header, field] of Object.entries(lastMapping ?? {})) remembered.set(normaliseKey(header), field);

  for (const header of headers) {
    const key = normaliseKey(header);
    if (!remembered.has(key)) continue;
    const field = remembered.get(key) ?? null;
    if (field === null) mapping[header] = null; // remembered as "leave this column out"
    else if (FIELD_BY_NAME.has(field) && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    }
  }
  for (const header of headers) {
    if (header in mapping) continue;
    const field = MATCH_KEYS.get(normaliseKey(header));
    if (field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    } else mapping[header] = null;
  }
  return mapping;
}

/** Why the mapping cannot be used, or null. Check it before validating rows. */
export function mappingProblem(mapping: CaseMapping): string | null {
  const byField = new Map<CaseFieldName, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null) continue;
    if (!FIELD_BY_NAME.has(field)) return `"${header}" is mapped to "${field}", which is not a case field.`;
    byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  for (const [field, headers] of byField) {
    if (headers.length > 1) return `${headers.map((h) => `"${h}"`).join(" and ")} are both mapped to ${caseFieldLabel(field)}. Map each field to one column.`;
  }
  const missing = CASE_FIELDS.filter((f) => f.required && !byField.has(f.name)).map((f) => f.label);
  if (missing.length > 0) {
    return `No column is mapped to ${missing.join(" or ")}, which every case needs. Check that the first row of the file holds the column headings, then map them.`;
  }
  return null;
}

// ---- Values --------------------------------------------------------------------------------

const YES = new Set(["yes", "y", "true", "on", "1"]);
const NO = new Set(["no", "n", "false", "off", "0"]);

type Prepared = { value?: unknown; error?: string };

/**
 * Turns a cell into what the intake form would have posted, so the schema judges it the same
 * way. Only unambiguous spreadsheet habits are undone: taxonomy labels, yes/no, "1,200" and
 * "$1,200", a date with a time after it. Anything else goes to the schema as it is.
 */
function prepareValue(field: CaseFieldName, raw: string, values?: ValueMapping): Prepared {
  const text = raw.trim();
  // The form sends an empty field as undefined: blank means "not recorded".
  if (text === "") return {};

  const options = TAXONOMY_FIELDS[field];
  if (options) {
    const value = mappedValue(field, text, values);
    return value ? { value } : { error: `"${text}" is not in the list. Use one of: ${optionList(options)}.` };
  }
  if (field === "confidential") {
    const key = text.toLowerCase();
    if (YES.has(key)) return { value: "true" };
    if (NO.has(key)) return { value: "false" };
    return { error: "Confidential must be yes or no" };
  }
  if (NUMBER_FIELDS.includes(field)) {
    let n = field === "revenueAtRisk" ? text.replace(/^[$€£]\s*/, "") : text;
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(n)) n = n.replace(/,/g, "");
    return { value: n };
  }
  if (field === "raisedOn" && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(text)) return { value: text.slice(0, 10) };
  // Free text goes as typed (the schema trims it); a cell is never cut or reformatted.
  return { value: raw };
}

// ---- Rows ----------------------------------------------------------------------------------

export type ValidCaseRow = { rowNumber: number; externalId?: string; data: CaseFormData };

export type CaseValidation = {
  valid: ValidCaseRow[];
  errors: RowError[];
  /** Rows with nothing in any mapped column: skipped, not errors (spreadsheets leave them). */
  blankRows: number;
};

/**
 * Validates every row; nothing stops at the first error, so the preview can list them all.
 * Row numbers start at `firstRowNumber` (2 for CSV, where the header is row 1; 1 for JSON).
 * An External ID must be unique within the file: the second row that repeats one is an error.
 */
export function validateRows(
  rows: readonly Record<string, string>[],
  mapping: CaseMapping,
  options: { firstRowNumber?: number; values?: ValueMapping } = {},
): CaseValidation {
  const valid: ValidCaseRow[] = [];
  const validator = rowValidator(mapping, { ...options, onValid: (row) => valid.push(row) });
  for (const row of rows) validator.add(row);
  const { errors, blankRows } = validator.result();
  return { valid, errors, blankRows };
}

/**
 * validateRows a row at a time, for rows read one by one and not kept (decision 049): each valid
 * row goes to `onValid` (a check that only counts them keeps none); the errors are kept.
 */
export function rowValidator(
  mapping: CaseMapping,
  options: { firstRowNumber?: number; values?: ValueMapping; onValid?: (row: ValidCaseRow) => void } = {},
) {
  const firstRowNumber = options.firstRowNumber ?? 2;
  const columns = Object.entries(mapping).filter((e): e is [string, CaseFieldName] => e[1] !== null && FIELD_BY_NAME.has(e[1]));
  const columnOf = new Map(columns.map(([header, field]) => [field, header]));
  const errors: RowError[] = [];
  const externalIdRow = new Map<string, number>();
  let blankRows = 0;
  let validCount = 0;
  let index = 0;

  function add(row: Record<string, string>) {
    const rowNumber = firstRowNumber + index++;
    if (columns.every(([header]) => (row[header] ?? "").trim() === "")) {
      blankRows++;
      return;
    }
    const rowErrors: RowError[] = [];
    const fail = (field: CaseFieldName, message: string) => rowErrors.push({ rowNumber, field, column: columnOf.get(field), message });

    const input: Record<string, unknown> = {};
    let externalId: string | undefined;
    for (const [header, field] of columns) {
      const raw = row[header] ?? "";
      if (field === "externalId") {
        externalId = raw.trim() || undefined;
        continue;
      }
      const prepared = prepareValue(field, raw, options.values);
      if (prepared.error) fail(field, prepared.error);
      else if (prepared.value !== undefined) input[field] = prepared.value;
    }

    if (externalId !== undefined) {
      const earlier = externalIdRow.get(externalId);
      if (externalId.length > EXTERNAL_ID_MAX) fail("externalId", `The External ID must be ${EXTERNAL_ID_MAX} characters or fewer`);
      else if (earlier !== undefined) fail("externalId", `External ID "${externalId}" is already used on row ${earlier}. Each row needs its own.`);
      else externalIdRow.set(externalId, rowNumber);
    }

    const result = caseFormSchema.safeParse(input);
    if (!result.success) {
      const reported = new Set(rowErrors.map((e) => e.field));
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? "row") as CaseFieldName;
        if (!reported.has(field)) fail(field, issue.message);
      }
    }

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (result.success) {
      validCount++;
      options.onValid?.(externalId === undefined ? { rowNumber, data: result.data } : { rowNumber, externalId, data: result.data });
    }
  }

  return { add, result: () => ({ validCount, errors, blankRows }) };
}

// ---- JSON ----------------------------------------------------------------------------------

function jsonCell(value: unknown): string | null {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || ["string", "number", "boolean"].includes(typeof v))) {
    return value.filter((v) => v !== null).join(", "); // tags: ["a", "b"] → "a, b"
  }
  return null;
}

/**
 * Reads a JSON import into the same table shape as parseCsv: an array of case objects, or
 * { "cases": [...] } (what casesToJson writes). Headings are the keys, in the order first seen;
 * items are numbered from 1.
 */
export function parseJsonCases(input: string, options: { maxRows?: number; maxBytes?: number } = {}): ReadResult {
  const prepared = prepareText(input, options.maxBytes ?? MAX_IMPORT_BYTES);
  if ("error" in prepared) return prepared;

  let data: unknown;
  try {
    data = JSON.parse(prepared.text);
  } catch (e) {
    return { error: `This file is not valid JSON (${e instanceof Error ? e.message : "unreadable"}). Export it again, or import a CSV file.` };
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === "object" && Array.isArray((data as { cases?: unknown }).cases)
      ? (data as { cases: unknown[] }).cases
      : null;
  if (!list) return { error: 'The JSON must be a list of cases, or an object with a "cases" list.' };
  if (list.length === 0) return { error: "The file has no cases in it." };
  const tooMany = tooManyRowsProblem(list.length, options.maxRows ?? MAX_IMPORT_ROWS);
  if (tooMany) return { error: tooMany };

  const headers: string[] = [];
  const seen = new Set<string>();
  const cells: Record<string, string>[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!item || typeof item !== "object" || Array.isArray(item)) return { error: `Case ${i + 1} in the file is not an object with fields.` };
    const row: Record<string, string> = {};
    for (const [key, value] of Object.entries(item)) {
      const text = jsonCell(value);
      if (text === null) return { error: `Case ${i + 1}: "${key}" holds a nested object. Give it as text or a number.` };
      row[key] = text;
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
    cells.push(row);
  }
  const rows = cells.map((row) => Object.fromEntries(headers.map((h) => [h, row[h] ?? ""])));
  return { headers, rows, firstRowNumber: 1 };
}
