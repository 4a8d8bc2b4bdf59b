import { randomUUID } from "node:crypto";

// Long imports run as jobs so the page can show progress. One server process: an in-memory
// registry is enough; a job that was running when the process died is simply gone, and its
// transaction is not committed (all-or-nothing).
export type Job = {
  id: string;
  ownerId: string;
  kind: "cases" | "attainment";
  state: "running" | "done" | "failed";
  total: number;
  processed: number;
  message: string;
  result: { created: number; updated: number; skipped: number } | null;
  startedAt: number;
  finishedAt: number | null;
};

const jobs = new Map<string, Job>();
const KEEP_MS = 60 * 60 * 1000;

type JobResult = NonNullable<Job["result"]>;
/** What a job's work answers: its counts, or a refusal whose message the page shows. */
type JobOutcome = JobResult | (JobResult & { ok: true }) | { ok: false; reason: string; message: string };

export function startJob(ownerId: string, kind: Job["kind"], total: number, work: (job: Job) => Promise<JobOutcome>) {
  for (const [id, j] of jobs) if (j.finishedAt && Date.now() - j.finishedAt > KEEP_MS) jobs.delete(id);
  const job: Job = { id: randomUUID(), ownerId, kind, state: "running", total, processed: 0, message: "", result: null, startedAt: Date.now(), finishedAt: null };
  jobs.set(job.id, job);
  // Deliberately not awaited: the request returns and the page polls the job.
  work(job)
    .then((outcome) => {
      if ("ok" in outcome && !outcome.ok) return Object.assign(job, { state: "failed", message: `${outcome.message} Nothing was saved.`, finishedAt: Date.now() });
      const { created, updated, skipped } = outcome;
      return Object.assign(job, { state: "done", result: { created, updated, skipped }, processed: job.total, finishedAt: Date.now() });
    })
    .catch((error: unknown) => {
      console.error(error);
      Object.assign(job, { state: "failed", message: "The import failed and nothing was saved.", finishedAt: Date.now() });
    });
  return job;
}

export function getJob(id: string, ownerId: string) {
  const job = jobs.get(id);
  return job && job.ownerId === ownerId ? job : null;
}

/** For tests: wait until a job is no longer running. */
export async function waitForJob(id: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (jobs.get(id)?.state === "running") {
    if (Date.now() - start > timeoutMs) throw new Error("job did not finish");
    await new Promise((r) => setTimeout(r, 20));
  }
  return jobs.get(id)!;
}
