// Issue 18's mixed load: 16 connections at once over several routes (a list, a case file, the
// pattern page, an export, a brief), each route's p50/p99 from every response, the export's
// first byte too; and the pattern page's first request right after a write.

import { percentile, requestOf } from "./load.mjs";

const round = (v) => (v == null ? null : Math.round(v * 10) / 10);
const summary = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted.at(-1)) };
};

/** One request, timed to its first byte and to its last. */
async function timed(req) {
  const t0 = performance.now();
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  const reader = res.body?.getReader();
  let firstByteMs = null;
  let bytes = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (firstByteMs === null) firstByteMs = performance.now() - t0;
      if (done) break;
      bytes += value.byteLength;
    }
  }
  return { status: res.status, ms: performance.now() - t0, firstByteMs, bytes };
}

/**
 * The server's own thread's busy time per request, per route (workers' time left out): each
 * route requested `rounds` times one after another on a warm server, the thread's busy time
 * (event-loop utilisation, read with the loop stats) divided by the requests. On 2 cores under
 * 16 connections this sum, not any one latency, decides how long the queue is.
 */
export async function cpuPerRequest(server, routes, cookie, { rounds = 12 } = {}) {
  const out = {};
  for (const route of routes) {
    const req = requestOf(server.url, route, cookie);
    await timed(req); // warm: caches filled, workers started
    await server.waitIdle();
    await server.loopDelay();
    let bytes = 0;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) bytes += (await timed(req)).bytes;
    const wallMs = (performance.now() - t0) / rounds;
    const after = await server.loopDelay();
    out[route.key] = { busyMsPerRequest: after?.busyMs == null ? null : round(after.busyMs / rounds), wallMsPerRequest: round(wallMs), maxStallMs: after?.maxMs ?? null, stallsOver50: after?.stallsOver50 ?? null, bytes: Math.round(bytes / rounds) };
  }
  return out;
}

/**
 * `connections` loops for `seconds`, loop i always on route i % routes.length, one request
 * after another: every route is under load at the same time as the others.
 */
export async function mixedLoad(server, routes, cookie, { connections = 16, seconds = 20 } = {}) {
  const times = Object.fromEntries(routes.map((r) => [r.key, { ms: [], firstByteMs: [], errors: 0, statuses: {} }]));
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const route = routes[i % routes.length];
      const req = requestOf(server.url, route, cookie);
      const t = times[route.key];
      while (Date.now() < until) {
        try {
          const r = await timed(req);
          t.statuses[r.status] = (t.statuses[r.status] ?? 0) + 1;
          const ok = (r.status >= 200 && r.status < 300) || (route.redirectOk && r.status >= 300 && r.status < 400);
          if (!ok) t.errors += 1;
          t.ms.push(r.ms);
          if (r.firstByteMs !== null) t.firstByteMs.push(r.firstByteMs);
        } catch {
          t.errors += 1;
        }
      }
    }),
  );
  return {
    connections,
    seconds,
    routes: Object.fromEntries(
      routes.map((r) => {
        const t = times[r.key];
        return [r.key, { name: r.name, connections: Math.ceil((connections - routes.indexOf(r)) / routes.length), ...summary(t.ms), firstByte: summary(t.firstByteMs), errors: t.errors, statuses: t.statuses }];
      }),
    ),
  };
}

/**
 * A case saved, then the pattern page requested at once (its themes are then out of date and
 * recomputing): `rounds` times, a few seconds apart. Whether the page said "Updating" is kept.
 */
export async function patternsAfterWrite(server, cookie, { rounds = 5, pauseMs = 3_000 } = {}) {
  const firsts = [];
  let updating = 0;
  for (let n = 1; n <= rounds; n++) {
    const save = await fetch(`${server.url}/cases/new`, {
      method: "POST",
      body: new URLSearchParams({ complaint: `Saved before the pattern page, number ${n}: the accelerator moved.`, behaviour: "attrition_morale", reporterRole: "ae", segment: "enterprise" }),
      headers: { cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    await save.arrayBuffer();
    if (save.status !== 302) throw new Error(`The case save before the pattern page answered HTTP ${save.status}`);
    const t0 = performance.now();
    const page = await fetch(`${server.url}/patterns`, { headers: { cookie, "accept-encoding": "gzip, deflate" }, signal: AbortSignal.timeout(60_000) });
    const html = await page.text();
    firsts.push(performance.now() - t0);
    if (!page.ok) throw new Error(`The pattern page after a write answered HTTP ${page.status}; the server's last output:\n${server.log?.().slice(-3000) ?? ""}`);
    if (html.includes('data-testid="themes-updating"')) updating += 1;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return { rounds, ...summary(firsts), markedUpdating: updating };
}
