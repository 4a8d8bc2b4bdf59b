import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as healthz } from "~/routes/healthz";
import { loader as readyz } from "~/routes/readyz";
import { dbReady } from "~/utils/db.server";
import { checkReadiness } from "~/utils/health.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-health-"));
const migrations = path.resolve("prisma/migrations");
const names = fs.readdirSync(migrations).filter((n) => /^\d+_/.test(n)).sort();
beforeAll(() => dbReady); // the app's own connection, opened before the teardown closes it
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database as `prisma migrate deploy` leaves it: the tables plus its _prisma_migrations rows. */
function migratedDb(file: string, applied = names) {
  const sqlite = new Database(file);
  sqlite.exec(`CREATE TABLE "_prisma_migrations" (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, finished_at DATETIME,
    migration_name TEXT NOT NULL, logs TEXT, rolled_back_at DATETIME, started_at DATETIME NOT NULL DEFAULT current_timestamp,
    applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
  for (const name of applied) {
    sqlite.exec(fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
    sqlite.prepare(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES (?, 'x', datetime('now'), ?)`).run(name, name);
  }
  sqlite.close();
  return `file:${file}`;
}

describe("health endpoints", () => {
  it("/healthz answers 200 without a session", async () => {
    const res = healthz() as Response;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz answers without a session (503 here: the test database was not made by prisma migrate deploy)", async () => {
    const res = readyz() as Response;
    expect([200, 503]).toContain(res.status);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("is ready when every shipped migration is applied", () => {
    expect(checkReadiness(migratedDb(path.join(dir, "ok.db")))).toEqual({ ready: true });
  });

  it("is not ready when a migration is missing, and names it", () => {
    const result = checkReadiness(migratedDb(path.join(dir, "behind.db"), names.slice(0, -1)));
    expect(result).toEqual({ ready: false, reason: `migrations not applied: ${names.at(-1)}` });
  });

  it("is not ready when the database file is missing, unreadable or not a database", () => {
    expect(checkReadiness(`file:${path.join(dir, "absent.db")}`).ready).toBe(false);
    const garbage = path.join(dir, "garbage.db");
    fs.writeFileSync(garbage, "this is not an SQLite file at all, just text ".repeat(100));
    expect(checkReadiness(`file:${garbage}`)).toEqual({ ready: false, reason: "database unavailable (SQLITE_NOTADB)" });
    // A file the process may not read: a directory in its place (chmod does not stop root).
    const unreadable = path.join(dir, "unreadable.db");
    fs.mkdirSync(unreadable);
    expect(checkReadiness(`file:${unreadable}`).ready).toBe(false);
  });

  it("the route answers 503 when the database is unreadable", async () => {
    const before = process.env.DATABASE_URL;
    const garbage = path.join(dir, "garbage2.db");
    fs.writeFileSync(garbage, "not a database ".repeat(200));
    process.env.DATABASE_URL = `file:${garbage}`;
    try {
      const res = readyz() as Response;
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "not ready" });
    } finally {
      process.env.DATABASE_URL = before;
    }
  });
});
