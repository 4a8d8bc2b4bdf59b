// Clustering by cosine to centroids, shared by the text grouping (grouping.ts) and themes
// (theme-partition.ts). Documents are unit vectors given as (term, weight) pairs, taken in the
// order given, so the same documents give the same clusters: a leader pass (each joins the most
// alike cluster when the cosine reaches the threshold, else starts one), then reassignment
// passes (each moves to the cluster it is now most like, itself left out, or stands alone),
// which undo most of the order's effect.

export type TermWeights<K> = Iterable<readonly [K, number]>;
export type Cluster<K> = { members: number[]; centroid: Map<K, number>; norm2: number };

/** The clusters and, per document, its cluster's index. */
export function clusterByCentroid<K>(docs: readonly TermWeights<K>[], threshold: number, passes: number) {
  let clusters: Cluster<K>[] = [];
  let postings = new Map<K, Set<number>>(); // term → clusters holding it
  let assignment: number[] = [];
  docs.forEach((v, i) => {
    const best = bestCluster(v, clusters, postings, null);
    let k = best && best.score >= threshold ? best.cluster : -1;
    if (k === -1) {
      k = clusters.length;
      clusters.push({ members: [], centroid: new Map(), norm2: 0 });
    }
    addTo(clusters[k], k, i, v, postings);
    assignment[i] = k;
  });

  for (let pass = 0; pass < passes; pass++) {
    const next = docs.map((v, i) => {
      const best = bestCluster(v, clusters, postings, assignment[i]);
      return best && best.score >= threshold ? best.cluster : -1 - i; // negative: on its own
    });
    if (next.every((k, i) => k === assignment[i])) break;
    const renumber = new Map<number, number>();
    clusters = [];
    postings = new Map();
    assignment = next.map((k, i) => {
      let nk = renumber.get(k);
      if (nk === undefined) {
        nk = clusters.length;
        renumber.set(k, nk);
        clusters.push({ members: [], centroid: new Map(), norm2: 0 });
      }
      addTo(clusters[nk], nk, i, docs[i], postings);
      return nk;
    });
  }
  return { clusters, assignment };
}

function addTo<K>(c: Cluster<K>, k: number, doc: number, v: TermWeights<K>, postings: Map<K, Set<number>>) {
  c.members.push(doc);
  for (const [t, x] of v) {
    const old = c.centroid.get(t) ?? 0;
    const now = old + x;
    c.centroid.set(t, now);
    c.norm2 += now * now - old * old;
    let set = postings.get(t);
    if (!set) postings.set(t, (set = new Set()));
    set.add(k);
  }
}

/**
 * The cluster whose centroid is most like `v`. `own` is the cluster v is in: it is scored
 * without v, using |c − v|² = |c|² − 2·c·v + 1.
 */
function bestCluster<K>(v: TermWeights<K>, clusters: Cluster<K>[], postings: Map<K, Set<number>>, own: number | null) {
  const dots = new Map<number, number>();
  for (const [t, x] of v) {
    for (const k of postings.get(t) ?? []) dots.set(k, (dots.get(k) ?? 0) + clusters[k].centroid.get(t)! * x);
  }
  let best: { cluster: number; score: number } | null = null;
  for (const [k, d] of dots) {
    let dotK = d;
    let norm2 = clusters[k].norm2;
    if (k === own) {
      if (clusters[k].members.length <= 1) continue;
      norm2 = norm2 - 2 * d + 1;
      dotK = d - 1;
    }
    const score = norm2 > 1e-12 ? dotK / Math.sqrt(norm2) : 0;
    if (!best || score > best.score || (score === best.score && k < best.cluster)) best = { cluster: k, score };
  }
  return best;
}
