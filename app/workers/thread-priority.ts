// Background work gives way to the pages people wait for (decision 051). On this 2-core machine
// the server's thread, the workers and the database share the cores; Linux schedules each
// thread on its own, so a worker can lower its own priority (a "nice" value) and the server's
// thread, which renders every page, is given a core first when they are short. The work still
// runs at full speed whenever a core is free.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { isMainThread } from "node:worker_threads";

/** Linux's nice value for background workers: 0 is everyone's, 19 the lowest priority. */
export const BACKGROUND_NICE = 10;

/** The nice value to use: WORKER_NICE overrides it (0 turns it off; the benchmark compares). */
export function backgroundNice(env: Record<string, string | undefined> = process.env): number {
  const raw = env.WORKER_NICE;
  if (raw === undefined || raw.trim() === "") return BACKGROUND_NICE;
  const n = Number(raw);
  return Number.isInteger(n) ? Math.min(Math.max(n, 0), 19) : BACKGROUND_NICE;
}

/**
 * Called at the top of a background worker's module: lowers the priority of the worker's own
 * thread (never the server's: nothing happens on the main thread, as when a test imports the
 * module). Where threads have no priority of their own (not Linux) the worker keeps the process's.
 */
export function givePagesTheCpu() {
  if (isMainThread) return;
  const nice = backgroundNice();
  if (nice === 0) return;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>": this thread's own id, which setpriority takes.
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // Not Linux, or no /proc: the worker runs at the process's priority, as before.
  }
}
