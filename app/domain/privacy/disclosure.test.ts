import { describe, expect, it } from "vitest";
import {
  audit,
  DisclosureProblem,
  EXEC_MIN_CELL,
  protect,
  protectSplit,
  protectTable,
  showCount,
  snapExecRange,
  WITHHELD_TEXT,
  type ShownTable,
} from "./disclosure";
import { seeded, solveBounds, solveExhaustive, solveLines, tablePage, type Page, type Shown } from "./disclosure-attacker";
import { showCount as legacyShowCount, EXEC_MIN_CELL as LEGACY_MIN } from "./suppress";

const hiddenKeys = (page: Page) => [...page.shown].filter(([, s]) => s.value === null).map(([k]) => k);

/** Runs every attacker over a page; returns what any of them recovered. */
function attack(page: Page, { exhaustive = false } = {}) {
  const found = new Map<string, number>();
  for (const [k, v] of solveLines(page)) found.set(k, v);
  for (const [k, v] of solveBounds(page)) found.set(k, v);
  if (exhaustive) for (const [k, v] of solveExhaustive(page)) found.set(k, v);
  // Only hidden published figures count (an unpublished total worked out is not a leak by itself).
  return [...found].filter(([k]) => page.shown.get(k)?.value === null);
}

function expectSafe(t: ShownTable, counts: number[][], options: { exhaustive?: boolean } = {}) {
  const page = tablePage(t);
  const leaks = attack(page, options);
  expect(leaks, `recovered from ${JSON.stringify(counts)}: ${JSON.stringify(leaks)}`).toEqual([]);
  // Primary rule: no shown figure is 1 or 2.
  for (const [k, s] of page.shown) expect([1, 2], k).not.toContain(s.value);
  // Shown figures are the true ones.
  counts.forEach((row, ri) => row.forEach((n, ci) => {
    const s = t.cells[ri][ci];
    if (s.value !== null) expect(s.value).toBe(n);
  }));
}

describe("primary suppression", () => {
  it("keeps showCount and the threshold of 3, also from the old module", () => {
    expect(EXEC_MIN_CELL).toBe(3);
    expect(LEGACY_MIN).toBe(3);
    expect(showCount(2, true)).toEqual({ value: null, text: "<3" });
    expect(legacyShowCount(1, true)).toEqual({ value: null, text: "<3" });
    expect(showCount(0, true)).toEqual({ value: 0, text: "0" });
    expect(showCount(3, true)).toEqual({ value: 3, text: "3" });
    expect(showCount(2, false)).toEqual({ value: 2, text: "2" });
  });
});

describe("secondary suppression of a table with totals", () => {
  it("hides a second cell when a row total would give the hidden one away (the tester's 4 = 3 + <3)", () => {
    // Row: 3 and 1, total 4. Column totals 6 and 4 (another row 3 | 3).
    const counts = [
      [3, 1],
      [3, 3],
    ];
    const t = protectTable(counts);
    expect(t.cells[0][1].text).toBe("<3");
    expect(solveLines(tablePage(t)).size).toBe(0);
    expectSafe(t, counts, { exhaustive: true });
    // Something besides the small cell is withheld in its row and its column.
    const withheldInRow = [t.cells[0][0], t.rowTotals[0]].filter((s) => s.value === null);
    const withheldInCol = [t.cells[1][1], t.colTotals[1]].filter((s) => s.value === null);
    expect(withheldInRow.length).toBeGreaterThan(0);
    expect(withheldInCol.length).toBeGreaterThan(0);
  });

  it("suppresses totals of 1–2 too", () => {
    const t = protectTable([[1, 0], [0, 5]]);
    expect(t.rowTotals[0].text).toBe("<3");
    expect(t.colTotals[0].text).toBe("<3");
    expectSafe(t, [[1, 0], [0, 5]], { exhaustive: true });
  });

  it("a row whose two small cells meet a small total is not left as “each is 1”", () => {
    // Two listed cells under a total of "<3" would each have to be 1.
    const counts = [
      [1, 1, 0],
      [4, 3, 5],
    ];
    const t = protectTable(counts);
    expectSafe(t, counts, { exhaustive: true });
  });

  it("leaves a table with nothing small untouched", () => {
    const counts = [
      [3, 4],
      [5, 0],
    ];
    const t = protectTable(counts);
    expect(t.cells.flat().every((c) => c.value !== null)).toBe(true);
    expect(t.total).toEqual({ value: 12, text: "12" });
  });

  it("withheld figures read “x”, small ones “<3”", () => {
    const t = protectTable([[3, 1], [3, 3]]);
    const texts = new Set([...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total].filter((c) => c.value === null).map((c) => c.text));
    for (const text of texts) expect(["<3", WITHHELD_TEXT]).toContain(text);
    expect(texts.has(WITHHELD_TEXT)).toBe(true);
  });

  it("is deterministic", () => {
    const counts = [[2, 5, 1], [3, 0, 7], [1, 1, 4]];
    expect(protectTable(counts)).toEqual(protectTable(counts));
  });

  it("random tables (seeded): no attacker recovers a hidden figure", () => {
    const rnd = seeded(20261126);
    let hidden = 0;
    for (let n = 0; n < 300; n++) {
      const rows = 1 + Math.floor(rnd() * 4);
      const cols = 1 + Math.floor(rnd() * 4);
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => {
          const r = rnd();
          return r < 0.3 ? 0 : r < 0.65 ? 1 + Math.floor(rnd() * 2) : 3 + Math.floor(rnd() * 6);
        }),
      );
      const t = protectTable(counts);
      hidden += hiddenKeys(tablePage(t)).length;
      // The exhaustive search is complete but slow: run it on the smaller tables.
      expectSafe(t, counts, { exhaustive: rows * cols <= 9 });
    }
    expect(hidden).toBeGreaterThan(300); // the tables did have something to hide
  });

  it("random tables whose empty cells also read “<3” (an executive's matrix): nothing recovered", () => {
    const rnd = seeded(777);
    for (let n = 0; n < 400; n++) {
      const rows = 1 + Math.floor(rnd() * 3);
      const cols = 1 + Math.floor(rnd() * 4);
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => {
          const r = rnd();
          return r < 0.35 ? 0 : r < 0.75 ? 1 + Math.floor(rnd() * 2) : 3 + Math.floor(rnd() * 6);
        }),
      );
      const p = new DisclosureProblem().table({
        totalKey: "all",
        rowKeys: counts.map((_, i) => `r${i}`),
        colKeys: counts[0].map((_, i) => `c${i}`),
        cellKey: (r, c) => `r${r}/c${c}`,
        counts,
        cellOptions: (_r, _c, v) => ({ small: v < 3, smallBounds: [0, 2] }),
      });
      const d = protect(p);
      const shown = new Map<string, Shown>([...p.figures.keys()].map((k) => [k, d.show(k)]));
      const page: Page = { shown, sums: p.relations, mayBeEmpty: (k) => k.includes("/") };
      const leaks = attack(page, { exhaustive: true }).filter(([, v]) => v !== 0);
      expect(leaks, JSON.stringify(counts)).toEqual([]);
    }
  });

  it("larger sparse tables like a real matrix: no linear or bounds solution", () => {
    const rnd = seeded(7);
    for (let n = 0; n < 20; n++) {
      const counts = Array.from({ length: 11 }, () =>
        Array.from({ length: 8 }, () => {
          const r = rnd();
          return r < 0.55 ? 0 : r < 0.85 ? 1 + Math.floor(rnd() * 2) : 3 + Math.floor(rnd() * 8);
        }),
      );
      expectSafe(protectTable(counts), counts);
    }
  });
});

describe("the split rule", () => {
  it("hides the other part when one part is hidden beside a shown total (11 = <3 diagnosed + 9 suspected)", () => {
    const s = protectSplit(11, [2, 9]);
    expect(s.parts[0].text).toBe("<3");
    expect(s.parts[1].value).toBeNull();
    expect(s.total).toEqual({ value: 11, text: "11" });
  });

  it("shows both parts when neither is small", () => {
    expect(protectSplit(12, [4, 8]).parts.map((p) => p.value)).toEqual([4, 8]);
  });

  it("counts a part the page does not print (no cause yet) as unknown, so the others can stay", () => {
    // 20 = 2 diagnosed + 15 suspected + 3 unknown (not printed): two unknowns, no solution.
    const s = protectSplit(20, [2, 15], { unshown: 3 });
    expect(s.parts[1]).toEqual({ value: 15, text: "15" });
  });

  it("does not let the unprinted part be worked out when it is itself small", () => {
    // 20 = 5 + 14 + 1: with both parts shown the unprinted 1 is 20 − 19.
    const s = protectSplit(20, [5, 14], { unshown: 1 });
    expect(s.parts.some((p) => p.value === null) || s.total.value === null).toBe(true);
  });
});

describe("linked tables", () => {
  it("keeps a total shared by two tables hidden in both, so neither gives it away", () => {
    const p = new DisclosureProblem();
    // cause × function and cause × segment share the cause totals and the grand total.
    p.table({ totalKey: "all", rowKeys: ["cause=a", "cause=b"], colKeys: ["fn=x", "fn=y"], cellKey: (r, c) => `a${r}${c}`, counts: [[2, 3], [4, 5]] });
    p.table({ totalKey: "all", rowKeys: ["cause=a", "cause=b"], colKeys: ["seg=s", "seg=t"], cellKey: (r, c) => `b${r}${c}`, counts: [[5, 0], [1, 8]] });
    const d = protect(p);
    const shown = new Map<string, Shown>([...p.figures.keys()].map((k) => [k, d.show(k)]));
    const page: Page = { shown, sums: p.relations };
    expect(attack(page, { exhaustive: true })).toEqual([]);
    expect(d.show("a00").text).toBe("<3");
    expect(d.show("b10").text).toBe("<3");
  });

  it("audit reports what a naive page gives away", () => {
    const p = new DisclosureProblem().table({ totalKey: "all", rowKeys: ["r"], colKeys: ["a", "b"], cellKey: (_, c) => ["ra", "rb"][c], counts: [[3, 1]] });
    const naive = new Map([...p.figures.keys()].map((k) => [k, k === "rb" || k === "b" ? ("small" as const) : ("shown" as const)]));
    expect(audit(p, naive).disclosed).toContain("rb");
    const d = protect(p);
    expect(d.hidden("ra") || d.hidden("r")).toBe(true);
  });

  it("refuses one key with two values", () => {
    const p = new DisclosureProblem().add("k", 1);
    expect(() => p.add("k", 2)).toThrow(/two values/);
  });
});

describe("date ranges for executives", () => {
  const today = new Date("2026-11-26T10:00:00Z");

  it("turns a one-day range into the three whole months ending with it", () => {
    expect(snapExecRange({ from: "2026-11-24", to: "2026-11-24" }, today)).toEqual({ from: "2026-09-01", to: "2026-11-30", snapped: true, months: 3 });
  });

  it("gives the same range for ends a day apart, so comparing them shows nothing", () => {
    const a = snapExecRange({ from: "2026-06-01", to: "2026-11-19" }, today);
    const b = snapExecRange({ from: "2026-06-01", to: "2026-11-20" }, today);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ from: "2026-06-01", to: "2026-11-30", months: 6 });
  });

  it("keeps a range that is already whole months and long enough", () => {
    expect(snapExecRange({ from: "2026-01-01", to: "2026-03-31" }, today)).toEqual({ from: "2026-01-01", to: "2026-03-31", snapped: false, months: 3 });
  });

  it("handles leap years, year ends, a reversed range and open ends", () => {
    expect(snapExecRange({ from: "2024-02-10", to: "2024-02-10" }, today)).toMatchObject({ from: "2023-12-01", to: "2024-02-29" });
    expect(snapExecRange({ from: "2026-03-05", to: "2026-01-20" }, today)).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
    expect(snapExecRange({ from: "2026-11-24" }, today)).toMatchObject({ from: "2026-09-01", to: "2026-11-30", months: 3 });
    expect(snapExecRange({ to: "2026-02-03" }, today)).toEqual({ to: "2026-02-28", snapped: true, months: null });
    expect(snapExecRange({}, today)).toEqual({ snapped: false, months: null });
  });

  it("any two allowed ranges differ by whole months", () => {
    const rnd = seeded(3);
    const day = () => `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
    for (let i = 0; i < 200; i++) {
      const r = snapExecRange({ from: day(), to: day() }, today);
      expect(r.from!.endsWith("-01")).toBe(true);
      const to = new Date(`${r.to}T00:00:00Z`);
      expect(new Date(to.getTime() + 86_400_000).getUTCDate()).toBe(1);
      expect(r.months).toBeGreaterThanOrEqual(3);
    }
  });
});
