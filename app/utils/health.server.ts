import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "./env.server";

export type Readiness = { ready: true } | { ready: false; reason: string };

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** The SQLite path a `file:` URL names (relative paths are taken from the working directory, like Prisma's adapter). */
export function sqlitePath(url: string) {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** Migration folder names shipped with the app, read once: they cannot change while it runs. */
let shipped: string[] | null = null;
function shippedMigrations(dir: string) {
  if (dir !== MIGRATIONS_DIR) return fs.readdirSync(dir).filter((n) => /^\d+_/.test(n)).sort();
  return (shipped ??= fs.readdirSync(dir).filter((n) => /^\d+_/.test(n)).sort());
}

/**
 * Ready when the database file opens, answers a query, and every migration the app ships with
 * is recorded as applied. A connection of its own (read-only, must exist), so a file that went
 * missing or unreadable is seen even though the app's own connection still holds it open.
 */
export function checkReadiness(databaseUrl = getEnv().databaseUrl, migrationsDir = MIGRATIONS_DIR): Readiness {
  let sqlite: Database.Database | null = null;
  try {
    const file = sqlitePath(databaseUrl);
    fs.accessSync(file, fs.constants.R_OK);
    sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 1000 });
    const applied = new Set(
      (
        sqlite
          .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
          .all() as { migration_name: string }[]
      ).map((r) => r.migration_name),
    );
    const missing = shippedMigrations(migrationsDir).filter((name) => !applied.has(name));
    if (missing.length > 0) return { ready: false, reason: `migrations not applied: ${missing.join(", ")}` };
    return { ready: true };
  } catch (error) {
    // The reason names what failed, never a path or a row: the answer is public.
    const code = (error as { code?: string }).code;
    return { ready: false, reason: `database unavailable${code ? ` (${code})` : ""}` };
  } finally {
    sqlite?.close();
  }
}
