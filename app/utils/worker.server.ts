import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

// Heavy work runs on worker threads (decision 020). A worker needs a file of its own: the
// production build bundles each app/workers/<name>.worker.ts into build/workers/<name>.mjs
// (scripts/build-workers.mjs), beside build/server/index.js, where this module is bundled;
// in dev and tests the TypeScript source runs through tsx.
const here = dirname(fileURLToPath(import.meta.url));

// Node 20 does not pass `--import tsx` on to a worker's loader: the source is loaded by tsx's API.
// require.resolve finds tsx's CommonJS build; its ES module build is beside it.
const tsxApi = () => pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
const viaTsx = (source: string) => `
import(${JSON.stringify(tsxApi())})
  .then(({ tsImport }) => tsImport(${JSON.stringify(pathToFileURL(source).href)}, ${JSON.stringify(import.meta.url)}));`;

function workerEntry(name: string): { code: string | URL; eval: boolean } {
  const built = join(here, "..", "workers", `${name}.mjs`);
  if (existsSync(built)) return { code: pathToFileURL(built), eval: false };
  return { code: viaTsx(join(here, "..", "workers", `${name}.worker.ts`)), eval: true };
}

type WorkerOptions<T> = {
  /** A worker has a heap of its own: cap it (memory, issue 18). */
  resourceLimits?: ResourceLimits;
  /** For a worker that reports as it goes: called with every message, true for the one that ends its work. */
  isLast?: (message: T) => boolean;
};

/** Runs app/workers/<name>.worker.ts once with `data`, resolving with the one (or the last) message it posts. */
export function runWorker<T>(name: string, data: unknown, { resourceLimits, isLast }: WorkerOptions<T> = {}): Promise<T> {
  const entry = workerEntry(name);
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(entry.code, { workerData: data, eval: entry.eval, resourceLimits });
    let settled = false;
    worker.on("message", (message: T) => {
      if (settled || (isLast && !isLast(message))) return;
      settled = true;
      resolve(message);
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`Worker ${name} stopped without an answer (exit code ${code})`));
    });
  });
}

/**
 * A worker that stays up and answers jobs in turn, each answer matched to its job by id: for
 * work asked for many times a second (brief drafting), where starting a worker per job
 * (~50–100 ms) would cost more than the job. Started on first use with `data`, restarted after
 * a crash (the jobs waiting then fail); it keeps the process alive only while a job waits.
 */
export function workerService<J, R>(name: string, data: () => unknown): (job: J) => Promise<R> {
  let worker: Worker | null = null;
  const waiting = new Map<number, { resolve: (result: R) => void; reject: (error: Error) => void }>();
  let next = 0;
  const fail = (w: Worker, error: Error) => {
    if (worker !== w) return;
    worker = null;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  const started = () => {
    if (worker) return worker;
    const entry = workerEntry(name);
    const w = new Worker(entry.code, { workerData: data(), eval: entry.eval });
    w.on("message", ({ id, result }: { id: number; result: R }) => {
      waiting.get(id)?.resolve(result);
      waiting.delete(id);
      // Held only while a job waits: an idle worker never keeps the process alive (scripts, seeding).
      if (waiting.size === 0) w.unref();
    });
    w.on("error", (error) => fail(w, error));
    w.on("exit", (code) => fail(w, new Error(`Worker ${name} stopped (exit code ${code})`)));
    worker = w;
    return w;
  };
  return (job) =>
    new Promise<R>((resolve, reject) => {
      const id = (next += 1);
      waiting.set(id, { resolve, reject });
      const w = started();
      w.ref();
      w.postMessage({ id, job });
    });
}
