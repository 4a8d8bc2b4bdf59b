import { describe, expect, it, vi } from "vitest";

// A database that cannot be opened: the directory is gone (a test's temporary directory after it
// ended, or a moved file). Nobody waits for the cleanup, so it must not reject.
vi.mock("./env.server", () => ({ databaseFile: () => "/nonexistent-upstream-dir/missing.db" }));

const { dropBatch } = await import("./import-connection.server");

describe("dropBatch", () => {
  it("logs and resolves when the database cannot be opened, instead of an unhandled rejection", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(dropBatch("batch-1", ["CaseStage"])).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining("Could not clean an import batch away"), expect.any(TypeError));
    log.mockRestore();
  });
});
