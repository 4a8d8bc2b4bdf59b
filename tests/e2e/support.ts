import AxeBuilder from "@axe-core/playwright";
import { expect, request, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { decode } from "turbo-stream";

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

/**
 * Holds the page's entry module back until `release()` is called: what a person does before
 * then happens on a page that has painted but not hydrated (a slow phone, a busy machine).
 */
export async function holdHydration(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/entry\.client-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  return release;
}

/** Intake asks for role and segment explicitly (issue 14: no "Other" saved by mistake). */
export async function chooseRoleAndSegment(page: Page, role = "AE", segment = "SMB") {
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: role });
  await page.getByRole("combobox", { name: "Segment", exact: true }).selectOption({ label: segment });
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

/** A demo role, or any account by its email and password. */
export type Credentials = DemoRole | { email: string; password: string };

/**
 * An API request context signed in through the real sign-in form, on the test server (or on
 * `base`, for a spec that starts a server of its own).
 */
export async function session(who: Credentials, base = baseURL()): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: base });
  const { email, password } = typeof who === "string" ? { email: DEMO[who], password: "upstream-demo" } : who;
  const res = await ctx.post("/login", { form: { email, password, redirectTo: "/" }, maxRedirects: 0 });
  if (res.status() !== 302) throw new Error(`sign-in as ${email}: ${res.status()}`);
  return ctx;
}

/** A single-fetch body, decoded; custom types (ErrorResponse, SingleFetchRedirect) kept by name. */
export async function decodeData(res: APIResponse): Promise<unknown> {
  const bytes = new Uint8Array(await res.body());
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const decoded = await decode(stream, { plugins: [(type: string, ...values: unknown[]) => ({ value: { __type: type, values } })] });
  await decoded.done;
  return decoded.value;
}

/** `/cases/1?x=y` → `/cases/1.data?x=y`; the index route's data is `/_root.data`. */
export function dataUrl(url: string) {
  const [path, query] = url.split("?");
  return `${path === "/" ? "/_root" : path}.data${query ? `?${query}` : ""}`;
}

/** Logs a case as the signed-in comp-team member (behaviour and complaint only) and returns its id. */
export async function logCase(page: Page, complaint: string, behaviour = "Discounting") {
  await page.goto("/cases/new");
  await page.getByLabel("Behaviour or outcome").selectOption({ label: behaviour });
  await page.getByLabel("The complaint, in the reporter's own words").fill(complaint);
  await chooseRoleAndSegment(page);
  await page.getByRole("button", { name: "Open case file" }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  return page.url().split("/").pop()!;
}
