import AxeBuilder from "@axe-core/playwright";
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";

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

/** The test server's address (Playwright's baseURL). */
export function baseURL() {
  const url = test.info().project.use.baseURL;
  if (!url) throw new Error("no baseURL");
  return url;
}

/** An API request context signed in as a demo role (through the real sign-in form). */
export async function session(role: DemoRole): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: baseURL() });
  const res = await ctx.post("/login", { form: { email: DEMO[role], password: "upstream-demo", redirectTo: "/" }, maxRedirects: 0 });
  if (res.status() !== 302) throw new Error(`sign-in as ${role}: ${res.status()}`);
  return ctx;
}

/** `/cases/1?x=y` → `/cases/1.data?x=y`; the index route's data is `/_root.data`. */
export function dataUrl(url: string) {
  const [path, query] = url.split("?");
  return `${path === "/" ? "/_root" : path}.data${query ? `?${query}` : ""}`;
}
