// Disclosure control: the one place every figure an executive sees passes through
// (docs/product.md "Roles and what each sees": nothing below three, and nothing that can be worked out from other
// figures — totals, neighbouring date ranges, parent groups). See
// docs/decisions/010-disclosure-control.md for the reasoning; in short:
//
// 1. Primary suppression. A count of 1 or 2 is never shown; it reads "<3".
// 2. Secondary suppression. Figures are published together with the sums that tie them
//    (a row of a matrix and its total, a total split into diagnosed and suspected, a parent
//    group and its children). A page's figures and those sums form one linear system; a hidden
//    figure must not be solvable from it. `protect` hides further figures ("x", withheld) until
//    an attacker who knows every shown figure, every sum, and what the labels say ("<3" is 1 or 2,
//    "x" is at least 1, a listed value is at least 1) can pin no hidden figure to one value:
//    - exact linear algebra (Gaussian elimination over every sum at once): a hidden figure is
//      solvable when it is a combination of shown ones; this is complete for equations;
//    - interval reasoning over every sum and every derived equation: "a total of <3 over two
//      listed cells makes each 1" is caught here. This is sound, not a full integer search.
//    Complements are chosen smallest first, parts before totals; a "<3" that would still let a
//    figure be pinned is relabelled "x" (its bound widens from 1–2 to "at least 1").
// 3. Date ranges for executives are whole calendar months, at least three (snapExecRange), so
//    neighbouring ranges differ by a whole month, never by a day.
//
// Pure: no I/O. Keys are plain strings chosen by the caller; the same key in two tables is the
// same figure, which is how linked tables (one total shared by several matrices) stay
// consistent.

import { type LinearSystem, variableRanges } from "./lp";

export const EXEC_MIN_CELL = 3;
/** What a withheld figure reads: hidden so that a small figure cannot be worked out. */
export const WITHHELD_TEXT = "x";
export const WITHHELD_NOTE = "x: withheld so that a small figure cannot be worked out from the others";

export type ShownCount = { value: number | null; text: string };

export function smallText(min = EXEC_MIN_CELL): string {
  return `<${min}`;
}

/** Primary suppression of one count: 1 to min−1 reads "<min". Zero identifies nobody. */
export function showCount(count: number, suppress: boolean, min = EXEC_MIN_CELL): ShownCount {
  if (suppress && count > 0 && count < min) return { value: null, text: smallText(min) };
  return { value: count, text: count.toLocaleString("en-US") };
}

export const withheld = (): ShownCount => ({ value: null, text: WITHHELD_TEXT });

export function isSmallCount(count: number, min = EXEC_MIN_CELL): boolean {
  return count > 0 && count < min;
}

// ---------------------------------------------------------------------------------------
// Problems: figures and the sums that tie them
// ---------------------------------------------------------------------------------------

export type FigureOptions = {
  /** False for a figure the page never shows but that the sums involve (a month's total). */
  published?: boolean;
  /** Never hidden as a complement (e.g. a group size the page must show). */
  fixed?: boolean;
  /** Primary-hidden whatever its value (e.g. a group of fewer than five reps). */
  small?: boolean;
  /** What a reader knows about this figure when it reads as small; default 1 to min−1. */
  smallBounds?: readonly [number, number];
};

type FigureSpec = { key: string; value: number; published: boolean; fixed: boolean; small: boolean | null; smallBounds: readonly [number, number] | null };

export type Relation = { whole: string; parts: readonly string[] };

/** One page's figures (or several pages' that share figures) and the sums between them. */
export class DisclosureProblem {
  readonly figures = new Map<string, FigureSpec>();
  readonly relations: Relation[] = [];

  /**
   * Adds a figure, or merges with the one of the same key: the value must agree (a shared
   * total is one figure), published and fixed add up.
   */
  add(key: string, value: number, options: FigureOptions = {}): this {
    const found = this.figures.get(key);
    if (found) {
      if (Math.abs(found.value - value) > 1e-9) throw new Error(`Figure ${key} has two values: ${found.value} and ${value}`);
      found.published ||= options.published ?? true;
      found.fixed ||= options.fixed ?? false;
      if (options.small !== undefined) found.small = (found.small ?? false) || options.small;
      // What a reader knows from each place the figure appears adds up: the tighter bounds win,
      // and the default (a listed entry, so at least 1) is the tightest.
      const b = options.smallBounds ?? null;
      found.smallBounds = found.smallBounds && b ? [Math.max(found.smallBounds[0], b[0]), Math.min(found.smallBounds[1], b[1])] : null;
      return this;
    }
    this.figures.set(key, {
      key,
      value,
      published: options.published ?? true,
      fixed: options.fixed ?? false,
      small: options.small ?? null,
      smallBounds: options.smallBounds ?? null,
    });
    return this;
  }

  has(key: string): boolean {
    return this.figures.has(key);
  }

  value(key: string): number | undefined {
    return this.figures.get(key)?.value;
  }

  /** whole = Σ parts. Every key must have been added. */
  sum(whole: string, parts: readonly string[]): this {
    for (const k of [whole, ...parts]) if (!this.figures.has(k)) throw new Error(`Unknown figure ${k}`);
    if (parts.length > 0) this.relations.push({ whole, parts: [...parts] });
    return this;
  }

  /**
   * A table with row totals, column totals and a grand total. Cells of value 0 count too:
   * a shown zero is a known figure.
   */
  table(t: TableSpec): this {
    const published = t.published ?? (() => true);
    t.rowKeys.forEach((rk, ri) => {
      t.colKeys.forEach((ck, ci) =>
        this.add(t.cellKey(ri, ci), t.counts[ri][ci], { published: published("cell", ri, ci), ...t.cellOptions?.(ri, ci, t.counts[ri][ci]) }),
      );
    });
    const rowTotals = t.counts.map((row) => row.reduce((s, n) => s + n, 0));
    const colTotals = t.colKeys.map((_, ci) => t.counts.reduce((s, row) => s + row[ci], 0));
    t.rowKeys.forEach((rk, ri) => this.add(rk, rowTotals[ri], { published: published("row", ri, -1) }));
    t.colKeys.forEach((ck, ci) => this.add(ck, colTotals[ci], { published: published("col", -1, ci) }));
    this.add(t.totalKey, rowTotals.reduce((s, n) => s + n, 0), { published: published("total", -1, -1) });
    t.rowKeys.forEach((rk, ri) => this.sum(rk, t.colKeys.map((_, ci) => t.cellKey(ri, ci))));
    t.colKeys.forEach((ck, ci) => this.sum(ck, t.rowKeys.map((_, ri) => t.cellKey(ri, ci))));
    if (t.rowKeys.length) this.sum(t.totalKey, t.rowKeys);
    if (t.colKeys.length) this.sum(t.totalKey, t.colKeys);
    return this;
  }
}

export type TableSpec = {
  totalKey: string;
  rowKeys: readonly string[];
  colKeys: readonly string[];
  cellKey: (ri: number, ci: number) => string;
  counts: readonly (readonly number[])[];
  /** Which parts the page shows; default all. */
  published?: (part: "cell" | "row" | "col" | "total", ri: number, ci: number) => boolean;
  /** Options for each cell (e.g. a chart that draws a small point and a zero alike, as a gap). */
  cellOptions?: (ri: number, ci: number, value: number) => FigureOptions;
};

// ---------------------------------------------------------------------------------------
// Protection
// ---------------------------------------------------------------------------------------

export type Status = "shown" | "small" | "withheld" | "unpublished";

export type DisclosureOptions = {
  min?: number;
  /** What a reader knows of a withheld ("x") figure: at least 1 (zeros are never withheld). */
  withheldBounds?: readonly [number, number];
  unpublishedBounds?: readonly [number, number];
  smallText?: string;
  withheldText?: string;
  /** Figures are counts: bounds are rounded to whole numbers. */
  integer?: boolean;
  /**
   * The exact audit (linear programming) runs on groups of tied hidden figures up to this size;
   * larger groups get the linear and interval audits only. Default 400.
   */
  exactLimit?: number;
  /** Told of every figure hidden beyond the primary rule, and why (for logs and tests). */
  onWithhold?: (key: string, because: string) => void;
};

type Resolved = Required<Omit<DisclosureOptions, "smallText" | "withheldText" | "onWithhold" | "exactLimit">> & {
  exactLimit: number;
  smallText: string;
  withheldText: string;
  onWithhold: (key: string, because: string) => void;
};

function resolve(options: DisclosureOptions): Resolved {
  const min = options.min ?? EXEC_MIN_CELL;
  return {
    min,
    withheldBounds: options.withheldBounds ?? [1, Infinity],
    unpublishedBounds: options.unpublishedBounds ?? [0, Infinity],
    smallText: options.smallText ?? smallText(min),
    withheldText: options.withheldText ?? WITHHELD_TEXT,
    integer: options.integer ?? true,
    onWithhold: options.onWithhold ?? (() => {}),
    exactLimit: options.exactLimit ?? 400,
  };
}

/** The result: how each figure reads. */
export class Disclosed {
  constructor(
    private readonly problem: DisclosureProblem,
    private readonly statuses: ReadonlyMap<string, Status>,
    private readonly o: Resolved,
  ) {}

  status(key: string): Status {
    const s = this.statuses.get(key);
    if (!s) throw new Error(`Unknown figure ${key}`);
    return s;
  }

  has(key: string): boolean {
    return this.statuses.has(key);
  }

  hidden(key: string): boolean {
    return this.status(key) !== "shown";
  }

  /** The figure as an executive reads it. An unpublished figure must not be asked for. */
  show(key: string): ShownCount {
    const s = this.status(key);
    const value = this.problem.figures.get(key)!.value;
    if (s === "shown") return { value, text: value.toLocaleString("en-US") };
    if (s === "small") return { value: null, text: this.o.smallText };
    if (s === "withheld") return { value: null, text: this.o.withheldText };
    throw new Error(`Figure ${key} is not published`);
  }

  /** Counts per status, for tests and logs. */
  summary(): Record<Status, number> {
    const out: Record<Status, number> = { shown: 0, small: 0, withheld: 0, unpublished: 0 };
    for (const s of this.statuses.values()) out[s] += 1;
    return out;
  }
}

/** The primary rule: published counts of 1 to min−1 (or figures flagged small) read as small. */
function initialStatuses(problem: DisclosureProblem, o: Resolved): Map<string, Status> {
  const statuses = new Map<string, Status>();
  for (const f of problem.figures.values()) {
    const small = f.small ?? isSmallCount(f.value, o.min);
    statuses.set(f.key, !f.published ? "unpublished" : small ? "small" : "shown");
  }
  return statuses;
}

/**
 * Hides figures until none that is hidden (and no unpublished small one) can be worked out.
 * Deterministic: the same figures and sums always give the same result.
 */
export function protect(problem: DisclosureProblem, options: DisclosureOptions = {}): Disclosed {
  const o = resolve(options);
  const statuses = initialStatuses(problem, o);
  const index = new SystemIndex(problem);
  // Every action hides one more figure or widens one label, so this ends.
  const limit = 4 * problem.figures.size + 10;
  localRules(index, statuses, o);
  for (let step = 0; step < limit; step++) {
    // The cheap audit first; the exact one (linear programming) once the cheap one is satisfied.
    let exact = false;
    let found = auditWith(index, statuses, o, false);
    if (found.disclosed.length === 0) {
      exact = true;
      found = auditWith(index, statuses, o, true);
    }
    if (found.disclosed.length === 0) break;
    const d = found.disclosed[0];
    const acted =
      (found.linear.has(d) ? fixLinear(index, statuses, d, o) : fixBounds(index, statuses, d, o, exact)) ||
      // Nothing left to hide next to it: withhold everything it is tied to.
      hideComponent(index, statuses, index.at.get(d)!, o);
    if (!acted) break;
    localRules(index, statuses, o);
  }
  return new Disclosed(problem, statuses, o);
}

export type AuditResult = {
  /** Hidden figures (and unpublished small ones) a reader can work out, in key order. */
  disclosed: string[];
  /** Those found by linear algebra alone. */
  linear: Set<string>;
  /** Bounds a reader can derive, by key. */
  bounds: Map<string, [number, number]>;
};

/** What a reader can work out from a page shown with these statuses. Exported for tests. */
export function audit(problem: DisclosureProblem, statuses: ReadonlyMap<string, Status>, options: DisclosureOptions = {}): AuditResult {
  return auditWith(new SystemIndex(problem), statuses, resolve(options), true);
}

// ---------------------------------------------------------------------------------------
// The system, indexed
// ---------------------------------------------------------------------------------------

type Row = { cols: number[]; coefs: number[] };

class SystemIndex {
  readonly keys: string[];
  readonly at = new Map<string, number>();
  readonly values: number[];
  readonly specs: FigureSpec[];
  /** Each relation as Σ coef·x = 0 over figure indexes (whole −1, parts +1). */
  readonly rows: Row[];
  /** Relations each figure is in. */
  readonly rowsOf: number[][];
  /** Whole of each relation. */
  readonly wholeOf: number[];

  constructor(problem: DisclosureProblem) {
    this.keys = [...problem.figures.keys()];
    this.keys.forEach((k, i) => this.at.set(k, i));
    this.specs = this.keys.map((k) => problem.figures.get(k)!);
    this.values = this.specs.map((f) => f.value);
    this.rows = [];
    this.wholeOf = [];
    this.rowsOf = this.keys.map(() => []);
    for (const r of problem.relations) {
      const acc = new Map<number, number>();
      const w = this.at.get(r.whole)!;
      acc.set(w, (acc.get(w) ?? 0) - 1);
      for (const p of r.parts) {
        const i = this.at.get(p)!;
        acc.set(i, (acc.get(i) ?? 0) + 1);
      }
      const cols = [...acc.keys()].filter((i) => acc.get(i) !== 0);
      if (cols.length === 0) continue;
      const ri = this.rows.length;
      this.rows.push({ cols, coefs: cols.map((i) => acc.get(i)!) });
      this.wholeOf.push(w);
      for (const i of cols) this.rowsOf[i].push(ri);
    }
  }
}

const EPS = 1e-9;

function isUnknown(s: Status | undefined): boolean {
  return s !== "shown";
}

/** The interval a reader starts from for each figure, given how it reads. */
function priorBounds(index: SystemIndex, statuses: ReadonlyMap<string, Status>, o: Resolved): { lo: number[]; hi: number[] } {
  const lo: number[] = [];
  const hi: number[] = [];
  index.keys.forEach((k, i) => {
    const s = statuses.get(k)!;
    const v = index.values[i];
    let b: readonly [number, number];
    if (s === "shown") b = [v, v];
    else if (s === "small") b = index.specs[i].smallBounds ?? [1, o.min - 1];
    else if (s === "withheld") b = o.withheldBounds;
    else b = o.unpublishedBounds;
    lo.push(b[0]);
    hi.push(b[1]);
  });
  return { lo, hi };
}

/**
 * Gaussian elimination (reduced row echelon form), pivoting on unknown figures only: shown
 * figures stay in the rows as entries (not folded into a right-hand side), so every derived
 * equation still says which shown figures it rests on (explain() follows them). A figure is
 * determined when its pivot row holds no other unknown. Floating point is enough here: the
 * coefficients are ±1 and the systems a page makes are small.
 */
function eliminate(index: SystemIndex, unknown: boolean[]): { determined: Set<number>; derived: Equation[] } {
  const pivots: { col: number; row: Map<number, number> }[] = [];
  const pivotAt = new Map<number, number>();
  for (const r of index.rows) {
    if (!r.cols.some((c) => unknown[c])) continue;
    const row = new Map<number, number>();
    r.cols.forEach((c, j) => row.set(c, (row.get(c) ?? 0) + r.coefs[j]));
    for (const c of [...row.keys()]) {
      const p = pivotAt.get(c);
      if (p === undefined) continue;
      const f = row.get(c);
      if (f === undefined || Math.abs(f) < EPS) continue;
      for (const [pc, pv] of pivots[p].row) {
        const nv = (row.get(pc) ?? 0) - f * pv;
        if (Math.abs(nv) < EPS) row.delete(pc);
        else row.set(pc, nv);
      }
    }
    for (const [c, v] of row) if (Math.abs(v) < EPS) row.delete(c);
    let col = -1;
    let best = 0;
    for (const [c, v] of row) {
      if (!unknown[c]) continue;
      if (Math.abs(v) > best + EPS || (Math.abs(Math.abs(v) - best) <= EPS && c < col)) {
        best = Math.abs(v);
        col = c;
      }
    }
    if (col === -1) continue; // nothing unknown left: a sum of shown figures
    const f = row.get(col)!;
    for (const [c, v] of row) row.set(c, v / f);
    for (const p of pivots) {
      const g = p.row.get(col);
      if (g === undefined) continue;
      for (const [c, v] of row) {
        const nv = (p.row.get(c) ?? 0) - g * v;
        if (Math.abs(nv) < EPS) p.row.delete(c);
        else p.row.set(c, nv);
      }
    }
    pivotAt.set(col, pivots.length);
    pivots.push({ col, row });
  }
  const determined = new Set<number>();
  const derived: Equation[] = [];
  for (const p of pivots) {
    let unknowns = 0;
    for (const c of p.row.keys()) if (unknown[c]) unknowns += 1;
    if (unknowns === 1) determined.add(p.col);
    const cols = [...p.row.keys()];
    derived.push({ cols, coefs: cols.map((c) => p.row.get(c)!), rhs: 0 });
  }
  return { determined, derived };
}

type Equation = { cols: number[]; coefs: number[]; rhs: number };

/**
 * Interval propagation: for each equation Σ coef·x = rhs, each x lies within what the others
 * allow. Repeats until nothing tightens (or a pass limit). Integer figures round inwards.
 */
/** For each figure, the equation that last tightened its lower and upper bound (−1: its label). */
type Why = { lo: number[]; hi: number[] };

/**
 * `truth` holds the real values: every equation holds for them, so a bound that would exclude
 * one can only come from floating-point noise, and is not taken (this keeps rounding from ever
 * pinning a figure, and a chain of such errors from running away).
 */
function propagate(eqs: readonly Equation[], lo: number[], hi: number[], integer: boolean, truth: readonly number[], why?: Why) {
  for (let pass = 0; pass < 60; pass++) {
    let changed = false;
    for (let ei = 0; ei < eqs.length; ei++) {
      const e = eqs[ei];
      // Range of Σ coef·x over all entries, counting infinite ends separately.
      let minSum = 0;
      let maxSum = 0;
      let minInf = 0;
      let maxInf = 0;
      const terms = e.cols.map((c, j) => {
        const a = e.coefs[j];
        const tMin = a > 0 ? a * lo[c] : a * hi[c];
        const tMax = a > 0 ? a * hi[c] : a * lo[c];
        if (Number.isFinite(tMin)) minSum += tMin;
        else minInf += 1;
        if (Number.isFinite(tMax)) maxSum += tMax;
        else maxInf += 1;
        return { tMin, tMax };
      });
      e.cols.forEach((c, j) => {
        const a = e.coefs[j];
        const { tMin, tMax } = terms[j];
        // Others' range: remove this term.
        const oMin = Number.isFinite(tMin) ? (minInf > 0 ? -Infinity : minSum - tMin) : minInf > 1 ? -Infinity : minSum;
        const oMax = Number.isFinite(tMax) ? (maxInf > 0 ? Infinity : maxSum - tMax) : maxInf > 1 ? Infinity : maxSum;
        // a·x = rhs − others
        let nLo = a > 0 ? (e.rhs - oMax) / a : (e.rhs - oMin) / a;
        let nHi = a > 0 ? (e.rhs - oMin) / a : (e.rhs - oMax) / a;
        if (Number.isNaN(nLo)) nLo = -Infinity;
        if (Number.isNaN(nHi)) nHi = Infinity;
        if (integer) {
          if (Number.isFinite(nLo)) nLo = Math.ceil(nLo - 1e-6);
          if (Number.isFinite(nHi)) nHi = Math.floor(nHi + 1e-6);
        }
        if (nLo > truth[c] + 1e-6) nLo = -Infinity;
        if (nHi < truth[c] - 1e-6) nHi = Infinity;
        if (nLo > lo[c] + 1e-7) {
          lo[c] = nLo;
          if (why) why.lo[c] = ei;
          changed = true;
        }
        if (nHi < hi[c] - 1e-7) {
          hi[c] = nHi;
          if (why) why.hi[c] = ei;
          changed = true;
        }
      });
    }
    if (!changed) break;
  }
}

/**
 * Why figure `d` is pinned: walks back from its bounds through the equations that set them to
 * the labels they rest on. Returns those figures, nearest first: shown ones (hiding one
 * removes a known value) and small ones whose upper bound was used (relabelling one "x" lifts
 * it). Lower bounds of listed entries (at least 1) cannot be lifted.
 */
function explain(eqs: readonly Equation[], why: Why, d: number, isShown: (c: number) => boolean, isSmall: (c: number) => boolean): { hide: number[]; relabel: number[] } {
  const hide: number[] = [];
  const relabel: number[] = [];
  const seen = new Set<string>();
  const queue: [number, "lo" | "hi"][] = [[d, "lo"], [d, "hi"]];
  while (queue.length) {
    const [v, side] = queue.shift()!;
    const tag = `${v}:${side}`;
    if (seen.has(tag)) continue;
    seen.add(tag);
    const ei = why[side][v];
    if (ei === -1) {
      if (v === d) continue;
      if (isShown(v)) {
        if (!hide.includes(v)) hide.push(v);
      } else if (side === "hi" && isSmall(v) && !relabel.includes(v)) relabel.push(v);
      continue;
    }
    const e = eqs[ei];
    const a = e.coefs[e.cols.indexOf(v)];
    // a·v = rhs − Σ b·u: v's lower bound used the others' maxima, its upper bound their minima.
    e.cols.forEach((u, j) => {
      if (u === v) return;
      const b = e.coefs[j];
      const usesMax = (side === "lo") === (a > 0);
      queue.push([u, usesMax === b > 0 ? "hi" : "lo"]);
    });
  }
  return { hide, relabel };
}

function relationEquations(index: SystemIndex) {
  return index.rows.map((r) => ({ cols: r.cols, coefs: r.coefs, rhs: 0 }));
}

function auditWith(index: SystemIndex, statuses: ReadonlyMap<string, Status>, o: Resolved, exact: boolean): AuditResult {
  const unknown = index.keys.map((k) => isUnknown(statuses.get(k)));
  const { determined, derived } = eliminate(index, unknown);
  const { lo, hi } = priorBounds(index, statuses, o);
  propagate([...relationEquations(index), ...derived], lo, hi, o.integer, index.values);
  if (exact) exactBounds(index, statuses, unknown, lo, hi, o);
  const disclosed: string[] = [];
  const linear = new Set<string>();
  const bounds = new Map<string, [number, number]>();
  index.keys.forEach((k, i) => {
    if (!unknown[i]) return;
    bounds.set(k, [lo[i], hi[i]]);
    const s = statuses.get(k)!;
    const pinned = determined.has(i) || hi[i] - lo[i] < 0.5;
    // A hidden zero (an empty cell reads "<3" too) worked out as zero identifies nobody.
    if (!pinned || index.values[i] === 0) return;
    // An unpublished figure may be worked out unless it is itself small (a month with one case).
    if (s === "unpublished" && !isSmallCount(index.values[i], o.min)) return;
    disclosed.push(k);
    if (determined.has(i)) linear.add(k);
  });
  return { disclosed, linear, bounds };
}

/** Whether a reader can pin figure `d` (the cheap audit, and the exact one when asked). */
function isPinned(index: SystemIndex, statuses: ReadonlyMap<string, Status>, d: number, o: Resolved, exact: boolean): boolean {
  const unknown = index.keys.map((k) => isUnknown(statuses.get(k)));
  const { determined, derived } = eliminate(index, unknown);
  if (determined.has(d)) return true;
  const { lo, hi } = priorBounds(index, statuses, o);
  propagate([...relationEquations(index), ...derived], lo, hi, o.integer, index.values);
  if (hi[d] - lo[d] < 0.5) return true;
  if (exact) exactBounds(index, statuses, unknown, lo, hi, o, d);
  return hi[d] - lo[d] < 0.5;
}

/**
 * The tightest bounds a reader can derive from all the sums at once: for each hidden figure, the
 * least and greatest value over every solution (linear programming, per group of figures tied
 * together). For one table with totals this equals the whole-number answer (its sums form a
 * network, whose corners are whole numbers); for linked tables it can, rarely, be looser.
 */
function exactBounds(index: SystemIndex, statuses: ReadonlyMap<string, Status>, unknown: boolean[], lo: number[], hi: number[], o: Resolved, only?: number) {
  // Groups of unknown figures tied by a sum.
  const parent = index.keys.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const r of index.rows) {
    const u = r.cols.filter((c) => unknown[c]);
    for (let j = 1; j < u.length; j++) parent[find(u[j])] = find(u[0]);
  }
  const groups = new Map<number, number[]>();
  index.keys.forEach((_, i) => {
    if (!unknown[i]) return;
    const g = find(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(i);
  });
  for (const members of groups.values()) {
    if (only !== undefined && !members.includes(only)) continue;
    if (members.length > o.exactLimit) continue;
    const local = new Map(members.map((m, j) => [m, j]));
    const equations: LinearSystem["equations"] = [];
    for (const r of index.rows) {
      if (!r.cols.some((c) => local.has(c))) continue;
      const cols: number[] = [];
      const coefs: number[] = [];
      let rhs = 0;
      r.cols.forEach((c, j) => {
        if (local.has(c)) {
          cols.push(local.get(c)!);
          coefs.push(r.coefs[j]);
        } else rhs -= r.coefs[j] * index.values[c];
      });
      equations.push({ cols, coefs, rhs });
    }
    // Only figures whose being pinned would matter, and that are not pinned already.
    const asked = members.filter(
      (m) => (only === undefined || m === only) && hi[m] - lo[m] >= 0.5 && (statuses.get(index.keys[m]) !== "unpublished" || isSmallCount(index.values[m], o.min)),
    );
    if (asked.length === 0) continue;
    const ranges = variableRanges(
      { n: members.length, equations, lo: members.map((m) => lo[m]), hi: members.map((m) => hi[m]) },
      asked.map((m) => local.get(m)!),
    );
    if (!ranges) continue;
    for (const m of asked) {
      let [l, h] = ranges.get(local.get(m)!)!;
      if (o.integer) {
        l = Math.ceil(l - 1e-6);
        h = Number.isFinite(h) ? Math.floor(h + 1e-6) : h;
      }
      // The real value always lies within; a bound that excludes it is rounding noise.
      if (l <= index.values[m] + 1e-6) lo[m] = Math.max(lo[m], l);
      if (h >= index.values[m] - 1e-6) hi[m] = Math.min(hi[m], h);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Choosing what else to hide
// ---------------------------------------------------------------------------------------

/** Visible figures of a relation that may be hidden as complements: parts first, smallest first. */
function complements(index: SystemIndex, statuses: ReadonlyMap<string, Status>, ri: number, except: number): number[] {
  const w = index.wholeOf[ri];
  return index.rows[ri].cols
    .filter((c) => c !== except && statuses.get(index.keys[c]) === "shown" && !index.specs[c].fixed && index.values[c] > 0)
    .sort((a, b) => Number(a === w) - Number(b === w) || index.values[a] - index.values[b] || a - b);
}

function unknownsIn(index: SystemIndex, statuses: ReadonlyMap<string, Status>, ri: number): number {
  return index.rows[ri].cols.filter((c) => isUnknown(statuses.get(index.keys[c]))).length;
}

/** Hides one complement next to a figure linear algebra solves. */
function fixLinear(index: SystemIndex, statuses: Map<string, Status>, key: string, o: Resolved): boolean {
  const d = index.at.get(key)!;
  const rels = [...index.rowsOf[d]].sort((a, b) => unknownsIn(index, statuses, a) - unknownsIn(index, statuses, b) || a - b);
  for (const ri of rels) {
    const c = complements(index, statuses, ri, d)[0];
    if (c !== undefined) {
      withhold(index, statuses, c, `${key} could be solved from the sums`, o);
      return true;
    }
  }
  return widen(index, statuses, d, o);
}

function withhold(index: SystemIndex, statuses: Map<string, Status>, c: number, because: string, o: Resolved) {
  statuses.set(index.keys[c], "withheld");
  o.onWithhold(index.keys[c], because);
}

/**
 * No complement sits in the figure's own sums: hide the smallest visible figure one step
 * further out (in a sum with one of its hidden neighbours).
 */
function widen(index: SystemIndex, statuses: Map<string, Status>, d: number, o: Resolved): boolean {
  const seen = new Set<number>([d]);
  let frontier = [d];
  for (let ring = 0; ring < 6 && frontier.length; ring++) {
    const next: number[] = [];
    let best: number | null = null;
    for (const f of frontier) {
      for (const ri of index.rowsOf[f]) {
        const c = complements(index, statuses, ri, -1)[0];
        if (c !== undefined && (best === null || index.values[c] < index.values[best] || (index.values[c] === index.values[best] && c < best))) best = c;
        for (const n of index.rows[ri].cols) {
          if (!seen.has(n) && isUnknown(statuses.get(index.keys[n]))) {
            seen.add(n);
            next.push(n);
          }
        }
      }
    }
    if (best !== null) {
      withhold(index, statuses, best, `${index.keys[d]} could be worked out (ring ${ring + 1})`, o);
      return true;
    }
    frontier = next;
  }
  return false;
}

/**
 * A figure pinned by bounds. The candidates are what its bounds rest on (explain): "<3"
 * labels whose upper bound was used — relabelled "x", which costs a reader least — then shown
 * figures the derivation used, hidden. When only linear programming pins it (no chain of
 * single sums does), the candidates are the figures of its sums, ring by ring outwards. Keep the
 * first change — or, failing that, the first pair — after which it is no longer pinned (checked
 * as strongly as it was found); if none does, make the first change and let the next audit go on.
 */
function fixBounds(index: SystemIndex, statuses: Map<string, Status>, key: string, o: Resolved, exact: boolean): boolean {
  const d = index.at.get(key)!;
  const status = (c: number) => statuses.get(index.keys[c]);
  const small = (c: number) => status(c) === "small";
  const hideable = (c: number) => status(c) === "shown" && !index.specs[c].fixed && index.values[c] > 0;
  const unknown = index.keys.map((k) => isUnknown(statuses.get(k)));
  const eqs = [...relationEquations(index), ...eliminate(index, unknown).derived];
  const { lo, hi } = priorBounds(index, statuses, o);
  const why: Why = { lo: index.keys.map(() => -1), hi: index.keys.map(() => -1) };
  propagate(eqs, lo, hi, o.integer, index.values, why);
  let relabel: number[] = [];
  let hide: number[] = [];
  if (hi[d] - lo[d] < 0.5) {
    const found = explain(eqs, why, d, (c) => status(c) === "shown", small);
    relabel = (small(d) && why.hi[d] === -1 ? [d, ...found.relabel] : found.relabel).slice(0, 8);
    hide = found.hide.filter(hideable).slice(0, 8);
  } else {
    if (small(d)) relabel.push(d);
    const seen = new Set<number>([d]);
    let frontier = [d];
    const seenRows = new Set<number>();
    for (let ring = 0; ring < 4 && frontier.length; ring++) {
      const rels = [...new Set(frontier.flatMap((f) => index.rowsOf[f]))].filter((ri) => !seenRows.has(ri));
      rels.forEach((ri) => seenRows.add(ri));
      for (const ri of rels) for (const c of index.rows[ri].cols) if (c !== d && small(c) && !relabel.includes(c)) relabel.push(c);
      for (const ri of rels) for (const c of complements(index, statuses, ri, d)) if (!hide.includes(c)) hide.push(c);
      const next: number[] = [];
      for (const ri of rels) {
        for (const c of index.rows[ri].cols) {
          if (!seen.has(c) && isUnknown(status(c))) {
            seen.add(c);
            next.push(c);
          }
        }
      }
      frontier = next;
    }
  }
  const candidates = [...relabel, ...hide];
  if (candidates.length === 0) return widen(index, statuses, d, o);
  const unpins = (change: number[]) => {
    const before = change.map((c) => statuses.get(index.keys[c])!);
    for (const c of change) statuses.set(index.keys[c], "withheld");
    const ok = !isPinned(index, statuses, d, o, exact);
    if (!ok) change.forEach((c, i) => statuses.set(index.keys[c], before[i]));
    return ok;
  };
  const because = `${key} was pinned by bounds`;
  const keep = (change: number[]) => {
    for (const c of change) o.onWithhold(index.keys[c], because);
    return true;
  };
  // What a change costs a reader: relabelling a "<3" little; hiding a figure more, the more sums
  // (tables) it appears in — the grand total last.
  const cost = (c: number) => (small(c) ? 1 : 2 + index.rowsOf[c].length);
  const options: number[][] = candidates.slice(0, 16).map((c) => [c]);
  const top = candidates.slice(0, 6);
  for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) options.push([top[i], top[j]]);
  const total = (change: number[]) => change.reduce((sum, c) => sum + cost(c), 0);
  options.sort((a, b) => total(a) - total(b) || a.length - b.length);
  for (const change of options) if (unpins(change)) return keep(change);
  withhold(index, statuses, [...candidates].sort((a, b) => cost(a) - cost(b))[0], because, o);
  return true;
}

/** Last resort: withhold every visible figure connected to `d` through the sums. */
function hideComponent(index: SystemIndex, statuses: Map<string, Status>, d: number, o: Resolved): boolean {
  const seen = new Set<number>([d]);
  const queue = [d];
  let changed = false;
  while (queue.length) {
    const f = queue.shift()!;
    for (const ri of index.rowsOf[f]) {
      for (const n of index.rows[ri].cols) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
        const k = index.keys[n];
        if (statuses.get(k) === "shown" && !index.specs[n].fixed && index.values[n] > 0) {
          withhold(index, statuses, n, `${index.keys[d]} could not be protected otherwise`, o);
          changed = true;
        }
      }
    }
  }
  return changed;
}

/**
 * The cheap rules, to a fixed point, before any audit: the classic line rule, and two rules for
 * what "<3" and a listed entry tell a reader within one sum.
 */
function localRules(index: SystemIndex, statuses: Map<string, Status>, o: Resolved) {
  for (let round = 0; round < 50; round++) {
    const before = [...statuses.values()].filter((v) => v === "withheld").length;
    lineRule(index, statuses, o);
    boundsRules(index, statuses, o);
    if ([...statuses.values()].filter((v) => v === "withheld").length === before) break;
  }
}

/**
 * Within one sum, what the labels say can pin hidden figures:
 * - a total reading "<3" over two listed entries is 2, and each entry 1: the total reads "x";
 * - the hidden entries under a known total add up to what is left; when that is as small as
 *   their labels allow (each listed entry is at least 1), all are at their least: hide the
 *   smallest shown entry, or the total; when it is as large as allowed (each "<3" at most 2),
 *   one "<3" reads "x".
 */
function boundsRules(index: SystemIndex, statuses: Map<string, Status>, o: Resolved) {
  const status = (c: number) => statuses.get(index.keys[c])!;
  const prior = (c: number): [number, number] => {
    const st = status(c);
    if (st === "shown") return [index.values[c], index.values[c]];
    if (st === "small") return (index.specs[c].smallBounds as [number, number]) ?? [1, o.min - 1];
    if (st === "withheld") return o.withheldBounds as [number, number];
    return o.unpublishedBounds as [number, number];
  };
  index.rows.forEach((row, ri) => {
    const w = index.wholeOf[ri];
    const parts = row.cols.filter((c) => c !== w);
    if (parts.length !== row.cols.length - 1) return; // a figure twice in one sum: leave it to the audit
    const hiddenParts = parts.filter((c) => status(c) !== "shown");
    if (hiddenParts.length === 0) return;
    const known = status(w) === "shown";
    if (!known) {
      // Total hidden with a finite upper bound: pinned when its parts' least values reach it.
      const [, whi] = prior(w);
      const least = parts.reduce((sum, c) => sum + prior(c)[0], 0);
      if (status(w) === "small" && least >= whi) withhold(index, statuses, w, `${index.keys[w]} reads small over ${hiddenParts.length} listed entries`, o);
      return;
    }
    const left = index.values[w] - parts.filter((c) => status(c) === "shown").reduce((sum, c) => sum + index.values[c], 0);
    const least = hiddenParts.reduce((sum, c) => sum + prior(c)[0], 0);
    const most = hiddenParts.reduce((sum, c) => sum + prior(c)[1], 0);
    if (!hiddenParts.some((c) => index.values[c] > 0)) return;
    if (hiddenParts.length >= 2 && left <= least) {
      const c = complements(index, statuses, ri, -1)[0];
      if (c !== undefined) withhold(index, statuses, c, `${index.keys[w]}: its hidden entries are all at their least`, o);
    } else if (hiddenParts.length >= 2 && left >= most) {
      const c = hiddenParts.find((h) => status(h) === "small");
      if (c !== undefined) withhold(index, statuses, c, `${index.keys[w]}: its hidden entries are all at their most`, o);
    }
  });
}

/**
 * The classic rule, run first because it is cheap: a sum with exactly one hidden figure gives
 * it away, so hide the smallest visible figure of that sum. Repeats until no sum has one.
 */
function lineRule(index: SystemIndex, statuses: Map<string, Status>, o: Resolved) {
  for (let changed = true; changed; ) {
    changed = false;
    index.rows.forEach((row, ri) => {
      const hidden = row.cols.filter((c) => isUnknown(statuses.get(index.keys[c])));
      if (hidden.length !== 1) return;
      const h = hidden[0];
      if (index.values[h] === 0) return;
      if (statuses.get(index.keys[h]) === "unpublished" && !isSmallCount(index.values[h], o.min)) return;
      const c = complements(index, statuses, ri, h)[0];
      if (c === undefined) return;
      withhold(index, statuses, c, `${index.keys[h]} was alone in a sum`, o);
      changed = true;
    });
  }
}

// ---------------------------------------------------------------------------------------
// Convenience: one table, one split
// ---------------------------------------------------------------------------------------

export type ShownTable = { cells: ShownCount[][]; rowTotals: ShownCount[]; colTotals: ShownCount[]; total: ShownCount };

/** A table with row totals, column totals and a grand total, protected on its own. */
export function protectTable(counts: readonly (readonly number[])[], options: DisclosureOptions = {}): ShownTable {
  const rows = counts.map((_, ri) => `r${ri}`);
  const cols = (counts[0] ?? []).map((_, ci) => `c${ci}`);
  const problem = new DisclosureProblem().table({ totalKey: "all", rowKeys: rows, colKeys: cols, cellKey: (ri, ci) => `r${ri}/c${ci}`, counts });
  const d = protect(problem, options);
  return {
    cells: rows.map((_, ri) => cols.map((_, ci) => d.show(`r${ri}/c${ci}`))),
    rowTotals: rows.map((k) => d.show(k)),
    colTotals: cols.map((k) => d.show(k)),
    total: d.show("all"),
  };
}

/**
 * A figure shown with its parts (12 = 4 diagnosed + 8 suspected). The split rule falls out of
 * the sum: one hidden part beside a shown total and shown parts would be solvable, so another
 * is hidden too. `unshown` is the value of a part the page does not print (e.g. cases with no
 * cause yet), which still belongs to the sum.
 */
export function protectSplit(total: number, parts: readonly number[], options: DisclosureOptions & { unshown?: number } = {}): { total: ShownCount; parts: ShownCount[] } {
  const problem = new DisclosureProblem().add("total", total);
  parts.forEach((n, i) => problem.add(`p${i}`, n));
  const keys = parts.map((_, i) => `p${i}`);
  if (options.unshown !== undefined) {
    problem.add("unshown", options.unshown, { published: false });
    keys.push("unshown");
  }
  problem.sum("total", keys);
  const d = protect(problem, options);
  return { total: d.show("total"), parts: parts.map((_, i) => d.show(`p${i}`)) };
}

/** Keys of a one-dimensional breakdown that adds up to `whole`: "whole&axis=value". */
export function addBreakdown(problem: DisclosureProblem, whole: string, entries: readonly { key: string; count: number }[], options: FigureOptions = {}) {
  for (const e of entries) problem.add(e.key, e.count, options);
  problem.sum(whole, entries.map((e) => e.key));
}

// ---------------------------------------------------------------------------------------
// Date ranges for executives
// ---------------------------------------------------------------------------------------

/** Executives see whole calendar months, at least this many at a time. */
export const EXEC_MIN_MONTHS = 3;

export type DayRange = { from?: string; to?: string };
export type SnappedRange = { from?: string; to?: string; snapped: boolean; months: number | null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function monthIndex(day: string): number {
  const m = DAY.exec(day)!;
  return Number(m[1]) * 12 + (Number(m[2]) - 1);
}

function firstDay(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-01`;
}

function lastDay(month: number): string {
  const y = Math.floor(month / 12);
  const m = month % 12;
  const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${y}-${String(m + 1).padStart(2, "0")}-${String(days).padStart(2, "0")}`;
}

/**
 * The range an executive's figures use: `from` moves to the first day of its month, `to` to the
 * last day of its month, and a span shorter than `minMonths` is extended backwards. Two allowed
 * ranges therefore differ by whole months, never by a day. No range at all is all time; an open
 * start stays open (it already spans everything before `to`); an open end is the end of the
 * current month. A start after the end is read as the two swapped.
 */
export function snapExecRange(range: DayRange, today: Date, minMonths = EXEC_MIN_MONTHS): SnappedRange {
  const valid = (d?: string) => (d && DAY.test(d) ? d : undefined);
  let from = valid(range.from);
  let to = valid(range.to);
  if (!from && !to) return { snapped: false, months: null };
  if (from && to && from > to) [from, to] = [to, from];
  const current = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const toMonth = to ? monthIndex(to) : Math.max(current, monthIndex(from!));
  const out: SnappedRange = { to: lastDay(toMonth), snapped: true, months: null };
  if (from) {
    const fromMonth = Math.min(monthIndex(from), toMonth - (minMonths - 1));
    out.from = firstDay(fromMonth);
    out.months = toMonth - fromMonth + 1;
  }
  out.snapped = out.from !== range.from || out.to !== range.to;
  return out;
}
