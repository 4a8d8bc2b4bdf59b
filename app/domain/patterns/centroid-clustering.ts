// Clustering by cosine to centroids, shared by the text grouping (grouping.ts) and themes
// (theme-partition.ts). Documents are unit vectors given as (term, weight) pairs, taken in the
// order given, so the same documents give the same clusters: a leader pass (each joins the most
// alike cluster when the cosine reaches the threshold, else starts one), then reassignment
// passes (each moves to the cluster it is now most like, itself left out, or stands alone),
// which undo most of the order's effect.

export type TermWeights<K> = Iterable<readonly [K, number]>;
export type Cluster<K> = { members: number[]; centroid: Map<K, number>; norm2: number };
/** Term → (cluster → the cluster's centroid weight for the term): scoring reads no centroid map. */
type Postings<K> = Map<K, Map<number, number>>;
/** Per-cluster dot products of one scoring, reused across calls (a Map per call was most of the time at 20,000 cases). */
type Scratch = { dots: Float64Array; seen: Uint8Array; touched: Int32Array };

/** The clusters and, per document, its cluster's index. */
export function clusterByCentroid<K>(docs: readonly TermWeights<K>[], threshold: number, passes: number) {
  let clusters: Cluster<K>[] = [];
  let postings: Postings<K> = new Map();
  let assignment: number[] = [];
  // There are never more clusters than documents.
  const scratch: Scratch = { dots: new Float64Array(docs.length), seen: new Uint8Array(docs.length), touched: new Int32Array(docs.length) };
  docs.forEach((v, i) => {
    const best = bestCluster(v, clusters, postings, null, scratch);
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
      const best = bestCluster(v, clusters, postings, assignment[i], scratch);
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

function addTo<K>(c: Cluster<K>, k: number, doc: number, v: TermWeights<K>, postings: Postings<K>) {
  c.members.push(doc);
  for (const [t, x] of v) {
    const old = c.centroid.get(t) ?? 0;
    const now = old + x;
    c.centroid.set(t, now);
    c.norm2 += now * now - old * old;
    let list = postings.get(t);
    if (!list) postings.set(t, (list = new Map()));
    list.set(k, now);
  }
}

/**
 * The cluster whose centroid is most like `v`. `own` is the cluster v is in: it is scored
 * without v, using |c − v|² = |c|² − 2·c·v + 1.
 */
function bestCluster<K>(v: TermWeights<K>, clusters: Cluster<K>[], postings: Postings<K>, own: number | null, scratch: Scratch) {
  const { dots, seen, touched } = scratch;
  let n = 0;
  for (const [t, x] of v) {
    const list = postings.get(t);
    if (!list) continue;
    for (const [k, w] of list) {
      if (!seen[k]) {
        seen[k] = 1;
        touched[n++] = k;
      }
      dots[k] += w * x;
    }
  }
  let best: { cluster: number; score: number } | null = null;
  for (let j = 0; j < n; j++) {
    const k = touched[j];
    const d = dots[k];
    dots[k] = 0;
    seen[k] = 0;
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
