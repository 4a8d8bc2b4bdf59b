import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, logCase, signIn } from "./support";

async function addWhy(page: Page, answer: string, owner: string) {
  const form = page.locator("form#add-step");
  await form.getByLabel("Answer").fill(answer);
  await form.getByLabel("Function that owns this step").selectOption({ label: owner });
  await form.getByRole("button", { name: "Add this why" }).click();
  await expect(page.getByText(answer, { exact: true })).toBeVisible();
}

test("an analyst walks a five-step chain to a confirmed root cause", async ({ page }) => {
  await signIn(page, "analyst");
  const id = await logCase(page, "Reps give 25% away in the last week of every quarter. E2E-whys");
  await page.getByRole("link", { name: "Start the Five Whys" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}/whys$`));
  await expect(page.getByLabel("Why?")).toHaveValue("Why is discounting happening?");

  await addWhy(page, "Deals slip to quarter end and reps buy them in with price.", "Sales");
  await expect(page.getByText("Diagnosing", { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel("Why?")).toHaveValue("Why is it that deals slip to quarter end and reps buy them in with price?");
  await addWhy(page, "Pipeline is thin, so every late deal must close.", "Sales");
  await addWhy(page, "Half the territories hold too few accounts to build pipeline.", "RevOps");
  await addWhy(page, "Territories were cut by headcount, not account potential.", "RevOps");
  await addWhy(page, "Planning had no potential data and two weeks to carve.", "Finance");

  await page.getByLabel("Root cause", { exact: true }).selectOption({ label: "Territory imbalance" });
  await page.getByLabel("The root cause in one sentence").fill("Territories were carved by headcount on stale data");
  await page.getByLabel("The upstream fix").fill("Re-carve on account potential with a six-week planning window");
  await page.getByLabel("Function that owns the fix").selectOption({ label: "RevOps" });
  await page.getByLabel("Would a change to pay rates fix it?").selectOption({ label: "No" });
  await page.getByLabel("Why (or why not)?").fill("More pay per deal does not create accounts that are not there.");
  await page.getByRole("button", { name: "Save conclusion" }).click();

  const readBack = page.getByTestId("read-back");
  await expect(readBack).toHaveText(
    "Territories were carved by headcount on stale data, therefore planning had no potential data and two weeks to carve, therefore territories were cut by headcount, not account potential, therefore half the territories hold too few accounts to build pipeline, therefore pipeline is thin, so every late deal must close, therefore deals slip to quarter end and reps buy them in with price, therefore discounting.",
  );
  await expect(page.getByText(/A pay-rate change would not fix this/)).toBeVisible();

  await page.getByRole("button", { name: "Confirm diagnosis" }).click();
  await expect(page.getByText("Read the chain back and tick to confirm it holds")).toBeVisible();
  await page.getByLabel("I read the chain back and it holds").check();
  await page.getByRole("button", { name: "Confirm diagnosis" }).click();
  await expect(page.getByText(/Diagnosis confirmed on/)).toBeVisible();
  await expect(page.getByText("Diagnosed", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/cases/${id}`);
  await expect(page.getByText("confirmed the Five Whys read-back")).toBeVisible();
  await expect(page.getByText("changed status: Diagnosing → Diagnosed")).toBeVisible();
});

test("a sales leader answers a step put to them and adds a counterpoint", async ({ browser }) => {
  const analyst = await (await browser.newContext()).newPage();
  await signIn(analyst, "analyst");
  const id = await logCase(analyst, "My accelerator kicks in at 110% and nobody on my team gets there. E2E-leader");
  await analyst.goto(`/cases/${id}/whys`);
  const form = analyst.locator("form#add-step");
  await form.getByLabel("Function that owns this step").selectOption({ label: "Sales" });
  await form.getByLabel("Or put this question to a sales leader").selectOption({ label: "Jordan Whitlock" });
  await form.getByRole("button", { name: "Add this why" }).click();
  await expect(analyst.getByText("Waiting for Jordan Whitlock (sales leader) to answer.")).toBeVisible();

  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "leader");
  await expect(leader).toHaveURL(/\/questions$/);
  const card = leader.locator(".mantine-Paper-root").filter({ hasText: "E2E-leader" }).or(
    leader.locator(".mantine-Paper-root").filter({ hasText: `Case #${id} ` }),
  );
  await expect(card.first()).toBeVisible();
  const question = leader.locator(".mantine-Paper-root").filter({ hasText: `Case #${id} ·` });
  await question.getByLabel("Your answer").fill("Quotas went up 30% in territories that lost their best accounts.");
  await question.getByRole("button", { name: "Send answer" }).click();
  await expect(leader.locator(".mantine-Paper-root").filter({ hasText: `Case #${id} ·` })).toHaveCount(0);
  await expect(leader.getByTestId("answer-sent")).toContainText(`Answer sent to Sam Okafor. It is why 1 of case #${id}’s Five Whys`);

  await leader.goto(`/cases/${id}/whys`);
  await expect(leader.getByText("Quotas went up 30% in territories that lost their best accounts.")).toBeVisible();
  await expect(leader.getByText("Answered by Jordan Whitlock, sales leader")).toBeVisible();
  await expect(leader.getByRole("button", { name: "Add this why" })).toHaveCount(0);

  await leader.goto(`/cases/${id}`);
  // The chain is on the case page itself, not behind a button.
  await expect(leader.getByTestId("chain-summary")).toContainText("Quotas went up 30% in territories that lost their best accounts.");
  await leader.getByLabel("Kind of note").last().selectOption({ label: "Counterpoint" });
  await leader.getByLabel("Add context, evidence or a counterpoint").fill("Two of the reps also skipped pricing enablement twice.");
  await leader.getByRole("button", { name: "Add note" }).click();
  await expect(leader.locator("#notes").getByText("Two of the reps also skipped pricing enablement twice.")).toBeVisible();
  await expect(leader.locator("#notes .mantine-Badge-label", { hasText: "Counterpoint" })).toBeVisible();
  await expect(leader.getByRole("button", { name: "Link" })).toHaveCount(0);
  await expectAccessible(leader);

  await analyst.goto(`/cases/${id}`);
  await expect(analyst.getByText(/Jordan Whitlock added a note — counterpoint/)).toBeVisible();
  await expect(analyst.getByText(/Jordan Whitlock changed status: Triaged → Diagnosing/)).toBeVisible();
});

test("an executive is refused the Five Whys", async ({ page }) => {
  await signIn(page, "exec");
  const response = await page.goto("/cases/1/whys");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Mid-market")).toHaveCount(0);
  const data = await page.request.get("/cases/1/whys.data");
  expect(data.status()).toBe(403);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a step is added and a bad link is refused next to its field", async ({ page }) => {
    await signIn(page, "analyst");
    const id = await logCase(page, "No-JS whys case E2E-nojs-whys");
    await page.goto(`/cases/${id}/whys`);
    const form = page.locator("form#add-step");
    await form.getByLabel("Answer").fill("Because the SPIF pays on bookings.");
    await form.getByLabel("Evidence link").fill("javascript:alert(1)");
    await form.getByLabel("Function that owns this step").selectOption({ label: "Finance" });
    await form.getByRole("button", { name: "Add this why" }).click();
    await expect(page.getByText("Use a web link starting with http:// or https://")).toBeVisible();
    await expect(page.locator("form#add-step").getByLabel("Answer")).toHaveValue("Because the SPIF pays on bookings.");
    await page.locator("form#add-step").getByLabel("Evidence link").fill("https://wiki.example.test/spif");
    await page.locator("form#add-step").getByRole("button", { name: "Add this why" }).click();
    await expect(page.getByText("Because the SPIF pays on bookings.", { exact: true })).toBeVisible();
  });
});
