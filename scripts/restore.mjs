// npm run restore -- <file>: puts a backup back as the database. Stop the server first: a
// running server keeps the old file open. The current database is kept beside it as .before-restore.
import Database from "better-sqlite3";
import fs from "node:fs";

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error("Usage: npm run restore -- <backup file>");
  process.exit(1);
}
const target = (process.env.DATABASE_URL || "file:./data/upstream.db").replace(/^file:/, "");

// Refuse anything that is not a sound Upstream database before touching the live one.
const candidate = new Database(file, { readonly: true, fileMustExist: true });
const check = candidate.pragma("integrity_check", { simple: true });
const hasCases = candidate.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'Case'").get().n === 1;
candidate.close();
if (check !== "ok" || !hasCases) {
  console.error(`${file} is not a sound Upstream backup (integrity: ${check}, case table: ${hasCases ? "yes" : "no"}). Nothing changed.`);
  process.exit(1);
}

if (fs.existsSync(target)) {
  // Fold the WAL into the old file so the kept copy is complete, then set it aside.
  const old = new Database(target);
  old.pragma("wal_checkpoint(TRUNCATE)");
  old.close();
  fs.copyFileSync(target, `${target}.before-restore`);
}
const temp = `${target}.restoring`;
fs.copyFileSync(file, temp);
for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
fs.renameSync(temp, target); // atomic on one file system
const restored = new Database(target);
restored.pragma("journal_mode = WAL");
const cases = restored.prepare('SELECT COUNT(*) AS n FROM "Case"').get().n;
restored.close();
console.log(`Restored ${file} to ${target} (${cases} cases). The previous database is at ${target}.before-restore.`);
