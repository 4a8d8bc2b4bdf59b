import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { baseURL, DEMO, expectAccessible, session, type DemoRole } from "./support";

// Accessibility (issue 8, "Hardening"): axe-core on every main page for every role that may
// open it, and the two tasks everyone starts with — signing in and logging a complaint — done
// with the keyboard alone.

test.describe.configure({ mode: "parallel" });

type Ids = { briefId: number; userId: string };
type Visitor = DemoRole | "out";

// Regression guard (a bug this test found, now fixed): on /variability the per-group warnings are
// <Text size="xs" c="orange.9"> (app/routes/variability.tsx:96): Mantine's orange.9 (#d9480f)
// on white is about 3.9:1, under the 4.5:1 that small text needs (axe color-contrast,
// serious). Use a darker colour for the text (e.g. c="dark.8" with an orange marker).
const PAGES: Record<Visitor, ((ids: Ids) => string)[]> = {
  out: [() => "/login"],
  // The admin also opens every analyst page: see SAME_FOR_ADMIN below.
  // /variability: admins also get the target-band form (issue 17), so it is checked here.
  admin: [() => "/cases", () => "/admin/users", (ids) => `/admin/users/${ids.userId}`, () => "/variability"],
  analyst: [
    () => "/cases",
    () => "/cases/new",
    () => "/cases/1",
    () => "/cases/1/edit",
    () => "/cases/1/whys",
    () => "/patterns",
    () => "/patterns/1",
    () => "/briefs",
    (ids) => `/briefs/${ids.briefId}`,
    (ids) => `/briefs/${ids.briefId}?version=1`,
    () => "/variability",
    () => "/import",
  ],
  leader: [
    () => "/cases",
    () => "/cases/1",
    () => "/cases/1/whys",
    () => "/questions",
    () => "/patterns",
    () => "/patterns/1",
    () => "/briefs",
    (ids) => `/briefs/${ids.briefId}`,
    () => "/variability",
  ],
  exec: [() => "/", () => "/patterns", () => "/patterns/1", () => "/briefs", (ids) => `/briefs/${ids.briefId}`, () => "/variability"],
};

// An admin holds every analyst permission plus users:manage, so these pages render the same
// main content for both; the test below proves it page by page (HTML of <main>), and the
// analyst's axe run then covers the admin's. The admin's own header (with "Users") is checked
// on /cases and the admin pages.
const SAME_FOR_ADMIN = PAGES.analyst.filter((u) => !PAGES.admin.some((a) => a({ briefId: 1, userId: "x" }) === u({ briefId: 1, userId: "x" })));



type State = Awaited<ReturnType<APIRequestContext["storageState"]>>;
const states = {} as Record<DemoRole, State>;
let ids: Ids;

test.beforeAll(async () => {
  for (const role of ["admin", "analyst", "leader", "exec"] as const) {
    const ctx = await session(role);
    states[role] = await ctx.storageState();
    if (role === "analyst") {
      // A published brief of our own (the demo data has none). Not from pattern 2: briefs.spec.ts
      // expects the only brief named after it.
      const made = await ctx.post("/briefs?index", { form: { source: "pattern", sourceId: "1" }, maxRedirects: 0 });
      expect(made.status(), "generate a brief").toBe(302);
      const briefId = Number(/\/briefs\/(\d+)$/.exec(made.headers()["location"] ?? "")?.[1]);
      const html = await (await ctx.get(`/briefs/${briefId}`)).text();
      const version = /name="intent" value="publish"\/><input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1];
      const published = await ctx.post(`/briefs/${briefId}`, { form: { intent: "publish", version: version ?? "" }, maxRedirects: 0 });
      expect(published.status(), "publish the brief").toBe(302);
      ids = { ...ids, briefId };
    }
    if (role === "admin") {
      const users = await (await ctx.get("/admin/users")).text();
      ids = { ...ids, userId: /href="\/admin\/users\/([A-Za-z0-9_-]+)"[^>]*>Jordan Whitlock</.exec(users)?.[1] ?? "missing" };
    }
    await ctx.dispose();
  }
});

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const axeRuns = Object.values(PAGES).reduce((n, list) => n + list.length, 0);

/** The <main> element's HTML, without what differs per response or per person. */
function mainOf(html: string) {
  const main = /<main\b[\s\S]*<\/main>/.exec(html.replace(/<script\b[\s\S]*?<\/script>/g, ""))?.[0] ?? "";
  return main
    .replaceAll("\u0000", "") // React 18's stray NUL bytes (see web-security.spec.ts)
    .replace(/nonce="[^"]*"/g, "")
    .replace(/(Morgan Reyes|Sam Okafor)/g, "<person>")
    .replace(/>\s+/g, ">")
    .replace(/\s+</g, "<");
}

test("the admin sees the same main content as the analyst on every comp-team page", async () => {
  const admin = await request.newContext({ baseURL: baseURL(), storageState: states.admin });
  const analyst = await request.newContext({ baseURL: baseURL(), storageState: states.analyst });
  for (const url of SAME_FOR_ADMIN.map((u) => u(ids))) {
    const [a, b] = [mainOf(await (await admin.get(url)).text()), mainOf(await (await analyst.get(url)).text())];
    expect(a.length, `${url} has a <main>`).toBeGreaterThan(100);
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    expect.soft(a === b ? "" : `admin: …${a.slice(i - 80, i + 80)}… analyst: …${b.slice(i - 80, i + 80)}…`, `${url}: admin and analyst main content are the same`).toBe("");
  }
  await admin.dispose();
  await analyst.dispose();
});

// One test per visitor (one browser context, page after page); every page's violations are
// collected, so one bad page does not hide the next.
for (const [who, pages] of Object.entries(PAGES) as [Visitor, ((ids: Ids) => string)[]][]) {
  test(`axe: every main page ${who === "out" ? "a signed-out visitor" : `the ${who}`} may open`, async ({ browser }) => {
    test.setTimeout(180_000); // axe on a dozen Mantine pages is slow on a busy 2-core machine
    if (who === "out") {
      console.log(`axe: ${axeRuns} page checks across ${Object.keys(PAGES).length} visitors, plus ${SAME_FOR_ADMIN.length} admin pages proven identical to the analyst's`);
    }
    const context = await browser.newContext(who === "out" ? {} : { storageState: states[who] });
    const page = await context.newPage();
    let checked = 0;
    for (const url of pages.map((u) => u(ids))) {
      const response = await page.goto(url);
      expect.soft(response?.status(), `${who} may open ${url}`).toBe(200);
      checked += 1;
      await test.step(url, async () => {
        try {
          await expectAccessible(page);
        } catch (error) {
          // expectAccessible lists the violations as the "received" array: keep those lines.
          const message = String((error as Error).message).replace(ANSI, "");
          const lines = message.split("\n").filter((l) => /^\s*\+\s+"/.test(l)).map((l) => {
            const item = l.replace(/^\s*\+\s+/, "").replace(/,$/, "");
            try {
              return String(JSON.parse(item));
            } catch {
              return item;
            }
          });
          expect.soft(lines.length ? lines : [message.slice(0, 500)], `axe ${who} ${url}`).toEqual([]);
        }
      });
    }
    await context.close();
    expect(checked).toBe(pages.length);
  });
}

// ---------------------------------------------------------------------------------------
// Keyboard only
// ---------------------------------------------------------------------------------------

/** Tabs forward until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: ReturnType<Page["getByLabel"]>, what: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return i;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${what} was not reached with ${max} presses of Tab`);
}

test("sign-in with the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  const email = page.getByLabel("Email");
  await expect(email, "the email field has the focus on arrival").toBeFocused();
  await page.keyboard.type(DEMO.analyst);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("upstream-demo");
  await page.keyboard.press("Tab");
  const button = page.getByRole("button", { name: "Sign in" });
  await expect(button, "the next stop is the Sign in button (the show-password toggle is skipped)").toBeFocused();
  await page.keyboard.press("Space");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // And a wrong password, submitted with Enter from the password field: the message is announced.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.keyboard.type(DEMO.analyst);
  await page.keyboard.press("Tab");
  await page.keyboard.type("not-the-password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("do not match");
});

test("intake with the keyboard alone: skip link, behaviour, complaint, confidential, submit", async ({ browser }) => {
  // Role and segment added two more stops (issue 14): a loaded machine needs more than 30 s.
  test.setTimeout(60_000);
  const context = await browser.newContext({ storageState: states.analyst });
  const page = await context.newPage();
  await page.goto("/cases/new");
  await page.waitForLoadState("networkidle");

  // The first stop is the skip link; it lands in the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  const behaviour = page.getByLabel("Behaviour or outcome");
  await tabTo(page, behaviour, "the behaviour select");
  // A closed native select takes typed letters: "Attr" picks "Attrition or morale".
  await page.keyboard.type("Attr");
  await expect.poll(() => behaviour.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe("Attrition or morale");

  const complaint = page.getByLabel("The complaint, in the reporter's own words");
  await tabTo(page, complaint, "the complaint field");
  const text = `Keyboard-only intake ${Date.now()}: my quota doubled and my patch halved.`;
  await page.keyboard.type(text);

  // Role and segment are chosen, not defaulted (issue 14); the behaviour select above already
  // shows that a select takes typed letters.
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "AE" });
  await page.getByRole("combobox", { name: "Segment", exact: true }).selectOption({ label: "SMB" });

  const confidential = page.getByLabel("Confidential: only the comp team may ever see who raised this");
  await tabTo(page, confidential, "the confidential checkbox");
  await page.keyboard.press("Space");
  await expect(confidential).toBeChecked();

  const submit = page.getByRole("button", { name: "Open case file" });
  await tabTo(page, submit, "the Open case file button", 80);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole("blockquote")).toHaveText(text);
  await expect(page.getByText("Confidential: never share this name outside the comp team.")).toBeVisible();
  await context.close();
});
