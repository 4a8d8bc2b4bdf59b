import type { Prisma } from "~/generated/prisma/client";
import type { PatternCase } from "~/domain/patterns/types";
import { db } from "~/utils/db.server";
import { reporterKeyOf } from "~/utils/reporter-key";
import { causeSelect, reporterProfileSelect } from "./case-selects.server";

// The case fields pattern logic reads (grouping, recurrence), and the watched patterns a new
// or changed case is checked against. Apart from pattern.server so the after-commit step can
// use them without an import cycle.

export const patternCaseSelect = {
  id: true,
  title: true,
  complaint: true,
  raisedOn: true,
  ...reporterProfileSelect,
  ...causeSelect,
} satisfies Prisma.CaseSelect;

/** What grouping also needs to count independent reports: who raised it, and the team's region. */
export const reporterSelect = { reporterName: true, region: true } satisfies Prisma.CaseSelect;

/**
 * A case as the patterns domain takes it: the reporter's name replaced by an opaque key (the
 * same person gives the same key), so it can count reports without carrying a name.
 */
export function withReporterKey<T extends { reporterName: string; region: string }>({ reporterName, ...c }: T): Omit<T, "reporterName"> & Pick<PatternCase, "reporterKey"> {
  return { ...c, reporterKey: reporterKeyOf(reporterName) };
}

/** Patterns whose fix is in place: a new case like theirs means the problem came back. */
export function watchedPatterns() {
  return db.pattern.findMany({
    where: { status: { in: ["monitoring", "resolved"] } },
    select: { id: true, status: true, cases: { select: { case: { select: patternCaseSelect } } } },
  });
}

export async function recordRecurrence(patternId: number, caseId: number, score: number) {
  await db.patternRecurrence.upsert({
    where: { patternId_caseId: { patternId, caseId } },
    create: { patternId, caseId, score },
    update: { score },
  });
}


/** The case ids of each of these saved patterns, in one query. */
export async function membersOf(patternIds: readonly number[]): Promise<Map<number, number[]>> {
  const rows = await db.patternCase.findMany({ where: { patternId: { in: [...patternIds] } }, select: { patternId: true, caseId: true } });
  const members = new Map<number, number[]>();
  for (const r of rows) members.set(r.patternId, [...(members.get(r.patternId) ?? []), r.caseId]);
  return members;
}
