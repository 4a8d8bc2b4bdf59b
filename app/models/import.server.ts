import { parseCsv } from "~/domain/data-io/csv";
import { parseJsonCases } from "~/domain/data-io/case-import";
import { fileSizeProblem, type ReadResult } from "~/domain/data-io/import-common";

/** An uploaded case file's bytes, once its size is checked: the import's worker reads them (case-import.server.ts). */
export async function uploadedBytes(file: FormDataEntryValue | null): Promise<{ bytes: Uint8Array; name: string } | { error: string }> {
  if (!file || typeof file === "string" || (file.size === 0 && !file.name)) return { error: "Choose a file to import." };
  if (file.size === 0) return { error: "That file is empty: there is nothing to import." };
  const tooBig = fileSizeProblem(file.size);
  if (tooBig) return { error: tooBig };
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

/** Reads an uploaded file as a table: JSON by name or content, CSV otherwise. */
export async function readUpload(file: FormDataEntryValue | null, allowJson: boolean): Promise<ReadResult & { name?: string }> {
  const upload = await uploadedBytes(file);
  if ("error" in upload) return upload;
  // Not fatal: invalid UTF-8 becomes U+FFFD, which the parser reports as a wrong encoding.
  const text = new TextDecoder("utf-8").decode(upload.bytes);
  const looksJson = upload.name.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(text.slice(0, 100));
  if (looksJson && !allowJson) return { error: "Attainment imports are CSV files. Save the sheet as CSV and try again." };
  const result = looksJson ? parseJsonCases(text) : parseCsv(text);
  return { ...result, name: upload.name };
}
