// Every integration test file gets a fresh SQLite file with the real migrations applied,
// before any module opens the database.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-it-"));
const file = path.join(dir, "test.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.QUIET_LOGS = "1";

const migrations = path.resolve(__dirname, "../../prisma/migrations");
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
for (const name of fs.readdirSync(migrations).filter((n) => /^\d+_/.test(n)).sort()) {
  sqlite.exec(fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
}
sqlite.close();

afterAll(async () => {
  // A theme recomputation scheduled by the file's last write must not run against a removed database.
  const { stopThemeRecompute } = await import("~/models/theme-recompute.server");
  await stopThemeRecompute();
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});
