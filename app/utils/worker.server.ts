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

/**
 * Each worker's heap cap (MB of V8 old and young generation), from its measured need at
 * 100,000 cases (decision 026). Past its cap a worker stops with ERR_WORKER_OUT_OF_MEMORY: the
 * job fails, its caller keeps the last result and logs why; the process carries on. Tests may
 * lower a cap to see that happen.
 */
export const WORKER_HEAP_MB: Record<string, { old: number; young: number }> = {
  // 20,000 cases partitioned (its cap at any size), held compactly (decision 031): fails at
  // 80, passes at 96 on the benchmark's 100,000 cases; real text has a larger vocabulary,
  // hence the margin. A young generation of 8 MB costs no time and ~12 MB less RSS than 16.
  "theme-recompute": { old: 128, young: 8 },
  // The view of ~20,000 members: fails at 32, slow at 48.
  "theme-view": { old: 96, young: 8 },
  // 3,000 cases grouped: fails at 16, fine at 32.
  grouping: { old: 64, young: 8 },
  "read-sql": { old: 48, young: 8 },
  // A 100,000-row file read and checked a row at a time (decision 049): the check passes at 64
  // and fails at 48 (it failed at 96 when every row was held); an import keeps the text and the
  // valid rows it stages (~60 MB). The margin is for the largest file taken (45 MB of text).
  "case-import": { old: 128, young: 8 },
  "brief-draft": { old: 64, young: 8 },
  // What executives may read of attainment: 20,000 rows take ~12 s at 48 MB, ~36 s at 24 (GC).
  "attainment-protection": { old: 64, young: 8 },
  // Every case (coded fields only) and every attainment row, counted: see plan-health.worker.ts.
  "plan-health": { old: 64, young: 8 },
  // One page of 1,000 rows and its text at a time (decision 034).
  "case-export": { old: 32, young: 8 },
};

// Run from TypeScript source (dev, tests) a worker also holds tsx and its compiled modules.
export const workerHeap = { fromSourceExtraMb: 64 };

function limitsFor(name: string, fromSource: boolean): ResourceLimits | undefined {
  const heap = WORKER_HEAP_MB[name];
  if (!heap) return undefined;
  return { maxOldGenerationSizeMb: heap.old + (fromSource ? workerHeap.fromSourceExtraMb : 0), maxYoungGenerationSizeMb: heap.young };
}

/**
 * One-job workers run within a budget of heap caps (decisions 026, 031): each holds its cap while it
 * runs, so heavy jobs take turns instead of adding their heaps up (after a write at 100,000
 * cases the themes, their view and the suggested groups used to run at once, ~400 MB). A job
 * larger than the budget runs alone. In arrival order: a big job is never overtaken for good.
 * A background job that can start over (`yields`: the themes recompute) gives its place up to
 * a job a person waits for (`preempts`: an import's check and staging): it is stopped, and
 * fails with WorkerYielded.
 */
// The themes recompute (136) runs alone; the themes' view and the groups (104 + 72) fit together.
const BUDGET_MB = 176;
type Running = { mb: number; yields: boolean; stop: () => void };
type Waiting = { mb: number; yields: boolean; preempts: boolean; go: (slot: Running) => void };
const gate = { inUse: 0, queue: [] as Waiting[], running: new Set<Running>() };
// Each service's "stop now if no job waits": called when a one-job worker starts (decision 033).
const idleServices = new Set<() => void>();
const liveServices = new Set<string>();

export class WorkerYielded extends Error {}

const weightOf = (name: string) => {
  const heap = WORKER_HEAP_MB[name];
  return heap ? heap.old + heap.young : 0;
};
function admit() {
  while (gate.queue.length > 0) {
    const next = gate.queue[0];
    if (gate.inUse > 0 && gate.inUse + next.mb > BUDGET_MB) {
      if (next.preempts) for (const r of gate.running) if (r.yields) r.stop();
      return;
    }
    gate.queue.shift();
    // The budget counts one-job workers only: an idle service worker (brief drafting, ~45 MB
    // of RSS at 100,000 cases) would otherwise sit beside them until its idle timer (decision 033).
    for (const release of idleServices) release();
    const slot: Running = { mb: next.mb, yields: next.yields, stop: () => undefined };
    gate.inUse += next.mb;
    gate.running.add(slot);
    next.go(slot);
  }
}
function withinBudget<T>({ mb, yields, preempts }: Omit<Waiting, "go">, work: (slot: Running) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    gate.queue.push({
      mb,
      yields,
      preempts,
      go: (slot) =>
        work(slot)
          .then(resolve, reject)
          .finally(() => {
            gate.inUse -= mb;
            gate.running.delete(slot);
            admit();
          }),
    });
    admit();
  });
}

/** The budget as it stands: caps held by running one-job workers, and jobs waiting (tests). */
export const workerBudget = () => ({ inUseMb: gate.inUse, budgetMb: BUDGET_MB, running: gate.running.size, waiting: gate.queue.length });

type WorkerOptions<T> = {
  /** For a worker that reports as it goes: called with every message, true for the one that ends its work. */
  isLast?: (message: T) => boolean;
  /** Background work that can start over: stopped (WorkerYielded) when a job someone waits for needs its place. */
  yields?: boolean;
  /** Someone waits for it: a yielding job in its way is stopped. */
  preempts?: boolean;
};

/**
 * Runs app/workers/<name>.worker.ts once with `data`, resolving with the one (or the last)
 * message it posts; it starts when the heap budget allows.
 */
export function runWorker<T>(name: string, data: unknown, { isLast, yields = false, preempts = false }: WorkerOptions<T> = {}): Promise<T> {
  return withinBudget({ mb: weightOf(name), yields, preempts }, (slot) => startWorker<T>(name, data, isLast, slot));
}

function startWorker<T>(name: string, data: unknown, isLast: ((message: T) => boolean) | undefined, slot: Running): Promise<T> {
  const entry = workerEntry(name);
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(entry.code, { workerData: data, eval: entry.eval, resourceLimits: limitsFor(name, entry.eval) });
    let settled = false;
    slot.stop = () => {
      if (settled) return;
      settled = true;
      reject(new WorkerYielded(`Worker ${name} gave its place up to a job someone waits for`));
      void worker.terminate();
    };
    worker.on("message", (message: T) => {
      if (settled || (isLast && !isLast(message))) return;
      settled = true;
      resolve(message);
    });
    worker.once("error", (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`Worker ${name} stopped without an answer (exit code ${code})`));
    });
  });
}

/** An idle service worker stops after this long: its heap is the process's memory (decision 026). */
export const SERVICE_IDLE_MS = 30_000;


/** Service workers up now, by name (tests). */
export const serviceWorkersUp = () => [...liveServices];

/**
 * A worker that stays up while it is used and answers jobs in turn, each answer matched to its
 * job by id: for work asked for many times a second (brief drafting), where starting a worker
 * per job (~50–100 ms) would cost more than the job. Started on first use with `data`, stopped
 * after SERVICE_IDLE_MS without a job, restarted after a crash (the jobs waiting then fail);
 * it keeps the process alive only while a job waits.
 */
export function workerService<J, R>(name: string, data: () => unknown): (job: J) => Promise<R> {
  let worker: Worker | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const waiting = new Map<number, { resolve: (result: R) => void; reject: (error: Error) => void }>();
  let next = 0;
  const fail = (w: Worker, error: Error) => {
    if (worker !== w) return;
    worker = null;
    liveServices.delete(name);
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  const stopIfIdle = () => {
    const w = worker;
    if (!w || waiting.size > 0) return;
    if (idle) clearTimeout(idle);
    idle = null;
    worker = null; // an exit now is not a crash
    liveServices.delete(name);
    void w.terminate();
  };
  idleServices.add(stopIfIdle);
  const stopWhenIdle = (w: Worker) => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      if (worker === w) stopIfIdle();
    }, SERVICE_IDLE_MS);
    idle.unref();
  };
  const started = () => {
    if (worker) return worker;
    const entry = workerEntry(name);
    const w = new Worker(entry.code, { workerData: data(), eval: entry.eval, resourceLimits: limitsFor(name, entry.eval) });
    w.on("message", ({ id, result }: { id: number; result: R }) => {
      waiting.get(id)?.resolve(result);
      waiting.delete(id);
      // Held only while a job waits: an idle worker never keeps the process alive (scripts, seeding).
      if (waiting.size === 0) {
        w.unref();
        stopWhenIdle(w);
      }
    });
    w.on("error", (error) => fail(w, error));
    w.on("exit", (code) => fail(w, new Error(`Worker ${name} stopped (exit code ${code})`)));
    worker = w;
    liveServices.add(name);
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
