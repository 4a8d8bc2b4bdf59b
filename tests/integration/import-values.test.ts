// Import that meets real spreadsheets (issue 16): list values mapped once ("email" → "Slack /
// email") and remembered, and common spellings of the date-raised heading.
import { beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "~/components/import/import-preview";
import { action as importAction } from "~/routes/import";
import { waitForJob } from "~/utils/jobs.server";
import { cookieFor, db, makeUser, run } from "./helpers";

const BASE = "http://upstream.test";
let cookie: string;

function upload(csv: string) {
  const fd = new FormData();
  fd.append("intent", "upload-cases");
  fd.append("file", new File([csv], "sheet.csv", { type: "text/csv" }));
  return run(importAction, new Request(`${BASE}/import`, { method: "POST", body: fd, headers: { Cookie: cookie } }));
}

function submit(p: Preview, intent: string, values: Record<string, string> = {}) {
  const body = new URLSearchParams({ intent, uploadId: p.uploadId });
  p.headers.forEach((h, i) => {
    body.set(`header.${i}`, h);
    body.set(`field.${i}`, p.mapping[h] ?? "");
  });
  let i = 0;
  for (const u of p.unknownValues) {
    for (const v of u.values) {
      body.set(`value.${i}.field`, u.field);
      body.set(`value.${i}.text`, v.text);
      body.set(`value.${i}.to`, values[v.text] ?? "");
      i += 1;
    }
  }
  return run(importAction, new Request(`${BASE}/import`, { method: "POST", body, headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" } }));
}

const sheet = (prefix: string) =>
  [
    "external id,complaint,behaviour,channel,raised_at",
    `${prefix}-1,The accelerator pays late.,discounting,email,2026-03-02`,
    `${prefix}-2,My quota doubled.,discounting,slack,2026-03-03`,
    `${prefix}-3,The split rule changed.,discounting,1:1,2026-03-04`,
  ].join("\n");

beforeAll(async () => {
  cookie = await cookieFor((await makeUser("analyst")).id);
});

describe("value mapping", () => {
  it("a file whose channel says email, slack, 1:1 imports after mapping the values once; the next file needs no mapping", async () => {
    const first = await upload(sheet("A"));
    const p = (first.data as { preview: Preview }).preview;
    expect(p.mapping.raised_at).toBe("raisedOn");
    expect(p.unknownValues).toEqual([{ field: "channel", column: "channel", values: [{ text: "email", likely: "slack_email" }, { text: "slack", likely: "slack_email" }] }]);
    expect(p.validCount).toBe(1);

    const checked = await submit(p, "recheck", { email: "slack_email", slack: "slack_email" });
    const p2 = (checked.data as { preview: Preview }).preview;
    expect(p2.errorCount).toBe(0);
    expect(p2.validCount).toBe(3);
    const imported = await submit(p2, "import-cases", { email: "slack_email", slack: "slack_email" });
    expect(imported.status).toBe(302);
    await waitForJob(new URL(imported.location!, BASE).searchParams.get("job")!);
    const rows = await db.case.findMany({ where: { externalId: { startsWith: "A-" } }, orderBy: { externalId: "asc" }, select: { channel: true, raisedOn: true } });
    expect(rows.map((r) => r.channel)).toEqual(["slack_email", "slack_email", "one_on_one"]);
    expect(rows[0].raisedOn.toISOString().slice(0, 10)).toBe("2026-03-02");

    const next = await upload(sheet("B"));
    const q = (next.data as { preview: Preview }).preview;
    expect(q.unknownValues).toEqual([]);
    expect(q.errorCount).toBe(0);
    expect(q.validCount).toBe(3);
  });
});
