// The HTTP server: Remix behind Express, with security headers, a per-request CSP nonce and
// request size limits. `NODE_ENV=production` serves the build; otherwise Vite's dev server.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { pinoHttp } from "pino-http";

const isProduction = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";

const viteDevServer = isProduction
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

// One JSON line per request (pino): request id, method, route (the path, never the query: a
// search may hold a name), status, duration and the signed-in user's id. Nothing else from the
// request or response is logged: no headers (the session cookie), no body (complaints,
// passwords). LOG_FILE writes to a file instead of stdout; QUIET_LOGS=1 without one is silent.
const logFile = process.env.LOG_FILE;
const logger = pino(
  {
    level: process.env.QUIET_LOGS === "1" && !logFile ? "silent" : process.env.LOG_LEVEL || "info",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  pino.destination(logFile ? { dest: logFile, mkdir: true } : 1),
);
// Shared with the app's build (app/utils/request-context.server.ts): who the request is from.
// The same global slot as app/utils/request-context.server.ts (the app's build is a separate module).
const requestLogContext = (globalThis.upstreamRequestLogContext ??= new AsyncLocalStorage());
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const pathOf = (url) => String(url ?? "").split("?")[0].slice(0, 200);
const logLine = (req, res, responseTime) => ({
  method: req.method,
  route: pathOf(req.originalUrl ?? req.url),
  status: res.statusCode,
  durationMs: responseTime,
  userId: res.locals?.logContext?.userId ?? null,
});

const app = express();
app.disable("x-powered-by");
app.use(compression());

// Bodies beyond these sizes are refused before they are read (imports may be large files).
const MB = 1024 * 1024;
app.use((req, res, next) => {
  const limit = req.path.startsWith("/import") ? 60 * MB : 2 * MB;
  // A body without a declared length could be any size: forms always declare theirs.
  if (req.headers["transfer-encoding"] && !req.headers["content-length"]) {
    res.status(411).type("text/plain").send("Send the request with a Content-Length.");
    return;
  }
  if (Number(req.headers["content-length"] ?? 0) > limit) {
    res.status(413).type("text/plain").send(`Request too large: the limit is ${limit / MB} MB.`);
    return;
  }
  next();
});

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const scriptSrc = isProduction ? `'self' 'nonce-${nonce}'` : `'self' 'unsafe-inline'`;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      // Mantine writes its CSS variables into <style> elements.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      `connect-src 'self'${isProduction ? "" : " ws:"}`,
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // Beside this file, not the working directory: `node /path/to/server.mjs` serves its assets too.
  const client = fileURLToPath(new URL("./build/client", import.meta.url));
  app.use("/assets", express.static(`${client}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(client, { maxAge: "1h" }));
}

// Everything past the static files comes from the app: pages, their `.data` requests, exports
// and downloads carry case content, so no browser or proxy may keep a copy. Set when the
// headers go out, so a route's own "private, no-store" is kept rather than doubled.
app.use((req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!/\bno-store\b/i.test(String(res.getHeader("Cache-Control") ?? ""))) res.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  };
  next();
});

app.use(
  pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: "reqId" },
    // A proxy's request id is kept (so lines can be matched across hops) when it looks like one.
    genReqId: (req, res) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customSuccessObject: (req, res, val) => logLine(req, res, val.responseTime),
    // The error's kind only: a message may quote the data it failed on.
    customErrorObject: (req, res, err, val) => ({ ...logLine(req, res, val.responseTime), error: err?.name ?? "Error" }),
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request failed",
  }),
);
app.use((req, res, next) => {
  const store = {};
  res.locals.logContext = store;
  requestLogContext.run(store, next);
});

// Cross-site form posts (CSRF) are refused here with a 403. Remix refuses an Origin that does
// not match the host too, but by throwing: a 500 and a stack trace in the log.
const SAFE_METHODS = new Set(["GET", "HEAD"]);
function originHost(origin) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.headers["sec-fetch-site"];
  const origin = req.headers["origin"];
  // The same host Remix compares with: X-Forwarded-Host when a proxy sets it, else Host.
  const host = String(req.headers["x-forwarded-host"] ?? "").split(",")[0].trim() || req.headers["host"];
  const crossSite = fetchSite === "cross-site" || fetchSite === "same-site";
  const foreignOrigin = origin !== undefined && (!host || originHost(origin) !== host);
  if (crossSite || foreignOrigin) {
    res.status(403).type("text/plain").send("Cross-site request refused: send the form from Upstream itself.");
    return;
  }
  next();
});

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build")
  : await import("./build/server/index.js");

app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      clientAddress: req.socket.remoteAddress ?? "unknown",
      responseAsIs: !req.path.endsWith(".data"),
    }),
  }),
);

const server = app.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(`Upstream is listening on http://localhost:${actualPort}`);
  logger.info({ port: actualPort }, "listening");
});

// The benchmark's view of the event loop (decision 020): with LOOP_STATS_FILE set, SIGUSR2
// writes how long the loop was held up since the last signal (max, p99, mean in ms; the stalls of
// 50+ ms counted and listed) and starts over.
if (process.env.LOOP_STATS_FILE) {
  const { monitorEventLoopDelay, PerformanceObserver, constants } = await import("node:perf_hooks");
  const { writeFileSync } = await import("node:fs");
  const { performance } = await import("node:perf_hooks");
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // Stalls (decision 040): a 10 ms timer that notes each time it fired 50+ ms late (the loop was
  // held that long), and GC pauses of 50+ ms from V8's gc entries, so that a phase's stalls are
  // counted, not only its longest. Bench-only (behind LOOP_STATS_FILE): the timer costs a wake-up
  // every 10 ms.
  const STALL_MS = 50;
  const stalls = { count: 0, ms: [], gcCount: 0, gcMs: [] };
  let expected = performance.now() + 10;
  setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    if (late >= STALL_MS) {
      stalls.count++;
      if (stalls.ms.length < 200) stalls.ms.push(Math.round(late));
    }
    expected = now + 10;
  }, 10).unref();
  const gcKind = { [constants.NODE_PERFORMANCE_GC_MAJOR]: "major", [constants.NODE_PERFORMANCE_GC_MINOR]: "minor", [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental", [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb" };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < STALL_MS) continue;
      stalls.gcCount++;
      if (stalls.gcMs.length < 200) stalls.gcMs.push(`${gcKind[e.detail?.kind] ?? "gc"} ${Math.round(e.duration)}`);
    }
  }).observe({ entryTypes: ["gc"] });
  // busyMs: how long the server's own thread was busy (event-loop utilisation), the workers' time
  // left out; cpuMs: CPU time of the whole process (workers included), steadier on a busy machine.
  let since = performance.eventLoopUtilization();
  let cpuSince = process.cpuUsage();
  // The server thread's own share of the process's memory (MB): V8's heap, what it holds outside
  // it (buffers, native objects), the whole process's RSS — to tell where a phase's RSS went.
  const memoryMb = () => Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1e5) / 10]));
  process.on("SIGUSR2", () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const elu = performance.eventLoopUtilization(since);
    since = performance.eventLoopUtilization();
    const cpu = process.cpuUsage(cpuSince);
    cpuSince = process.cpuUsage();
    writeFileSync(process.env.LOOP_STATS_FILE, JSON.stringify({ at: Date.now(), maxMs: ms(loop.max), p99Ms: ms(loop.percentile(99)), meanMs: ms(loop.mean), busyMs: Math.round(elu.active * 10) / 10, cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10, memory: memoryMb(), stallsOver50: stalls.count, stallMs: stalls.ms, gcOver50: stalls.gcCount, gcMs: stalls.gcMs }));
    loop.reset();
    Object.assign(stalls, { count: 0, ms: [], gcCount: 0, gcMs: [] });
    expected = performance.now() + 10;
  });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
