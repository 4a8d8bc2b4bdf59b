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

/**
 * How a worker that stays up answers (workerService, decision 022): every job run on the data it
 * was started with, each answer (or what went wrong) posted with its job's id; `transfer` names
 * buffers to hand over rather than copy.
 */
export function answerEach<S, J, R>(run: (service: S, job: J) => R, transfer: (result: R) => ArrayBuffer[] = () => []) {
  if (!parentPort || !workerData) return;
  const port = parentPort;
  const service = workerData as S;
  port.on("message", ({ id, job }: { id: number; job: J }) => {
    try {
      const result = run(service, job);
      port.postMessage({ id, result }, transfer(result));
    } catch (error) {
      const failed: Failed = { ok: false, message: error instanceof Error ? error.message : String(error) };
      port.postMessage({ id, result: failed });
    }
  });
}
