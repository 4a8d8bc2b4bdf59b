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

type Entry<T> = { version: number; at: number; value: T; stamp?: number };
type Run = { version: number; value: Promise<unknown> };
// The computation under way per store and key, with the data version it started at.
const inFlight = new WeakMap<Map<string, unknown>, Map<string, Run>>();

/**
 * Starts `compute` for this key unless one under way may be shared (`share`), and stores its
 * value stamped with the data version read when it started, so a write during it leaves it stale.
 */
function computeOnce<T>(store: Map<string, Entry<T>>, key: string, compute: () => Promise<T>, stamp: number | undefined, share: (run: Run) => boolean): Promise<T> {
  const running = inFlight.get(store) ?? new Map<string, Run>();
  inFlight.set(store, running);
  const current = running.get(key);
  if (current && share(current)) return current.value as Promise<T>;
  const startedAt = version;
  const value = compute()
    .then((v) => {
      if (store.size > 50) store.clear(); // bounded: date ranges are few in practice
      store.set(key, { version: startedAt, at: Date.now(), value: v, stamp });
      return v;
    })
    .finally(() => {
      if (running.get(key)?.value === value) running.delete(key);
    });
  running.set(key, { version: startedAt, value });
  return value;
}

/**
 * Memoises `compute` per key until case data changes (or `ttlMs` passes). Requests that ask
 * while it is being computed share that one computation: three brief POSTs arriving together
 * after a write used to work out the plan-health table over every case three times at once
 * (seconds of the server's thread at 100,000 cases).
 */
export function cached<T>(store: Map<string, Entry<T>>, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  const hit = store.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < ttlMs) return Promise.resolve(hit.value);
  return computeOnce(store, key, compute, undefined, (run) => run.version === version);
}

/**
 * Like `cached`, but stale-while-revalidate (decision 020): once a key has a value, a request
 * after a write gets that value at once while one fresh computation runs in the background;
 * only the very first request for a key waits. `stamp` is a second source of change (besides
 * case data) the value must match to be fresh; `staleOk` says whether a value may be served
 * stale at all (else the request waits for the fresh one).
 */
export function cachedStale<T>(
  store: Map<string, Entry<T>>,
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
  { stamp, staleOk = () => true }: { stamp?: number; staleOk?: (value: T) => boolean } = {},
): Promise<T> {
  const hit = store.get(key);
  if (hit && hit.version === version && hit.stamp === stamp && Date.now() - hit.at < ttlMs) return Promise.resolve(hit.value);
  // One background computation at a time per key, whatever version it started at.
  const pending = computeOnce(store, key, compute, stamp, () => true);
  if (!hit || !staleOk(hit.value)) return pending;
  pending.catch((error: unknown) => console.error("A background recomputation failed; the last result stays shown:", error));
  return Promise.resolve(hit.value);
}

/** Waits for the background computations of this store (tests, the benchmark). */
export async function settleStale(store: Map<string, unknown>) {
  await Promise.allSettled([...(inFlight.get(store)?.values() ?? [])].map((run) => run.value));
}
