// The themes recomputation, on a worker thread (decision 020): it reads the cases from SQLite
// on a read-only connection of its own, partitions them, and writes the themes in one short
// transaction on a second connection, so the server's thread neither computes (seconds at
// 100k) nor waits for a lock. Imports only the pure domain code and better-sqlite3: it is
// bundled on its own by scripts/build-workers.mjs (production) or run through tsx (dev, tests).
import Database from "better-sqlite3";
import { threadId } from "node:worker_threads";
import { answerOnce } from "./answer";
import { givePagesTheCpu } from "./thread-priority";
import { interner } from "../domain/patterns/interner";
import { matchThemes } from "../domain/patterns/theme-identity";
import { partitionThemes, type ThemeCase } from "../domain/patterns/theme-partition";
import type { PatternCase } from "../domain/patterns/types";
import { reporterKeyOf } from "../utils/reporter-key";
import { sqlDate } from "../utils/sql-value";
import { asDate } from "./case-rows";

givePagesTheCpu();

export type ThemeJob = { file: string; cap: number; computedAt: string };
export type ThemeJobResult = { ok: true; threadId: number; cases: number; themes: number; readMs: number; computeMs: number; writeMs: number } | { ok: false; message: string };

// A case row as SQLite gives it: PatternCase's fields, the date as stored, the reporter's name
// (hashed to a key here) and the texts themes read besides the complaint.
type CaseRow = Omit<PatternCase, "raisedOn" | "reporterKey"> & {
  raisedOn: string | number;
  reporterName: string;
  region: string;
  behaviourDetail: string;
  causeDetail: string;
  rootCauseStatement: string;
};

const RECENT = `SELECT id FROM "Case" ORDER BY raisedOn DESC, id DESC LIMIT @cap`;
const NO_WHYS: readonly string[] = [];

// Cases are built row by row as SQLite steps (no array of raw rows beside them), each as one
// literal of fixed shape: objects made by a rest spread got shapes of their own (~8 MB of
// descriptors at 20,000 cases).
function readCases(file: string, cap: number): ThemeCase[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the cases and their whys come from the same snapshot (WAL).
    return sqlite.transaction(() => {
      const whys = new Map<number, string[]>();
      const steps = sqlite.prepare(`SELECT caseId, answer FROM "WhyStep" WHERE caseId IN (${RECENT}) AND answer <> '' ORDER BY caseId, position`);
      for (const s of steps.iterate({ cap }) as IterableIterator<{ caseId: number; answer: string }>) {
        const list = whys.get(s.caseId);
        if (list) list.push(s.answer);
        else whys.set(s.caseId, [s.answer]);
      }
      // SQLite hands over a fresh string per row; the taxonomy columns repeat a few dozen values.
      const tag = interner();
      const rows = sqlite.prepare(
        `SELECT id, title, complaint, raisedOn, reporterFunction, reporterRole, segment, tenureMonths, behaviour, suspectedCause,
                rootCause, reporterName, region, behaviourDetail, causeDetail, rootCauseStatement
         FROM "Case" WHERE id IN (${RECENT})`,
      );
      const cases: ThemeCase[] = [];
      for (const r of rows.iterate({ cap }) as IterableIterator<CaseRow>) {
        cases.push({
          id: r.id,
          title: r.title,
          complaint: r.complaint,
          raisedOn: asDate(r.raisedOn),
          reporterFunction: tag(r.reporterFunction),
          reporterRole: tag(r.reporterRole),
          segment: tag(r.segment),
          tenureMonths: r.tenureMonths,
          behaviour: tag(r.behaviour),
          suspectedCause: tag(r.suspectedCause),
          rootCause: tag(r.rootCause),
          reporterKey: reporterKeyOf(r.reporterName),
          region: tag(r.region),
          details: [r.behaviourDetail, r.causeDetail].filter(Boolean).join("\n"),
          whys: whys.get(r.id) ?? NO_WHYS,
          rootCauseStatement: r.rootCauseStatement,
        });
      }
      return cases;
    })();
  } finally {
    sqlite.close();
  }
}

/** Reads, partitions and stores the themes; what the server's thread is told when done. */
export function runThemeJob({ file, cap, computedAt }: ThemeJob): ThemeJobResult {
  const t0 = performance.now();
  const cases = readCases(file, cap);
  const t1 = performance.now();
  const computed = partitionThemes(cases);
  const t2 = performance.now();
  // A long busy timeout is harmless here: only this thread waits for the lock.
  const sqlite = new Database(file, { timeout: 30_000, fileMustExist: true });
  try {
    sqlite.pragma("foreign_keys = ON");
    const write = sqlite.transaction(() => {
      // Read inside the write transaction: the names and ids kept are the ones now stored.
      const previous = new Map<string, { id: string; name: string; caseIds: number[] }>();
      for (const p of sqlite.prepare(`SELECT id, name FROM "Theme"`).all() as { id: string; name: string }[]) previous.set(p.id, { ...p, caseIds: [] });
      for (const l of sqlite.prepare(`SELECT themeId, caseId FROM "ThemeCase"`).all() as { themeId: string; caseId: number }[]) previous.get(l.themeId)?.caseIds.push(l.caseId);
      const themes = matchThemes([...previous.values()], computed);
      sqlite.prepare(`DELETE FROM "ThemeCase"`).run();
      sqlite.prepare(`DELETE FROM "Theme" WHERE id NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(themes.map((t) => t.id)));
      const upsert = sqlite.prepare(
        `INSERT INTO "Theme" (id, name, terms, typicalCaseId, dominantCause, dominantSource, causes, firstRaisedOn, lastRaisedOn, computedAt)
         VALUES (@id, @name, @terms, @typicalCaseId, @dominantCause, @dominantSource, @causes, @firstRaisedOn, @lastRaisedOn, @computedAt)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, terms = excluded.terms, typicalCaseId = excluded.typicalCaseId,
           dominantCause = excluded.dominantCause, dominantSource = excluded.dominantSource, causes = excluded.causes,
           firstRaisedOn = excluded.firstRaisedOn, lastRaisedOn = excluded.lastRaisedOn, computedAt = excluded.computedAt`,
      );
      const link = sqlite.prepare(`INSERT INTO "ThemeCase" (themeId, caseId) VALUES (?, ?)`);
      for (const t of themes) {
        upsert.run({
          id: t.id,
          name: t.name,
          terms: JSON.stringify(t.terms),
          typicalCaseId: t.typicalCaseId,
          dominantCause: t.dominantCause,
          dominantSource: t.dominantSource,
          causes: JSON.stringify(t.causes),
          firstRaisedOn: sqlDate(t.from),
          lastRaisedOn: sqlDate(t.to),
          computedAt,
        });
        for (const caseId of t.caseIds) link.run(t.id, caseId);
      }
      return themes.length;
    });
    const themes = write.immediate();
    return { ok: true, threadId, cases: cases.length, themes, readMs: t1 - t0, computeMs: t2 - t1, writeMs: performance.now() - t2 };
  } finally {
    sqlite.close();
  }
}

answerOnce(runThemeJob);
