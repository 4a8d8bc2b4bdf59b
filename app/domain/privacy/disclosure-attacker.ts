// An attacker for tests: given what a page shows (figures, or null where hidden, with the
// label a hidden figure carries) and the sums that tie the figures, works out every hidden
// figure it can. Written independently of disclosure.ts so the tests check it rather than
// repeat it. Three strengths:
// - solveLines: the obvious one — any sum with exactly one unknown gives it; repeat;
// - solveBounds: adds what the labels say ("<3" is 1–2, "x" is at least 1, a listed figure
//   is at least 1) and narrows every unknown to what the sums allow;
// - solveExhaustive: for small systems, searches every whole-number solution: a figure is
//   worked out when it has one value in all of them. Complete, so slow; keep systems small.
// Test code only: nothing in the app imports it.

export type Shown = { value: number | null; text: string };
export type Sum = { whole: string; parts: readonly string[] };
/**
 * Figures by key as shown (value null = hidden), plus unpublished keys that sums mention.
 * `mayBeEmpty`: figures whose hidden label also covers zero (an executive's matrix cell reads
 * "<3" when empty; a chart leaves an empty month and a hidden one alike as a gap), so a reader
 * knows 0 to 2 (or at least 0) rather than 1 to 2 (or at least 1).
 */
export type Page = { shown: ReadonlyMap<string, Shown>; sums: readonly Sum[]; mayBeEmpty?: (key: string) => boolean };

/** Recovered values of hidden figures, by key. */
export function solveLines(page: Page): Map<string, number> {
  const known = new Map<string, number>();
  for (const [k, s] of page.shown) if (s.value !== null) known.set(k, s.value);
  const out = new Map<string, number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const { whole, parts } of page.sums) {
      const all = [whole, ...parts];
      const unknown = all.filter((k) => !known.has(k));
      if (new Set(unknown).size !== 1) continue;
      const u = unknown[0];
      // whole − Σ parts = 0, with u counted as often as it appears.
      const sign = (k: string) => (k === whole ? -1 : 1);
      let coef = 0;
      let rest = 0;
      for (const k of all) {
        if (k === u) coef += sign(k);
        else rest += sign(k) * known.get(k)!;
      }
      if (coef === 0) continue;
      const v = -rest / coef;
      known.set(u, v);
      out.set(u, v);
      changed = true;
    }
  }
  return out;
}

function boundsOf(page: Page, cap: number): Map<string, [number, number]> {
  const b = new Map<string, [number, number]>();
  const keys = new Set<string>();
  for (const s of page.sums) for (const k of [s.whole, ...s.parts]) keys.add(k);
  for (const k of page.shown.keys()) keys.add(k);
  for (const k of keys) {
    const s = page.shown.get(k);
    if (!s) b.set(k, [0, cap]); // unpublished
    else if (s.value !== null) b.set(k, [s.value, s.value]);
    else if (/^<(\d+)/.test(s.text)) b.set(k, [page.mayBeEmpty?.(k) ? 0 : 1, Number(/^<(\d+)/.exec(s.text)![1]) - 1]);
    else b.set(k, [page.mayBeEmpty?.(k) ? 0 : 1, cap]);
  }
  return b;
}

function narrow(page: Page, b: Map<string, [number, number]>): boolean {
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    for (const { whole, parts } of page.sums) {
      const terms: [string, number][] = [[whole, -1], ...parts.map((p) => [p, 1] as [string, number])];
      for (const [k, a] of terms) {
        let lo = 0;
        let hi = 0;
        let seenSelf = false;
        for (const [j, c] of terms) {
          if (j === k && !seenSelf && c === a) {
            seenSelf = true;
            continue;
          }
          const [l, h] = b.get(j)!;
          lo += c > 0 ? c * l : c * h;
          hi += c > 0 ? c * h : c * l;
        }
        // a·x = −(others)
        const nl = Math.ceil(a > 0 ? -hi / a : -lo / a);
        const nh = Math.floor(a > 0 ? -lo / a : -hi / a);
        const [l, h] = b.get(k)!;
        const ml = Math.max(l, nl);
        const mh = Math.min(h, nh);
        if (ml > mh) return false;
        if (ml !== l || mh !== h) {
          b.set(k, [ml, mh]);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return true;
}

/** Hidden figures pinned to one value by the sums and the labels. */
export function solveBounds(page: Page, cap = 1000): Map<string, number> {
  const b = boundsOf(page, cap);
  narrow(page, b);
  const out = new Map<string, number>();
  for (const [k, [l, h]] of b) {
    const s = page.shown.get(k);
    if (s && s.value !== null) continue;
    if (l === h) out.set(k, l);
  }
  return out;
}

function search(page: Page, b: Map<string, [number, number]>, budget: { left: number }): Map<string, number> | null {
  if (--budget.left < 0) throw new Error("search budget exhausted");
  if (!narrow(page, b)) return null;
  let pick: string | null = null;
  let width = Infinity;
  for (const [k, [l, h]] of b) {
    if (l !== h && h - l < width) {
      width = h - l;
      pick = k;
    }
  }
  if (pick === null) return new Map([...b].map(([k, [l]]) => [k, l]));
  const [l, h] = b.get(pick)!;
  for (let v = l; v <= h; v++) {
    const copy = new Map(b);
    copy.set(pick, [v, v]);
    const found = search(page, copy, budget);
    if (found) return found;
  }
  return null;
}

/**
 * Every hidden figure that takes one value in all whole-number solutions. `cap` bounds the
 * figures nothing else bounds (keep it above any real value).
 */
export function solveExhaustive(page: Page, cap = 1000): Map<string, number> {
  const out = new Map<string, number>();
  const base = boundsOf(page, cap);
  const budget = { left: 200_000 };
  for (const [k, s] of page.shown) {
    if (s.value !== null) continue;
    const one = search(page, new Map(base), budget);
    if (!one) throw new Error("the page has no solution: the attacker's model is wrong");
    const v = one.get(k)!;
    const [l, h] = base.get(k)!;
    const below = v > l ? search(page, new Map(base).set(k, [l, v - 1]), budget) : null;
    const above = !below && v < h ? search(page, new Map(base).set(k, [v + 1, h]), budget) : null;
    if (!below && !above) out.set(k, v);
  }
  return out;
}

export type ShownTableLike = {
  cells: readonly (readonly Shown[])[];
  rowTotals: readonly Shown[];
  colTotals: readonly Shown[];
  total: Shown;
};

/** A table with margins as a page: keys "r0/c1", "r0", "c1", "all". */
export function tablePage(t: ShownTableLike, { cellsMayBeEmpty = false } = {}): Page {
  const shown = new Map<string, Shown>();
  const sums: Sum[] = [];
  t.cells.forEach((row, ri) => row.forEach((c, ci) => shown.set(`r${ri}/c${ci}`, c)));
  t.rowTotals.forEach((c, ri) => shown.set(`r${ri}`, c));
  t.colTotals.forEach((c, ci) => shown.set(`c${ci}`, c));
  shown.set("all", t.total);
  t.rowTotals.forEach((_, ri) => sums.push({ whole: `r${ri}`, parts: t.colTotals.map((__, ci) => `r${ri}/c${ci}`) }));
  t.colTotals.forEach((_, ci) => sums.push({ whole: `c${ci}`, parts: t.rowTotals.map((__, ri) => `r${ri}/c${ci}`) }));
  sums.push({ whole: "all", parts: t.rowTotals.map((_, ri) => `r${ri}`) });
  sums.push({ whole: "all", parts: t.colTotals.map((_, ci) => `c${ci}`) });
  return { shown, sums, mayBeEmpty: cellsMayBeEmpty ? (k) => k.includes("/") : undefined };
}

/** A deterministic PRNG (mulberry32) for reproducible random tables. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
