// Exports (issue item 5): CSV for spreadsheets, JSON for other systems. Which columns a person
// gets is decided by the caller's role (caseExportColumns); this module only writes them.

import Papa from "papaparse";
import { CASE_FIELDS } from "./case-import";

// ---- Spreadsheet formula injection ---------------------------------------------------------
//
// A cell starting with = + - @ (or a tab or carriage return) is run as a formula by Excel and
// friends, so a complaint like "=HYPERLINK(...)" could act on the reader's machine. OWASP's
// remedy is to prefix such a cell with a single quote, which makes it plain text.
//
// To keep the round trip lossless, the import strips that quote again (unneutraliseCell). For
// that to be exact, a cell that ALREADY starts with quotes followed by one of those characters
// ("'=x") gets one more quote too ("''=x"), and the import strips exactly one. So:
//   "=x" → "'=x" → "=x";   "'=x" → "''=x" → "'=x";   "'hello" → "'hello" → "'hello".

const DANGEROUS = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

export function unneutraliseCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

// ---- Cells ---------------------------------------------------------------------------------

/** A calendar day stored as midnight UTC reads as "2026-03-31", the format the import takes. */
function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** How a value reads in a CSV cell (before neutralising). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "yes" : "no"; // the import reads yes/no back
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateText(value);
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  return JSON.stringify(value);
}

// ---- CSV -----------------------------------------------------------------------------------

export type ExportColumn = { key: string; header: string };

/**
 * RFC 4180 CSV (CRLF line ends, including after the last row; quotes, commas and line breaks inside a cell are quoted by
 * papaparse), every cell neutralised. Only the given columns are written, in that order.
 * `bom: true` adds the UTF-8 byte-order mark that makes Excel on Windows read accents and emoji
 * correctly; the import strips it, so the round trip holds either way.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly ExportColumn[], options: { bom?: boolean } = {}): string {
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => neutraliseCell(c.header)),
      data: rows.map((row) => columns.map((c) => neutraliseCell(cellText(row[c.key])))),
    },
    { newline: "\r\n" },
  );
  // Papaparse ends a header-only file with a line break but not a file with rows; always end
  // with one, so the output is the same shape either way.
  const ended = csv.endsWith("\r\n") ? csv : `${csv}\r\n`;
  return options.bom ? `\uFEFF${ended}` : ended;
}

/** A CSV file's first line (and the BOM), for a file written a page at a time (see toCsv). */
export function csvHead(columns: readonly ExportColumn[], options: { bom?: boolean } = {}): string {
  return toCsv([], columns, options);
}

/** A page of CSV rows, each ending in CRLF: csvHead + csvLines(page 1) + … equals toCsv of all rows. */
export function csvLines(rows: readonly Record<string, unknown>[], columns: readonly ExportColumn[]): string {
  if (rows.length === 0) return "";
  return `${Papa.unparse(rows.map((row) => columns.map((c) => neutraliseCell(cellText(row[c.key])))), { newline: "\r\n" })}\r\n`;
}

/** Cases as CSV. The same writer serves patterns (any rows and columns). */
export const casesToCsv = toCsv;

/**
 * The case columns a person may export: the importable fields, headed by their labels, so an
 * exported file maps straight back into the import. Reporter name and the confidential flag are
 * for the comp team only (docs/product.md "Roles and what each sees"); without `seesReporter` they are not
 * written at all, not even as an empty column.
 */
export function caseExportColumns(options: { seesReporter: boolean }): ExportColumn[] {
  return CASE_FIELDS.filter((f) => options.seesReporter || !f.identity).map((f) => ({ key: f.name, header: f.label }));
}

// ---- JSON ----------------------------------------------------------------------------------

function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateText(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/**
 * { "cases": [ { field: value, … } ] } keyed by field name, only the given columns. JSON needs no
 * formula neutralising (no spreadsheet runs it), so values are written as they are; the import
 * (parseJsonCases) reads this shape back.
 */
export function casesToJson(rows: readonly Record<string, unknown>[], columns: readonly ExportColumn[]): string {
  const cases = rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, jsonValue(row[c.key])])));
  return JSON.stringify({ cases }, null, 2);
}

/**
 * casesToJson a page at a time: jsonHead, then jsonLines for each page (`first`: no row written
 * yet), then jsonTail; the pieces join into exactly what casesToJson writes.
 */
export const jsonHead = '{\n  "cases": [';
export function jsonLines(rows: readonly Record<string, unknown>[], columns: readonly ExportColumn[], first: boolean): string {
  return rows
    .map((row, i) => {
      const value = JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, jsonValue(row[c.key])])), null, 2);
      return `${first && i === 0 ? "" : ","}\n    ${value.replace(/\n/g, "\n    ")}`;
    })
    .join("");
}
export const jsonTail = (anyRows: boolean) => (anyRows ? "\n  ]\n}" : "]\n}");
