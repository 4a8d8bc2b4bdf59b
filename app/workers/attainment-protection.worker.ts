// What executives may read of attainment, decided on a worker thread (issue 18): the disclosure
// problem over every grouping (decision 010) is seconds of CPU on the demo data and ~15 s at the
// benchmark's 20,000 rows — one executive's first variability page held every other request that
// long on the server's thread. The worker returns plain decisions; the server builds the view.
import { answerOnce } from "./answer";
import { givePagesTheCpu } from "./thread-priority";
import { decideAttainmentDisclosure, type AttainmentDisclosure, type AttainmentRow } from "../domain/variability/group";

givePagesTheCpu();

export type AttainmentProtectionJob = { rows: AttainmentRow[] };
export type AttainmentProtectionResult = { ok: true; decided: AttainmentDisclosure; computeMs: number } | { ok: false; message: string };

answerOnce((job: AttainmentProtectionJob): AttainmentProtectionResult => {
  const started = performance.now();
  return { ok: true, decided: decideAttainmentDisclosure(job.rows), computeMs: performance.now() - started };
});
