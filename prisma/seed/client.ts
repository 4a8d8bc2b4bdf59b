import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";

export function seedClient() {
  const url = process.env.DATABASE_URL || "file:./data/upstream.db";
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
