import { csvHead, jsonHead, jsonTail, type ExportColumn } from "~/domain/data-io/csv-export";
import { databaseFile } from "~/utils/env.server";
import { gzipEnd, gzipPiece, gzipStart, type GzipProgress } from "~/utils/gzip-pieces";
import { workerService } from "~/utils/worker.server";
import type { CaseListQuery } from "~/domain/cases/list-query";
import type { CaseExportIdsJob, CaseExportIdsResult, CaseExportJob, CaseExportResult, CaseExportService } from "../workers/case-export.worker";
import { exportIdsSql } from "./case-queries.server";
import { seesReporter, type Viewer } from "./case-privacy.server";

// An export streams (decision 020): the ids are read in one query, the rows a page at a time
// as the client takes them, so the first byte leaves at once and memory stays at one page.
// Each page is read, scrubbed for the viewer and written on the export worker (decision 034):
// the server's thread only passes bytes on (it spent ~20 ms a page, ~196 ms a 10,000-row file).

/** Rows read and written per step (250 was tried for shorter steps: the export's CPU rose by ~40% and its streaming slowed, decision 028). */
export const EXPORT_PAGE = 1_000;

// One worker for every export, pages answered in turn: on two cores one thread writing files
// beside the server's is the most that helps; concurrent exports share it page by page.
const onWorker = workerService<CaseExportJob | CaseExportIdsJob, CaseExportResult | CaseExportIdsResult>("case-export", () => ({ file: databaseFile() }) satisfies CaseExportService);
const pageOnWorker = (job: CaseExportJob) => onWorker(job) as Promise<CaseExportResult>;

/**
 * The cases an export writes, read on its worker: exportCaseIds's ids (the list's filters and the
 * viewer's view), and whether any is confidential (the access log marks the export so).
 */
export async function exportIds(query: CaseListQuery, viewer: Viewer): Promise<{ ids: number[]; anyConfidential: boolean }> {
  const result = (await onWorker(await exportIdsSql(query, viewer))) as CaseExportIdsResult;
  if (!result.ok) throw new Error(`Export ids failed: ${result.message}`);
  return { ids: Array.from(result.ids), anyConfidential: result.anyConfidential };
}

/**
 * The file as a stream; `gzip`: compressed, its pages on the worker (decision 044) — the server's
 * thread then passes on an eighth of the bytes and runs no compression of its own.
 */
export function exportStream(ids: readonly number[], viewer: Viewer, format: "csv" | "json", columns: readonly ExportColumn[], { gzip = false } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const identity = seesReporter(viewer);
  let next = 0;
  let progress: GzipProgress | undefined = gzip ? gzipStart : undefined;
  // The head and tail are a few hundred bytes: compressed here.
  const piece = (text: string, first = false) => {
    if (!progress) return encoder.encode(text);
    const done = gzipPiece(encoder.encode(text), progress, first);
    progress = done.progress;
    return done.bytes;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(piece(format === "json" ? jsonHead : csvHead(columns, { bom: true }), true));
    },
    async pull(controller) {
      if (next >= ids.length) {
        if (format === "json") controller.enqueue(piece(jsonTail(ids.length > 0)));
        if (progress) controller.enqueue(gzipEnd(progress));
        controller.close();
        return;
      }
      const page = ids.slice(next, next + EXPORT_PAGE);
      const result = await pageOnWorker({ ids: page, identity, format, columns: [...columns], first: next === 0, gzip: progress });
      if (!result.ok) throw new Error(`Export page failed: ${result.message}`);
      if (progress) progress = result.progress;
      controller.enqueue(result.bytes);
      next += page.length;
    },
  });
}
