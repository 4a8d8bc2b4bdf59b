// Themes and suggested groups are computed on worker threads (decision 020): the server's thread keeps answering
// while a recomputation runs, the worker's result is what the page then serves, and a failing
// worker leaves the last themes in place.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it, vi } from "vitest";
import { GROUP_ON_WORKER_FROM, GROUPING_CAP, patternInsights, settleSuggestions } from "~/models/pattern-insights.server";
import { checkCaseFile } from "~/models/case-import.server";
import { lastRecompute, recomputeThemes, scheduleThemeRecompute, settleThemes, themesUpdating } from "~/models/theme-recompute.server";
import { allThemes, settleThemeViews, themePage } from "~/models/theme.server";
import { runWorker, WORKER_HEAP_MB, workerBudget, workerHeap } from "~/utils/worker.server";
import type { ThemeViewResult } from "~/workers/theme-view.worker";
import { getEnv } from "~/utils/env.server";
import { partitionThemes } from "~/domain/patterns/theme-partition";
import { reporterKeyOf } from "~/utils/reporter-key";
import { db, makeUser, plantCases } from "./helpers";

describe("suggested groups: stale while revalidating, on a worker thread", () => {
  it("after a write serves the last groups at once and the new ones once the worker is done", async () => {
    const analyst = await makeUser("analyst");
    const viewer = { id: analyst.id, role: "analyst" as const };
    const before = (await patternInsights({}, viewer)).grouped;
    // Enough cases that the new grouping runs on the worker thread.
    const added = GROUP_ON_WORKER_FROM + 20;
    expect(before + added).toBeLessThanOrEqual(GROUPING_CAP);
    await plantCases(added, analyst.id);
    // The first request after the write does not wait for the grouping: it gets the last one.
    expect((await patternInsights({}, viewer)).grouped).toBe(before);
    await settleSuggestions();
    expect((await patternInsights({}, viewer)).grouped).toBe(before + added);
  }, 120_000);
});

describe("themes on a worker thread", () => {
  it("recomputes off the server's thread: the event loop keeps turning while the worker partitions", async () => {
    await plantCases(5_000, (await makeUser("analyst")).id);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    await settleThemes();
    delay.disable();
    const { worker } = lastRecompute();
    expect(worker).toMatchObject({ ok: true, cases: await db.case.count() });
    if (!worker?.ok) return;
    // It ran on another thread than the server's (thread 0)…
    expect(worker.threadId).toBeGreaterThan(0);
    // …so the server's loop never stalled for the partition's length (on the server's thread
    // it would have, all of it at once), even on a loaded machine.
    expect(worker.computeMs).toBeGreaterThan(300);
    expect(delay.max / 1e6).toBeLessThan(worker.computeMs * 0.6);
    const stored = await allThemes();
    expect(stored.themes.length).toBe(worker.themes);
    expect(new Set(stored.themes.flatMap((t) => t.caseIds)).size).toBeLessThanOrEqual(await db.case.count());
  }, 120_000);
});

describe("the worker reads every piece of evidence (decision 031: it holds the cases compactly)", () => {
  it("stores the partition the themes code makes of the same cases read in full: details, Five Whys answers, diagnosis", async () => {
    const analyst = await makeUser("analyst");
    await plantCases(300, analyst.id);
    // Evidence beyond the complaint, on some cases: a theme only it can make.
    const some = (await db.case.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 60 })).map((c) => c.id);
    for (const [i, id] of some.entries()) {
      await db.case.update({
        where: { id },
        data: {
          behaviourDetail: i % 2 ? "Reps hold deals back to the next quarter" : "",
          causeDetail: "The accelerator cliff resets every quarter",
          rootCause: i % 3 ? "plan_mechanics" : "",
          rootCauseStatement: i % 3 ? "Accelerator cliff at quarter end rewards sandbagging" : "",
          region: "EMEA",
          whySteps: { create: [{ position: 1, question: "Why?", answer: "The accelerator cliff resets each quarter" }, { position: 2, question: "Why?", answer: "" }] },
        },
      });
    }
    await settleThemes();
    const stored = await db.theme.findMany({ select: { terms: true, typicalCaseId: true, dominantCause: true, cases: { select: { caseId: true } } } });
    const rows = await db.case.findMany({
      include: { whySteps: { select: { answer: true }, where: { answer: { not: "" } }, orderBy: { position: "asc" } } },
    });
    const expected = partitionThemes(
      rows.map((c) => ({
        ...c,
        reporterKey: reporterKeyOf(c.reporterName),
        details: [c.behaviourDetail, c.causeDetail].filter(Boolean).join("\n"),
        whys: c.whySteps.map((w) => w.answer),
      })),
    );
    const shape = (t: { caseIds: number[]; terms: string[]; typicalCaseId: number | null; dominantCause: string }) => ({ ...t, caseIds: [...t.caseIds].sort((a, b) => a - b) });
    const byFirst = (a: { caseIds: number[] }, b: { caseIds: number[] }) => a.caseIds[0] - b.caseIds[0];
    expect(expected.some((t) => t.caseIds.some((id) => some.includes(id)))).toBe(true);
    expect(stored.map((t) => shape({ caseIds: t.cases.map((c) => c.caseId), terms: JSON.parse(t.terms) as string[], typicalCaseId: t.typicalCaseId, dominantCause: t.dominantCause })).sort(byFirst)).toEqual(
      expected.map((t) => shape({ caseIds: t.caseIds, terms: t.terms, typicalCaseId: t.typicalCaseId, dominantCause: t.dominantCause })).sort(byFirst),
    );
  }, 120_000);
});

describe("a worker past its heap cap (decision 026)", () => {
  it("stops on its own: the last themes stay shown, marked updating, the failure is logged, and the next recompute works", async () => {
    const analyst = await makeUser("analyst");
    const viewer = { id: analyst.id, role: "analyst" as const };
    await plantCases(400, analyst.id);
    await settleThemes();
    await settleThemeViews();
    const before = await themePage(viewer, 1);
    const stored = await db.themeCase.count();
    expect(stored).toBeGreaterThan(0);

    const cap = WORKER_HEAP_MB["theme-recompute"];
    const extra = workerHeap.fromSourceExtraMb;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // A cap far below what the worker needs: it runs out of heap.
      WORKER_HEAP_MB["theme-recompute"] = { old: 4, young: 1 };
      workerHeap.fromSourceExtraMb = 0;
      await plantCases(100, analyst.id);
      scheduleThemeRecompute();
      await vi.waitFor(() => expect(logged.mock.calls.some(([m]) => /Recomputing themes failed; the last themes stay shown/.test(String(m)))).toBe(true), { timeout: 60_000, interval: 100 });
      const failure = logged.mock.calls.find(([m]) => /Recomputing themes failed/.test(String(m)));
      expect(String(failure?.[1])).toMatch(/memory limit|out of memory/i);
      // The server's side carries on: the stored themes are the last ones, shown as updating.
      expect(await db.themeCase.count()).toBe(stored);
      expect(themesUpdating()).toBe(true);
      const after = await themePage(viewer, 1);
      expect(after.themes.map((t) => [t.id, t.count])).toEqual(before.themes.map((t) => [t.id, t.count]));
      expect(after.updating).toBe(true);
    } finally {
      WORKER_HEAP_MB["theme-recompute"] = cap;
      workerHeap.fromSourceExtraMb = extra;
      logged.mockRestore();
    }
    // With its cap back the next recompute takes the new cases in.
    await settleThemes();
    expect(lastRecompute().worker).toMatchObject({ ok: true, cases: await db.case.count() });
    expect(themesUpdating()).toBe(false);
  }, 120_000);
});

describe("workers take turns within a heap budget (decision 026)", () => {
  it("the themes recompute and the themes' view never hold their heaps at once: the second waits for the first", async () => {
    await plantCases(1_000, (await makeUser("analyst")).id);
    await vi.waitFor(() => expect(workerBudget()).toMatchObject({ running: 0, waiting: 0 }), { timeout: 60_000 }); // earlier tests' background work
    const recompute = recomputeThemes();
    const view = runWorker<ThemeViewResult>("theme-view", { file: getEnv().databaseUrl.replace(/^file:/, "") });
    expect(workerBudget()).toMatchObject({ running: 1, waiting: 1, inUseMb: WORKER_HEAP_MB["theme-recompute"].old + WORKER_HEAP_MB["theme-recompute"].young });
    await recompute;
    await vi.waitFor(() => expect(workerBudget()).toMatchObject({ waiting: 0 }));
    expect((await view).ok).toBe(true);
    await vi.waitFor(() => expect(workerBudget()).toMatchObject({ inUseMb: 0, running: 0 })); // released just after the answer
  }, 120_000);

  it("an import's check does not wait behind a themes recompute: the recompute gives way, then starts over and completes", async () => {
    await plantCases(3_000, (await makeUser("analyst")).id);
    const order: string[] = [];
    const recompute = recomputeThemes().then(() => order.push("themes"));
    await new Promise((r) => setTimeout(r, 200)); // the recompute's worker is running
    const dir = mkdtempSync(join(tmpdir(), "upstream-check-"));
    writeFileSync(join(dir, "cases.csv"), "Complaint,Behaviour of concern\r\nQuota doubled overnight,Discounting\r\n");
    const read = await checkCaseFile({ path: join(dir, "cases.csv"), name: "cases.csv" }, { mapping: null, lastMapping: null, choices: { values: {}, remembered: {} } });
    order.push("check");
    expect(read).toMatchObject({ ok: true, check: { rowCount: 1 } });
    await recompute;
    expect(order).toEqual(["check", "themes"]);
    expect(lastRecompute().worker).toMatchObject({ ok: true, cases: await db.case.count() });
  }, 120_000);
});
