import { expect, test, type Page } from "@playwright/test";
import { signIn, type DemoRole } from "./support";

// Issue 18: the app ships Mantine's CSS for the components it uses only (app/styles/mantine.css),
// not all of @mantine/core/styles.css. A component used for the first time without its file
// there renders unstyled; this spec finds that: every Mantine class (m_…) on a page, as the
// browser holds it after hydration, must have a rule in the page's stylesheets.

const PAGES: Partial<Record<DemoRole, string[]>> = {
  admin: [
    "/", "/cases", "/cases/new", "/cases/1", "/cases/1/edit", "/cases/1/whys", "/cases/1/triage", "/patterns", "/patterns/1",
    "/briefs", "/briefs/1", "/actions", "/actions/1", "/actions/new?patternId=1", "/plan-changes", "/variability", "/import",
    "/inbox", "/logout", "/admin/users", "/admin/access", "/admin/sso", "/admin/sla", "/admin/integrations",
  ],
  leader: ["/questions", "/cases/1", "/cases/1/whys", "/patterns"],
  exec: ["/", "/patterns", "/briefs/1", "/variability"],
};

/** Mantine classes on the page that no stylesheet rule names. */
async function unstyledClasses(page: Page) {
  return page.evaluate(() => {
    const named = new Set<string>();
    const walk = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) for (const m of rule.selectorText.matchAll(/\.(m_[0-9a-f]+)/g)) named.add(m[1]);
        if ("cssRules" in rule && rule.cssRules) walk(rule.cssRules as CSSRuleList);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
    const used = new Set<string>();
    for (const el of Array.from(document.querySelectorAll("[class*='m_']"))) {
      for (const c of Array.from(el.classList)) if (/^m_[0-9a-f]+$/.test(c)) used.add(c);
    }
    return { used: used.size, missing: [...used].filter((c) => !named.has(c)) };
  });
}

for (const [role, paths] of Object.entries(PAGES) as [DemoRole, string[]][]) {
  test(`every Mantine class on ${role}'s pages has its CSS`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, role);
    let used = 0;
    for (const path of paths) {
      await page.goto(path);
      const found = await unstyledClasses(page);
      used += found.used;
      expect.soft(found.missing, `unstyled Mantine classes on ${path}`).toEqual([]);
    }
    expect(used).toBeGreaterThan(paths.length * 5); // the check saw Mantine's classes at all
  });
}

test("the confirmation toast (drawn by script after sign-out) has its CSS", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/logout");
  await page.getByRole("button", { name: "Sign out" }).last().click();
  await expect(page.getByText("You are signed out").first()).toBeVisible();
  const found = await unstyledClasses(page);
  expect(found.missing).toEqual([]);
});
