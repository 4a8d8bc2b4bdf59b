import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 18, decisions 027 and 029: the pages Lighthouse scores paint from their HTML and CSS
// alone. Their scripts are not even asked for before the first paint (the server sends the
// preloads and Remix's module inert; a small script starts them once the page has painted),
// they come in a few chunks (each request is a round trip on a phone's connection), and the
// page still hydrates: a client-side navigation works.

const PAGES = ["/cases", "/cases/1", "/cases/1/whys", "/patterns"];
const MAX_SCRIPTS = 20; // was 43–47 before the chunks (decision 027)

test("the scored pages ask for their scripts only after the first paint, in a few chunks, and hydrate", async ({ page }) => {
  await signIn(page, "analyst");
  for (const path of PAGES) {
    const scripts = new Set<string>();
    const onRequest = (r: { resourceType(): string; url(): string }) => {
      if (r.resourceType() === "script") scripts.add(new URL(r.url()).pathname);
    };
    page.on("request", onRequest);
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const html = (await res?.text()) ?? "";
    expect(html, `${path}: a live module preload in the HTML`).not.toMatch(/<link rel="modulepreload"/);
    expect(html, `${path}: a live module script in the HTML`).not.toMatch(/<script[^>]*type="module"/);
    expect([...html.matchAll(/<link data-after-paint="modulepreload"[^>]*>/g)].length, `${path}: inert preloads`).toBeGreaterThan(0);
    // The scripts are asked for once the page has painted, which on a busy machine can come more
    // than networkidle's 500 quiet ms after the HTML and CSS: wait for them to start, then settle.
    await expect.poll(() => scripts.size, { message: `${path}: no script asked for after the paint`, timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");
    page.off("request", onRequest);
    expect(scripts.size, `${path}: scripts fetched (${[...scripts].join(", ")})`).toBeLessThanOrEqual(MAX_SCRIPTS);
    // Every script was asked for after the first paint (the browser's own timings).
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      scripts: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === "script" || e.initiatorType === "link" || e.name.endsWith(".js"))
        .filter((e) => new URL(e.name).pathname.endsWith(".js"))
        .map((e) => ({ url: new URL(e.name).pathname, start: e.startTime })),
    }));
    expect(timing.paint, `${path}: no first contentful paint`).not.toBeNull();
    expect(timing.scripts.length, `${path}: no script timings`).toBeGreaterThan(0);
    expect(timing.scripts.filter((s) => s.start < (timing.paint ?? 0)), `${path}: scripts asked for before the first paint at ${timing.paint} ms`).toEqual([]);
    // Hydrated: the router takes a link click without a document request.
    let documents = 0;
    const onDocument = (r: { resourceType(): string }) => void (r.resourceType() === "document" && documents++);
    page.on("request", onDocument);
    await page.getByRole("link", { name: "Cases", exact: true }).first().click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    page.off("request", onDocument);
    expect(documents, `${path}: the link to /cases loaded a new document (not hydrated?)`).toBe(0);
  }
});
