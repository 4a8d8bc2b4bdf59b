// Brings the database up to date before the server starts: applies migrations, turns on WAL,
// and seeds the demo data only into an empty database (never over existing data).
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL || "file:./data/upstream.db";
const env = { ...process.env, DATABASE_URL: url };
const file = url.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

const bin = (name) => path.resolve("node_modules/.bin", name);
execFileSync(bin("prisma"), ["migrate", "deploy"], { stdio: ["ignore", "inherit", "inherit"], env });

const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL"); // persistent: readers no longer wait for writers
const { n } = sqlite.prepare('SELECT COUNT(*) AS n FROM "User"').get();
sqlite.close();

if (n > 0) {
  console.log(`Database ${file} already has ${n} user(s): leaving its data as it is.`);
} else if (process.env.SEED_DEMO === "0") {
  if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) {
    execFileSync(bin("tsx"), ["prisma/seed/create-admin.ts"], { stdio: "inherit", env });
  } else {
    console.log("Empty database, no demo data (SEED_DEMO=0). Set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin.");
  }
} else {
  execFileSync(bin("tsx"), ["prisma/seed/seed-demo.ts"], { stdio: "inherit", env });
}
