// The case list at scale (issue 18 item 3): counts capped past COUNT_CAP ("10,000+"), the text
// search resolved inside the list's SQL, keyset pages for the date orders.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import { COUNT_CAP, countLabel, PAGE_SIZE, parseCaseListQuery, type CaseListQuery } from "~/domain/cases/list-query";
import { tenureRange } from "~/domain/cases/tenure";
import { RECORD_FIELDS } from "~/domain/cases/case-record";
import { caseSearch, countByStatus, exportCases, listCases } from "~/models/case-queries.server";
import { loader as listLoader } from "~/routes/cases._index";
import { dataChanged } from "~/utils/data-version.server";
import { cookieFor, db, getRequest, makeUser, run } from "./helpers";

type ListData = {
  rows: { id: number; raisedOn: Date }[];
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
  prev: string | null;
  next: string | null;
  statusCounts: Record<string, number>;
};

let analyst: { id: string; role: "analyst"; cookie: string };
let leader: { id: string; role: "sales_leader"; cookie: string };

const list = async (path: string, cookie = analyst.cookie) => {
  const res = await run(listLoader, getRequest(path, cookie));
  expect(res.status, path).toBe(200);
  return res.data as ListData;
};

/**
 * `count` cases straight into SQLite in one statement (the triggers keep both search indexes).
 * Each column is an SQL expression over `i` (1…count); the rest have plain defaults.
 */
async function insertCases(count: number, columns: Record<string, string>) {
  const values: Record<string, string> = {
    title: `'Case ' || i`,
    complaint: `'A complaint, number ' || i`,
    raisedOn: `'2026-01-01T00:00:00.000+00:00'`,
    channel: `'survey'`,
    reporterRole: `'ae'`,
    reporterFunction: `'sales'`,
    segment: `'smb'`,
    behaviour: `'other'`,
    status: `'new'`,
    createdById: `'${analyst.id}'`,
    createdAt: `'2026-01-01T00:00:00.000+00:00'`,
    updatedAt: `'2026-01-01T00:00:00.000+00:00'`,
    ...columns,
  };
  values.publicTitle ??= values.title;
  values.publicComplaint ??= values.complaint;
  const names = Object.keys(values);
  await db.$executeRawUnsafe(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
     INSERT INTO "Case" (${names.map((n) => `"${n}"`).join(", ")}) SELECT ${names.map((n) => values[n]).join(", ")} FROM n`,
  );
  dataChanged(); // as the app's write paths do (after-commit step): the list's cache is per data version
}

/** A day of January 2026 as Prisma stores it, from an SQL integer expression (1–28). */
const day = (expr: string) => `'2026-01-' || printf('%02d', ${expr}) || 'T00:00:00.000+00:00'`;

beforeAll(async () => {
  const a = await makeUser("analyst");
  const l = await makeUser("sales_leader");
  analyst = { id: a.id, role: "analyst", cookie: await cookieFor(a.id) };
  leader = { id: l.id, role: "sales_leader", cookie: await cookieFor(l.id) };
  // Over the cap: 10,010 new and 20 triaged cases with the word "quokka".
  await insertCases(10_010, { title: `'Quokka case ' || i`, complaint: `'The quokka plan, number ' || i` });
  await insertCases(20, { title: `'Quokka triaged ' || i`, status: `'triaged'` });
  // Keyset: 137 "wombat" cases on only 5 dates, so most rows share their raisedOn with others.
  await insertCases(137, { title: `'Wombat ' || i`, complaint: `'Wombat territory ' || i`, raisedOn: day("1 + i % 5"), segment: `'enterprise'` });
});

describe("counts past the cap", () => {
  it(`stop at ${COUNT_CAP.toLocaleString("en-US")}: the list reads "10,000+" and still pages`, async () => {
    const data = await list("/cases?q=quokka");
    expect(data.total).toBe(COUNT_CAP + 1);
    expect(data.capped).toBe(true);
    expect(countLabel(data.total)).toBe("10,000+");
    expect(data.rows).toHaveLength(PAGE_SIZE);
    expect(data.pageCount).toBe(Math.ceil((COUNT_CAP + 1) / PAGE_SIZE));
    // The status tabs: "new" is past the cap, "triaged" exact, and "All" past it too.
    expect(data.statusCounts).toEqual({ new: COUNT_CAP + 1, triaged: 20 });

    // A status under the cap is counted exactly, with its exact page count.
    const triaged = await list("/cases?q=quokka&status=triaged");
    expect(triaged).toMatchObject({ total: 20, capped: false, pageCount: 1 });
    expect(triaged.rows).toHaveLength(20);

    // Pages past the cap open and the pager grows as the reader goes on.
    const p401 = await list("/cases?q=quokka&page=401");
    expect(p401.page).toBe(401);
    expect(p401.rows).toHaveLength(PAGE_SIZE);
    expect(p401.pageCount).toBe(402);
    const last = await list("/cases?q=quokka&page=402"); // 10,030 matches: 5 on page 402
    expect(last.rows).toHaveLength(5);
    expect(last.pageCount).toBe(402);
    expect(last.next).toBeNull();
    // A bookmark past the end lands on the last page.
    const past = await list("/cases?q=quokka&page=9000");
    expect(past.page).toBe(402);
    expect(past.rows.map((r) => r.id)).toEqual(last.rows.map((r) => r.id));
  });

  it("cap the unfiltered list and its tabs the same way", async () => {
    const data = await list("/cases");
    expect(data.total).toBe(COUNT_CAP + 1);
    expect(data.statusCounts.new).toBe(COUNT_CAP + 1);
    expect(data.statusCounts.triaged).toBe(20);
    expect(countLabel(data.statusCounts.new)).toBe("10,000+");
  });

  it("take a small cap injected for a test, exactly under it and capped over it", async () => {
    const query: CaseListQuery = { q: "wombat" };
    const search = await caseSearch(query, analyst);
    expect(await countByStatus(query, analyst, search, { cap: 200 })).toEqual({ new: 137 });
    const counts = await countByStatus(query, analyst, search, { cap: 100 });
    expect(counts).toEqual({ new: 101 });
    // The list counts the same way, in date order (one ordered window) and in the others.
    expect(await listCases(query, analyst, search, { cap: 100 })).toMatchObject({ total: 101, capped: true, pageCount: 5, statusCounts: { new: 101 } });
    expect(await listCases({ ...query, sort: "-severity" }, analyst, search, { cap: 100 })).toMatchObject({ total: 101, capped: true, statusCounts: { new: 101 } });
    expect(await listCases(query, analyst, search, { cap: 500 })).toMatchObject({ total: 137, capped: false, pageCount: 6, statusCounts: { new: 137 } });
  });
});

describe("keyset pages", () => {
  /** Every page of a list by following its next links, then back by its previous links. */
  async function walk(path: string, cookie = analyst.cookie) {
    const pages: number[][] = [];
    let data = await list(path, cookie);
    const cursors: string[] = [];
    for (;;) {
      pages.push(data.rows.map((r) => r.id));
      if (!data.next) break;
      expect(data.pageCount).toBeGreaterThan(data.page);
      cursors.push(data.next);
      data = await list(`${path}&page=${data.page + 1}&after=${data.next}`, cookie);
    }
    // And back again.
    const back: number[][] = [data.rows.map((r) => r.id)];
    while (data.prev) {
      const target = data.page - 1;
      data = await list(target > 1 ? `${path}&page=${target}&before=${data.prev}` : path, cookie);
      back.unshift(data.rows.map((r) => r.id));
    }
    return { pages, back };
  }

  for (const [sort, order] of [
    ["", [{ raisedOn: "desc" }, { id: "desc" }]],
    ["&sort=raisedOn", [{ raisedOn: "asc" }, { id: "asc" }]],
  ] as const) {
    it(`repeat and skip no row when rows share a date (${sort || "default order"})`, async () => {
      const expected = (await db.case.findMany({ where: { title: { startsWith: "Wombat" } }, orderBy: [...order], select: { id: true } })).map((r) => r.id);
      expect(expected).toHaveLength(137);
      const { pages, back } = await walk(`/cases?q=wombat${sort}`);
      expect(pages.map((p) => p.length)).toEqual([25, 25, 25, 25, 25, 12]);
      expect(pages.flat()).toEqual(expected);
      expect(back).toEqual(pages);
      // The same pages by number (offset), as bookmarks open them.
      for (let p = 1; p <= 6; p++) expect((await list(`/cases?q=wombat${sort}&page=${p}`)).rows.map((r) => r.id)).toEqual(pages[p - 1]);
    });
  }

  it("work for a sales leader, over the public search index", async () => {
    const { pages } = await walk("/cases?q=wombat&segment=enterprise", leader.cookie);
    expect(pages.flat()).toHaveLength(137);
    expect(new Set(pages.flat()).size).toBe(137);
  });

  it("are not shifted by a case added at the top while someone reads, forwards or back", async () => {
    const first = await list("/cases?q=wombat");
    const second = await list(`/cases?q=wombat&page=2&after=${first.next}`);
    const third = await list(`/cases?q=wombat&page=3&after=${second.next}`);
    await insertCases(1, { title: `'Wombat newest'`, raisedOn: `'2026-02-01T00:00:00.000+00:00'` });
    // By number, page 2 now starts with page 1's last row; by cursor nothing moves.
    expect((await list("/cases?q=wombat&page=2")).rows[0].id).toBe(first.rows.at(-1)!.id);
    const forward = await list(`/cases?q=wombat&page=2&after=${first.next}`);
    expect(forward.rows).toEqual(second.rows);
    const back = await list(`/cases?q=wombat&page=2&before=${third.prev}`);
    expect(back.rows).toEqual(second.rows);
    await db.case.deleteMany({ where: { title: "Wombat newest" } });
    dataChanged();
  });

  it("are the same whatever the cap, whether or not the page lies in the first cap + 1 rows", async () => {
    // Read from the ordered window (search, segment) and by a query of its own (role).
    const queries: CaseListQuery[] = [{ q: "wombat" }, { q: "wombat", sort: "raisedOn" }, { q: "quokka", status: "triaged" }, { segment: "enterprise" }, { q: "wombat", role: "ae" }];
    for (const base of queries) {
      const pages = async (cap: number) => {
        const out: number[][] = [];
        // Forwards by cursor, then back by cursor, then by number.
        let data = await listCases(base, analyst, undefined, { cap });
        out.push(data.rows.map((r) => r.id));
        for (let p = 2; p <= 3 && data.next; p++) {
          data = await listCases({ ...base, page: p, after: data.next }, analyst, undefined, { cap });
          out.push(data.rows.map((r) => r.id));
        }
        if (data.prev && data.page > 2) out.push((await listCases({ ...base, page: data.page - 1, before: data.prev }, analyst, undefined, { cap })).rows.map((r) => r.id));
        for (let p = 1; p <= 3; p++) out.push((await listCases({ ...base, page: p }, analyst, undefined, { cap })).rows.map((r) => r.id));
        return out;
      };
      const reference = await pages(COUNT_CAP);
      expect(reference[0].length, JSON.stringify(base)).toBeGreaterThan(0);
      for (const cap of [10, 30, 60]) expect(await pages(cap), `${JSON.stringify(base)} cap ${cap}`).toEqual(reference);
    }
  });

  it("ignore a cursor on the other orders, and a stale one falls back to the page number", async () => {
    const bySeverity = await list("/cases?q=wombat&sort=-severity&page=2");
    expect(bySeverity.next).toBeNull();
    expect((await list(`/cases?q=wombat&sort=-severity&page=2&after=1_1`)).rows).toEqual(bySeverity.rows);
    // A cursor past the end of the list: page 2 by number.
    const byNumber = await list("/cases?q=wombat&page=2");
    expect((await list(`/cases?q=wombat&page=2&after=1_1`)).rows).toEqual(byNumber.rows);
  });
});

describe("filters in SQL", () => {
  // The list's filters as Prisma wrote them before the list moved to SQL: both must agree.
  function prismaWhere(query: CaseListQuery): Prisma.CaseWhereInput {
    const and: Prisma.CaseWhereInput[] = [];
    if (query.status) and.push({ status: query.status });
    if (query.function) and.push({ reporterFunction: query.function });
    if (query.role) and.push({ reporterRole: query.role });
    if (query.segment) and.push({ segment: query.segment });
    if (query.behaviour) and.push({ behaviour: query.behaviour });
    if (query.cause) and.push({ OR: [{ rootCause: query.cause }, { rootCause: "", suspectedCause: query.cause }] });
    if (query.owner) and.push(query.owner === "none" ? { ownerId: null } : { ownerId: query.owner });
    if (query.tenure) {
      const { min, max } = tenureRange(query.tenure);
      and.push({ tenureMonths: max == null ? { gte: min } : { gte: min, lte: max } });
    }
    if (query.from) and.push({ raisedOn: { gte: new Date(`${query.from}T00:00:00.000Z`) } });
    if (query.to) and.push({ raisedOn: { lte: new Date(`${query.to}T23:59:59.999Z`) } });
    return { AND: [{ title: { startsWith: "Mixed" } }, ...(query.q === "rarebird" ? [{ complaint: { contains: "rarebird" } }] : []), ...and] };
  }

  beforeAll(async () => {
    const owner = `CASE WHEN i % 3 = 0 THEN NULL ELSE '${analyst.id}' END`;
    // 2,500 "mixed" cases: more than a narrow search (2,000), so "mixed" is searched the broad
    // way; "rarebird" (one in eleven) the narrow way.
    await insertCases(2_500, {
      title: `'Mixed ' || i`,
      complaint: `'Mixed bag ' || CASE WHEN i % 11 = 5 THEN 'rarebird ' ELSE '' END || i`,
      raisedOn: day("1 + i % 28"),
      status: `CASE i % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'triaged' WHEN 2 THEN 'closed' ELSE 'diagnosing' END`,
      reporterFunction: `CASE i % 3 WHEN 0 THEN 'sales' WHEN 1 THEN 'finance' ELSE 'product' END`,
      reporterRole: `CASE i % 2 WHEN 0 THEN 'ae' ELSE 'other' END`,
      segment: `CASE i % 5 WHEN 0 THEN 'smb' WHEN 1 THEN 'enterprise' ELSE 'mid_market' END`,
      behaviour: `CASE i % 2 WHEN 0 THEN 'discounting' ELSE 'other' END`,
      suspectedCause: `CASE i % 3 WHEN 0 THEN 'quota_setting' WHEN 1 THEN 'territory_imbalance' ELSE '' END`,
      rootCause: `CASE i % 7 WHEN 0 THEN 'quota_setting' WHEN 1 THEN 'plan_mechanics' ELSE '' END`,
      tenureMonths: `CASE WHEN i % 11 = 0 THEN NULL ELSE i % 60 END`,
      severityRank: `1 + i % 4`,
      ownerId: owner,
    });
  });

  const queries = [
    "status=triaged",
    "function=finance&role=ae",
    "segment=enterprise&behaviour=discounting",
    "cause=quota_setting",
    "cause=plan_mechanics&status=new",
    "owner=none",
    "tenure=lt6m",
    "tenure=4yplus",
    "from=2026-01-10&to=2026-01-12",
    "to=2026-01-03&sort=-severity",
    "sort=status&segment=mid_market",
    "sort=-updatedAt&function=product",
  ];
  it("export the same rows, fields and types as Prisma reads them, in the list's order", async () => {
    for (const qs of ["q=mixed&segment=enterprise", "q=rarebird&sort=-severity&owner=none", "q=mixed&sort=raisedOn&tenure=2to4y"]) {
      const query = parseCaseListQuery(new URLSearchParams(qs));
      const select = { id: true, externalId: true, ...RECORD_FIELDS, ownerId: false, duplicateOfId: false, reporterName: true, confidential: true } as const;
      const byPrisma = await db.case.findMany({
        where: prismaWhere(query),
        select,
        orderBy: query.sort === "-severity" ? [{ severityRank: "desc" }, { raisedOn: "desc" }, { id: "desc" }] : query.sort === "raisedOn" ? [{ raisedOn: "asc" }, { id: "asc" }] : [{ raisedOn: "desc" }, { id: "desc" }],
      });
      expect(byPrisma.length, qs).toBeGreaterThan(0);
      const expected = byPrisma.map((r) => ({ ...r, externalId: r.externalId ?? `case-${r.id}`, tags: r.tags.split(",").filter(Boolean) }));
      expect(await exportCases(query, analyst), qs).toEqual(expected);
    }
  });

  for (const word of ["mixed", "rarebird"]) {
    for (const qs of queries) {
      it(`agree with the Prisma filters: q=${word}&${qs}`, async () => {
        const query = parseCaseListQuery(new URLSearchParams(`q=${word}&${qs}`));
        expect((await caseSearch(query, analyst))?.broad).toBe(word === "mixed");
        const expected = await db.case.count({ where: prismaWhere(query) });
        expect(expected, "the data set should exercise the filter").toBeGreaterThan(0);
        const page = await listCases(query, analyst);
        expect(page.total).toBe(expected);
        expect(page.statusCounts).toEqual(await countByStatus(query, analyst));
        const ids = page.rows.map((r) => r.id);
        const byPrisma = await db.case.findMany({
          where: prismaWhere(query),
          select: { id: true },
          take: PAGE_SIZE,
          orderBy:
            query.sort === "-severity"
              ? [{ severityRank: "desc" }, { raisedOn: "desc" }, { id: "desc" }]
              : query.sort === "status"
                ? [{ status: "asc" }, { raisedOn: "desc" }, { id: "desc" }]
                : query.sort === "-updatedAt"
                  ? [{ updatedAt: "desc" }, { id: "desc" }]
                  : [{ raisedOn: "desc" }, { id: "desc" }],
        });
        expect(ids).toEqual(byPrisma.map((r) => r.id));
        // A sales leader searches the public index and gets the same (the text names nobody).
        expect((await listCases(query, leader)).rows.map((r) => r.id)).toEqual(ids);
      });
    }
  }
});
