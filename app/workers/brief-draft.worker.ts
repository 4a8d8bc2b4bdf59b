// Brief drafting on a worker thread that stays up (issue 18, decision 022): the server sends
// what it read (the source's cases, the segments' latest plan health), this reads the segments'
// attainment rows on a read-only connection of its own and writes the brief. The server's
// thread spent ~10 ms per brief on the rows and the writing at 1,000 cases (~85 ms at 100k).
import Database from "better-sqlite3";
import { answerEach } from "./answer";
import { draftFrom, type DraftInput } from "../domain/briefs/draft";
import type { Brief } from "../domain/briefs/types";
import type { AttainmentRow } from "../domain/variability/group";

export type BriefDraftService = { file: string };
export type BriefDraftJob = Omit<DraftInput, "rows"> & { segments: string[] };
export type BriefDraftResult = { ok: true; brief: Brief; ms: number } | { ok: false; message: string };

/** The columns of ATTAINMENT_SELECT (app/models/attainment.server.ts), in the order rows were stored. */
export const attainmentRowsSql = `SELECT period, repPseudonym, role, segment, region, attainmentPct, payout, targetIncentive, tenureMonths
  FROM "AttainmentRow" WHERE segment IN (SELECT value FROM json_each(?)) ORDER BY id`;

let sqlite: Database.Database | null = null;

export function runBriefDraft(file: string, { segments, ...job }: BriefDraftJob): BriefDraftResult {
  const started = performance.now();
  sqlite ??= new Database(file, { readonly: true, fileMustExist: true });
  const rows = sqlite.prepare(attainmentRowsSql).all(JSON.stringify(segments)) as AttainmentRow[];
  return { ok: true, brief: draftFrom({ ...job, rows }), ms: performance.now() - started };
}

answerEach<BriefDraftService, BriefDraftJob, BriefDraftResult>(({ file }, job) => runBriefDraft(file, job));
