// A case file from its bytes to what the import page shows and what is staged: read (CSV or
// JSON), mapped, every row checked. Pure, so the import's worker thread runs it (issue 18: a
// 100,000-row file kept the server's thread busy for seconds at a time).

import { parseCsv, scanCsv } from "./csv";
import {
  mappingProblem,
  parseJsonCases,
  rowValidator,
  suggestMapping,
  unknownValuesTally,
  type CaseMapping,
  type CaseValidation,
  type UnknownValues,
  type ValidCaseRow,
  type ValueMapping,
} from "./case-import";
import { isReadError, normaliseKey, type ParsedTable, type ReadResult, type RowError } from "./import-common";

const looksJson = (text: string, name: string) => name.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(text.slice(0, 100));

/** The file as a table: JSON by name or content, CSV otherwise; invalid UTF-8 is reported by the readers. */
export function readCaseTable(bytes: Uint8Array, name: string): ReadResult {
  const text = new TextDecoder("utf-8").decode(bytes);
  return looksJson(text, name) ? parseJsonCases(text) : parseCsv(text);
}

/** The list values remembered from earlier imports (`remembered`), with this form's choices on top (`values`). */
export type ValueChoices = { values: ValueMapping; remembered: ValueMapping };

export type CaseCheck = {
  headers: string[];
  mapping: CaseMapping;
  rowCount: number;
  validCount: number;
  errors: RowError[];
  errorCount: number;
  mappingProblem: string | null;
  unknownValues: UnknownValues;
};

export const ERRORS_SHOWN = 200;

/** What the preview shows of a table under a mapping; `validation` is every row checked (null under a mapping problem). */
export function checkCaseTable(table: ParsedTable, mapping: CaseMapping, choices: ValueChoices): { check: CaseCheck; validation: CaseValidation | null } {
  const valid: ValidCaseRow[] = [];
  const checker = caseChecker(table.headers, mapping, choices, { firstRowNumber: table.firstRowNumber, onValid: (row) => valid.push(row) });
  for (const row of table.rows) checker.add(row);
  const checked = checker.checked();
  return { check: checker.result(), validation: checked && { valid, errors: checked.errors, blankRows: checked.blankRows } };
}

type CheckOptions = { firstRowNumber: number; onValid?: (row: ValidCaseRow) => void };

/** checkCaseTable a row at a time: the rows are not kept, each valid one goes to `onValid`. */
function caseChecker(headers: string[], mapping: CaseMapping, { values, remembered }: ValueChoices, { firstRowNumber, onValid }: CheckOptions) {
  const problem = mappingProblem(mapping);
  const validator = problem ? null : rowValidator(mapping, { firstRowNumber, values, onValid });
  const tally = problem ? null : unknownValuesTally(mapping, remembered);
  let rowCount = 0;
  return {
    add(row: Record<string, string>) {
      rowCount++;
      validator?.add(row);
      tally?.add(row);
    },
    /** The rows' errors and blank rows so far (null under a mapping problem: nothing is checked). */
    checked: () => validator?.result() ?? null,
    result(): CaseCheck {
      const checked = validator?.result();
      return {
        headers,
        mapping,
        rowCount,
        validCount: checked?.validCount ?? 0,
        errors: checked?.errors.slice(0, ERRORS_SHOWN) ?? [],
        errorCount: checked?.errors.length ?? 0,
        mappingProblem: problem,
        // Asked about until remembered (at import): a choice made on this form stays on it, chosen.
        unknownValues: (tally?.result() ?? []).map((u) => ({
          ...u,
          values: u.values.map((v) => ({ ...v, likely: values[u.field]?.[normaliseKey(v.text)] ?? v.likely })),
        })),
      };
    },
  };
}

type FileCheck = {
  /** The mapping to check under, from the file's headings (chosen on the form, or the starting one). */
  mapping: (headers: string[]) => CaseMapping;
  choices: ValueChoices;
  /** Each valid row, as it is checked; leave it out and no row is kept. */
  onValid?: (row: ValidCaseRow) => void;
};

/**
 * Reads and checks a case file in one pass without keeping its rows (decision 049): a CSV is
 * read a row at a time, each row checked and let go (a JSON file is parsed whole first). What
 * a 100,000-row file needs at once is its text and what `onValid` keeps, not every row three
 * times over (records, rows, checked rows). { error } when the file cannot be read.
 */
export function checkCaseText(text: string, name: string, { mapping, choices, onValid }: FileCheck): { check: CaseCheck } | { error: string } {
  if (looksJson(text, name)) {
    const table = parseJsonCases(text);
    if (isReadError(table)) return table;
    const checker = caseChecker(table.headers, mapping(table.headers), choices, { firstRowNumber: table.firstRowNumber, onValid });
    for (const row of table.rows) checker.add(row);
    return { check: checker.result() };
  }
  let checker: ReturnType<typeof caseChecker> | null = null;
  const scan = scanCsv(text, {
    onHeaders: (headers) => (checker = caseChecker(headers, mapping(headers), choices, { firstRowNumber: 2, onValid })),
    onRow: (row) => checker?.add(row),
  });
  if ("error" in scan) return scan;
  // A scan without an error always handed its headings over (TypeScript cannot see the callback assign it).
  const done = checker as ReturnType<typeof caseChecker> | null;
  if (!done) throw new Error("A CSV scan succeeded without handing its headings over");
  return { check: done.result() };
}

/** The mapping a fresh upload starts from: the one remembered from the last import, else guessed from the headings. */
export const startingMapping = (headers: readonly string[], lastMapping: CaseMapping | null) => suggestMapping(headers, lastMapping ?? undefined);

/** Why a checked file is not imported (null: it is): errors without "only the rows without problems", or no row at all. */
export function importRefusal(check: CaseCheck, validOnly: boolean): string | null {
  if (check.mappingProblem) return check.mappingProblem;
  if (check.errorCount > 0 && !validOnly) return "Nothing was imported: fix the rows below, or choose to import only the rows without problems.";
  if (check.validCount === 0) return "No row is ready to import.";
  return null;
}
