import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma's downloaded engines cannot be fetched here: the JS schema engine and the
// better-sqlite3 adapter do the work instead (see shared STACK notes).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/upstream.db" }),
  schema: "prisma/schema.prisma",
});
