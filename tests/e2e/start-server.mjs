// Starts the production build on the chosen loopback port with a fresh demo database, and
// removes that database when Playwright stops the server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-e2e-"));
process.env.DATABASE_URL = `file:${path.join(dir, "e2e.db")}`;
process.env.NODE_ENV = "production";
process.env.PORT = process.env.E2E_PORT;
process.env.HOST = "127.0.0.1";
process.env.INSECURE_COOKIES = "1"; // plain http on loopback
process.env.SESSION_SECRET = "e2e-secret-" + Math.random().toString(36).slice(2);
process.env.QUIET_LOGS = "1"; // no log on stdout; the JSON request log goes to LOG_FILE when set
// A fresh request log per run (playwright.config.ts names it; global-teardown.ts scans it).
if (process.env.LOG_FILE) fs.rmSync(process.env.LOG_FILE, { force: true });
process.env.MOVABLE_CLOCK = "1"; // lets an admin move the clock (POST /test/clock) for due dates and checks

execFileSync(process.execPath, ["scripts/db-setup.mjs"], { stdio: "inherit", env: process.env });

const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));

await import("../../server.mjs");
