// npm run backup [-- <file>]: a consistent copy of the database while the server runs, made
// with SQLite's online backup API (pages are copied under a read transaction; writers go on).
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

const source = (process.env.DATABASE_URL || "file:./data/upstream.db").replace(/^file:/, "");
if (!fs.existsSync(source)) {
  console.error(`No database at ${source}.`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] || `backups/upstream-${stamp}.db`);
fs.mkdirSync(path.dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true });
await db.backup(target);
db.close();

const copy = new Database(target, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
const cases = copy.prepare('SELECT COUNT(*) AS n FROM "Case"').get().n;
copy.close();
if (check !== "ok") {
  console.error(`Backup written to ${target} but its integrity check says: ${check}`);
  process.exit(1);
}
console.log(`Backed up ${source} to ${target} (${cases} cases, integrity ok).`);
