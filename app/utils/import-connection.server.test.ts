import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const database = vi.hoisted(() => ({ file: "" }));
vi.mock("./env.server", () => ({ databaseFile: () => database.file }));

const { dropBatch, publishInWorker } = await import("./import-connection.server");

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "upstream-publish-"));
  dirs.push(dir);
  return dir;
};
const cwd = process.cwd();
afterEach(() => {
  process.chdir(cwd);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("dropBatch", () => {
  it("logs and resolves when the database cannot be opened, instead of an unhandled rejection", async () => {
    // The directory is gone (a test's temporary directory after it ended, or a moved file).
    database.file = "/nonexistent-upstream-dir/missing.db";
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(dropBatch("batch-1", ["CaseStage"])).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining("Could not clean an import batch away"), expect.any(TypeError));
    log.mockRestore();
  });
});

describe("publishInWorker", () => {
  it("publishes when the server runs from a directory with no node_modules of its own", async () => {
    database.file = join(tempDir(), "publish.db");
    const setup = new Database(database.file);
    setup.exec("CREATE TABLE t (x INTEGER)");
    setup.close();
    process.chdir(tempDir()); // `node /path/to/server.mjs` started elsewhere

    const { values } = await publishInWorker(
      [{ sql: "INSERT INTO t (x) VALUES (@x)" }, { sql: "SELECT COUNT(*) FROM t WHERE x = @x", get: true, as: "n" }],
      { x: 7 },
    );

    expect(values.n).toBe(1);
    const check = new Database(database.file, { readonly: true });
    expect(check.prepare("SELECT x FROM t").all()).toEqual([{ x: 7 }]);
    check.close();
  });
});
