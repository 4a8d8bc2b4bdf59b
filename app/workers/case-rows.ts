// Case rows as a worker reads them straight from SQLite (no Prisma on a worker thread, decision
// 020), turned into the patterns domain's PatternCase: the date parsed, the reporter's name
// replaced by its key. Shared by the theme workers.
import type { PatternCase } from "../domain/patterns/types";
import { reporterKeyOf } from "../utils/reporter-key";

/** The columns of patternCaseSelect + reporterSelect (app/models/pattern-case.server.ts). */
export const PATTERN_CASE_COLUMNS = `id, title, complaint, raisedOn, reporterFunction, reporterRole, segment, tenureMonths, behaviour, suspectedCause, rootCause, reporterName, region`;

export type PatternCaseRow = Omit<PatternCase, "raisedOn" | "reporterKey"> & { title: string; raisedOn: string | number; reporterName: string; region: string };

// Prisma keeps DateTime as ISO text with an offset; an integer (epoch ms) is read too.
export const asDate = (v: string | number) => new Date(v);

export function patternCaseOf({ reporterName, raisedOn, ...c }: PatternCaseRow): PatternCase & { title: string; region: string } {
  return { ...c, raisedOn: asDate(raisedOn), reporterKey: reporterKeyOf(reporterName) };
}
