import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

// One client per process; kept on globalThis so dev-server reloads do not open a new one.
const globalForDb = globalThis as unknown as { __upstreamDb?: PrismaClient };

export function createDb(url: string) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export const db: PrismaClient = (globalForDb.__upstreamDb ??= createDb(getEnv().databaseUrl));
