import { expect, test } from "@playwright/test";
import { chooseRoleAndSegment, expectAccessible, signIn } from "./support";

test("an analyst saves a suggested group as a pattern", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/patterns");
  const card = page.getByTestId("suggestion").filter({ hasText: "Shared cause: Product readiness" });
  await expect(card.getByText("Cross-functional pattern", { exact: true })).toBeVisible();
  const caseLinks = await card.getByRole("link", { name: /^#\d+$/ }).allTextContents();
  expect(caseLinks.length).toBeGreaterThanOrEqual(3);
  await card.getByLabel("Save as a pattern named").fill("Selling a product that is not ready (E2E)");
  await card.getByRole("button", { name: "Save pattern" }).click();

  await expect(page).toHaveURL(/\/patterns\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Selling a product that is not ready (E2E)");
  for (const link of caseLinks) await expect(page.getByRole("link", { name: new RegExp(`^${link} `) })).toBeVisible();
  await expect(page.getByText("Cross-functional pattern", { exact: true })).toBeVisible();
  await expect(page.getByText(/^A cross-functional pattern: \d+ independent reports/)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Status").selectOption({ label: "Monitoring" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator(".mantine-Badge-label", { hasText: "Monitoring" })).toBeVisible();
});

test("a matrix cell opens the cases it counts", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/patterns");
  const cell = page.getByRole("link", { name: /cases: Territory imbalance, Sales$/ });
  const count = Number(await cell.textContent());
  expect(count).toBeGreaterThan(0);
  await cell.click();
  await expect(page).toHaveURL(/\/cases\?.*cause=territory_imbalance/);
  await expect(page.getByText(new RegExp(`of ${count} cases$`))).toBeVisible();
});

// List links (decision 046) are plain anchors that one listener turns into in-app navigation:
// once the app has started, following one must not load a new document.
test("a matrix cell and a case title navigate inside the app once it has started", async ({ page }) => {
  type Marked = { __remixRouter?: { state: { initialized: boolean } }; __samePage?: boolean };
  await signIn(page, "analyst");
  await page.goto("/patterns");
  await page.waitForFunction(() => (window as Marked).__remixRouter?.state.initialized === true);
  await page.evaluate(() => ((window as Marked).__samePage = true));
  await page.getByRole("link", { name: /cases: Territory imbalance, Sales$/ }).click();
  await expect(page).toHaveURL(/\/cases\?.*cause=territory_imbalance/);
  const title = page.locator("tbody a[href^='/cases/']").first();
  const href = await title.getAttribute("href");
  await title.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as Marked).__samePage)).toBe(true);
});

test("an executive sees the matrices with small cells as <3 and no cases", async ({ page }) => {
  await signIn(page, "exec");
  await page.goto("/patterns");
  await expect(page.getByRole("heading", { name: "Patterns across functions" })).toBeVisible();
  await expect(page.locator("td", { hasText: "<3" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^#\d+/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save pattern" })).toHaveCount(0);
  const cells = await page.locator("tbody td").allTextContents();
  for (const text of cells) expect(["1", "2"]).not.toContain(text.trim());
  await expectAccessible(page);

  await page.getByRole("link", { name: "Territory carve-up leaves patches without workable accounts" }).click();
  await expect(page.getByText("Who is reporting it")).toBeVisible();
  await expect(page.locator("table")).toHaveCount(0);
});

test("intake shows alike cases and links a duplicate instead of retyping it", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/cases/new");
  await page.getByLabel("Behaviour or outcome").selectOption({ label: "Pipeline generation" });
  await page
    .getByLabel("The complaint, in the reporter's own words")
    .fill("My patch has no accounts left after the territory carve; the whitespace went to the new hires.");
  const panel = page.getByRole("radiogroup", { name: "Already logged? These cases read alike" });
  await expect(panel).toBeVisible();
  const first = panel.getByRole("radio").nth(1);
  const label = await panel.locator("label").nth(1).textContent();
  const targetId = /#(\d+)/.exec(label ?? "")![1];
  await first.check();
  await chooseRoleAndSegment(page);
  await page.getByRole("button", { name: "Open case file" }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByText(new RegExp(`Duplicate of #${targetId} `))).toBeVisible();
});

test("intake: a complaint typed before the page's scripts started still brings up alike cases", async ({ page }) => {
  await signIn(page, "analyst");
  // The scripts start after the first paint (decision 029): hold them back while the complaint is typed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/cases/new", { waitUntil: "domcontentloaded" });
  await page
    .getByLabel("The complaint, in the reporter's own words")
    .fill("My patch has no accounts left after the territory carve; the whitespace went to the new hires.");
  release();
  await expect(page.getByRole("radiogroup", { name: "Already logged? These cases read alike" })).toBeVisible();
});

test("intake: a keystroke that arrives as the page starts hydrating does not stop it hydrating", async ({ page }) => {
  // React's first render is a task after hydrateRoot; Remix's root waits there for the page's
  // data (its single-fetch stream). A keystroke in between made React render at once, which
  // cannot wait: React error #345 and a page that never hydrated. The keystroke is sent from the
  // end of the entry module, the moment hydration is asked for.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "analyst");
  await page.route(/\/assets\/entry\.client-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    const keystroke = `;document.querySelector("textarea")?.dispatchEvent(new Event("input", { bubbles: true }));`;
    await route.fulfill({ response, body: (await response.text()) + keystroke });
  });
  await page.goto("/cases/new");
  await page
    .getByLabel("The complaint, in the reporter's own words")
    .fill("My patch has no accounts left after the territory carve; the whitespace went to the new hires.");
  await expect(page.getByRole("radiogroup", { name: "Already logged? These cases read alike" })).toBeVisible();
  expect(errors).toEqual([]);
});
