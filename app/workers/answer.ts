// How a one-job worker answers (decision 020): runs its job on the data it was started with and
// posts the result once, or what went wrong. Not a *.worker.ts: no bundle of its own.
import { parentPort, workerData } from "node:worker_threads";

export type Failed = { ok: false; message: string };

export function answerOnce<J, R>(run: (job: J) => R) {
  if (!parentPort || !workerData) return; // imported, not started as a worker (tests)
  let result: R | Failed;
  try {
    result = run(workerData as J);
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(result);
}
