// Background workers give way to the pages people wait for (decision 051): each lowers its own
// thread's priority, never the server's thread, and WORKER_NICE=0 turns that off. Read from
// Linux's own record of every thread of this process (/proc/self/task/<tid>/stat).
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseCaseListQuery } from "~/domain/cases/list-query";
import { exportIds } from "~/models/case-export.server";
import { databaseFile } from "~/utils/env.server";
import { runWorker } from "~/utils/worker.server";
import { BACKGROUND_NICE } from "~/workers/thread-priority";
import type { ReadSqlResult } from "~/workers/read-sql.worker";
import { signedIn } from "./helpers";

/** Each thread's nice value (field 19 of its stat line; the fields after "comm)" start at 3). */
function threadNices(): { tid: number; nice: number }[] {
  return readdirSync("/proc/self/task").flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return [{ tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]) }];
    } catch {
      return []; // the thread ended between the listing and the read
    }
  });
}
const lowered = () => threadNices().filter((t) => t.nice > 0);
const mainThread = () => threadNices().find((t) => t.tid === process.pid);

// A query that keeps a one-job worker busy for a while (counting to a few million in SQL).
const SLOW = { sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c", params: [] };

/**
 * The threads that appear while a one-job worker runs the slow query, each with the highest
 * nice value it was seen with (a worker's thread starts at the process's own, 0).
 */
async function newThreadsWhileCounting() {
  const before = new Set(threadNices().map((t) => t.tid));
  const seen = new Map<number, number>();
  let done = false;
  const job = runWorker<ReadSqlResult>("read-sql", { file: databaseFile(), queries: { slow: SLOW } }).finally(() => (done = true));
  while (!done) {
    for (const t of threadNices()) if (!before.has(t.tid)) seen.set(t.tid, Math.max(t.nice, seen.get(t.tid) ?? 0));
    await new Promise((r) => setTimeout(r, 10));
  }
  const result = await job;
  expect(result.ok && result.rows.slow[0]).toEqual({ n: 3_000_000 });
  return [...seen.values()];
}

afterEach(() => {
  delete process.env.WORKER_NICE;
});

describe("background workers and the server's thread", () => {
  it("runs a one-job worker below the server's thread, and the server's thread where it was", async () => {
    expect(lowered()).toEqual([]);
    // One new thread, the worker's, lowered; any other (a helper of its own) left alone.
    expect((await newThreadsWhileCounting()).filter((nice) => nice > 0)).toEqual([BACKGROUND_NICE]);
    expect(mainThread()?.nice).toBe(0);
  }, 60_000);

  it("keeps an export's worker, which stays up between pages, below the server's thread", async () => {
    const analyst = await signedIn("analyst");
    await exportIds(parseCaseListQuery(new URLSearchParams()), { id: analyst.id, role: "analyst" });
    // The export's worker is up now (it stops after 30 s without a job).
    expect(lowered().map((t) => t.nice)).toEqual([BACKGROUND_NICE]);
    expect(mainThread()?.nice).toBe(0);
  }, 60_000);

  it("leaves every thread at the process's priority with WORKER_NICE=0", async () => {
    process.env.WORKER_NICE = "0";
    const nices = await newThreadsWhileCounting();
    expect(nices.length).toBeGreaterThan(0); // the worker's thread was seen
    expect(nices.filter((nice) => nice > 0)).toEqual([]);
  }, 60_000);
});
