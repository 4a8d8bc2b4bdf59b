// Load generation with autocannon: one route at 1 and at 16 connections for a bounded time.
// Latency percentiles are computed from every response's own time (autocannon reports each
// one, in fractional milliseconds), so a 4.3 ms page is not rounded to 4 or 5.

import autocannon from "autocannon";

export async function signIn(url, email, password) {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("__upstream_session="));
  if (res.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed: HTTP ${res.status}`);
  return cookie;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const round = (v, digits = 1) => (v == null || Number.isNaN(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** A route's request, as fetch and autocannon both need it. */
export function requestOf(base, route, cookie) {
  const headers = {
    cookie,
    accept: "text/html,application/xhtml+xml,*/*",
    // What a browser sends: the server compresses, as it would for real users.
    "accept-encoding": "gzip, deflate",
    ...(route.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
  };
  return { url: `${base}${route.path}`, method: route.method ?? "GET", headers, body: route.body };
}

/** Success: 2xx, and 3xx where the route says a redirect is its answer (a POST that redirects). */
function okStatus(route, status) {
  return (status >= 200 && status < 300) || (route.redirectOk && status >= 300 && status < 400);
}

/** One request with fetch, timed (used for the cold first request and the warm-up). */
export async function timedRequest(req, route, timeoutMs = 60_000) {
  const t0 = performance.now();
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!okStatus(route, res.status)) {
    throw new Error(`${route.name}: ${req.method} ${req.url} answered HTTP ${res.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
  }
  return { ms, status: res.status, bytes: body.byteLength };
}

/**
 * autocannon at `connections`, either for `seconds` or for `amount` requests (stopped at
 * `maxSeconds` whatever happens). Every response time is kept (bounded).
 */
export async function cannon(req, route, connections, { seconds, amount, maxSeconds }) {
  const times = [];
  const statuses = {};
  const instance = autocannon({
    url: req.url,
    method: req.method,
    headers: req.headers,
    body: req.body,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 60,
  });
  const t0 = performance.now();
  const cap = setTimeout(() => instance.stop(), (maxSeconds ?? seconds + 30) * 1000);
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (okStatus(route, statusCode) && times.length < 2_000_000) times.push(responseTime);
  });
  const result = await instance;
  clearTimeout(cap);
  const wallSeconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const ok = times.length;
  const failed = Object.entries(statuses).filter(([s]) => !okStatus(route, Number(s))).reduce((n, [, c]) => n + c, 0);
  return {
    connections,
    mode: amount ? `${amount} requests` : `${seconds} s`,
    seconds: round(wallSeconds, 2),
    requests: ok,
    rps: round(ok / wallSeconds, 2),
    p50: round(percentile(times, 50), 2),
    p99: round(percentile(times, 99), 2),
    max: round(times[times.length - 1] ?? null, 2),
    failed,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/**
 * A route at one data size: the first request (cold), a short warm-up, then 1 connection and
 * 16 connections, waiting for the server to be idle between runs so one run's backlog does not
 * land in the next. Runs adapt to the route's speed so slow routes still give enough samples,
 * and every run is bounded: 1 connection for max(seconds1, 25 requests) up to 12 s; 16
 * connections for seconds16 when 64 requests fit in it, otherwise 64 requests stopped at 30 s.
 */
export async function measureRoute(server, route, cookie, { seconds1, seconds16 }) {
  const req = requestOf(server.url, route, cookie);
  const cold = await timedRequest(req, route);
  await server.waitIdle();
  const warm = [];
  const warmUntil = Date.now() + 3_000;
  for (let i = 0; i < 5 && (i === 0 || Date.now() < warmUntil); i++) warm.push((await timedRequest(req, route)).ms);
  warm.sort((a, b) => a - b);
  const estMs = percentile(warm, 50);

  const s1 = clamp(Math.ceil((estMs * 25) / 1000), route.seconds1 ?? seconds1, 12);
  const c1 = await cannon(req, route, 1, { seconds: s1, maxSeconds: s1 + 30 });
  const drained1 = await server.waitIdle();
  const s16 = route.seconds16 ?? seconds16;
  const c16 = estMs * 64 <= s16 * 1000 ? await cannon(req, route, 16, { seconds: s16, maxSeconds: s16 + 30 }) : await cannon(req, route, 16, { amount: 64, maxSeconds: 30 });
  const drained16 = await server.waitIdle();
  return {
    url: route.path,
    method: req.method,
    coldMs: round(cold.ms, 2),
    bytes: cold.bytes,
    rps16: c16.rps,
    p50_1: c1.p50,
    p99_1: c1.p99,
    p50_16: c16.p50,
    p99_16: c16.p99,
    rps1: c1.rps,
    requests1: c1.requests,
    requests16: c16.requests,
    run1: c1.mode,
    run16: c16.mode,
    drainMs: drained1 + drained16,
    failed: c1.failed + c16.failed + c1.errors + c16.errors,
    timeouts: c1.timeouts + c16.timeouts,
    statuses: { c1: c1.statuses, c16: c16.statuses },
  };
}

/**
 * Sign-ins and case saves, one after another, for as long as `busy()` says the import runs:
 * what a person meets who signs in or saves a case during a large import (issue 18).
 */
export async function writesDuring(url, email, password, cookie, busy) {
  const signIns = [];
  const saves = [];
  const errors = [];
  let n = 0;
  while (busy()) {
    n += 1;
    let t = performance.now();
    try {
      await signIn(url, email, password);
      signIns.push(performance.now() - t);
    } catch (error) {
      errors.push(`sign-in: ${error.message}`);
    }
    t = performance.now();
    try {
      const res = await fetch(`${url}/cases/new`, {
        method: "POST",
        body: new URLSearchParams({ complaint: `Saved during the import, number ${n}: the quota moved again.`, behaviour: "attrition_morale", reporterRole: "ae", segment: "enterprise" }),
        headers: { cookie },
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      if (res.status !== 302) throw new Error(`HTTP ${res.status}`);
      saves.push(performance.now() - t);
    } catch (error) {
      errors.push(`case save: ${error.message}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const summary = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { count: sorted.length, p50Ms: Math.round(percentile(sorted, 50) ?? 0), p99Ms: Math.round(percentile(sorted, 99) ?? 0), maxMs: Math.round(sorted.at(-1) ?? 0) };
  };
  return { signIn: summary(signIns), caseSave: summary(saves), errors: errors.length, firstErrors: errors.slice(0, 3) };
}
