import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, type DemoRole } from "./support";

// Leaders read and answer on phones: at 390 px every navigation link sits inside the screen,
// behind a "Menu" that opens without JavaScript, and no page scrolls sideways.

const PHONE = { width: 390, height: 844 };
const PAGES: Record<DemoRole, string[]> = {
  admin: ["/cases", "/patterns", "/briefs", "/variability", "/import", "/admin/users"],
  analyst: ["/cases", "/cases/new", "/cases/1", "/cases/1/whys", "/patterns"],
  leader: ["/questions", "/cases", "/cases/1", "/patterns", "/briefs"],
  exec: ["/", "/patterns", "/briefs", "/variability"],
};

for (const role of Object.keys(PAGES) as DemoRole[]) {
  test(`${role} on a phone: every menu link is on screen and works, no page scrolls sideways`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, role);
    const menu = page.locator("details.nav-menu");
    await menu.locator("summary").click();
    const links = menu.getByRole("link");
    const count = await links.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) {
      const box = await links.nth(i).boundingBox();
      expect(box, `menu link ${i}`).not.toBeNull();
      expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= PHONE.width && box!.y + box!.height <= PHONE.height, `menu link ${i} inside the screen: ${JSON.stringify(box)}`).toBe(true);
    }
    const target = await links.nth(count - 1).getAttribute("href");
    await links.nth(count - 1).click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));

    for (const url of PAGES[role]) {
      await page.goto(url);
      const { overflow, culprits } = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // The outermost elements that reach past the screen's edge, to say what to fix.
        const culprits = Array.from(document.querySelectorAll("#main *"))
          .filter((el) => el.getBoundingClientRect().right > width + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${(el.textContent ?? "").slice(0, 50)}"`);
        return { overflow: document.documentElement.scrollWidth - width, culprits };
      });
      expect(overflow, `${url} scrolls sideways by ${overflow} px: ${culprits.join("; ")}`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: test.info().outputPath(`${role}-${url.replace(/\W+/g, "_")}.png`) });
    }
    await expectAccessible(page);
  });
}

test("without JavaScript the phone menu still opens", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, "leader");
  await page.locator("details.nav-menu summary").click();
  await expect(page.locator("details.nav-menu").getByRole("link", { name: "Cases" })).toBeVisible();
  await context.close();
});
