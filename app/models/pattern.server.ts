import type { Prisma } from "~/generated/prisma/client";
import { audienceOf } from "~/domain/privacy/case-view";
import { verdict, verdictSentence } from "~/domain/patterns/grouping";
import type { PatternCase } from "~/domain/patterns/types";
import { cached } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { done, refused } from "~/utils/outcome";
import { afterCommit, writeCases } from "./after-commit.server";
import { forViewer, forViewerEach, type Viewer } from "./case-privacy.server";
import { membersOf, patternCaseSelect, reporterSelect, withReporterKey } from "./pattern-case.server";
import { AXIS_SQL, type DateRange } from "./pattern-counts";

export type { DateRange };

// Pattern axes in SQL, the scope rule and the date range: app/models/pattern-counts.ts (a
// worker thread counts with them too). The same scope as Prisma sees it:
const inScope = { triageClass: { in: ["", "plan_design"] } } satisfies Prisma.CaseWhereInput;

/** Per saved pattern, its cases counted by function, role, segment and tenure band. */
export async function patternBreakdowns(patternIds: number[]) {
  const out = new Map<number, Record<"function" | "role" | "segment" | "tenure", { value: string; count: number }[]>>();
  for (const id of patternIds) out.set(id, { function: [], role: [], segment: [], tenure: [] });
  if (patternIds.length === 0) return out;
  const placeholders = patternIds.map(() => "?").join(", ");
  await Promise.all(
    (["function", "role", "segment", "tenure"] as const).map(async (axis) => {
      const rows = await db.$queryRawUnsafe<{ patternId: number; value: string; n: number | bigint }[]>(
        `SELECT pc.patternId AS patternId, ${AXIS_SQL[axis]} AS value, COUNT(*) AS n
         FROM "PatternCase" pc JOIN "Case" ON "Case".id = pc.caseId WHERE pc.patternId IN (${placeholders}) GROUP BY 1, 2`,
        ...patternIds,
      );
      for (const r of rows) out.get(Number(r.patternId))?.[axis].push({ value: r.value, count: Number(r.n) });
    }),
  );
  return out;
}

/** The most recent cases in the range, capped: text grouping is quadratic in their number. */
export async function casesForGrouping(range: DateRange, limit: number): Promise<PatternCase[]> {
  return db.case.findMany({
    where: {
      ...inScope,
      ...(range.from || range.to
        ? {
            raisedOn: {
              ...(range.from ? { gte: new Date(`${range.from}T00:00:00.000Z`) } : {}),
              ...(range.to ? { lte: new Date(`${range.to}T23:59:59.999Z`) } : {}),
            },
          }
        : {}),
    },
    orderBy: [{ raisedOn: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...patternCaseSelect, ...reporterSelect },
  }).then((rows) => rows.map(withReporterKey));
}

function readPatternList(take: number) {
  return db.pattern.findMany({
    orderBy: [{ updatedAt: "desc" }],
    take,
    select: {
      id: true,
      name: true,
      status: true,
      cause: true,
      updatedAt: true,
      _count: { select: { cases: true, recurrences: true } },
    },
  });
}
const scrubbedLists = new Map<string, { version: number; at: number; value: Awaited<ReturnType<typeof readPatternList>> }>();

/** Saved patterns, newest first; outside the comp team each name is scrubbed of its cases' reporter names. */
export async function listPatterns(viewer: Viewer, take = 200) {
  const patterns = await readPatternList(take);
  const audience = audienceOf(viewer.role);
  if (audience === "comp-team") return patterns;
  // Scrubbing reads every member's reporter name and builds a scrubber per pattern: kept while
  // the rows (the key) and case data (the data version) stay the same.
  return cached(scrubbedLists, `${audience}|${JSON.stringify(patterns)}`, 10 * 60_000, async () => {
    const members = await membersOf(patterns.map((p) => p.id));
    return forViewerEach(viewer, patterns, (p) => members.get(p.id) ?? []);
  });
}

/** A saved pattern as the viewer may read it (outside the comp team: names scrubbed from its name, description and cases). */
export async function getPattern(id: number, viewer: Viewer) {
  const pattern = await db.pattern.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      cause: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      cases: { orderBy: { addedAt: "asc" }, select: { case: { select: { ...patternCaseSelect, ...reporterSelect, status: true } } } },
      recurrences: {
        orderBy: { createdAt: "desc" },
        select: { score: true, createdAt: true, case: { select: { id: true, title: true, raisedOn: true } } },
      },
    },
  });
  if (!pattern) return null;
  // Who raised each case counts its independent reports; neither name nor key leaves here.
  const keyed = pattern.cases.map((c) => withReporterKey(c.case));
  const shown = { ...pattern, cases: keyed.map(({ reporterKey: _k, ...c }) => ({ case: c })), verdict: verdict(keyed), verdictNote: verdictSentence(keyed) };
  return forViewer(viewer, [...pattern.cases.map((c) => c.case.id), ...pattern.recurrences.map((r) => r.case.id)], shown);
}

async function existingCaseIds(tx: Prisma.TransactionClient, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await tx.case.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return rows.map((r) => r.id);
}

async function unknownCases(tx: Prisma.TransactionClient, caseIds: number[]) {
  const found = await existingCaseIds(tx, caseIds);
  const missing = caseIds.filter((i) => !found.includes(i));
  return missing.length ? refused("unknown-cases", { ids: missing }) : null;
}

type PatternInput = { name: string; description: string; status: string; cause: string; caseIds: number[] };

export async function createPattern({ input, actorId }: { input: PatternInput; actorId: string }) {
  return writeCases(
    async (tx) => {
      const ids = [...new Set(input.caseIds)];
      const unknown = await unknownCases(tx, ids);
      if (unknown) return unknown;
      const pattern = await tx.pattern.create({
        data: {
          name: input.name,
          description: input.description,
          status: input.status,
          cause: input.cause,
          createdById: actorId,
          cases: { create: ids.map((caseId) => ({ caseId })) },
        },
        select: { id: true },
      });
      return done({ id: pattern.id });
    },
    (r) => (r.ok ? { cases: [] } : null),
  );
}

type PatternEdit = { id: number; version: number; input: { name: string; description: string; status: string } };

export async function updatePattern({ id, version, input }: PatternEdit) {
  const { count } = await db.pattern.updateMany({ where: { id, version }, data: { ...input, version: { increment: 1 } } });
  if (count === 1) {
    await afterCommit({ cases: [] });
    return done();
  }
  return (await db.pattern.count({ where: { id } })) ? refused("conflict") : refused("not-found");
}

export async function addCasesToPattern({ id, caseIds }: { id: number; caseIds: number[] }) {
  return writeCases(
    async (tx) => {
      if ((await tx.pattern.count({ where: { id } })) === 0) return refused("not-found");
      const ids = [...new Set(caseIds)];
      const unknown = await unknownCases(tx, ids);
      if (unknown) return unknown;
      const already = await tx.patternCase.findMany({ where: { patternId: id, caseId: { in: ids } }, select: { caseId: true } });
      const fresh = ids.filter((i) => !already.some((a) => a.caseId === i));
      if (fresh.length) await tx.patternCase.createMany({ data: fresh.map((caseId) => ({ patternId: id, caseId })) });
      await tx.pattern.update({ where: { id }, data: { version: { increment: 1 } } });
      return done({ added: fresh.length });
    },
    (r) => (r.ok ? { cases: [] } : null),
  );
}

export async function removeCaseFromPattern({ id, caseId }: { id: number; caseId: number }) {
  const { count } = await db.patternCase.deleteMany({ where: { patternId: id, caseId } });
  if (count) {
    await db.pattern.update({ where: { id }, data: { version: { increment: 1 } } });
    await afterCommit({ cases: [] });
  }
  return done({ removed: count });
}

/** "No case with id #4, #9": what a pattern form says about case numbers that do not exist. */
export const unknownCasesMessage = (ids: readonly number[]) => `No case with id ${ids.map((i) => `#${i}`).join(", ")}`;

/**
 * The watched patterns a case repeats. A pattern's name is written about its own cases, so
 * outside the comp team it is scrubbed of their reporters' names (and this case's).
 */
export async function recurrencesForCase(caseId: number, viewer: Viewer) {
  const rows = await db.patternRecurrence.findMany({
    where: { caseId },
    select: { score: true, pattern: { select: { id: true, name: true, status: true } } },
  });
  if (audienceOf(viewer.role) === "comp-team") return rows;
  const members = await membersOf(rows.map((r) => r.pattern.id));
  return forViewerEach(viewer, rows, (r) => [caseId, ...(members.get(r.pattern.id) ?? [])]);
}
