// A large import must not make anyone else's write fail or wait long (decision 006): rows are
// staged in short transactions and published at once, invisible until then.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { createCase, updateCase } from "~/models/case-commands.server";
import { importCases, type ImportRow } from "~/models/case-import.server";
import { createUserSession } from "~/utils/auth.server";
import { cleanUnpublishedImports } from "~/utils/db.server";
import { waitForJob } from "~/utils/jobs.server";
import { action as importAction, loader as importLoader } from "~/routes/import";
import { action as loginAction } from "~/routes/login";
import type { Preview } from "~/components/import/import-preview";
import { cookieFor, db, getRequest, makeUser, newCase, postRequest, run, validCase } from "./helpers";

let actorId: string;
const form = caseFormSchema.parse({ ...validCase, confidential: false });
const rows = (n: number, prefix: string): ImportRow[] =>
  Array.from({ length: n }, (_, i) => ({ externalId: `${prefix}-${i}`, data: { ...form, complaint: `Imported complaint ${prefix} number ${i}: quota moved again.` } }));

beforeAll(async () => {
  actorId = (await makeUser("analyst")).id;
});

const sqliteFile = () => process.env.DATABASE_URL!.replace(/^file:/, "");

describe("writes during a large import", () => {
  it("sign-ins and case saves all succeed, quickly, and the import lands whole", async () => {
    const before = await db.case.count();
    let importing = true;
    const imported = importCases({ rows: rows(20_000, "big"), actorId }).finally(() => (importing = false));
    const latencies: number[] = [];
    const failures: unknown[] = [];
    const seen = new Set<number>();
    let writes = 0;
    while (importing) {
      const start = performance.now();
      try {
        await createUserSession(actorId, "/");
        await createCase({ input: { ...form, complaint: `A case saved during the import, number ${writes}.` }, actorId });
        writes += 1;
      } catch (error) {
        failures.push(error);
      }
      latencies.push(performance.now() - start);
      // Never half an import: before it publishes none of its cases show, after it all of them.
      seen.add((await db.case.count({ where: { externalId: { startsWith: "big-" } } })));
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await imported;
    expect(failures).toEqual([]);
    expect(result).toMatchObject({ ok: true, created: 20_000 });
    expect(writes).toBeGreaterThan(5);
    expect([...seen].every((n) => n === 0 || n === 20_000)).toBe(true);
    expect(await db.case.count()).toBe(before + 20_000 + writes);
    expect(await db.caseEvent.count({ where: { case: { externalId: { startsWith: "big-" } }, kind: "created" } })).toBe(20_000);
    latencies.sort((a, b) => a - b);
    console.log(`writes during a 20,000-row import: ${writes}, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`);
    // The staging rows are cleaned away after publishing.
    await expect.poll(async () => db.caseStage.count(), { timeout: 10_000 }).toBe(0);
  });

  it("a sign-in while another process holds the write lock waits for it instead of failing", async () => {
    const other = new Database(sqliteFile());
    other.exec("BEGIN IMMEDIATE");
    const signIn = createUserSession(actorId, "/");
    await new Promise((r) => setTimeout(r, 400)); // far past the 100 ms busy timeout
    other.exec("COMMIT");
    other.close();
    expect((await signIn).status).toBe(302);
  });
});

describe("sign-ins during a file import (decision 023: the file is read, checked and staged on a worker thread)", () => {
  it("every sign-in answers and its session works, and the 20,000 rows land all at once", async () => {
    const person = await makeUser("analyst", { password: "correct horse battery" });
    const cookie = await cookieFor(actorId);
    const lines = ["External ID,Complaint,Behaviour of concern,Segment"];
    for (let i = 0; i < 20_000; i++) lines.push(`file-${i},"Imported from the file, number ${i}: the quota moved again.",discounting,Enterprise`);
    const fd = new FormData();
    fd.append("intent", "upload-cases");
    fd.append("file", new File([lines.join("\n")], "big.csv", { type: "text/csv" }));
    const upload = await run(importAction, new Request("http://upstream.test/import", { method: "POST", body: fd, headers: { Cookie: cookie } }));
    const preview = (upload.data as { preview: Preview }).preview;
    expect(preview).toMatchObject({ rowCount: 20_000, validCount: 20_000, errorCount: 0 });
    const fields: Record<string, string> = { intent: "import-cases", uploadId: preview.uploadId };
    Object.entries(preview.mapping).forEach(([header, field], i) => Object.assign(fields, { [`header.${i}`]: header, [`field.${i}`]: field ?? "" }));
    const started = await run(importAction, postRequest("/import", fields, cookie));
    expect(started.location).toMatch(/^\/import\?job=/);
    const job = waitForJob(new URL(started.location!, "http://upstream.test").searchParams.get("job")!, 120_000);
    let importing = true;
    void job.finally(() => (importing = false));

    const failures: string[] = [];
    const seen = new Set<number>();
    let signIns = 0;
    while (importing) {
      const signIn = await run(loginAction, postRequest("/login", { email: person.email, password: "correct horse battery", redirectTo: "/import" }));
      if (signIn.status !== 302) failures.push(`sign-in answered ${signIn.status}`);
      else {
        // The new session works at once, even while the import's publish holds the write lock.
        const page = await run(importLoader, getRequest("/import", signIn.headers.get("Set-Cookie")!.split(";")[0]));
        if (page.status !== 200) failures.push(`the new session's first page answered ${page.status}`);
      }
      signIns += 1;
      seen.add(await db.case.count({ where: { externalId: { startsWith: "file-" } } }));
    }
    const done = await job;
    expect(failures).toEqual([]);
    expect(done).toMatchObject({ state: "done", result: { created: 20_000, updated: 0, skipped: 0 } });
    expect(signIns).toBeGreaterThan(3);
    // Never half an import: before it publishes none of its cases show, after it all of them.
    expect([...seen].every((n) => n === 0 || n === 20_000)).toBe(true);
    expect(await db.case.count({ where: { externalId: { startsWith: "file-" } } })).toBe(20_000);
    await expect.poll(async () => db.caseStage.count(), { timeout: 10_000 }).toBe(0);
  });

  it("a sign-in while the write lock is held answers, and its session is saved once the lock frees", async () => {
    const person = await makeUser("analyst", { password: "correct horse battery" });
    const other = new Database(sqliteFile());
    other.exec("BEGIN IMMEDIATE");
    const before = await db.session.count({ where: { userId: person.id } });
    const signIn = await run(loginAction, postRequest("/login", { email: person.email, password: "correct horse battery", redirectTo: "/import" }));
    expect(signIn.status).toBe(302);
    const session = signIn.headers.get("Set-Cookie")!.split(";")[0];
    expect((await run(importLoader, getRequest("/import", session))).status).toBe(200);
    other.exec("COMMIT");
    other.close();
    await expect.poll(async () => db.session.count({ where: { userId: person.id } }), { timeout: 10_000 }).toBe(before + 1);
    expect((await run(importLoader, getRequest("/import", session))).status).toBe(200);
  });
});

describe("all or nothing", () => {
  it("refuses to publish updates to a case someone changed while the file was importing", async () => {
    const { id } = await newCase(form, actorId);
    const target = await db.case.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const file: ImportRow[] = [
      { externalId: `case-${id}`, data: { ...form, complaint: "The file's new wording for this case." } },
      ...rows(1_200, "conflict"),
    ];
    let edited = false;
    const attempt = importCases({
      rows: file,
      actorId,
      onProgress: () => {
        if (edited) return;
        edited = true;
        void updateCase({ id, version: target.version, input: { ...form, complaint: "Edited by hand during the import." }, actorId });
      },
    });
    expect(await attempt).toMatchObject({ ok: false, reason: "conflict" });
    expect(await db.case.count({ where: { externalId: { startsWith: "conflict-" } } })).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { id } })).complaint).toBe("Edited by hand during the import.");
  });

  it("an import that never published is invisible and is cleaned away at the next start", async () => {
    const before = await db.case.count();
    const sqlite = new Database(sqliteFile());
    sqlite.prepare(`INSERT INTO "ImportBatch" (id, kind, actorId, createdAt) VALUES ('dead', 'cases', ?, '2026-11-26T00:00:00.000+00:00')`).run(actorId);
    sqlite
      .prepare(
        `INSERT INTO "CaseStage" (batchId, seq, title, complaint, raisedOn, channel, reporterRole, reporterFunction, segment, region, reporterName, confidential, behaviour, behaviourDetail, suspectedCause, causeDetail, severity, severityRank, tags, publicTitle, publicComplaint)
         VALUES ('dead', 0, 't', 'c', '2026-11-26T00:00:00.000+00:00', 'other', 'ae', 'sales', 'smb', '', '', 0, 'other', '', '', '', 'low', 1, '', 't', 'c')`,
      )
      .run();
    sqlite.close();
    expect(await db.case.count()).toBe(before);
    await cleanUnpublishedImports(db);
    expect(await db.caseStage.count()).toBe(0);
    expect(await db.importBatch.count()).toBe(0);
    expect(await db.case.count()).toBe(before);
  });
});
