// A server of a test's own: the production build on a free loopback port against a database
// file the test owns, so it can be loaded, killed and restarted without touching the others.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export function freshDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-own-"));
  const file = path.join(dir, "own.db");
  execFileSync(process.execPath, ["scripts/db-setup.mjs"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "ignore" });
  return { dir, file };
}

export type OwnServer = { url: string; proc: ChildProcess; stop: () => Promise<void> };

export async function startServer(dbFile: string): Promise<OwnServer> {
  const port = await freePort();
  const proc = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${dbFile}`, PORT: String(port), HOST: "127.0.0.1", INSECURE_COOKIES: "1", QUIET_LOGS: "1", SESSION_SECRET: "own-server-secret" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/login`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
    });
  return { url, proc, stop };
}

/** Signs in over HTTP and returns the session cookie. */
export async function signInCookie(url: string, email: string, password = "upstream-demo") {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}
