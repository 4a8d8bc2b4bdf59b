import { expect, test, type Page } from "@playwright/test";
import { holdHydration, signIn, type DemoRole } from "./support";

// A page paints before its scripts start (decision 029), so a person can press a button while it
// hydrates. If hydrating moves things (a textarea growing to its autosized height, a list arriving
// above a form), the press is let go over something else and the click is lost — queue.spec lost
// "Suggest the fields" that way on a slow machine (decision 043).

test("a button pressed while the page starts up still works when it is let go", async ({ page }) => {
  await signIn(page, "analyst");
  const release = await holdHydration(page);
  await page.goto("/cases/new");
  await page.getByText("Paste a message (chat or email)").click();
  await page.getByLabel("The message").fill("From: Pat Quinn <pat@acme.test>\n\nSince the territory carve my enterprise pipeline is gone.");
  const button = page.getByRole("button", { name: "Suggest the fields" });
  const box = (await button.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  release();
  await hydrated(page);
  await page.mouse.up();
  await expect(page.getByText("The form below is filled in from the message")).toBeVisible();
  await expect(page.getByLabel("Behaviour or outcome")).toHaveValue("pipeline_generation");
});

async function hydrated(page: Page) {
  await page.waitForFunction(() => (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

type Box = { key: string; x: number; y: number; width: number; height: number };

/** Every control a person could press, keyed by what it is and says (the nth of that name). */
function controls(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => !el.closest("[aria-hidden=true]") && el.getClientRects().length > 0)
      .map((el) => {
        const name = `${el.tagName} ${el.getAttribute("aria-label") ?? el.getAttribute("name") ?? el.textContent?.trim().slice(0, 60) ?? ""}`;
        const nth = seen.get(name) ?? 0;
        seen.set(name, nth + 1);
        const r = el.getBoundingClientRect();
        return { key: `${name} #${nth}`, x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
      });
  });
}

const SCREENS = [
  { name: "desk", width: 1400, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

// The pages with forms, and each role's start: demo case 1, pattern 1, brief 1, action 1.
const PAGES: Record<DemoRole, string[]> = {
  analyst: ["/cases", "/cases/new", "/cases/1", "/cases/1/edit", "/cases/1/whys", "/cases/1/triage", "/patterns", "/patterns/1", "/briefs", "/briefs/1", "/actions", "/actions/1", "/actions/new?patternId=1", "/plan-changes", "/variability", "/import", "/inbox"],
  leader: ["/questions", "/cases/1", "/cases/1/whys"],
  exec: ["/", "/briefs/1", "/patterns/1"],
  admin: ["/admin/users", "/admin/sla"],
};
const GROUP = 6;
const RUNS = (Object.keys(PAGES) as DemoRole[]).flatMap((role) =>
  SCREENS.flatMap((screen) =>
    Array.from({ length: Math.ceil(PAGES[role].length / GROUP) }, (_, i) => ({ role, screen, urls: PAGES[role].slice(i * GROUP, (i + 1) * GROUP) })),
  ),
);

test.describe.configure({ mode: "parallel" });

for (const { role, screen, urls } of RUNS) {
  test(`${role} at ${screen.width}px: hydrating ${urls.join(" ")} moves no control`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: screen });
    const page = await context.newPage();
    await signIn(page, role);
    for (const url of urls) {
      const release = await holdHydration(page);
      await page.goto(url);
      // Folded sections open, as a person may have opened them before the scripts ran.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const before = await controls(page);
      release();
      await hydrated(page);
      const after = new Map((await controls(page)).map((b) => [b.key, b]));
      await page.unrouteAll();
      const moved = before.flatMap((b) => {
        const a = after.get(b.key);
        const shift = a ? Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.width - b.width), Math.abs(a.height - b.height)) : 0;
        return shift > 1 ? [`${b.key}: ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)} → ${Math.round(a!.x)},${Math.round(a!.y)} ${Math.round(a!.width)}×${Math.round(a!.height)}`] : [];
      });
      expect(before.length, `${url}: controls found`).toBeGreaterThan(3);
      expect.soft(moved, `${role} ${url} at ${screen.width}px: controls moved by hydration`).toEqual([]);
    }
    await context.close();
  });
}
