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

const inFlight = new WeakMap<Map<string, unknown>, Map<string, { version: number; value: Promise<unknown> }>>();

/**
 * Memoises `compute` per key until case data changes (or `ttlMs` passes). Requests that ask
 * while it is being computed share that one computation: three brief POSTs arriving together
 * after a write used to work out the plan-health table over every case three times at once
 * (seconds of the server's thread at 100,000 cases).
 */
export function cached<T>(store: Map<string, { version: number; at: number; value: T }>, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  const hit = store.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < ttlMs) return Promise.resolve(hit.value);
  const running = inFlight.get(store) ?? new Map<string, { version: number; value: Promise<unknown> }>();
  inFlight.set(store, running);
  const shared = running.get(key);
  if (shared && shared.version === version) return shared.value as Promise<T>;
  const startedAt = version;
  const value = compute()
    .then((v) => {
      if (store.size > 50) store.clear(); // bounded: date ranges are few in practice
      store.set(key, { version: startedAt, at: Date.now(), value: v });
      return v;
    })
    .finally(() => {
      if (running.get(key)?.value === value) running.delete(key);
    });
  running.set(key, { version: startedAt, value });
  return value;
}

type Entry<T> = { version: number; at: number; value: T; stamp?: number };
const refreshing = new WeakMap<Map<string, unknown>, Map<string, Promise<unknown>>>();

/**
 * Like `cached`, but stale-while-revalidate (decision 020): once a key has a value, a request
 * after a write gets that value at once while one fresh computation runs in the background;
 * only the very first request for a key waits. The value is stamped with the data version
 * read when its computation started, so a write during it leaves it stale. `stamp` is a
 * second source of change (besides case data) the value must match to be fresh; `staleOk`
 * says whether a value may be served stale at all (else the request waits for the fresh one).
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
  const running = refreshing.get(store) ?? new Map<string, Promise<unknown>>();
  refreshing.set(store, running);
  let pending = running.get(key) as Promise<T> | undefined;
  if (!pending) {
    const startedAt = version;
    pending = compute()
      .then((value) => {
        if (store.size > 50) store.clear();
        store.set(key, { version: startedAt, at: Date.now(), value, stamp });
        return value;
      })
      .finally(() => running.delete(key));
    running.set(key, pending);
  }
  if (!hit || !staleOk(hit.value)) return pending;
  pending.catch((error: unknown) => console.error("A background recomputation failed; the last result stays shown:", error));
  return Promise.resolve(hit.value);
}

/** Waits for the background computations of this store (tests, the benchmark). */
export async function settleStale(store: Map<string, unknown>) {
  await Promise.allSettled([...(refreshing.get(store)?.values() ?? [])]);
}
