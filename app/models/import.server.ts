import { readFile } from "node:fs/promises";
import { parseCsv } from "~/domain/data-io/csv";
import { parseJsonCases } from "~/domain/data-io/case-import";
import { fileSizeProblem, type ReadResult } from "~/domain/data-io/import-common";
import type { UploadedFile } from "~/utils/upload-store.server";

/** Why an uploaded file (written to disk as it arrived) cannot be imported, or null. */
export function uploadProblem(file: UploadedFile | undefined): string | null {
  if (!file || (file.size === 0 && !file.name)) return "Choose a file to import.";
  if (file.size === 0) return "That file is empty: there is nothing to import.";
  return fileSizeProblem(file.size);
}

/** Reads an uploaded file as a table: JSON by name or content, CSV otherwise. */
export async function readUpload(file: UploadedFile | undefined, allowJson: boolean): Promise<ReadResult & { name?: string }> {
  const problem = uploadProblem(file);
  if (problem || !file) return { error: problem ?? "Choose a file to import." };
  // Not fatal: invalid UTF-8 becomes U+FFFD, which the parser reports as a wrong encoding.
  const text = new TextDecoder("utf-8").decode(await readFile(file.path));
  const looksJson = file.name.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(text.slice(0, 100));
  if (looksJson && !allowJson) return { error: "Attainment imports are CSV files. Save the sheet as CSV and try again." };
  const result = looksJson ? parseJsonCases(text) : parseCsv(text);
  return { ...result, name: file.name };
}
