// The pattern page right after a write, at scale (issue 18, decision 022): the themes' view is
// worked out on a worker thread, exactly as the server's thread would work it out, and the page
// answers with the last view marked "updating" instead of waiting for the new one.
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { GROUPING_CAP, INSIGHTS_STALE_FROM, settleInsights } from "~/models/pattern-insights.server";
import { casesForGrouping } from "~/models/pattern.server";
import { readCasesForGrouping } from "~/workers/grouping.worker";
import { patternCountQueries, readPatternCounts, type SqlRows } from "~/models/pattern-counts";
import type { ReadSqlJob, ReadSqlResult } from "~/workers/read-sql.worker";
import { settleThemes } from "~/models/theme-recompute.server";
import { computeInProcess, recordThemeEdit, settleThemeViews, THEME_VIEWS_ON_WORKER_FROM } from "~/models/theme.server";
import { getEnv } from "~/utils/env.server";
import { runWorker } from "~/utils/worker.server";
import type { ThemeViewJob, ThemeViewResult } from "~/workers/theme-view.worker";
import { loader } from "~/routes/patterns._index";
import { cookieFor, db, getRequest, makeUser, newCase, run, plantCases, validCase } from "./helpers";

const totalOf = (data: unknown) => Number((data as { total: string }).total.replace(/,/g, ""));
type ThemesShown = { updating: boolean; coverage: { total: number } | null; themes: { id: string; name: string; count: number }[] };
const themesOf = (data: unknown) => (data as { themes: ThemesShown }).themes;

let analystId = "";
let cookie = "";
beforeAll(async () => {
  const analyst = await makeUser("analyst");
  analystId = analyst.id;
  cookie = await cookieFor(analyst.id);
  // Enough cases in themes that the view leaves the server's thread.
  await plantCases(THEME_VIEWS_ON_WORKER_FROM + 300, analyst.id);
  await settleThemes();
}, 180_000);

describe("the themes' view on a worker thread", () => {
  it("equals the view the server's thread works out, the comp team's edits replayed", async () => {
    const first = await computeInProcess();
    expect(first.members).toBeGreaterThanOrEqual(THEME_VIEWS_ON_WORKER_FROM);
    await recordThemeEdit({ kind: "rename", themeId: first.themes[0].id, name: "Renamed by the comp team" }, analystId);
    await recordThemeEdit({ kind: "move", themeId: first.themes[1].id, caseIds: [first.themes[0].caseIds[0]] }, analystId);
    const inProcess = await computeInProcess();
    const onWorker = await runWorker<ThemeViewResult>("theme-view", { file: getEnv().databaseUrl.replace(/^file:/, "") } satisfies ThemeViewJob);
    expect(onWorker.ok).toBe(true);
    if (!onWorker.ok) return;
    expect(onWorker.themes.some((t) => t.name === "Renamed by the comp team")).toBe(true);
    expect(onWorker.themes).toEqual(inProcess.themes);
    expect({ coverage: onWorker.coverage, total: onWorker.total, members: onWorker.members }).toEqual({ coverage: inProcess.coverage, total: inProcess.total, members: inProcess.members });
  }, 120_000);
});

describe("the pattern figures on a worker thread", () => {
  it("are the counts the server's connection gives, every query of an executive's page", async () => {
    const queries = patternCountQueries({}, true);
    const here: Record<string, SqlRows> = {};
    for (const [name, q] of Object.entries(queries)) here[name] = await db.$queryRawUnsafe<SqlRows>(q.sql, ...q.params);
    const there = await runWorker<ReadSqlResult>("read-sql", { file: getEnv().databaseUrl.replace(/^file:/, ""), queries } satisfies ReadSqlJob);
    expect(there.ok).toBe(true);
    if (!there.ok) return;
    const counts = readPatternCounts(there.rows);
    expect(counts.total).toBeGreaterThanOrEqual(INSIGHTS_STALE_FROM);
    expect(counts).toEqual(readPatternCounts(here));
  }, 60_000);
});

describe("the cases text grouping looks at, read by its worker", () => {
  it("are the cases the server's query reads, newest first, for all time and for a range", async () => {
    const file = getEnv().databaseUrl.replace(/^file:/, "");
    for (const range of [{}, { from: "2026-01-20", to: "2026-02-10" }]) {
      const there = readCasesForGrouping(file, range, GROUPING_CAP);
      expect(there.length).toBeGreaterThan(100);
      expect(there).toEqual(await casesForGrouping(range, GROUPING_CAP));
    }
  }, 60_000);
});

describe("the pattern page after a write", () => {
  it("answers with the last themes marked updating and the last figures, then with the new ones", async () => {
    const before = themesOf((await run(loader, getRequest("/patterns", cookie))).data);
    await settleThemeViews();
    const settledPage = (await run(loader, getRequest("/patterns", cookie))).data;
    const settled = themesOf(settledPage);
    expect(settled.updating).toBe(false);
    expect(totalOf(settledPage)).toBeGreaterThanOrEqual(INSIGHTS_STALE_FROM);

    await newCase(caseFormSchema.parse({ ...validCase, complaint: "Written just before the pattern page was read." }), analystId);
    const rightPage = (await run(loader, getRequest("/patterns", cookie))).data;
    const right = themesOf(rightPage);
    // The last view and figures, not ones that waited: they do not count the new case yet.
    expect(totalOf(rightPage)).toBe(totalOf(settledPage));
    expect(right.updating).toBe(true);
    expect(right.coverage?.total).toBe(settled.coverage?.total);
    expect(right.themes.map((t) => [t.id, t.count])).toEqual(settled.themes.map((t) => [t.id, t.count]));
    expect(before.coverage?.total).toBe(settled.coverage?.total);

    await settleThemes();
    await settleThemeViews();
    await settleInsights();
    const afterPage = (await run(loader, getRequest("/patterns", cookie))).data;
    expect(totalOf(afterPage)).toBe(totalOf(settledPage) + 1);
    const after = themesOf(afterPage);
    expect(after.updating).toBe(false);
    expect(after.coverage?.total).toBe((settled.coverage?.total ?? 0) + 1);
  }, 120_000);

  it("shows the comp team's own edit at once, never a stale view", async () => {
    const shown = themesOf((await run(loader, getRequest("/patterns", cookie))).data);
    await recordThemeEdit({ kind: "rename", themeId: shown.themes[0].id, name: "Named just now" }, analystId);
    const next = themesOf((await run(loader, getRequest("/patterns", cookie))).data);
    expect(next.themes.find((t) => t.id === shown.themes[0].id)?.name).toBe("Named just now");
  }, 120_000);
});
