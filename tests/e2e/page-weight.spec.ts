import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 18, decision 027: the pages Lighthouse scores paint before their scripts arrive on a slow
// phone. Their module preloads go out at low priority (so the HTML and CSS go first) and the
// scripts come in a few chunks (each request is a round trip on a phone's connection), and the
// page still hydrates: a client-side navigation works.

const PAGES = ["/cases", "/cases/1", "/cases/1/whys", "/patterns"];
const MAX_SCRIPTS = 20; // was 43–47 before the chunks (decision 027)

test("the scored pages preload their scripts at low priority, in a few chunks, and hydrate", async ({ page }) => {
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
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*>/g)].map((m) => m[0]);
    expect(preloads.length, `${path}: module preloads`).toBeGreaterThan(0);
    expect(preloads.filter((tag) => !tag.includes('fetchpriority="low"')), `${path}: preloads not at low priority`).toEqual([]);
    await page.waitForLoadState("networkidle");
    page.off("request", onRequest);
    expect(scripts.size, `${path}: scripts fetched (${[...scripts].join(", ")})`).toBeLessThanOrEqual(MAX_SCRIPTS);
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
