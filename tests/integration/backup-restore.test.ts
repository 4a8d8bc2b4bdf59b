import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, makeUser } from "./helpers";

const root = path.resolve(__dirname, "../..");
const live = () => process.env.DATABASE_URL!.replace(/^file:/, "");

function runScript(script: string, args: string[], databaseUrl: string) {
  return execFileSync(process.execPath, [path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function snapshot(file: string) {
  const sqlite = new Database(file, { readonly: true });
  const rows = sqlite.prepare('SELECT id, title, complaint, status, version FROM "Case" ORDER BY id').all();
  const events = sqlite.prepare('SELECT COUNT(*) AS n FROM "CaseEvent"').get() as { n: number };
  sqlite.close();
  return { rows, events: events.n };
}

describe("backup and restore", () => {
  it("backs up while the app writes, and a restore brings back exactly what was backed up", async () => {
    const user = await makeUser("analyst");
    const make = (i: number) =>
      db.case.create({
        data: { title: `Backup case ${i}`, complaint: `Complaint ${i} — with “quotes” and ünïcode`, raisedOn: new Date(), channel: "other", reporterRole: "ae", reporterFunction: "sales", segment: "smb", behaviour: "other", createdById: user.id, events: { create: { actorId: user.id, kind: "created" } } },
      });
    for (let i = 0; i < 40; i++) await make(i);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-backup-"));
    const backupFile = path.join(dir, "copy.db");
    // Writes keep landing while the backup runs: the copy must still be consistent.
    const writing = Promise.all(Array.from({ length: 20 }, (_, i) => make(100 + i)));
    const out = runScript("backup.mjs", [backupFile], process.env.DATABASE_URL!);
    await writing;
    expect(out).toMatch(/integrity ok/);
    const backedUp = snapshot(backupFile);
    expect(backedUp.rows.length).toBeGreaterThanOrEqual(40);

    // Life goes on after the backup: more cases, an edit.
    await make(999);
    await db.case.updateMany({ where: { title: "Backup case 0" }, data: { status: "closed" } });

    // Restore into a database file of its own (a server would be stopped first).
    const restoredFile = path.join(dir, "restored.db");
    fs.copyFileSync(live(), restoredFile);
    const restoreOut = runScript("restore.mjs", [backupFile], `file:${restoredFile}`);
    expect(restoreOut).toMatch(/Restored/);
    expect(snapshot(restoredFile)).toEqual(backedUp);
    expect(fs.existsSync(`${restoredFile}.before-restore`)).toBe(true);
    const integrity = new Database(restoredFile, { readonly: true });
    expect(integrity.pragma("integrity_check", { simple: true })).toBe("ok");
    integrity.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to restore a file that is not an Upstream backup, and changes nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-restore-"));
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "this is not a database");
    const target = path.join(dir, "target.db");
    fs.copyFileSync(live(), target);
    const before = fs.readFileSync(target);
    expect(() => runScript("restore.mjs", [junk], `file:${target}`)).toThrow();
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
