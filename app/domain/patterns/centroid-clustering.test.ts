import { describe, expect, it } from "vitest";
import { clusterByCentroid } from "./centroid-clustering";

type Doc = [string, number][];

/** The procedure written plainly (every cluster scored from its centroid map), to check the indexed one against. */
function reference(docs: readonly Doc[], threshold: number, passes: number): number[] {
  type C = { members: number[]; centroid: Map<string, number>; norm2: number };
  const add = (c: C, i: number) => {
    c.members.push(i);
    for (const [t, x] of docs[i]) {
      const old = c.centroid.get(t) ?? 0;
      const now = old + x;
      c.centroid.set(t, now);
      c.norm2 += now * now - old * old;
    }
  };
  const best = (v: Doc, clusters: C[], own: number | null) => {
    let out: { k: number; score: number } | null = null;
    for (const [k, c] of clusters.entries()) {
      if (!v.some(([t]) => c.centroid.has(t))) continue;
      let d = 0;
      for (const [t, x] of v) d += (c.centroid.get(t) ?? 0) * x;
      let norm2 = c.norm2;
      if (k === own) {
        if (c.members.length <= 1) continue;
        norm2 = norm2 - 2 * d + 1;
        d -= 1;
      }
      const score = norm2 > 1e-12 ? d / Math.sqrt(norm2) : 0;
      if (!out || score > out.score || (score === out.score && k < out.k)) out = { k, score };
    }
    return out;
  };
  let clusters: C[] = [];
  let assignment = docs.map((v, i) => {
    const b = best(v, clusters, null);
    const k = b && b.score >= threshold ? b.k : clusters.push({ members: [], centroid: new Map(), norm2: 0 }) - 1;
    add(clusters[k], i);
    return k;
  });
  for (let pass = 0; pass < passes; pass++) {
    const next = docs.map((v, i) => {
      const b = best(v, clusters, assignment[i]);
      return b && b.score >= threshold ? b.k : -1 - i;
    });
    if (next.every((k, i) => k === assignment[i])) break;
    const renumber = new Map<number, number>();
    clusters = [];
    assignment = next.map((k, i) => {
      if (!renumber.has(k)) renumber.set(k, clusters.push({ members: [], centroid: new Map(), norm2: 0 }) - 1);
      add(clusters[renumber.get(k)!], i);
      return renumber.get(k)!;
    });
  }
  return assignment;
}

function randomDocs(seed: number, n: number, vocabulary: number): Doc[] {
  let a = seed;
  const next = () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => {
    const terms = new Map<string, number>();
    const size = 2 + Math.floor(next() * 6);
    // Some zero weights, as a cause every case names gets (theme-partition's causeRarity).
    for (let j = 0; j < size; j++) terms.set(`t${Math.floor(next() ** 2 * vocabulary)}`, next() < 0.1 ? 0 : next());
    const norm = Math.sqrt([...terms.values()].reduce((s, x) => s + x * x, 0)) || 1;
    return [...terms].map(([t, x]) => [t, x / norm] as [string, number]);
  });
}

describe("clusterByCentroid", () => {
  it("gives exactly what scoring every cluster from its centroid gives", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const docs = randomDocs(seed, 300, 40);
      for (const threshold of [0.2, 0.35]) expect(clusterByCentroid(docs, threshold, 8).assignment).toEqual(reference(docs, threshold, 8));
    }
  });

  it("puts alike documents together and leaves an unrelated one alone", () => {
    const docs: Doc[] = [[["a", 1]], [["a", 0.8], ["b", 0.6]], [["a", 0.9], ["b", Math.sqrt(1 - 0.81)]], [["z", 1]]];
    const { assignment } = clusterByCentroid(docs, 0.5, 8);
    expect(new Set(assignment.slice(0, 3)).size).toBe(1);
    expect(assignment[3]).not.toBe(assignment[0]);
  });
});
