import type { Prisma } from "~/generated/prisma/client";
import { audienceOf } from "~/domain/privacy/case-view";
import { verdict, verdictSentence } from "~/domain/patterns/grouping";
import type { Tally } from "~/domain/patterns/matrix";
import type { PatternCase } from "~/domain/patterns/types";
import { db } from "~/utils/db.server";
import { done, refused } from "~/utils/outcome";
import { afterCommit, writeCases } from "./after-commit.server";
import { forViewer, forViewerEach, type Viewer } from "./case-privacy.server";
import { membersOf, patternCaseSelect, reporterSelect, withReporterKey } from "./pattern-case.server";

export type DateRange = { from?: string; to?: string };

// SQL for the pattern axes: the same rules as app/domain/patterns/axes.ts, pushed into one
// GROUP BY so 100,000 cases are counted without loading them.
const AXIS_SQL = {
  cause: `CASE WHEN rootCause <> '' THEN rootCause WHEN suspectedCause <> '' THEN suspectedCause ELSE 'unknown' END`,
  function: `CASE WHEN reporterFunction <> '' THEN reporterFunction ELSE 'unknown' END`,
  segment: `CASE WHEN segment <> '' THEN segment ELSE 'unknown' END`,
  behaviour: `CASE WHEN behaviour <> '' THEN behaviour ELSE 'unknown' END`,
  role: `CASE WHEN reporterRole <> '' THEN reporterRole ELSE 'unknown' END`,
  tenure: `CASE WHEN tenureMonths IS NULL OR tenureMonths < 0 THEN 'unknown' WHEN tenureMonths <= 5 THEN 'lt6m' WHEN tenureMonths <= 12 THEN '6to12m' WHEN tenureMonths <= 24 THEN '1to2y' WHEN tenureMonths <= 48 THEN '2to4y' ELSE '4yplus' END`,
} as const;
export type AxisName = keyof typeof AXIS_SQL;

// Only plan-design signals (and cases not triaged yet) count in the pattern figures: a data,
// calculation, policy or exception case is sorted out at triage (issue 16). Same rule as
// app/domain/queue/triage.ts inPatternScope.
const IN_SCOPE_SQL = `triageClass IN ('', 'plan_design')`;
const inScope = { triageClass: { in: ["", "plan_design"] } } satisfies Prisma.CaseWhereInput;

function rangeSql(range: DateRange) {
  const parts: string[] = [IN_SCOPE_SQL];
  const params: string[] = [];
  // Prisma stores DateTime in SQLite as ISO text with +00:00; compare in the same form.
  if (range.from) {
    parts.push(`raisedOn >= ?`);
    params.push(`${range.from}T00:00:00.000+00:00`);
  }
  if (range.to) {
    parts.push(`raisedOn <= ?`);
    params.push(`${range.to}T23:59:59.999+00:00`);
  }
  return { where: `WHERE ${parts.join(" AND ")}`, params };
}

export async function tallies(rowAxis: AxisName, colAxis: AxisName, range: DateRange): Promise<Tally[]> {
  const { where, params } = rangeSql(range);
  const rows = await db.$queryRawUnsafe<{ row: string; col: string; n: bigint | number }[]>(
    `SELECT ${AXIS_SQL[rowAxis]} AS row, ${AXIS_SQL[colAxis]} AS col, COUNT(*) AS n FROM "Case" ${where} GROUP BY 1, 2`,
    ...params,
  );
  return rows.map((r) => ({ row: r.row, col: r.col, count: Number(r.n) }));
}

export async function causeSourceTotals(range: DateRange) {
  const { where, params } = rangeSql(range);
  const [r] = await db.$queryRawUnsafe<{ diagnosed: number | bigint; suspected: number | bigint; unknown: number | bigint }[]>(
    `SELECT SUM(rootCause <> '') AS diagnosed, SUM(rootCause = '' AND suspectedCause <> '') AS suspected,
            SUM(rootCause = '' AND suspectedCause = '') AS unknown FROM "Case" ${where}`,
    ...params,
  );
  return { diagnosed: Number(r?.diagnosed ?? 0), suspected: Number(r?.suspected ?? 0), unknown: Number(r?.unknown ?? 0) };
}

/** Diagnosed and suspected cases per effective cause (cause groups' split, for executives). */
export async function causeSourcesByCause(range: DateRange) {
  const { where, params } = rangeSql(range);
  const rows = await db.$queryRawUnsafe<{ cause: string; diagnosed: number | bigint; suspected: number | bigint }[]>(
    `SELECT ${AXIS_SQL.cause} AS cause, SUM(rootCause <> '') AS diagnosed, SUM(rootCause = '' AND suspectedCause <> '') AS suspected
     FROM "Case" ${where} GROUP BY 1`,
    ...params,
  );
  return rows.map((r) => ({ cause: r.cause, diagnosed: Number(r.diagnosed ?? 0), suspected: Number(r.suspected ?? 0) }));
}

/** All cases by suspected cause (and how many of those are diagnosed) and by status: the executive home page. */
export async function overviewTallies() {
  const [bySuspected, byStatus] = await Promise.all([
    db.$queryRawUnsafe<{ cause: string; n: number | bigint; diagnosed: number | bigint }[]>(
      `SELECT suspectedCause AS cause, COUNT(*) AS n, SUM(rootCause <> '') AS diagnosed FROM "Case" WHERE ${IN_SCOPE_SQL} GROUP BY 1`,
    ),
    db.$queryRawUnsafe<{ status: string; n: number | bigint }[]>(`SELECT status, COUNT(*) AS n FROM "Case" WHERE ${IN_SCOPE_SQL} GROUP BY 1`),
  ]);
  return {
    bySuspected: bySuspected.map((r) => ({ cause: r.cause ?? "", count: Number(r.n), diagnosed: Number(r.diagnosed ?? 0) })),
    byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })),
  };
}

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

export async function monthlyByCause(range: DateRange) {
  const { where, params } = rangeSql(range);
  const rows = await db.$queryRawUnsafe<{ month: string; cause: string; n: bigint | number }[]>(
    `SELECT substr(raisedOn, 1, 7) AS month, ${AXIS_SQL.cause} AS cause, COUNT(*) AS n FROM "Case" ${where} GROUP BY 1, 2 ORDER BY 1`,
    ...params,
  );
  return rows.map((r) => ({ month: r.month, cause: r.cause, count: Number(r.n) }));
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

export function countCases(range: DateRange) {
  return db.case.count({
    where:
      range.from || range.to
        ? {
            ...inScope,
            raisedOn: {
              ...(range.from ? { gte: new Date(`${range.from}T00:00:00.000Z`) } : {}),
              ...(range.to ? { lte: new Date(`${range.to}T23:59:59.999Z`) } : {}),
            },
          }
        : inScope,
  });
}

/** Saved patterns, newest first; outside the comp team each name is scrubbed of its cases' reporter names. */
export async function listPatterns(viewer: Viewer, take = 200) {
  const patterns = await db.pattern.findMany({
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
  if (audienceOf(viewer.role) === "comp-team") return patterns;
  const members = await membersOf(patterns.map((p) => p.id));
  return forViewerEach(viewer, patterns, (p) => members.get(p.id) ?? []);
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
