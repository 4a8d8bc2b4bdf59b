// Holes a tester found in the list's query parsing: control characters in the URL.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/cases._index";
import { loader as exportLoader } from "~/routes/cases.export";
import { action as newAction } from "~/routes/cases.new";
import { cookieFor, getRequest, makeUser, postRequest, run, validCase } from "./helpers";

let cookie: string;

beforeAll(async () => {
  const analyst = await makeUser("analyst");
  cookie = await cookieFor(analyst.id);
  const made = await run(newAction, postRequest("/cases/new", { ...validCase, title: "Quota plan carved up" }, cookie));
  expect(made.status).toBe(302);
});

describe("control characters in the case list's query", () => {
  it("GET /cases?q=%00 answers 200 (a NUL reached the full-text search: 500)", async () => {
    for (const search of ["?q=%00", "?q=%00%00%00", "?q=%20%00%1F%7F", "?q=%00&owner=%00&status=new%00"]) {
      const res = await run(listLoader, getRequest(`/cases${search}`, cookie));
      expect(res.status, search).toBe(200);
      const data = res.data as { query: Record<string, unknown>; total: number };
      expect(data.query.q, search).toBeUndefined();
      expect(data.total, `${search}: no search, so every case`).toBeGreaterThan(0);
    }
  });

  it("GET /cases?q=quo%00ta searches for the text without the control character", async () => {
    const res = await run(listLoader, getRequest("/cases?q=quo%00ta%09", cookie));
    expect(res.status).toBe(200);
    const data = res.data as { query: { q?: string }; total: number };
    expect(data.query.q).toBe("quota");
    expect(data.total).toBe(1);
  });

  it("the CSV and JSON exports with q=%00 answer 200", async () => {
    for (const format of ["csv", "json"]) {
      for (const q of ["%00", "quo%00ta"]) {
        const res = await run(exportLoader, getRequest(`/cases/export?format=${format}&q=${q}`, cookie));
        expect(res.status, `${format} q=${q}`).toBe(200);
        if (format === "json") expect((res.data as { cases: unknown[] }).cases.length, `${format} q=${q}`).toBeGreaterThan(0);
        else expect(String(res.data), `${format} q=${q}`).toContain("Quota plan carved up");
      }
    }
  });
});
