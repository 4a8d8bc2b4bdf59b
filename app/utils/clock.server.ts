// Every "now" that decides something (due, overdue, SLA ageing, when a check falls due) comes
// from here, so tests can move time without waiting for it. Real time plus an offset.
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Moves the clock forward (or back) by `ms`; integration tests call it directly. */
export function moveClock(ms: number) {
  offsetMs += ms;
}

export function resetClock() {
  offsetMs = 0;
}

/**
 * Only a server started with MOVABLE_CLOCK=1 (the end-to-end test server) lets an admin move
 * its clock over HTTP; everywhere else the route does not exist.
 */
export const clockIsMovable = () => process.env.MOVABLE_CLOCK === "1";

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A gate for work done as people use the app (the sweeps): open at most once every `everyMs` of
 * the app's clock, or when forced. Compared with abs so a test that moves the clock back still
 * sees the work run.
 */
export function onceEvery(everyMs: number) {
  let last = 0;
  return (force = false) => {
    const at = now().getTime();
    if (!force && Math.abs(at - last) < everyMs) return false;
    last = at;
    return true;
  };
}
