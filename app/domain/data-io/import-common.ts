// What the case import and the attainment import share: the checks every uploaded file gets
// before it is read, the table shape both readers return, the row-error shape the preview
// lists, taxonomy matching, and the all-or-nothing rule.

/**
 * The key used to compare headers, field names and taxonomy labels: lowercase letters and digits
 * only, so "External ID", "external_id" and "externalId" all read "externalid", and
 * "Mid-Market" reads like "mid_market".
 */
export function normaliseKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** One problem in one cell, as the preview lists it. */
export type RowError = {
  /** As a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  rowNumber: number;
  /** The field the cell was mapped to (e.g. "segment"); "row" for a problem with the whole row. */
  field: string;
  /** The column heading in the file, when the cell came from a column. */
  column?: string;
  message: string;
};

/** A file read into rows of text, before any validation. */
export type ParsedTable = {
  headers: string[];
  /** Every row has every header as a key ("" for an empty cell). */
  rows: Record<string, string>[];
  /**
   * The row number of rows[0]: 2 for a CSV (the header is row 1, as in a spreadsheet), 1 for
   * JSON (items are counted from 1). Pass it on to the validator.
   */
  firstRowNumber: number;
};

export type ReadResult = ParsedTable | { error: string };

export function isReadError<T extends object>(result: T | { error: string }): result is { error: string } {
  return "error" in result;
}

// ---- Limits --------------------------------------------------------------------------------

/**
 * 100,000 rows must import (issue item 1); more than that is refused with a message rather than
 * left to run out of memory. Inclusive: exactly 100,000 data rows import.
 */
export const MAX_IMPORT_ROWS = 100_000;

/**
 * 45 MB (decimal). Big enough for 100,000 case rows of about 450 bytes each, and small enough
 * that a 50 MB file is refused with a clear message. Check File.size with fileSizeProblem()
 * before reading an upload; the readers check the decoded text again.
 */
export const MAX_IMPORT_BYTES = 45_000_000;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

export function fileSizeProblem(bytes: number, maxBytes = MAX_IMPORT_BYTES): string | null {
  if (bytes <= maxBytes) return null;
  return `This file is ${megabytes(bytes)}; Upstream imports files up to ${megabytes(maxBytes)}. Split it into smaller files and import them one after another.`;
}

export function tooManyRowsProblem(rows: number, maxRows = MAX_IMPORT_ROWS): string | null {
  if (rows <= maxRows) return null;
  return `This file has ${rows.toLocaleString("en-US")} rows; Upstream imports up to ${maxRows.toLocaleString("en-US")} at a time. Split it into smaller files and import them one after another.`;
}

/** UTF-8 size of a string without allocating a copy (the file can be tens of MB). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const NOT_UTF8_MESSAGE =
  "This file is not UTF-8 text. In your spreadsheet choose Save As → \"CSV UTF-8 (comma delimited)\" and import that file.";
export const SPREADSHEET_MESSAGE =
  "This looks like a spreadsheet workbook (.xlsx), not a CSV file. In your spreadsheet choose Save As → \"CSV UTF-8 (comma delimited)\" and import that file.";
export const EMPTY_FILE_MESSAGE = "The file is empty.";

/**
 * Checks every file gets before it is parsed. The caller decodes the upload as UTF-8 (with
 * replacement characters, the default of TextDecoder and File.text()), so:
 * - U+FFFD means some bytes were not UTF-8 (a Windows-1252 or Mac Roman export);
 * - NUL characters mean UTF-16 (its BOM FF FE also decodes to U+FFFD);
 * - "PK\x03\x04" at the start is a zip file, i.e. an .xlsx workbook.
 * The UTF-8 BOM that Excel writes is stripped: it would otherwise stick to the first header.
 */
export function prepareText(text: string, maxBytes = MAX_IMPORT_BYTES): { text: string } | { error: string } {
  // text.length never exceeds the UTF-8 size, so a long string can be refused without counting.
  const tooBig = text.length > maxBytes ? fileSizeProblem(text.length, maxBytes) : fileSizeProblem(utf8ByteLength(text), maxBytes);
  if (tooBig) return { error: tooBig };
  if (text.startsWith("PK\u0003\u0004")) return { error: SPREADSHEET_MESSAGE };
  if (text.includes("\uFFFD") || text.includes("\u0000")) return { error: NOT_UTF8_MESSAGE };
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { error: EMPTY_FILE_MESSAGE };
  return { text: body };
}

// ---- Taxonomy values given as value or label -----------------------------------------------

type Option = { readonly value: string; readonly label: string };

/**
 * "Mid-Market", "mid market", "MID_MARKET" and "mid_market" all mean the segment "mid_market":
 * spreadsheets carry the label people see, exports of other systems carry the value. Returns
 * undefined when nothing matches.
 */
export function taxonomyValue(options: readonly Option[], raw: string): string | undefined {
  const key = normaliseKey(raw);
  if (key === "") return undefined;
  return options.find((o) => normaliseKey(o.value) === key || normaliseKey(o.label) === key)?.value;
}

export function optionList(options: readonly Option[]): string {
  return options.map((o) => o.label).join(", ");
}

// ---- All or nothing ------------------------------------------------------------------------

export type ImportPlan<T> =
  | { ok: true; rows: T[]; /** Row numbers left out because they have errors. */ skippedRows: number[] }
  | { ok: false; message: string };

/**
 * The import is all-or-nothing unless the person explicitly chose to import only the valid rows
 * (issue item 1). Nothing is written when ok is false.
 */
export function planImport<T>(result: { valid: T[]; errors: RowError[] }, options: { validOnly?: boolean } = {}): ImportPlan<T> {
  const badRows = [...new Set(result.errors.map((e) => e.rowNumber))].sort((a, b) => a - b);
  const bad = badRows.length;
  const rowsWord = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;
  if (result.valid.length === 0) {
    return { ok: false, message: bad === 0 ? "The file has no rows to import." : `None of the rows can be imported: ${rowsWord(bad)} ${bad === 1 ? "has" : "have"} problems. Nothing was imported.` };
  }
  if (bad > 0 && !options.validOnly) {
    return {
      ok: false,
      message: `${rowsWord(bad)} ${bad === 1 ? "has" : "have"} problems, so nothing was imported. Fix ${bad === 1 ? "it" : "them"} and import the file again, or choose to import only the ${rowsWord(result.valid.length)} without problems.`,
    };
  }
  return { ok: true, rows: result.valid, skippedRows: badRows };
}
