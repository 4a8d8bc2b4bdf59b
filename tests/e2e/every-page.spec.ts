import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO, expectAccessible, type DemoRole } from "./support";

/**
 * Serious or critical axe problems, told softly (one run lists every page's problems). Colour
 * contrast, by far the slowest rule, is checked at the desk width only: the colours are the same
 * on a phone, while the layout rules (scroll regions, reflow, targets) run at both.
 */
async function axeProblems(page: Page, what: string, withContrast: boolean) {
  const builder = new AxeBuilder({ page });
  const results = await (withContrast ? builder : builder.disableRules(["color-contrast"])).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`), `axe: ${what}`).toEqual([]);
}

// Issue 14, "Done when": every page as each role meets it, at a desk and on a phone. For each
// page: every navigation link is inside the screen and is what a click there would hit (the
// phone menu opened first), nothing scrolls sideways, axe finds nothing serious or critical, and
// a screenshot is attached to the report. One browser context per role, reused for its pages.

const SCREENS = [
  { name: "desk", width: 1400, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

// Ids from the demo data: case 1, saved pattern 1, published brief 1 (one of the three
// "Briefed" cases), action 1 (the sales leader's). The admin's own user page is found at run time.
const COMP = ["/cases", "/cases/new", "/cases/1", "/cases/1/edit", "/cases/1/whys", "/cases/1/triage", "/patterns", "/patterns/1", "/briefs", "/briefs/1", "/actions", "/actions/1", "/actions/new?patternId=1", "/plan-changes", "/variability", "/import", "/inbox", "/logout"];
const PAGES: Record<DemoRole, string[]> = {
  admin: [...COMP, "/admin/users", "/admin/users/:self", "/admin/access", "/admin/sso", "/admin/sla", "/admin/integrations"],
  analyst: [...COMP, "/admin/users"], // the last one is refused: the 403 page is a page too
  leader: ["/questions", "/cases", "/cases/1", "/cases/1/whys", "/patterns", "/patterns/1", "/briefs", "/briefs/1", "/actions", "/actions/1", "/plan-changes", "/variability", "/inbox", "/logout", "/cases/new"],
  exec: ["/", "/patterns", "/patterns/1", "/briefs", "/briefs/1", "/actions", "/actions/1", "/plan-changes", "/variability", "/inbox", "/logout", "/cases"],
};
/** Addresses that are refused for that role on purpose (the 403 page is checked like the others). */
const REFUSED: Partial<Record<DemoRole, string[]>> = { analyst: ["/admin/users"], leader: ["/cases/new"], exec: ["/cases"] };

// Route modules that are not pages a person reads: downloads, JSON, redirects, test hooks.
const NOT_PAGES: Record<string, string> = {
  "admin.access_.export.tsx": "CSV download",
  "api.cases.tsx": "JSON API",
  "api.cases_.$externalId.tsx": "JSON API",
  "auth.sso.tsx": "redirect to the identity provider",
  "auth.sso_.callback.tsx": "redirect back from the identity provider",
  "briefs.$id_.markdown.tsx": "Markdown download",
  "cases.export.tsx": "CSV/JSON download",
  "cases.similar.tsx": "JSON for the intake form",
  "healthz.tsx": "health probe",
  "readyz.tsx": "readiness probe",
  "plan-changes_.export.tsx": "CSV/Markdown download",
  "test.clock.tsx": "end-to-end test hook",
  "login.tsx": "checked signed out, below",
  "no-access.tsx": "only for a user without a role; redirects every demo role",
};

/** The route module a URL is served by, so the list above can be checked against app/routes. */
function moduleOf(url: string): string {
  const path = url.split("?")[0];
  const known: [RegExp, string][] = [
    [/^\/$/, "_index.tsx"],
    [/^\/cases$/, "cases._index.tsx"],
    [/^\/cases\/new$/, "cases.new.tsx"],
    [/^\/cases\/\d+$/, "cases.$id.tsx"],
    [/^\/cases\/\d+\/edit$/, "cases.$id_.edit.tsx"],
    [/^\/cases\/\d+\/whys$/, "cases.$id_.whys.tsx"],
    [/^\/cases\/\d+\/triage$/, "cases.$id_.triage.tsx"],
    [/^\/patterns$/, "patterns._index.tsx"],
    [/^\/patterns\/\d+$/, "patterns.$id.tsx"],
    [/^\/briefs$/, "briefs._index.tsx"],
    [/^\/briefs\/\d+$/, "briefs.$id.tsx"],
    [/^\/actions$/, "actions._index.tsx"],
    [/^\/actions\/new$/, "actions.new.tsx"],
    [/^\/actions\/\d+$/, "actions.$id.tsx"],
    [/^\/admin\/users$/, "admin.users.tsx"],
    [/^\/admin\/users\/[^/]+$/, "admin.users_.$id.tsx"],
  ];
  const hit = known.find(([re]) => re.test(path));
  if (hit) return hit[1];
  return `${path.slice(1).replace(/\//g, ".")}.tsx`;
}

test("every page module in app/routes is visited by some role (or said not to be a page)", () => {
  const files = fs.readdirSync(fileURLToPath(new URL("../../app/routes", import.meta.url))).filter((f) => /\.tsx?$/.test(f));
  const visited = new Set(Object.values(PAGES).flat().map(moduleOf));
  const missing = files.filter((f) => !visited.has(f) && !(f in NOT_PAGES));
  expect(missing, "route modules with no page visit in every-page.spec.ts").toEqual([]);
});

type NavReport = { label: string; box: { x: number; y: number; width: number; height: number }; inside: boolean; onTop: boolean }[];

/** Every link of a navigation landmark: inside the screen, and the element a click at its centre reaches. */
async function navLinks(page: Page, landmark: string): Promise<NavReport> {
  return page.locator(`nav[aria-label="${landmark}"] a`).evaluateAll((links) =>
    links.map((a) => {
      const r = a.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const top = document.elementFromPoint(cx, cy);
      return {
        label: (a.textContent ?? "").trim(),
        box: { x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) },
        inside: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight,
        onTop: !!top && (top === a || a.contains(top)),
      };
    }),
  );
}

async function checkNavigation(page: Page, phone: boolean, what: string) {
  const header = page.locator("header");
  if (phone) {
    const menu = page.locator("details.nav-menu");
    await menu.locator("summary").click();
    await expect(menu.locator("nav")).toBeVisible();
  }
  const report = await navLinks(page, phone ? "Main (menu)" : "Main");
  expect.soft(report.length, `${what}: navigation links`).toBeGreaterThan(2);
  const bad = report.filter((l) => !l.inside || !l.onTop);
  expect.soft(bad, `${what}: navigation links off screen or covered`).toEqual([]);
  // The bell and sign-out stay in the header at both widths.
  await expect.soft(header.getByTestId("bell"), `${what}: the bell`).toBeInViewport({ ratio: 1 });
  await expect.soft(header.getByRole("button", { name: "Sign out" }), `${what}: sign out`).toBeInViewport({ ratio: 1 });
  if (phone) await page.locator("details.nav-menu summary").click();
}

async function noSidewaysScroll(page: Page, what: string) {
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${(el.textContent ?? "").slice(0, 40)}"`);
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, culprits };
  });
  expect.soft(overflow, `${what} scrolls sideways by ${overflow} px: ${culprits.join("; ")}`).toBeLessThanOrEqual(0);
}

test.describe.configure({ mode: "parallel" });

// Pages go in small groups, each group one test with one signed-in context: the groups run side
// by side, and a slow machine (axe on /patterns takes seconds) stays inside each test's time.
const GROUP = 6;
const groupsOf = (list: string[]) => Array.from({ length: Math.ceil(list.length / GROUP) }, (_, i) => list.slice(i * GROUP, (i + 1) * GROUP));
const RUNS = (Object.keys(PAGES) as DemoRole[]).flatMap((role) => SCREENS.flatMap((screen) => groupsOf(PAGES[role]).map((group) => ({ role, screen, group }))));

for (const { role, screen, group } of RUNS) {
    test(`${role} at ${screen.width}×${screen.height}: ${group.join(" ")} — navigation reachable, no sideways scroll, axe clean`, async ({ browser }, testInfo) => {
      test.setTimeout(180_000);
      const context = await browser.newContext({ viewport: screen });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email").fill(DEMO[role]);
      await page.getByLabel("Password").fill("upstream-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));

      let self = "";
      if (group.includes("/admin/users/:self")) {
        await page.goto("/admin/users");
        self = (await page.getByRole("link", { name: "Morgan Reyes" }).getAttribute("href")) ?? "";
        expect(self).toMatch(/^\/admin\/users\/[\w-]+$/);
      }

      for (const listed of group) {
        const url = listed === "/admin/users/:self" ? self : listed;
        const refused = REFUSED[role]?.includes(listed) ?? false;
        const what = `${role} ${url} at ${screen.width}px`;
        const response = await page.goto(url);
        expect.soft(response?.status(), what).toBe(refused ? 403 : 200);
        if (refused) await expect.soft(page.getByRole("link", { name: "Go to your start page" })).toBeVisible();
        await noSidewaysScroll(page, what);
        await checkNavigation(page, screen.name === "phone", what);
        await axeProblems(page, what, screen.name === "desk");
        // Kept as a file in the test's output folder (CI keeps test-results) and in the report.
        const shot = testInfo.outputPath(`${role}${url.replace(/\W+/g, "_")}-${screen.name}.png`);
        await page.screenshot({ path: shot, fullPage: screen.name === "desk" });
        await testInfo.attach(shot.split("/").pop() ?? "screenshot", { path: shot, contentType: "image/png" });
      }
      await context.close();
    });
}

test("signed out: the sign-in page at both widths, and the sign-out confirmation", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    await page.goto("/login");
    await noSidewaysScroll(page, `/login at ${screen.width}px`);
    await expectAccessible(page);
    const shot = testInfo.outputPath(`login-${screen.name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(`login-${screen.name}.png`, { path: shot, contentType: "image/png" });
  }
  // Signing out says so on the sign-in page (issue 14).
  await page.getByLabel("Email").fill(DEMO.leader);
  await page.getByLabel("Password").fill("upstream-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await context.close();
});

test("without JavaScript the phone menu still opens and its links work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: SCREENS[1] });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.leader);
  await page.getByLabel("Password").fill("upstream-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.locator("details.nav-menu summary").click();
  await page.locator("details.nav-menu").getByRole("link", { name: "Cases" }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await context.close();
});
