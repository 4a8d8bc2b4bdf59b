import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

// One client per process; kept on globalThis so dev-server reloads do not open a new one.
const globalForDb = globalThis as unknown as { __upstreamDb?: PrismaClient; __upstreamDbReady?: Promise<DbSettings> };

export type DbSettings = { journalMode: string; busyTimeout: number; foreignKeys: boolean };

export function createDb(url: string) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
}

/**
 * SQLite set up for a server: WAL (readers never wait for the writer), a busy timeout (a
 * writer waits for another instead of failing), foreign keys enforced. Checked, not assumed.
 */
export async function configureDb(client: PrismaClient): Promise<DbSettings> {
  const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  // Safe with WAL and far fewer fsyncs; SQLite refuses it inside a transaction, which another
  // request may already have opened on this connection, so it is best effort.
  await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  const [busy] = await client.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
  const [fk] = await client.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
  const settings = { journalMode: String(journal?.journal_mode), busyTimeout: Number(busy?.timeout), foreignKeys: Number(fk?.foreign_keys) === 1 };
  if (settings.journalMode !== "wal" || !settings.foreignKeys || settings.busyTimeout < 1000) {
    console.error("SQLite is not configured as expected:", settings);
  }
  return settings;
}

export const db: PrismaClient = (globalForDb.__upstreamDb ??= createDb(getEnv().databaseUrl));
/** Resolves once the pragmas above are in force on the server's connection. */
export const dbReady: Promise<DbSettings> = (globalForDb.__upstreamDbReady ??= configureDb(db).catch((error: unknown) => {
  console.error("Could not check the SQLite settings:", error);
  return { journalMode: "unknown", busyTimeout: 0, foreignKeys: false };
}));
