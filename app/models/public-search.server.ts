import { publicSearchText } from "~/domain/privacy/case-view";
import { openImportConnection, pauseForRequests, shortWrite } from "~/utils/import-connection.server";

const CHUNK = 1_000;

/**
 * Works out the scrubbed title and complaint of every case that has none yet (cases from before
 * the column existed, or after a scrubber change set it back to NULL), a chunk at a time so
 * requests keep being answered. A case edited meanwhile is left to its own save.
 */
export async function fillPublicSearchText(): Promise<number> {
  const sqlite = openImportConnection();
  try {
    const pending = sqlite.prepare(`SELECT id, title, complaint, reporterName FROM "Case" WHERE publicTitle IS NULL OR publicComplaint IS NULL ORDER BY id LIMIT ?`);
    const fill = sqlite.prepare(`UPDATE "Case" SET publicTitle = ?, publicComplaint = ? WHERE id = ? AND title = ? AND complaint = ? AND reporterName = ?`);
    let filled = 0;
    for (;;) {
      const rows = pending.all(CHUNK) as { id: number; title: string; complaint: string; reporterName: string }[];
      if (rows.length === 0) return filled;
      await shortWrite(sqlite, () => {
        for (const r of rows) {
          const shown = publicSearchText(r);
          filled += fill.run(shown.publicTitle, shown.publicComplaint, r.id, r.title, r.complaint, r.reporterName).changes;
        }
      });
      await pauseForRequests();
    }
  } finally {
    sqlite.close();
  }
}
