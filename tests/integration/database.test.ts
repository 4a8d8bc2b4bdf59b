import { describe, expect, it } from "vitest";
import { BUSY_TIMEOUT_MS, db, dbReady } from "~/utils/db.server";

describe("SQLite set up for a server", () => {
  it("runs in WAL mode with a busy timeout and foreign keys enforced", async () => {
    expect(await dbReady).toEqual({ journalMode: "wal", busyTimeout: BUSY_TIMEOUT_MS, foreignKeys: true });
  });

  it("refuses a row that points at nothing (foreign keys are on)", async () => {
    await expect(
      db.caseEvent.create({ data: { caseId: 987654, actorId: "nobody", kind: "created" } }),
    ).rejects.toThrow();
    expect(await db.caseEvent.count({ where: { caseId: 987654 } })).toBe(0);
  });
});
