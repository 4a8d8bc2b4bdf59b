import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

// The case fields pattern logic reads (grouping, recurrence), and the watched patterns a new
// or changed case is checked against. Apart from pattern.server so the after-commit step can
// use them without an import cycle.

export const patternCaseSelect = {
  id: true,
  title: true,
  complaint: true,
  raisedOn: true,
  reporterFunction: true,
  reporterRole: true,
  segment: true,
  tenureMonths: true,
  behaviour: true,
  suspectedCause: true,
  rootCause: true,
} satisfies Prisma.CaseSelect;

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

