import { expect, test } from "@playwright/test";
import { demoCases } from "../../prisma/seed/demo-cases";
import { DEMO, expectAccessible, session, signIn } from "./support";

// The access log as an admin uses it: a sales leader's reads show up (a confidential case
// marked), the filters live in the URL, the CSV carries the same entries and no reporter name.
const CONFIDENTIAL = demoCases.findIndex((c) => c.confidential && c.reporterName) + 1;
const REPORTER = demoCases[CONFIDENTIAL - 1].reporterName!;

test("a sales leader's reads are on /admin/access, filtered in the URL, and in the CSV without a reporter name", async ({ page }) => {
  const leader = await session("leader");
  expect((await leader.get(`/cases/${CONFIDENTIAL}`)).status()).toBe(200);
  expect((await leader.get(`/cases/${CONFIDENTIAL}/whys`)).status()).toBe(200);
  await leader.dispose();

  await signIn(page, "admin");
  await page.getByRole("link", { name: "Access log" }).first().click();
  await expect(page.getByRole("heading", { name: "Access log" })).toBeVisible();
  await page.getByLabel("Who (email contains)").fill(DEMO.leader);
  await page.getByLabel("Id (case, brief or user)").fill(String(CONFIDENTIAL));
  await page.getByLabel("Confidential cases only").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`user=${encodeURIComponent(DEMO.leader).replace(/\./g, "\\.")}.*subjectId=${CONFIDENTIAL}.*confidential=1`));
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "Five Whys" }).first()).toContainText(DEMO.leader);
  await expect(rows.filter({ hasText: "Case file" }).first()).toContainText("Confidential");
  await expect(page.locator("#main")).not.toContainText(REPORTER);

  const download = await page.request.get(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href").then((h) => h!));
  expect(download.status()).toBe(200);
  const csv = await download.text();
  expect(csv).toContain("When (UTC),Who,Role,Action,What,Id,Confidential,Detail");
  expect(csv).toContain(`${DEMO.leader},sales_leader,read,whys,${CONFIDENTIAL},yes`);
  expect(csv.split("\r\n").filter(Boolean).length).toBeGreaterThanOrEqual(3);
  expect(csv).not.toContain(REPORTER);
  await expectAccessible(page);
});

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the access log and the single sign-on mapping fit ${viewport.width}px and pass axe`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, "admin");
    for (const url of ["/admin/access", "/admin/sso"]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: test.info().outputPath(`${url.replace(/\W+/g, "_")}-${viewport.width}.png`), fullPage: true });
      await expectAccessible(page);
    }
  });
}

test("an admin maps a group on /admin/sso; a bad entry is refused by its field, input kept", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/sso");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByText("Name the group as the identity provider sends it")).toBeVisible();
  await page.getByLabel("Group").fill("upstream-sales-leaders");
  await page.getByLabel("Role").selectOption("sales_leader");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByRole("status")).toContainText("upstream-sales-leaders");
  await expect(page.locator("tbody")).toContainText("Sales leader");
  await page.getByRole("button", { name: "Remove upstream-sales-leaders" }).click();
  await expect(page.locator("tbody")).not.toContainText("upstream-sales-leaders");
});
