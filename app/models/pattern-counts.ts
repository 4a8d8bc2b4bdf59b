// The counts the pattern page is built from, as SQL and as the rows SQLite answers: one place
// for both readers — the server's connection (small databases) and a worker thread's read-only
// connection (decision 022: at 100,000 cases the dozen GROUP BYs take ~0.5 s of the thread that
// runs them). Plain module, no Prisma: a worker bundles it.
import { MATRICES } from "../domain/patterns/axes";
import type { Tally } from "../domain/patterns/matrix";

export type DateRange = { from?: string; to?: string };

// SQL for the pattern axes: the same rules as app/domain/patterns/axes.ts, pushed into one
// GROUP BY so 100,000 cases are counted without loading them.
export const AXIS_SQL = {
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
export const IN_SCOPE_SQL = `triageClass IN ('', 'plan_design')`;

export function rangeSql(range: DateRange, { allClasses = false } = {}) {
  const parts: string[] = allClasses ? [] : [IN_SCOPE_SQL];
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
  return { where: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

export type SqlQuery = { sql: string; params: string[] };
export type SqlRows = Record<string, unknown>[];

/** Every query of one pattern page, by name. Executives' pages count more (disclosure control links them). */
export function patternCountQueries(range: DateRange, suppress: boolean): Record<string, SqlQuery> {
  const { where, params } = rangeSql(range);
  const tally = (row: AxisName, col: AxisName) => ({ sql: `SELECT ${AXIS_SQL[row]} AS row, ${AXIS_SQL[col]} AS col, COUNT(*) AS n FROM "Case" ${where} GROUP BY 1, 2`, params });
  const queries: Record<string, SqlQuery> = {
    sources: {
      sql: `SELECT SUM(rootCause <> '') AS diagnosed, SUM(rootCause = '' AND suspectedCause <> '') AS suspected,
              SUM(rootCause = '' AND suspectedCause = '') AS unknown FROM "Case" ${where}`,
      params,
    },
    monthly: { sql: `SELECT substr(raisedOn, 1, 7) AS month, ${AXIS_SQL.cause} AS cause, COUNT(*) AS n FROM "Case" ${where} GROUP BY 1, 2 ORDER BY 1`, params },
    total: { sql: `SELECT COUNT(*) AS n FROM "Case" ${where}`, params },
    // Every triage class, the sorted-out ones too (the page's "Cases by triage class").
    triage: (({ where: all, params: p }) => ({ sql: `SELECT triageClass AS cls, COUNT(*) AS n FROM "Case" ${all} GROUP BY 1`, params: p }))(rangeSql(range, { allClasses: true })),
  };
  MATRICES.forEach((m, i) => (queries[`matrix${i}`] = tally(m.rows, m.cols)));
  if (suppress) {
    queries.causeRole = tally("cause", "role");
    queries.sourcesByCause = {
      sql: `SELECT ${AXIS_SQL.cause} AS cause, SUM(rootCause <> '') AS diagnosed, SUM(rootCause = '' AND suspectedCause <> '') AS suspected FROM "Case" ${where} GROUP BY 1`,
      params,
    };
    if (!range.from && !range.to) {
      queries.bySuspected = { sql: `SELECT suspectedCause AS cause, COUNT(*) AS n, SUM(rootCause <> '') AS diagnosed FROM "Case" WHERE ${IN_SCOPE_SQL} GROUP BY 1`, params: [] };
      queries.byStatus = { sql: `SELECT status, COUNT(*) AS n FROM "Case" WHERE ${IN_SCOPE_SQL} GROUP BY 1`, params: [] };
    }
  }
  return queries;
}

const num = (v: unknown) => Number(v ?? 0);
const str = (v: unknown) => (v == null ? "" : String(v));
const talliesOf = (rows: SqlRows = []): Tally[] => rows.map((r) => ({ row: str(r.row), col: str(r.col), count: num(r.n) }));

/** The answers to patternCountQueries, read into the figures the page is built from. */
export function readPatternCounts(rows: Record<string, SqlRows>) {
  const [s] = rows.sources ?? [];
  return {
    matrices: MATRICES.map((_, i) => talliesOf(rows[`matrix${i}`])),
    sources: { diagnosed: num(s?.diagnosed), suspected: num(s?.suspected), unknown: num(s?.unknown) },
    monthly: (rows.monthly ?? []).map((r) => ({ month: str(r.month), cause: str(r.cause), count: num(r.n) })),
    total: num(rows.total?.[0]?.n),
    triage: new Map((rows.triage ?? []).map((r) => [str(r.cls), num(r.n)])),
    causeRole: rows.causeRole ? talliesOf(rows.causeRole) : null,
    sourcesByCause: rows.sourcesByCause ? rows.sourcesByCause.map((r) => ({ cause: str(r.cause), diagnosed: num(r.diagnosed), suspected: num(r.suspected) })) : null,
    overview:
      rows.bySuspected && rows.byStatus
        ? {
            bySuspected: rows.bySuspected.map((r) => ({ cause: str(r.cause), count: num(r.n), diagnosed: num(r.diagnosed) })),
            byStatus: rows.byStatus.map((r) => ({ status: str(r.status), count: num(r.n) })),
          }
        : undefined,
  };
}
export type PatternCounts = ReturnType<typeof readPatternCounts>;
