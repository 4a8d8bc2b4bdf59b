import { publicSearchText } from "~/domain/privacy/case-view";
import { openImportConnection, pauseForRequests, shortWrite } from "~/utils/import-connection.server";

const CHUNK = 1_000;
// One write holds the event loop (better-sqlite3 is synchronous) while it scrubs its rows: 1,000
// rows took 100-300 ms at 100k cases, so a write stops after TURN_MS and the rest waits a turn
// (decision 040).
const TURN_MS = 20;

/**
 * Works out the scrubbed title and complaint of every case that has none yet (cases from before
 * the column existed, or after a scrubber change set it back to NULL), a few rows at a time so
 * requests keep being answered. A case edited meanwhile is left to its own save.
 */
export async function fillPublicSearchText({ turnMs = TURN_MS } = {}): Promise<{ filled: number; writes: number }> {
  const sqlite = openImportConnection();
  try {
    // Keyset by id: each read starts where the last stopped instead of scanning filled rows again.
    const pending = sqlite.prepare(`SELECT id, title, complaint, reporterName FROM "Case" WHERE id > ? AND (publicTitle IS NULL OR publicComplaint IS NULL) ORDER BY id LIMIT ?`);
    const fill = sqlite.prepare(`UPDATE "Case" SET publicTitle = ?, publicComplaint = ? WHERE id = ? AND title = ? AND complaint = ? AND reporterName = ?`);
    let filled = 0;
    let writes = 0;
    let lastId = 0;
    for (;;) {
      const rows = pending.all(lastId, CHUNK) as { id: number; title: string; complaint: string; reporterName: string }[];
      if (rows.length === 0) return { filled, writes };
      lastId = rows[rows.length - 1].id;
      for (let i = 0; i < rows.length; ) {
        // A retried write (busy database) starts again from i: nothing of a rolled-back try counts.
        let next = i;
        let changed = 0;
        await shortWrite(sqlite, () => {
          const until = performance.now() + turnMs;
          next = i;
          changed = 0;
          do {
            const r = rows[next++];
            const shown = publicSearchText(r);
            changed += fill.run(shown.publicTitle, shown.publicComplaint, r.id, r.title, r.complaint, r.reporterName).changes;
          } while (next < rows.length && performance.now() < until);
        });
        i = next;
        filled += changed;
        writes += 1;
        await pauseForRequests();
      }
    }
  } finally {
    sqlite.close();
  }
}
