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

/** What a scan hands over as it reads: the headings once, then each row (keyed by heading). */
export type CsvVisitor = { onHeaders?: (headers: string[]) => void; onRow: (row: Record<string, string>) => void };
export type CsvScan = { headers: string[]; rowCount: number; firstRowNumber: number } | { error: string };

/**
 * Reads CSV text a record at a time and hands each row over as it is read, keeping none: a
 * 100,000-row file is checked without holding its rows (issue 18, decision 049). Some problems
 * of a file are only known at its end (too many rows, a ragged row, a heading missing over a
 * column with values), so a scan that returns { error } means: discard what was done with the
 * rows. Rows stop coming once a problem is known. Blank lines at the end are not rows; a
 * blank line in the middle is (an empty row keeps the row numbers of the spreadsheet).
 */
export function scanCsv(input: string, visitor: CsvVisitor, options: CsvOptions = {}): CsvScan {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  const prepared = prepareText(input, options.maxBytes ?? MAX_IMPORT_BYTES);
  if ("error" in prepared) return prepared;
  const text = prepared.text;

  let headerCells: string[] = [];
  let headers: string[] = [];
  let keep: number[] = [];
  let repeated: Repeated | null = null;
  let unnamedUsed: boolean[] = [];
  let index = 0; // the record's index: 0 is the header
  let dataCount = 0; // rows up to the last non-blank one
  let anyNonBlank = false;
  let quoteError: { row: number; code: string } | null = null;
  let firstRagged: { row: number; length: number } | null = null;
  let raggedCount = 0;
  let pendingBlank: string[][] = []; // blank records not yet known to be inside the file
  let delivering = true;

  const deliver = (record: string[]) => {
    if (!delivering) return;
    if (dataCount > maxRows) return void (delivering = false);
    const row: Record<string, string> = {};
    for (let k = 0; k < keep.length; k++) row[headers[k]] = unneutraliseCell(record[keep[k]] ?? "");
    visitor.onRow(row);
  };

  Papa.parse<string[]>(text, {
    delimiter: ",",
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const record = result.data;
      const quote = result.errors.find((e) => e.type === "Quotes");
      if (quote && !quoteError) {
        quoteError = { row: index + 1, code: quote.code }; // records count from 0 (the header), a spreadsheet's rows from 1
        delivering = false;
      }
      const blank = isBlank(record);
      if (!blank) anyNonBlank = true;
      if (index++ === 0) {
        headerCells = record.map((h) => h.trim());
        unnamedUsed = headerCells.map(() => false);
        ({ keep, repeated } = namedColumns(headerCells));
        headers = keep.map((c) => unneutraliseCell(headerCells[c]));
        if (repeated || keep.length === 0) delivering = false;
        else visitor.onHeaders?.(headers);
        return;
      }
      if (blank) return void pendingBlank.push(record);
      for (const earlier of pendingBlank) {
        dataCount++;
        deliver(earlier);
      }
      pendingBlank = [];
      dataCount++;
      if (record.length !== headerCells.length) {
        firstRagged ??= { row: index, length: record.length }; // index already counts this record
        raggedCount++;
        delivering = false;
      }
      for (let c = 0; c < record.length && c < unnamedUsed.length; c++) {
        if (headerCells[c] === "" && !unnamedUsed[c] && record[c].trim() !== "") {
          unnamedUsed[c] = true;
          delivering = false;
        }
      }
      deliver(record);
    },
  });

  // Assigned in Papaparse's callback, which TypeScript's narrowing does not follow.
  const quote = quoteError as { row: number; code: string } | null;
  const repeat = repeated as Repeated | null;
  const ragged = firstRagged as { row: number; length: number } | null;
  if (index === 0 || !anyNonBlank) return { error: EMPTY_FILE_MESSAGE };
  // The delimiter first: a ';' file read with commas can look like a quoting problem.
  const delimiterProblem = wrongDelimiter(text, headerCells.length);
  if (delimiterProblem) return { error: delimiterProblem };

  if (quote) {
    return quote.code === "MissingQuotes"
      ? { error: `Row ${quote.row} opens a quote (") that is never closed, so the rest of the file cannot be read. Check that cell.` }
      : { error: `Row ${quote.row} has a quote (") in the middle of a quoted cell. Inside a quoted cell, write a quote as two quotes ("").` };
  }

  const tooMany = tooManyRowsProblem(dataCount, maxRows);
  if (tooMany) return { error: tooMany };

  // Ragged rows: a missing or extra comma shifts every value after it into the wrong column.
  if (ragged) {
    const more = raggedCount > 1 ? ` (and ${(raggedCount - 1).toLocaleString("en-US")} more ${raggedCount === 2 ? "row" : "rows"} like it)` : "";
    return {
      error: `Row ${ragged.row} has ${ragged.length} columns, but the header has ${headerCells.length}${more}. Check that every column has a heading, and that a cell containing a comma is in quotes.`,
    };
  }

  // Headers: an unnamed column is fine only if it is empty throughout (a spreadsheet artefact).
  // The first problem in column order is the one reported.
  for (let c = 0; c < headerCells.length; c++) {
    if (headerCells[c] === "" && unnamedUsed[c]) return { error: `Column ${columnLetter(c + 1)} has values but no heading in row 1. Give every column a heading.` };
    if (repeat?.column === c) return { error: repeat.message };
  }
  if (keep.length === 0) return { error: "Row 1 has no column headings. The first row must name the columns." };
  return { headers, rowCount: dataCount, firstRowNumber: 2 };
}

type Repeated = { column: number; message: string };

/** The named columns (unnamed ones are checked as rows come), and the first heading that appears twice. */
function namedColumns(cells: readonly string[]): { keep: number[]; repeated: Repeated | null } {
  const keep: number[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < cells.length; c++) {
    if (cells[c] === "") continue;
    const key = cells[c].toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const message = `The heading "${cells[c]}" appears twice (columns ${columnLetter(earlier + 1)} and ${columnLetter(c + 1)}). Give each column its own heading.`;
      return { keep, repeated: { column: c, message } };
    }
    seen.set(key, c);
    keep.push(c);
  }
  return { keep, repeated: null };
}

/** The whole file as a table: a scan that keeps its rows (small files, and the tests' view of a file). */
export function parseCsv(input: string, options: CsvOptions = {}): ReadResult {
  const rows: Record<string, string>[] = [];
  const scan = scanCsv(input, { onRow: (row) => rows.push(row) }, options);
  return "error" in scan ? scan : { headers: scan.headers, rows, firstRowNumber: scan.firstRowNumber };
}
