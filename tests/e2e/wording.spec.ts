import { expect, test } from "@playwright/test";
import { expectAccessible, logCase, signIn } from "./support";

// Issue 14 (wording): what the comp team, a leader and an executive read on the pages changed.

test("Five Whys: the next question reads as English, the plan-mechanics box follows the root cause, and confirm waits for what is missing", async ({ page }) => {
  await signIn(page, "analyst");
  const id = await logCase(page, "I hold deals back because the accelerator resets every quarter. E2E-wording-whys", "Sandbagging");
  await page.goto(`/cases/${id}/whys`);
  const form = page.locator("form#add-step");
  await form.getByLabel("Answer").fill("Because the plan pays the accelerator on bookings in the quarter they close.");
  await form.getByLabel("Function that owns this step").selectOption({ label: "Finance" });
  await form.getByRole("button", { name: "Add this why" }).click();
  await expect(page.getByLabel("Why?")).toHaveValue("Why is it that the plan pays the accelerator on bookings in the quarter they close?");
  // The step-2 hint names the constraints once.
  await expect(page.getByText(/check for a constraint upstream of the plan/)).toHaveCount(1);
  expect((await page.locator("body").innerText()).match(/segmentation, product readiness/g)).toHaveLength(1);

  // Nothing confirmed yet: the list of what is missing is on screen and the button is disabled.
  await expect(page.getByText("Before this case can be marked diagnosed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm diagnosis" })).toBeDisabled();

  const justification = page.getByLabel("Why the plan itself");
  await expect(justification).toHaveCount(0);
  await page.getByLabel("Root cause", { exact: true }).selectOption({ label: "Territory imbalance" });
  await expect(justification).toHaveCount(0);
  await page.getByLabel("Root cause", { exact: true }).selectOption({ label: "Plan mechanics" });
  await expect(justification).toBeVisible();
  await expectAccessible(page);
});

test("variability states its periods, people against rep-periods, and what CV means; executives keep the five-rep rule", async ({ browser }) => {
  for (const role of ["analyst", "exec"] as const) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, role);
    await page.goto("/variability");
    await expect(page.getByTestId("figures-cover")).toContainText(/Figures cover (\d{4}-(Q\d|\d{2})|FY\d{4})/);
    await expect(page.getByTestId("figures-cover")).toContainText("“Reps” counts people");
    await expect(page.getByRole("columnheader", { name: "Reps (people)" })).toHaveCount(2);
    await expect(page.getByRole("columnheader", { name: "Rep-periods", exact: true })).toBeVisible();
    await expect(page.getByTestId("cv-explained")).toContainText("standard deviation divided by the mean");
    if (role === "exec") await expect(page.getByText(/Groups of fewer than five reps are not shown/)).toBeVisible();
    await expectAccessible(page);
    await page.context().close();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a leader sees the chain before the question and a confirmation after sending", async ({ page, browser }) => {
    const analyst = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    await signIn(analyst, "analyst");
    const id = await logCase(analyst, "Nobody tells us how the accelerator works. E2E-wording-leader", "Sandbagging");
    await analyst.goto(`/cases/${id}/whys`);
    let form = analyst.locator("form#add-step");
    await form.getByLabel("Answer").fill("Reps hold deals until the accelerator resets.");
    await form.getByLabel("Function that owns this step").selectOption({ label: "Sales" });
    await form.getByRole("button", { name: "Add this why" }).click();
    await expect(analyst.getByText("Reps hold deals until the accelerator resets.", { exact: true })).toBeVisible();
    form = analyst.locator("form#add-step");
    await form.getByLabel("Function that owns this step").selectOption({ label: "Sales" });
    await form.getByLabel("Or put this question to a sales leader").selectOption({ label: "Jordan Whitlock" });
    await form.getByRole("button", { name: "Add this why" }).click();
    await expect(analyst.getByText("Waiting for Jordan Whitlock (sales leader) to answer.")).toBeVisible();

    await signIn(page, "leader");
    await page.goto("/questions");
    const card = page.locator(".mantine-Paper-root").filter({ hasText: `Case #${id} ·` });
    await expect(card.getByText("The chain so far")).toBeVisible();
    await expect(card.getByText("— Reps hold deals until the accelerator resets.")).toBeVisible();
    await card.getByLabel("Your answer").fill("The accelerator was copied from the enterprise plan.");
    await card.getByRole("button", { name: "Send answer" }).click();
    await expect(page.getByTestId("answer-sent")).toContainText(`Answer sent to Sam Okafor. It is why 2 of case #${id}’s Five Whys`);

    // The case page shows the leader the chain itself.
    await page.goto(`/cases/${id}`);
    await expect(page.getByTestId("chain-summary")).toContainText("The accelerator was copied from the enterprise plan.");
    await expect(page.getByRole("link", { name: /^Five Whys \(/ })).toHaveCount(0);
    await analyst.context().close();
  });
});
