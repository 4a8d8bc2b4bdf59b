// A small dense simplex for the disclosure audit (disclosure.ts): the least and greatest value
// each variable can take given equations and bounds. Two phases, Bland's rule (the systems are
// highly degenerate, and Bland's rule cannot cycle), one feasible basis reused for every
// objective. Sizes are a page's hidden figures, tens to a few hundred.

const EPS = 1e-9;

export type LinearSystem = {
  /** Number of variables. */
  n: number;
  /** Σ coefs·x = rhs, over variable indexes. */
  equations: { cols: number[]; coefs: number[]; rhs: number }[];
  lo: number[];
  /** Infinity for no upper bound. */
  hi: number[];
};

type Tableau = { rows: number[][]; basis: number[]; width: number };

function pivot(t: Tableau, r: number, c: number) {
  const row = t.rows[r];
  const p = row[c];
  for (let j = 0; j < t.width; j++) row[j] /= p;
  for (let i = 0; i < t.rows.length; i++) {
    if (i === r) continue;
    const other = t.rows[i];
    const f = other[c];
    if (Math.abs(f) < EPS) continue;
    for (let j = 0; j < t.width; j++) other[j] -= f * row[j];
  }
  t.basis[r] = c;
}

/**
 * Minimises cost·y from a feasible basis (the tableau's last column is the right-hand side).
 * Returns the minimum, or −Infinity when unbounded. `allowed` marks columns that may enter.
 */
function minimise(t: Tableau, cost: number[], allowed: (c: number) => boolean): number {
  const rhs = t.width - 1;
  // Reduced costs: cost − c_B·B⁻¹A.
  const reduced = cost.slice();
  let value = 0;
  t.rows.forEach((row, i) => {
    const cb = cost[t.basis[i]];
    if (cb === 0) return;
    for (let j = 0; j < rhs; j++) reduced[j] -= cb * row[j];
    value += cb * row[rhs];
  });
  for (let iter = 0; iter < 20_000; iter++) {
    let enter = -1;
    for (let j = 0; j < rhs; j++) {
      if (allowed(j) && reduced[j] < -EPS) {
        enter = j; // Bland: the lowest index
        break;
      }
    }
    if (enter === -1) return value;
    let leave = -1;
    let best = Infinity;
    t.rows.forEach((row, i) => {
      if (row[enter] > EPS) {
        const ratio = row[rhs] / row[enter];
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && t.basis[i] < t.basis[leave])) {
          best = ratio;
          leave = i;
        }
      }
    });
    if (leave === -1) return -Infinity;
    const f = reduced[enter];
    const prow = t.rows[leave];
    pivot(t, leave, enter);
    for (let j = 0; j < rhs; j++) reduced[j] -= f * prow[j];
    value += f * prow[rhs];
  }
  throw new Error("simplex did not finish");
}

/**
 * For each asked variable, the interval [min, max] over every real solution; null when the
 * system has no solution at all.
 */
export function variableRanges(sys: LinearSystem, asked: readonly number[]): Map<number, [number, number]> | null {
  // Shift to y = x − lo ≥ 0; upper bounds become y + s = hi − lo.
  const uppers = [...Array(sys.n).keys()].filter((j) => Number.isFinite(sys.hi[j]));
  const nY = sys.n;
  const nS = uppers.length;
  const nA = sys.equations.length;
  const width = nY + nS + nA + 1;
  const rhsCol = width - 1;
  const rows: number[][] = [];
  const basis: number[] = [];
  sys.equations.forEach((e, i) => {
    const row = new Array<number>(width).fill(0);
    let rhs = e.rhs;
    e.cols.forEach((c, j) => {
      row[c] += e.coefs[j];
      rhs -= e.coefs[j] * sys.lo[c];
    });
    if (rhs < 0) {
      for (let j = 0; j < nY; j++) row[j] = -row[j];
      rhs = -rhs;
    }
    row[nY + nS + i] = 1;
    row[rhsCol] = rhs;
    rows.push(row);
    basis.push(nY + nS + i);
  });
  uppers.forEach((c, k) => {
    const row = new Array<number>(width).fill(0);
    row[c] = 1;
    row[nY + k] = 1;
    row[rhsCol] = sys.hi[c] - sys.lo[c];
    rows.push(row);
    basis.push(nY + k);
  });
  const t: Tableau = { rows, basis, width };

  // Phase 1: drive the artificial variables to zero.
  const phase1 = new Array<number>(width - 1).fill(0);
  for (let i = 0; i < nA; i++) phase1[nY + nS + i] = 1;
  const infeasibility = minimise(t, phase1, () => true);
  if (infeasibility > 1e-7) return null;
  // Artificial variables still basic (at zero): pivot them out, or drop a redundant row.
  for (let i = t.rows.length - 1; i >= 0; i--) {
    if (t.basis[i] < nY + nS) continue;
    const row = t.rows[i];
    let c = -1;
    for (let j = 0; j < nY + nS; j++) if (Math.abs(row[j]) > 1e-7) { c = j; break; }
    if (c === -1) {
      t.rows.splice(i, 1);
      t.basis.splice(i, 1);
    } else pivot(t, i, c);
  }
  const notArtificial = (c: number) => c < nY + nS;

  const out = new Map<number, [number, number]>();
  for (const v of asked) {
    const cost = new Array<number>(width - 1).fill(0);
    cost[v] = 1;
    const low = copy(t);
    const min = minimise(low, cost, notArtificial);
    cost[v] = -1;
    const high = copy(t);
    const negMax = minimise(high, cost, notArtificial);
    out.set(v, [min + sys.lo[v], negMax === -Infinity ? Infinity : -negMax + sys.lo[v]]);
  }
  return out;
}

function copy(t: Tableau): Tableau {
  return { rows: t.rows.map((r) => r.slice()), basis: t.basis.slice(), width: t.width };
}
