import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: "admin@upstream.test",
  analyst: "analyst@upstream.test",
  leader: "leader@upstream.test",
  exec: "exec@upstream.test",
} as const;
export type DemoRole = keyof typeof DEMO;

export async function signIn(page: Page, role: DemoRole) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO[role]);
  await page.getByLabel("Password").fill("upstream-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** No serious or critical axe-core violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  // Let button transitions (loading overlays fading out) settle so axe sees the resting page.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`),
  ).toEqual([]);
}
