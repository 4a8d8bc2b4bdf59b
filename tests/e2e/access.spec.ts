import { expect, test } from "@playwright/test";
import { demoCases } from "../../prisma/seed/demo-cases";
import { signIn, type DemoRole } from "./support";

// Each role against each page: what it may open (200) and where it is refused (403).
const ROUTES: { path: string; allowed: DemoRole[] }[] = [
  { path: "/cases", allowed: ["admin", "analyst", "leader"] },
  { path: "/cases/1", allowed: ["admin", "analyst", "leader"] },
  { path: "/cases/new", allowed: ["admin", "analyst"] },
  { path: "/cases/1/edit", allowed: ["admin", "analyst"] },
  { path: "/cases/1/whys", allowed: ["admin", "analyst", "leader"] },
  { path: "/questions", allowed: ["leader"] },
  { path: "/patterns", allowed: ["admin", "analyst", "leader", "exec"] },
  { path: "/patterns/1", allowed: ["admin", "analyst", "leader", "exec"] },
  { path: "/admin/users", allowed: ["admin"] },
];

const reporterNames = demoCases.map((c) => c.reporterName).filter(Boolean);

test("a signed-out visitor is sent to sign in, and back afterwards", async ({ page }) => {
  for (const { path } of ROUTES) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(path)}`));
  }
  await page.getByLabel("Email").fill("analyst@upstream.test");
  await page.getByLabel("Password").fill("upstream-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

for (const role of ["admin", "analyst", "leader", "exec"] as const) {
  test(`${role}: opens what the role may use and is refused the rest`, async ({ page }) => {
    await signIn(page, role);
    for (const { path, allowed } of ROUTES) {
      const response = await page.goto(path);
      const expected = allowed.includes(role) ? 200 : 403;
      expect(response?.status(), `${role} ${path}`).toBe(expected);
      const html = await page.content();
      if (role === "leader" || role === "exec") {
        for (const name of reporterNames) expect(html, `${role} ${path} shows ${name}`).not.toContain(name);
      }
      // Data requests are checked the same way as pages.
      const data = await page.request.get(`${path}.data`);
      expect([expected, 204, 302, 303].includes(data.status()) || data.status() === expected, `${role} ${path}.data`).toBe(true);
      if (role === "leader" || role === "exec") {
        const body = await data.text();
        for (const name of reporterNames) expect(body, `${role} ${path}.data shows ${name}`).not.toContain(name);
      }
    }
  });
}

test("sign-in refuses a wrong password and says so next to the form", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("leader@upstream.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("do not match");
  await expect(page.getByLabel("Email")).toHaveValue("leader@upstream.test");
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "leader");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
