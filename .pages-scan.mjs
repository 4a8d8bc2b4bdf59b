import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
const base = "http://127.0.0.1:39417";
const only = process.argv[2];
const COMP = ["/cases", "/cases/new", "/cases/1", "/cases/1/edit", "/cases/1/whys", "/cases/1/triage", "/patterns", "/patterns/1", "/briefs", "/briefs/1", "/actions", "/actions/1", "/actions/new?patternId=1", "/plan-changes", "/variability", "/import", "/inbox", "/logout"];
const PAGES = {
  admin: [...COMP, "/admin/users", "/admin/access", "/admin/sso", "/admin/sla", "/admin/integrations"],
  leader: ["/questions", "/cases", "/cases/1", "/cases/1/whys", "/patterns", "/patterns/1", "/briefs", "/briefs/1", "/actions", "/actions/1", "/plan-changes", "/variability", "/inbox", "/logout", "/cases/new"],
  exec: ["/", "/patterns", "/patterns/1", "/briefs", "/briefs/1", "/actions", "/actions/1", "/plan-changes", "/variability", "/inbox", "/logout", "/cases"],
};
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
for (const [role, pages] of Object.entries(PAGES)) {
  if (only && role !== only) continue;
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(`${role === "leader" ? "leader" : role}@upstream.test`);
  await page.getByLabel("Password").fill("upstream-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  for (const p of pages) {
    await page.goto(base + p);
    const over = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const c = Array.from(document.querySelectorAll("body *")).filter((el) => el.getBoundingClientRect().right > width + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1)).slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${(el.textContent ?? "").slice(0, 40)}"`);
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, c };
    });
    const r = await new AxeBuilder({ page }).disableRules(["color-contrast"]).analyze();
    const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).slice(0, 2).join(" | ")}`);
    if (over.overflow > 0 || bad.length) console.log(role, p, over.overflow > 0 ? JSON.stringify(over) : "", bad);
  }
  await ctx.close();
}
await browser.close();
