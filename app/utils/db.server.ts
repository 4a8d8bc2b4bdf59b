import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

// One client per process; kept on globalThis so dev-server reloads do not open a new one.
declare global {
  var __upstreamDb: Db | undefined;
  var __upstreamDbReady: Promise<DbSettings> | undefined;
}
const globalForDb = globalThis;

export type DbSettings = { journalMode: string; busyTimeout: number; foreignKeys: boolean };

// better-sqlite3 waits for a lock synchronously, on the server's only thread: every request
// freezes while it waits, the lock's holder included when that is an import on this thread. So
// the wait is short, and a busy database is retried after an asynchronous pause instead.
export const BUSY_TIMEOUT_MS = 100;
const RETRY_BUDGET_MS = 15_000;

export function isBusyError(error: unknown) {
  if (!(error instanceof Error)) return false;
  const { code, cause } = error as { code?: string; cause?: unknown };
  return code === "P1008" || /SQLITE_BUSY|SocketTimeout|database is locked/i.test(`${code ?? ""} ${error.message} ${JSON.stringify(cause ?? "")}`);
}

/** Runs `work` again, after a short pause, while the database is busy (another connection is writing). */
export async function retryOnBusy<T>(work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isBusyError(error) || Date.now() - start > RETRY_BUDGET_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

type AdapterFactory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;

/** The adapter, with statements outside a transaction retried while the database is busy. */
function retryingAdapter(factory: AdapterFactory): AdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: Adapter = await connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (query) => retryOnBusy(() => queryRaw(query));
    adapter.executeRaw = (query) => retryOnBusy(() => executeRaw(query));
    return adapter;
  };
  return factory;
}

export function createDb(url: string) {
  const client = new PrismaClient({ adapter: retryingAdapter(new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS })) });
  // A whole interactive transaction is retried: after a busy write its snapshot may be stale,
  // so repeating the one statement would not do.
  const transaction = client.$transaction.bind(client);
  client.$transaction = ((...args: Parameters<typeof transaction>) => retryOnBusy(() => transaction(...args))) as typeof transaction;
  return client;
}
export type Db = PrismaClient;

/**
 * SQLite set up for a server: WAL (readers never wait for the writer), a busy timeout (a
 * writer waits for another instead of failing), foreign keys enforced. Checked, not assumed.
 */
export async function configureDb(client: Db): Promise<DbSettings> {
  const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  // Safe with WAL and far fewer fsyncs; SQLite refuses it inside a transaction, which another
  // request may already have opened on this connection, so it is best effort.
  await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  await cleanUnpublishedImports(client);
  const [busy] = await client.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
  const [fk] = await client.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
  const settings = { journalMode: String(journal?.journal_mode), busyTimeout: Number(busy?.timeout), foreignKeys: Number(fk?.foreign_keys) === 1 };
  if (settings.journalMode !== "wal" || !settings.foreignKeys || settings.busyTimeout !== BUSY_TIMEOUT_MS) {
    console.error("SQLite is not configured as expected:", settings);
  }
  return settings;
}

/**
 * Staged rows of an import that never published belong to a process that died (one server
 * process runs imports, decision 006): never visible, removed at start-up.
 */
export async function cleanUnpublishedImports(client: Db) {
  const removed = await client.$transaction([
    client.$executeRawUnsafe(`DELETE FROM "CaseStage"`),
    client.$executeRawUnsafe(`DELETE FROM "CaseStageEvent"`),
    client.$executeRawUnsafe(`DELETE FROM "AttainmentStage"`),
    client.$executeRawUnsafe(`DELETE FROM "ImportBatch"`),
  ]);
  if (removed[3] > 0 && process.env.QUIET_LOGS !== "1") console.log(`Removed ${removed[3]} unfinished import batch(es) left by an earlier run.`);
}

export const db: Db = (globalForDb.__upstreamDb ??= createDb(getEnv().databaseUrl));
/** Resolves once the pragmas above are in force on the server's connection. */
export const dbReady: Promise<DbSettings> = (globalForDb.__upstreamDbReady ??= configureDb(db).catch((error: unknown) => {
  console.error("Could not check the SQLite settings:", error);
  return { journalMode: "unknown", busyTimeout: 0, foreignKeys: false };
}));
