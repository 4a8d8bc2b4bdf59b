// Reads a CSV file into rows of text (issue item 1: malformed files get a clear message).
// The first row is the header. Every problem with the FILE (rather than with a value in it) is
// returned as { error } with a sentence a comp analyst can act on; values are validated later.

import Papa from "papaparse";
import { unneutraliseCell } from "./csv-export";
import { EMPTY_FILE_MESSAGE, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, prepareText, tooManyRowsProblem, type ReadResult } from "./import-common";

export type CsvOptions = { maxRows?: number; maxBytes?: number };

const DELIMITER_NAMES: Record<string, string> = { ";": "';'", "\t": "tabs", "|": "'|'" };

/** "A" for column 1, "AA" for column 27: how a spreadsheet names the column. */
export function columnLetter(index1: number): string {
  let n = index1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const isBlank = (record: string[]) => record.every((cell) => cell.trim() === "");

/**
 * Delimiter: Upstream reads comma-separated files only, and REFUSES a file that is separated by
 * ';', tabs or '|' (Excel writes ';' in many European locales). Refusing is deliberate: the issue
 * lists a wrong delimiter among the malformed files that must "change nothing", and guessing
 * could split a complaint at its semicolons. The test: papaparse's delimiter detection on the
 * first rows picks another delimiter AND that delimiter gives more header columns than a comma
 * does. (A one-column file with semicolons in its text is therefore still read as CSV.)
 */
function wrongDelimiter(text: string, commaHeaderCount: number): string | null {
  const guess = Papa.parse<string[]>(text, {
    delimiter: "",
    delimitersToGuess: [",", ";", "\t", "|"],
    preview: 10,
    skipEmptyLines: true,
  });
  const delimiter = guess.meta.delimiter;
  const name = DELIMITER_NAMES[delimiter];
  if (!name || (guess.data[0]?.length ?? 0) <= commaHeaderCount) return null;
  return `This file uses ${name} between columns, but Upstream reads comma-separated files. In your spreadsheet choose Save As → "CSV UTF-8 (comma delimited)" and import that file.`;
}

export function parseCsv(input: string, options: CsvOptions = {}): ReadResult {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  const prepared = prepareText(input, options.maxBytes ?? MAX_IMPORT_BYTES);
  if ("error" in prepared) return prepared;
  const text = prepared.text;

  const parsed = Papa.parse<string[]>(text, { delimiter: ",", header: false, skipEmptyLines: false });

  const records = parsed.data;
  // Blank lines at the end (the final newline, rows Excel left empty) are not rows.
  let end = records.length;
  while (end > 0 && isBlank(records[end - 1])) end--;
  if (end === 0) return { error: EMPTY_FILE_MESSAGE };

  const headerCells = records[0].map((h) => h.trim());
  // The delimiter first: a ';' file read with commas can look like a quoting problem.
  const delimiterProblem = wrongDelimiter(text, headerCells.length);
  if (delimiterProblem) return { error: delimiterProblem };

  // Papaparse numbers records from 0 (the header), a spreadsheet numbers rows from 1.
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    return quoteError.code === "MissingQuotes"
      ? { error: `Row ${row} opens a quote (") that is never closed, so the rest of the file cannot be read. Check that cell.` }
      : { error: `Row ${row} has a quote (") in the middle of a quoted cell. Inside a quoted cell, write a quote as two quotes ("").` };
  }

  const dataCount = end - 1;
  const tooMany = tooManyRowsProblem(dataCount, maxRows);
  if (tooMany) return { error: tooMany };

  // Ragged rows: a missing or extra comma shifts every value after it into the wrong column.
  // A blank line in the middle is allowed (it is kept as an empty row so row numbers still
  // match the spreadsheet; the validators skip it).
  const ragged: number[] = [];
  for (let i = 1; i < end; i++) {
    if (records[i].length !== headerCells.length && !isBlank(records[i])) ragged.push(i);
  }
  if (ragged.length > 0) {
    const first = ragged[0];
    const more = ragged.length > 1 ? ` (and ${(ragged.length - 1).toLocaleString("en-US")} more ${ragged.length === 2 ? "row" : "rows"} like it)` : "";
    return {
      error: `Row ${first + 1} has ${records[first].length} columns, but the header has ${headerCells.length}${more}. Check that every column has a heading, and that a cell containing a comma is in quotes.`,
    };
  }

  // Headers: an unnamed column is fine only if it is empty throughout (a spreadsheet artefact).
  const keep: number[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < headerCells.length; c++) {
    const header = headerCells[c];
    if (header === "") {
      const used = records.slice(1, end).some((r) => (r[c] ?? "").trim() !== "");
      if (used) return { error: `Column ${columnLetter(c + 1)} has values but no heading in row 1. Give every column a heading.` };
      continue;
    }
    const key = header.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return { error: `The heading "${header}" appears twice (columns ${columnLetter(earlier + 1)} and ${columnLetter(c + 1)}). Give each column its own heading.` };
    }
    seen.set(key, c);
    keep.push(c);
  }
  if (keep.length === 0) return { error: "Row 1 has no column headings. The first row must name the columns." };

  const headers = keep.map((c) => unneutraliseCell(headerCells[c]));
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < end; i++) {
    const record = records[i];
    const row: Record<string, string> = {};
    for (let k = 0; k < keep.length; k++) row[headers[k]] = unneutraliseCell(record[keep[k]] ?? "");
    rows.push(row);
  }
  return { headers, rows, firstRowNumber: 2 };
}
