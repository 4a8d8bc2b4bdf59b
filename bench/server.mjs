// Building and running the production server for the benchmark: a child process on a free
// loopback port, its resident memory sampled while it runs, stopped (and killed if it must be)
// when done.

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Runs a command to completion, keeping its output to show only if it fails. Bounded in time. */
export function runCommand(cmd, args, { cwd, timeoutMs = 5 * 60_000, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${cmd} ${args.join(" ")} failed (${signal ?? code}):\n${output.slice(-4000)}`));
    });
  });
}

function readStatus(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN);
    return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") };
  } catch {
    return null; // not Linux, or the process is gone
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** CPU time used by a process so far, in clock ticks (utime + stime), or null. */
function cpuTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * CPU accounting, to tell how busy the machine was with other work while a route was measured
 * (this machine is shared): system-wide busy time from /proc/stat, minus the server's and the
 * benchmark's own. Clock ticks, assumed 100 per second (Linux's USER_HZ).
 */
export function cpuSnapshot(serverPid) {
  try {
    const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
    const busy = user + nice + system + irq + softirq + (steal || 0);
    const { user: u, system: sy } = process.cpuUsage();
    return { busy, total: busy + idle + iowait, server: cpuTicks(serverPid) ?? 0, bench: (u + sy) / 10_000 };
  } catch {
    return null;
  }
}

/** Share of the whole machine (all CPUs) that other processes used between two snapshots, %. */
export function otherCpuPct(a, b) {
  if (!a || !b || b.total <= a.total) return null;
  const other = b.busy - a.busy - (b.server - a.server) - (b.bench - a.bench);
  return Math.max(0, Math.round((other / (b.total - a.total)) * 1000) / 10);
}

/**
 * Waits until the server has finished the work a load run left behind: autocannon stops on
 * time and drops its connections, but the server still answers the requests it had queued.
 * Idle = at most 2 ticks (about 20 ms) of CPU in each of two consecutive 250 ms windows.
 */
export async function waitIdle(pid, maxMs = 60_000) {
  const t0 = Date.now();
  let last = cpuTicks(pid);
  if (last == null) {
    await sleep(1_000);
    return Date.now() - t0;
  }
  let quiet = 0;
  while (Date.now() - t0 < maxMs && quiet < 2) {
    await sleep(250);
    const now = cpuTicks(pid);
    if (now == null) break;
    quiet = now - last <= 2 ? quiet + 1 : 0;
    last = now;
  }
  return Date.now() - t0;
}

/** Asks the server (SIGUSR2) for its event-loop delay since the last ask; null if it does not answer. */
async function loopDelay(proc, file) {
  const before = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  proc.kill("SIGUSR2");
  for (let i = 0; i < 50; i++) {
    await sleep(20);
    if (fs.existsSync(file) && fs.statSync(file).mtimeMs !== before) {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        // written as we read: try again
      }
    }
  }
  return null;
}

/**
 * Starts `node server.mjs` against `dbFile` on a free loopback port and waits until it answers.
 * `registry` is a Set the caller uses to stop every server on error or Ctrl-C.
 */
export async function startServer({ root, dbFile, registry }) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${dbFile}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    INSECURE_COOKIES: "1",
    QUIET_LOGS: "1",
    SESSION_SECRET: `bench-${Math.random().toString(36).slice(2)}`,
  };
  const loopFile = `${dbFile}.loop.json`;
  env.LOOP_STATS_FILE = loopFile;
  // The same heap limits and allocator settings as `npm start` (decisions 026, 033); BENCH_NODE_FLAGS,
  // MALLOC_ARENA_MAX and BENCH_MMAP_THRESHOLD in the bench's environment override them, to compare. BENCH_NODE_ARGS
  // adds flags to those, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  env.MALLOC_ARENA_MAX = process.env.MALLOC_ARENA_MAX ?? "2";
  // Another allocator for the server alone, not the driver and its load (decision 050 compared
  // jemalloc): BENCH_SERVER_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2, with its
  // settings in BENCH_SERVER_MALLOC_CONF.
  if (process.env.BENCH_SERVER_PRELOAD) env.LD_PRELOAD = process.env.BENCH_SERVER_PRELOAD;
  if (process.env.BENCH_SERVER_MALLOC_CONF) env.MALLOC_CONF = process.env.BENCH_SERVER_MALLOC_CONF;
  // A fixed mmap threshold (decision 033): blocks of 128 kB and more are mapped and given back
  // when freed, instead of glibc raising the threshold after each large free and keeping them.
  // BENCH_MMAP_THRESHOLD= (empty) leaves glibc's sliding threshold, to compare: a name of its own,
  // since an empty MALLOC_MMAP_THRESHOLD_ in the benchmark's own environment maps every block
  // it allocates (its raw-insert floor took 6x as long).
  const mmapThreshold = process.env.BENCH_MMAP_THRESHOLD ?? "131072";
  if (mmapThreshold) env.MALLOC_MMAP_THRESHOLD_ = mmapThreshold;
  else delete env.MALLOC_MMAP_THRESHOLD_;
  const flags = (process.env.BENCH_NODE_FLAGS ?? "--max-old-space-size=256 --max-semi-space-size=8").split(" ").filter(Boolean);
  const extra = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const proc = spawn(process.execPath, [...flags, ...extra, "server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  proc.stdout.on("data", keep);
  proc.stderr.on("data", keep);

  const url = `http://127.0.0.1:${port}`;
  // Memory: VmRSS sampled every 500 ms (the maximum kept, per phase), VmHWM read at the end.
  const memory = { peakRssKb: 0, hwmKb: 0, byPhase: {} };
  let phase = "start";
  const sample = () => {
    const s = readStatus(proc.pid);
    if (!s) return;
    memory.peakRssKb = Math.max(memory.peakRssKb, s.rssKb);
    memory.hwmKb = Math.max(memory.hwmKb, s.hwmKb);
    memory.byPhase[phase] = Math.max(memory.byPhase[phase] ?? 0, s.rssKb);
  };
  const sampler = setInterval(sample, 500);

  const stop = async () => {
    clearInterval(sampler);
    sample();
    registry.delete(server);
    if (proc.exitCode !== null || proc.signalCode) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!done) {
      proc.kill("SIGKILL");
      await Promise.race([exited, sleep(5_000)]);
    }
  };
  const server = {
    url,
    pid: proc.pid,
    proc,
    memory,
    stop,
    setPhase: (name) => {
      sample();
      phase = name;
    },
    log: () => log,
    waitIdle: (maxMs) => waitIdle(proc.pid, maxMs),
    /** How long the server's event loop was held up since the last call (max, p99, mean ms). */
    loopDelay: () => loopDelay(proc, loopFile),
  };
  registry.add(server);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`The server exited (${proc.exitCode}) before answering:\n${log.slice(-4000)}`);
    try {
      const res = await fetch(`${url}/login`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer within 60 s:\n${log.slice(-4000)}`);
    }
    await sleep(100);
  }
  return server;
}
