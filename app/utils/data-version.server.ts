// A counter bumped by every write that changes what the pattern page computes from. One
// server process, so an in-memory counter is enough to invalidate in-memory caches.
let version = 0;

/** Called by the after-commit step (app/models/after-commit.server.ts) and by attainment imports. */
export function dataChanged() {
  version += 1;
}

export function dataVersion() {
  return version;
}

/** Memoises `compute` per key until case data changes (or `ttlMs` passes). */
export function cached<T>(store: Map<string, { version: number; at: number; value: T }>, key: string, ttlMs: number, compute: () => Promise<T>) {
  const hit = store.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < ttlMs) return Promise.resolve(hit.value);
  return compute().then((value) => {
    if (store.size > 50) store.clear(); // bounded: date ranges are few in practice
    store.set(key, { version, at: Date.now(), value });
    return value;
  });
}
