// The pattern page's suggested groups, on a worker thread (decision 020): grouping is
// quadratic in the cases it looks at (up to 3,000), seconds of CPU that the server's thread
// must not spend. The server reads the cases (one short query) and sends them; this returns
// the groups. Imports only the pure domain code (bundled by scripts/build-workers.mjs).
import { parentPort, workerData } from "node:worker_threads";
import { suggestGroups, type Suggestion } from "../domain/patterns/grouping";
import type { PatternCase } from "../domain/patterns/types";

export type GroupingJob = { cases: PatternCase[] };
export type GroupingResult = { ok: true; suggestions: Suggestion[]; computeMs: number } | { ok: false; message: string };

if (parentPort && workerData) {
  let result: GroupingResult;
  try {
    const started = performance.now();
    const suggestions = suggestGroups((workerData as GroupingJob).cases);
    result = { ok: true, suggestions, computeMs: performance.now() - started };
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(result);
}
