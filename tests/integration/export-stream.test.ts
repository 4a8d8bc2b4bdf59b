// Exports stream (decision 020): the header leaves before any row is read, rows follow a page
// at a time, and the file is the same as one written at once, with the viewer's columns only.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseCaseListQuery } from "~/domain/cases/list-query";
import { caseExportColumns, casesToJson, toCsv } from "~/domain/data-io/csv-export";
import { EXPORT_PAGE, exportIds } from "~/models/case-export.server";
import { exportCaseIds, exportCases } from "~/models/case-queries.server";
import { loader } from "~/routes/cases.export";
import { cookieFor, getRequest, makeUser, newCase, plantCases, signedIn, turnsDuring, validCase } from "./helpers";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { db } from "~/utils/db.server";

async function bytesOf(response: Response) {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

async function chunksOf(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(decoder.decode(value, { stream: true }));
  }
}

describe("streamed case export", () => {
  it("sends the header first, then the rows page by page: the same file as written at once", async () => {
    const analyst = await makeUser("analyst");
    const count = EXPORT_PAGE * 2 + 300;
    await plantCases(count, analyst.id);
    const response = (await loader({ request: getRequest("/cases/export?format=csv", await cookieFor(analyst.id)), params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
    const chunks = await chunksOf(response);
    const columns = caseExportColumns({ seesReporter: true });
    // The first chunk is the header alone: it was sent before the rows were read.
    expect(chunks[0]).toBe(toCsv([], columns, { bom: true }).replace(/^\uFEFF/, ""));
    expect(chunks.length).toBe(1 + Math.ceil(count / EXPORT_PAGE));
    const all = await exportCases(parseCaseListQuery(new URLSearchParams()), { id: analyst.id, role: "analyst" });
    expect(all).toHaveLength(count);
    expect("\uFEFF" + chunks.join("")).toBe(toCsv(all, columns, { bom: true }));
  }, 60_000);

  it("lets other requests in between its pages: one page per turn of the event loop", async () => {
    const analyst = await signedIn("analyst");
    const pages = Math.ceil((await exportCases(parseCaseListQuery(new URLSearchParams()), { id: analyst.id, role: "analyst" })).length / EXPORT_PAGE);
    expect(pages).toBeGreaterThan(1);
    const response = (await loader({ request: getRequest("/cases/export?format=csv", analyst.cookie), params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
    // Another request's work, one step per turn, counted while the export is read to the end.
    const { turns } = await turnsDuring(() => chunksOf(response));
    expect(turns).toBeGreaterThanOrEqual(pages);
  }, 60_000);

  it("gives a sales leader neither the reporter's name nor the confidential flag, in JSON too", async () => {
    const leader = await signedIn("sales_leader");
    const response = (await loader({ request: getRequest("/cases/export?format=json", leader.cookie), params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
    const body = (await chunksOf(response)).join("");
    const parsed = JSON.parse(body) as { cases: Record<string, unknown>[] };
    expect(parsed.cases.length).toBeGreaterThan(EXPORT_PAGE);
    expect(body).not.toMatch(/Rep \d+/);
    expect(Object.keys(parsed.cases[0])).not.toContain("reporterName");
    expect(Object.keys(parsed.cases[0])).not.toContain("confidential");
  }, 60_000);

  // The pages are written on a worker (decision 034): what it writes must be what the server's
  // own read (exportRows, through the privacy layer) gives each viewer, to the byte.
  it("writes on its worker exactly what the privacy layer gives each role: names scrubbed, flags kept for the comp team", async () => {
    const analyst = await signedIn("analyst");
    const leader = await signedIn("sales_leader");
    const named = caseFormSchema.parse({ ...validCase, complaint: `Ingrid Halvorsen-Paz says: "=SUM(A1)" — my territory went to the new hires, ingrid@example.com`, tags: "halvorsen-followup, split", revenueAtRisk: "12000", peopleAffected: "4" });
    await newCase(named, analyst.id);
    const query = parseCaseListQuery(new URLSearchParams());
    for (const [person, role, seesReporter] of [[analyst, "analyst", true], [leader, "sales_leader", false]] as const) {
      const columns = caseExportColumns({ seesReporter });
      const rows = await exportCases(query, { id: person.id, role });
      expect(rows.length).toBeGreaterThan(EXPORT_PAGE); // several pages, the named case among them
      const get = async (format: string) => (await chunksOf((await loader({ request: getRequest(`/cases/export?format=${format}`, person.cookie), params: {}, context: { clientAddress: "127.0.0.1" } })) as Response)).join("");
      const csv = await get("csv");
      const json = await get("json");
      expect("\uFEFF" + csv).toBe(toCsv(rows, columns, { bom: true }));
      expect(json).toBe(casesToJson(rows, columns));
      if (seesReporter) expect(csv).toContain("Ingrid Halvorsen-Paz");
      else for (const text of [csv, json]) expect(text).not.toMatch(/Halvorsen|ingrid@example\.com|Rep \d+/);
    }
  }, 60_000);

  // Compressed on the worker where the client takes gzip (decision 044): the same file once
  // unzipped, still a page at a time, and the privacy layer's columns in it as in plain text.
  it("sends a gzip file, page by page, that unzips to the plain export for each role", async () => {
    const analyst = await signedIn("analyst");
    const leader = await signedIn("sales_leader");
    const named = caseFormSchema.parse({ ...validCase, reporterName: "Marisol Oyelaran-Kemp", complaint: "Marisol Oyelaran-Kemp says the territory moved twice this quarter", tags: "oyelaran" });
    await newCase(named, analyst.id);
    for (const [person, seesReporter] of [[analyst, true], [leader, false]] as const) {
      for (const format of ["csv", "json"]) {
        const ask = (encoding?: string) => {
          const request = getRequest(`/cases/export?format=${format}`, person.cookie);
          if (encoding) request.headers.set("accept-encoding", encoding);
          return loader({ request, params: {}, context: { clientAddress: "127.0.0.1", responseAsIs: true } }) as Promise<Response>;
        };
        const plain = await ask();
        expect(plain.headers.get("content-encoding")).toBeNull();
        const zipped = await ask("gzip, deflate, br");
        expect(zipped.headers.get("content-encoding")).toBe("gzip");
        expect(zipped.headers.get("vary")).toBe("Accept-Encoding");
        const pieces = await bytesOf(zipped);
        // The head on its own first, a piece per page, then the end (JSON's tail before it).
        const pages = Math.ceil((await exportCases(parseCaseListQuery(new URLSearchParams()), { id: person.id, role: seesReporter ? "analyst" : "sales_leader" })).length / EXPORT_PAGE);
        expect(pages).toBeGreaterThan(1);
        expect(pieces.length).toBe(1 + pages + (format === "json" ? 2 : 1));
        const text = gunzipSync(Buffer.concat(pieces)).toString("utf8");
        expect(text).toBe(Buffer.concat(await bytesOf(plain)).toString("utf8"));
        if (seesReporter) expect(text).toContain("Marisol Oyelaran-Kemp");
        else expect(text).not.toMatch(/Oyelaran|Rep \d+/);
      }
    }
    // Plain text where gzip is refused, and for a `.data` request (Remix reads that answer itself).
    for (const [encoding, responseAsIs] of [["gzip;q=0, identity", true], ["gzip", false]] as const) {
      const request = getRequest("/cases/export?format=csv", analyst.cookie);
      request.headers.set("accept-encoding", encoding);
      const response = (await loader({ request, params: {}, context: { clientAddress: "127.0.0.1", responseAsIs } })) as Response;
      expect(response.headers.get("content-encoding")).toBeNull();
      expect(Buffer.concat(await bytesOf(response)).toString("utf8")).toMatch(/^\uFEFFExternal ID,/);
    }
  }, 60_000);

  // The ids are read on the worker too (decision 044): the same cases, in the same order, as the
  // list's own statement on the server's connection, for each viewer's view and every filter kind.
  it("reads on its worker the ids the list's statement gives, and whether any is confidential", async () => {
    const analyst = await signedIn("analyst");
    const leader = await signedIn("sales_leader");
    const queries = ["", "segment=enterprise", "q=territory", "from=2026-01-01&to=2026-06-30", "sort=-severity&cause=plan_mechanics", "view=mine", "status=open&sort=raisedOn", "q=zzzz-nothing"];
    for (const viewer of [{ id: analyst.id, role: "analyst" }, { id: leader.id, role: "sales_leader" }] as const) {
      for (const search of queries) {
        const query = parseCaseListQuery(new URLSearchParams(search));
        const onWorker = await exportIds(query, viewer);
        expect(onWorker.ids, `${viewer.role} ${search}`).toEqual(await exportCaseIds(query, viewer));
      }
    }
    const some = await exportIds(parseCaseListQuery(new URLSearchParams("from=2026-01-01")), { id: analyst.id, role: "analyst" });
    expect(some.ids.length).toBeGreaterThan(0);
    // The flag follows the cases: none confidential, then one of them made so.
    await db.case.updateMany({ where: { raisedOn: { gte: new Date("2026-01-01T00:00:00Z") } }, data: { confidential: false } });
    expect((await exportIds(parseCaseListQuery(new URLSearchParams("from=2026-01-01")), { id: analyst.id, role: "analyst" })).anyConfidential).toBe(false);
    await db.case.update({ where: { id: some.ids.at(-1)! }, data: { confidential: true } });
    expect((await exportIds(parseCaseListQuery(new URLSearchParams("from=2026-01-01")), { id: leader.id, role: "sales_leader" })).anyConfidential).toBe(true);
  }, 60_000);
});
