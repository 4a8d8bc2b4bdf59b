import Database from "better-sqlite3";
import { getEnv } from "./env.server";

// Imports write on a connection of their own (decision 004): one transaction, so all rows land
// or none do, while the app's connection keeps reading (WAL).
export function openImportConnection() {
  const sqlite = new Database(getEnv().databaseUrl.replace(/^file:/, ""), { timeout: 30_000 });
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

/** Runs `work` in BEGIN IMMEDIATE … COMMIT (ROLLBACK on any error), then closes the connection. */
export async function inTransaction<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    const result = await work();
    sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  } finally {
    sqlite.close();
  }
}

/** A short pause between chunks, not just setImmediate: a request needs several turns of the event loop. */
export const pauseForRequests = () => new Promise((resolve) => setTimeout(resolve, 2));
