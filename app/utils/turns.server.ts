import { pauseForRequests } from "./import-connection.server";

/**
 * For a loop of queries in the background: better-sqlite3 answers each at once, so awaiting
 * them never gives the event loop a turn, and a loop of a hundred is one long stall for every
 * request. Call the returned function between items: it pauses once `turnMs` have gone by
 * since the last pause (decision 040's 20 ms turns).
 */
export function pauseEvery(turnMs: number) {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < turnMs) return;
    await pauseForRequests();
    since = performance.now();
  };
}

/** A background sweep's turn, in ms. */
export const SWEEP_TURN_MS = 20;
