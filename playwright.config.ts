import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A free loopback port, chosen once in the main process; workers inherit it via the env.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();
}
const port = Number(process.env.E2E_PORT);
// The server's JSON request log, scanned after the run for names, complaints and passwords.
process.env.E2E_LOG_FILE ??= path.join(os.tmpdir(), `upstream-e2e-requests-${port}.log`);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium where there is one (Playwright's own download cannot be fetched here).
const executablePath =
  process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  // Room for a slow machine: on one of this workplace's 2-core machines every browser step took
  // 0.5–1.5 s with two workers, and journeys of 25+ steps ran past 30 s on the old build too.
  // 120 s, not 60: journeys that take 40–52 s in a passing run (the Five Whys walk, themes,
  // briefs, stored XSS) ran out of 60 s at load 9 (`npm run test:ten`, 2026-11-28: the Five Whys
  // walk reached its last page at 60 s, each step 1–3 s). An assertion that never holds still
  // fails after the expect timeout below (10 s).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  forbidOnly: true,
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 860 } } }],
  webServer: {
    // The production build against its own fresh database with the demo data.
    command: "node tests/e2e/start-server.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port), LOG_FILE: process.env.E2E_LOG_FILE },
  },
});
