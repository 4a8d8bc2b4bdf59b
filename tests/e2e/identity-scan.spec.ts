import { expect, test, type APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { demoCases } from "../../prisma/seed/demo-cases";
import { dataUrl, session } from "./support";

// Reporter identity never reaches a sales leader or an executive (docs/product.md "Roles and what each sees"):
// every page they can open, as HTML and as its Remix data request (`.data`), plus the exports
// and the Markdown of published briefs, is scanned for every demo reporter's name.

test.describe.configure({ mode: "parallel" });

const NAMES = [...new Set(demoCases.map((c) => c.reporterName).filter((n): n is string => Boolean(n && n.trim())))];
// A part of a name ("Why is Kwabena planning to…") identifies a person too. Staff names (the
// demo users, shown as case owners and authors) are not reporters: their parts are left out.
const SEED = fs.readFileSync(fileURLToPath(new URL("../../prisma/seed/seed-demo.ts", import.meta.url)), "utf8");
const STAFF_PARTS = new Set([...SEED.matchAll(/name: "([^"]+)", role:/g)].flatMap((m) => m[1].split(/[\s-]+/)));
const NAME_PARTS = [...new Set(NAMES.flatMap((n) => n.split(/[\s-]+/)))].filter((p) => p.length >= 5 && !STAFF_PARTS.has(p));
const CASE_IDS = demoCases.map((_, i) => i + 1);

/** HTML entities React writes, undone, and the markers it puts between text parts. */
function plain(text: string) {
  return text
    .replaceAll("\u0000", "") // React 18 can put a stray NUL byte anywhere in streamed HTML
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/**
 * Briefs, published: from saved pattern 1, from a pattern of our own holding every demo case
 * (so every reporter is in it), and from two single cases (one confidential). Pattern 2 is left
 * alone: briefs.spec.ts expects the only brief named after it.
 */
async function publishedBriefs(analyst: APIRequestContext): Promise<number[]> {
  const confidentialCase = demoCases.findIndex((c) => c.confidential && c.reporterName) + 1;
  const everyCase = new URLSearchParams([["name", `Identity scan: every demo case ${Date.now()}`], ["source", "manual"], ["status", "open"], ...CASE_IDS.map((id) => ["caseIds", String(id)])]);
  const pattern = await analyst.post("/patterns?index", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: everyCase.toString(), maxRedirects: 0 });
  expect(pattern.status(), "a pattern of every demo case").toBe(302);
  const patternId = /\/patterns\/(\d+)$/.exec(pattern.headers()["location"] ?? "")?.[1] ?? "";
  const sources = [
    { source: "pattern", sourceId: "1" },
    { source: "pattern", sourceId: patternId },
    { source: "case", sourceId: "1" }, // its Five Whys talk about the reporter
    { source: "case", sourceId: String(confidentialCase) },
  ];
  const ids: number[] = [];
  for (const form of sources) {
    const made = await analyst.post("/briefs?index", { form, maxRedirects: 0 });
    expect(made.status(), `generate a brief from ${form.source} ${form.sourceId}`).toBe(302);
    const id = Number(/\/briefs\/(\d+)$/.exec(made.headers()["location"] ?? "")?.[1]);
    const html = await (await analyst.get(`/briefs/${id}`)).text();
    const version = /name="intent" value="publish"\/><input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1];
    expect(version, `brief ${id}: the draft's version`).toBeTruthy();
    const published = await analyst.post(`/briefs/${id}`, { form: { intent: "publish", version: version! }, maxRedirects: 0 });
    expect(published.status(), `publish brief ${id}`).toBe(302);
    ids.push(id);
  }
  return ids;
}

function urlsFor(role: "leader" | "exec", briefIds: number[]): string[] {
  const shared = [
    "/patterns",
    "/patterns?from=2020-01-01",
    "/patterns/1",
    "/patterns/2",
    "/briefs",
    ...briefIds.flatMap((id) => [`/briefs/${id}`, `/briefs/${id}?version=1`, `/briefs/${id}/markdown`]),
    "/variability",
    "/variability?by=role",
    "/variability?by=segment-role",
    "/variability?by=period",
  ];
  if (role === "exec") return ["/", ...shared];
  return [
    "/cases",
    "/cases?page=2",
    "/cases?page=3",
    "/cases?q=territory",
    "/cases?sort=-severity",
    ...CASE_IDS.flatMap((id) => [`/cases/${id}`, `/cases/${id}/whys`]),
    "/questions",
    "/cases/export?format=csv",
    "/cases/export?format=json",
    ...shared,
  ];
}

for (const role of ["leader", "exec"] as const) {
  test(`${role}: no reporter name in any page, data request, export or brief they can open`, async () => {
    test.setTimeout(90_000);
    const analyst = await session("analyst");
    const reader = await session(role);
    try {
      // Control: the names are really in the data (the comp team sees them).
      const control = plain(await (await analyst.get("/cases/1")).text());
      expect(control.includes(demoCases[0].reporterName!), "the comp team sees the first reporter's name").toBe(true);

      const briefIds = await publishedBriefs(analyst);
      const urls = urlsFor(role, briefIds).flatMap((u) => [u, dataUrl(u)]);
      const hits: string[] = [];
      const partial = new Map<string, Set<string>>();
      const results = await inBatches(urls, 8, async (url) => {
        const res = await reader.get(url, { maxRedirects: 0 });
        const body = plain(await res.text());
        for (const name of NAMES) if (body.includes(name)) hits.push(`${url} shows ${name}`);
        for (const part of NAME_PARTS) {
          if (new RegExp(`(^|[^\\p{L}])${part}([^\\p{L}]|$)`, "u").test(body)) partial.set(part, (partial.get(part) ?? new Set()).add(url.replace(/\.data/, "")));
        }
        return { url, status: res.status() };
      });
      // Every URL is one the role may open (else the scan would prove nothing).
      expect(results.filter((r) => r.status !== 200), `${role}: every scanned URL opens`).toEqual([]);
      console.log(`identity scan (${role}): ${results.length} responses, ${hits.length} names, ${partial.size} name parts (${NAMES.length} reporter names looked for)`);
      expect(STAFF_PARTS.size, "staff names read from the seed").toBeGreaterThan(3);
      expect(hits).toEqual([]);
      // Regression guard (a bug this test found, now fixed): the Five Whys questions of demo cases 1 and 11 name their
      // reporter ("Why is Marisol's…", "Why is Kwabena planning…"; Kwabena Asante is
      // confidential), and /cases/:id and /cases/:id/whys show step text to sales leaders
      // unscrubbed. Briefs scrub reporter names (domain/briefs/sections.ts); step text needs the
      // same for readers without case:see-reporter, and the seed should not name reporters.
      expect
        .soft([...partial].map(([part, urls]) => `${part}: ${[...urls].join(", ")}`), `${role}: parts of reporter names`)
        .toEqual([]);
    } finally {
      await analyst.dispose();
      await reader.dispose();
    }
  });
}
