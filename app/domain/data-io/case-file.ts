// A case file from its bytes to what the import page shows and what is staged: read (CSV or
// JSON), mapped, every row checked. Pure, so the import's worker thread runs it (issue 18: a
// 100,000-row file kept the server's thread busy for seconds at a time).

import { parseCsv } from "./csv";
import { mappingProblem, parseJsonCases, suggestMapping, unknownValues, validateRows, type CaseMapping, type CaseValidation, type UnknownValues, type ValueMapping } from "./case-import";
import { normaliseKey, type ParsedTable, type ReadResult, type RowError } from "./import-common";

/** The file as a table: JSON by name or content, CSV otherwise; invalid UTF-8 is reported by the readers. */
export function readCaseTable(bytes: Uint8Array, name: string): ReadResult {
  const text = new TextDecoder("utf-8").decode(bytes);
  const looksJson = name.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(text.slice(0, 100));
  return looksJson ? parseJsonCases(text) : parseCsv(text);
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
export function checkCaseTable(table: ParsedTable, mapping: CaseMapping, { values, remembered }: ValueChoices): { check: CaseCheck; validation: CaseValidation | null } {
  const problem = mappingProblem(mapping);
  const validation = problem ? null : validateRows(table.rows, mapping, { firstRowNumber: table.firstRowNumber, values });
  const check: CaseCheck = {
    headers: table.headers,
    mapping,
    rowCount: table.rows.length,
    validCount: validation?.valid.length ?? 0,
    errors: validation?.errors.slice(0, ERRORS_SHOWN) ?? [],
    errorCount: validation?.errors.length ?? 0,
    mappingProblem: problem,
    // Asked about until remembered (at import): a choice made on this form stays on it, chosen.
    unknownValues: problem
      ? []
      : unknownValues(table.rows, mapping, remembered).map((u) => ({
          ...u,
          values: u.values.map((v) => ({ ...v, likely: values[u.field]?.[normaliseKey(v.text)] ?? v.likely })),
        })),
  };
  return { check, validation };
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
