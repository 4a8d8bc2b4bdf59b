import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

// Issue 13: the comp team's hand on themes. Edits are replayed on every recomputation, so they
// must still show after one (a re-file is a write: it triggers a recomputation).

/** /patterns once the themes are up to date (recomputed off the request after writes). */
async function freshThemes(page: Page) {
  await expect(async () => {
    await page.goto("/patterns");
    await expect(page.getByTestId("themes-updating")).toHaveCount(0, { timeout: 500 });
    await expect(page.getByTestId("theme").first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
}

// Every member's id, from the card (its links show the first twelve).
const caseIdsOf = async (card: ReturnType<Page["getByTestId"]>) => ((await card.getAttribute("data-case-ids")) ?? "").split(" ").filter(Boolean).map(Number);

/** Opens a theme's edit forms (a link: only the theme being edited carries them), unless they already are. */
async function openEdits(card: ReturnType<Page["getByTestId"]>) {
  if (await card.locator("details[open]").count()) return;
  await card.getByRole("link", { name: "Edit this theme" }).click();
  await expect(card.getByRole("button", { name: "Save as a pattern" })).toBeVisible();
}

// Both tests edit the same stored themes: one after the other, so neither sees the other's edit half-done.
test.describe.configure({ mode: "serial" });

test("an analyst merges two themes, moves a case out, re-files a case the cause check flags, saves a theme; the edits survive a recomputation", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "analyst");
  await freshThemes(page);
  await expectAccessible(page);

  const themes = page.getByTestId("theme");
  const a = themes.nth(0);
  const aId = (await a.getAttribute("data-theme-id"))!;
  const b = themes.nth(1);
  const aCases = await caseIdsOf(a);
  const bName = (await b.getByTestId("theme-name").textContent())!;
  const bCases = await caseIdsOf(b);
  const byId = (id: string) => page.locator(`[data-testid="theme"][data-theme-id="${id}"]`);

  // Merge the second theme into the first.
  await openEdits(a);
  await a.getByLabel("Merge in another theme").selectOption({ label: bName });
  await a.getByRole("button", { name: "Merge", exact: true }).click();
  const all = [...aCases, ...bCases].sort((x, y) => x - y);
  await expect.poll(async () => (await caseIdsOf(byId(aId))).sort((x, y) => x - y)).toEqual(all);
  await expect(page.getByTestId("theme-name").filter({ hasText: new RegExp(`^${bName}$`) })).toHaveCount(0);

  // Move one of the merged-in cases out of every theme.
  // One of the merged-in cases among the twelve the card lists with a button.
  await openEdits(byId(aId));
  const listed = (await byId(aId).getByRole("button", { name: /^Move case #\d+ out of this theme$/ }).evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""))).map((label) => Number(/#(\d+)/.exec(label)?.[1]));
  // A merged-in case when the card lists one; otherwise any member (the big theme may list only its own).
  const movedOut = listed.find((id) => bCases.includes(id)) ?? listed[0];
  expect(movedOut, "the merged theme lists cases to move out").toBeDefined();
  await byId(aId).getByRole("button", { name: `Move case #${movedOut} out of this theme` }).click();
  await expect.poll(async () => caseIdsOf(byId(aId))).not.toContain(movedOut);

  // Re-file a case the cause check flags; the case's history keeps it.
  // Not a product-readiness case: patterns.spec saves that cause's suggested group meanwhile.
  const check = page.getByTestId("cause-check").filter({ hasNotText: /product readiness/i }).first();
  const refile = check.getByRole("button", { name: /^Re-file #\d+ as / }).first();
  const [, caseId, cause] = /^Re-file #(\d+) as (.+)$/.exec((await refile.textContent())!)!;
  await refile.click();
  await expect(page.getByRole("button", { name: `Re-file #${caseId} as ${cause}` })).toHaveCount(0);
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId("case-cause-check")).toHaveCount(0);
  await expect(page.getByText(new RegExp(cause, "i")).first()).toBeVisible();

  // The re-file was a write: after the recomputation the merge and the move still hold.
  await freshThemes(page);
  const after = await caseIdsOf(byId(aId));
  expect(after).not.toContain(movedOut);
  // The re-filed case may move with its new cause; every other merged-in case is still here.
  expect(after).toEqual(expect.arrayContaining(bCases.filter((id) => id !== movedOut && String(id) !== caseId)));
  await expect(page.getByTestId("theme-name").filter({ hasText: new RegExp(`^${bName}$`) })).toHaveCount(0);

  // Save the merged theme as a pattern in one step.
  const name = (await byId(aId).getByTestId("theme-name").textContent())!;
  await openEdits(byId(aId));
  await byId(aId).getByRole("button", { name: "Save as a pattern" }).click();
  await expect(page).toHaveURL(/\/patterns\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("an analyst splits a theme and moves a case into the new one; both hold after a recomputation", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "analyst");
  await freshThemes(page);
  const themes = page.getByTestId("theme");
  const byId = (id: string) => page.locator(`[data-testid="theme"][data-theme-id="${id}"]`);

  // The last theme with at least four cases (away from the ones the merge test edits).
  let source = "";
  let sourceCases: number[] = [];
  for (let i = (await themes.count()) - 1; i >= 0 && !source; i--) {
    const ids = await caseIdsOf(themes.nth(i));
    if (ids.length >= 4) [source, sourceCases] = [(await themes.nth(i).getAttribute("data-theme-id"))!, ids];
  }
  expect(source, "a theme with four cases to split").not.toBe("");
  const [first, second, third] = sourceCases;

  // Split two cases off into a new, named theme.
  const name = `Split off ${Date.now()}`;
  await openEdits(byId(source));
  const splitForm = byId(source).locator("form", { hasText: "Split off into a new theme" });
  await splitForm.getByLabel(`#${first}`, { exact: true }).check();
  await splitForm.getByLabel(`#${second}`, { exact: true }).check();
  await splitForm.getByLabel("New theme's name").fill(name);
  await splitForm.getByRole("button", { name: "Split", exact: true }).click();
  const split = page.getByTestId("theme").filter({ has: page.getByTestId("theme-name").filter({ hasText: new RegExp(`^${name}$`) }) });
  await expect.poll(async () => (await caseIdsOf(split)).sort((x, y) => x - y)).toEqual([first, second].sort((x, y) => x - y));
  await expect.poll(async () => caseIdsOf(byId(source))).not.toContain(first);

  // Move a third case from the source theme into the new one, by its number.
  await openEdits(split);
  await split.getByLabel("Move a case into this theme (case number)").fill(String(third));
  await split.getByRole("button", { name: "Move in", exact: true }).click();
  await expect.poll(async () => (await caseIdsOf(split)).sort((x, y) => x - y)).toEqual([first, second, third].sort((x, y) => x - y));
  expect(await caseIdsOf(byId(source))).not.toContain(third);

  // A note is a write: the themes are recomputed, and the split and the move are replayed.
  await page.goto(`/cases/${first}`);
  await page.getByLabel("Add context, evidence or a counterpoint").fill("Seen again at the QBR.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Seen again at the QBR.").first()).toBeVisible();
  await freshThemes(page);
  expect((await caseIdsOf(split)).sort((x, y) => x - y)).toEqual([first, second, third].sort((x, y) => x - y));
  const left = await caseIdsOf(byId(source));
  expect(left).not.toContain(first);
  expect(left).not.toContain(third);
});

test("an executive sees themes without cases, terms or typical complaints", async ({ page }) => {
  await signIn(page, "exec");
  await expect(async () => {
    await page.goto("/patterns");
    await expect(page.getByTestId("theme").first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("theme-typical")).toHaveCount(0);
  await expect(page.getByText("Distinctive terms:")).toHaveCount(0);
  await expect(page.getByText("Edit this theme")).toHaveCount(0);
});
