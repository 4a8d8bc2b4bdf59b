// Experiment (decision 032): latent semantic analysis of the cases' own TF-IDF text (a truncated
// SVD by a randomized range finder), so words that occur with the same neighbours in this
// company's complaints meet. Per case, a unit vector of rank r (first component optionally dropped).
import type { TfIdfIndex } from "./text-similarity";

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function lsaVectors(ids: readonly number[], index: TfIdfIndex, rank: number, dropFirst: boolean): Map<number, number[]> {
  const n = ids.length;
  const V = index.stems.length;
  const k = Math.min(n, rank + 10);
  const next = rng(7);
  const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  const omega = Array.from({ length: V }, () => Array.from({ length: k }, gauss));
  const rows = ids.map((id) => index.vector(id) ?? { idx: [], val: [] });
  const times = (m: number[][]) => rows.map((r) => {
    const y = new Array<number>(m[0].length).fill(0);
    r.idx.forEach((t, j) => { for (let c = 0; c < y.length; c++) y[c] += r.val[j] * m[t][c]; });
    return y;
  });
  const timesT = (y: number[][]) => {
    const z = Array.from({ length: V }, () => new Array<number>(y[0].length).fill(0));
    rows.forEach((r, i) => r.idx.forEach((t, j) => { for (let c = 0; c < y[0].length; c++) z[t][c] += r.val[j] * y[i][c]; }));
    return z;
  };
  let y = times(omega);
  for (let q = 0; q < 2; q++) y = times(timesT(orth(y)));
  const Q = orth(y); // n × k
  // B = Qᵀ X (k × V); B Bᵀ = Qᵀ X Xᵀ Q: eigenvectors give the left singular vectors of B.
  const z = timesT(Q); // V × k = Xᵀ Q = Bᵀ
  const bbt = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => z.reduce((s, row) => s + row[a] * row[b], 0)));
  const { values, vectors } = jacobi(bbt);
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
  const keep = order.slice(dropFirst ? 1 : 0, rank + (dropFirst ? 1 : 0));
  const out = new Map<number, number[]>();
  ids.forEach((id, i) => {
    // U Σ = Q Ub Σ, and Ub Σ's columns are Qᵀ X X... use Q·Ub scaled by σ = √λ.
    const e = keep.map((c) => Q[i].reduce((s, q, a) => s + q * vectors[a][c], 0) * Math.sqrt(Math.max(0, values[c])));
    const norm = Math.sqrt(e.reduce((s, x) => s + x * x, 0)) || 1;
    out.set(id, e.map((x) => x / norm));
  });
  return out;
}

/** Modified Gram–Schmidt on the columns of an n × k matrix. */
function orth(y: number[][]): number[][] {
  const n = y.length;
  const k = y[0].length;
  const q = y.map((r) => [...r]);
  for (let c = 0; c < k; c++) {
    for (let p = 0; p < c; p++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += q[i][c] * q[i][p];
      for (let i = 0; i < n; i++) q[i][c] -= d * q[i][p];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i][c] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) q[i][c] /= norm;
  }
  return q;
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi). */
function jacobi(m: number[][]): { values: number[]; vectors: number[][] } {
  const n = m.length;
  const a = m.map((r) => [...r]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) {
      if (Math.abs(a[p][q]) < 1e-15) continue;
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < n; k++) {
        const akp = a[k][p];
        const akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < n; k++) {
        const apk = a[p][k];
        const aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < n; k++) {
        const vkp = v[k][p];
        const vkq = v[k][q];
        v[k][p] = c * vkp - s * vkq;
        v[k][q] = s * vkp + c * vkq;
      }
    }
  }
  return { values: a.map((r, i) => r[i]), vectors: v };
}
