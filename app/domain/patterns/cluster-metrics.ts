// How well a clustering recovers known groups, for the grouping tests. Both take one label
// per item, in the same order: predicted cluster and true group.

type Label = string | number;

function contingency(a: readonly Label[], b: readonly Label[]) {
  if (a.length !== b.length) throw new Error("Both labellings must cover the same items");
  const cells = new Map<string, number>();
  const rows = new Map<Label, number>();
  const cols = new Map<Label, number>();
  for (let i = 0; i < a.length; i++) {
    const key = JSON.stringify([a[i], b[i]]);
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  return { cells: [...cells.values()], rows: [...rows.values()], cols: [...cols.values()] };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Share of items whose cluster's majority true group is their own. 1 is perfect, but every
 * singleton is "pure": read it next to the adjusted Rand index.
 */
export function purity(predicted: readonly Label[], truth: readonly Label[]): number {
  if (predicted.length === 0) return 1;
  const byCluster = new Map<Label, Map<Label, number>>();
  predicted.forEach((p, i) => {
    const counts = byCluster.get(p) ?? new Map<Label, number>();
    counts.set(truth[i], (counts.get(truth[i]) ?? 0) + 1);
    byCluster.set(p, counts);
  });
  if (predicted.length !== truth.length) throw new Error("Both labellings must cover the same items");
  let majority = 0;
  for (const counts of byCluster.values()) majority += Math.max(...counts.values());
  return majority / predicted.length;
}

/**
 * Adjusted Rand index (Hubert & Arabie): agreement on which pairs of items go together,
 * corrected for chance. 1 is identical, about 0 is random, negative is worse than random.
 */
export function adjustedRandIndex(labelsA: readonly Label[], labelsB: readonly Label[]): number {
  const n = labelsA.length;
  const { cells, rows, cols } = contingency(labelsA, labelsB);
  const index = cells.reduce((s, x) => s + pairs(x), 0);
  const sumRows = rows.reduce((s, x) => s + pairs(x), 0);
  const sumCols = cols.reduce((s, x) => s + pairs(x), 0);
  const expected = n > 1 ? (sumRows * sumCols) / pairs(n) : 0;
  const max = (sumRows + sumCols) / 2;
  // Both all-in-one or both all-singletons: the labellings agree perfectly.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
