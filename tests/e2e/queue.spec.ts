import { expect, test, type Browser } from "@playwright/test";
import { chooseRoleAndSegment, expectAccessible, session, signIn, type DemoRole } from "./support";

// Issue 16, end to end: an analyst triages and assigns a case and puts a question to a sales
// leader; the leader sees it in the inbox and answers; the analyst is told; with the clock
// moved the case shows as breached and in the at-risk view, and its assignee is told once; a
// week on, the weekly digest is made by the sweep.

async function as(browser: Browser, role: DemoRole) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return { context, page };
}

test("triage, assignment, a question to a leader, the inbox, SLAs and the digest", async ({ browser }) => {
  test.setTimeout(180_000);
  const analyst = await as(browser, "analyst");
  const a = analyst.page;
  const marker = `E2E-queue-${Date.now()}`;

  // Intake by pasting a message: the text is kept as the complaint, the fields suggested.
  await a.goto("/cases/new");
  await a.getByText("Paste a message (chat or email)").click();
  const message = `From: Pat Quinn <pat@acme.test>\n\n${marker}: since the territory carve my enterprise pipeline is gone.`;
  await a.getByLabel("The message").fill(message);
  await a.getByRole("button", { name: "Suggest the fields" }).click();
  await expect(a.getByText("The form below is filled in from the message")).toBeVisible();
  await expect(a.getByLabel("The complaint, in the reporter's own words")).toHaveValue(message);
  await expect(a.getByLabel("Behaviour or outcome")).toHaveValue("pipeline_generation");
  await chooseRoleAndSegment(a, "AE", "Enterprise");
  await a.getByRole("button", { name: "Open case file" }).click();
  await expect(a).toHaveURL(/\/cases\/\d+$/);
  const caseId = Number(/\/cases\/(\d+)$/.exec(a.url())![1]);

  // Triage and assign (to herself).
  await a.getByRole("link", { name: "Triage and assign" }).click();
  await expectAccessible(a);
  await a.getByLabel("Assigned to").selectOption({ label: "Sam Okafor" }); // the demo analyst
  // The page reloads its data after the assignment (the case's version moves): wait for it.
  await Promise.all([
    a.waitForResponse((r) => r.url().includes(`/cases/${caseId}/triage.data`) && r.request().method() === "GET"),
    a.getByRole("button", { name: "Assign" }).click(),
  ]);
  await a.getByLabel("Triage class").selectOption({ label: "Plan-design signal" });
  await a.getByRole("button", { name: "Save triage" }).click();
  await expect(a).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(a.getByTestId("triage-class")).toHaveText("Plan-design signal");
  await expect(a.locator("[data-sla]")).toHaveAttribute("data-sla", "ok");

  // A question to the sales leader.
  await a.goto(`/cases/${caseId}/whys`);
  await a.getByLabel("Why?").first().fill(`Why did the pipeline go? ${marker}`);
  await a.getByLabel("Function that owns this step").first().selectOption({ label: "RevOps" });
  await a.getByLabel("Or put this question to a sales leader").first().selectOption({ label: "Jordan Whitlock" });
  await a.getByRole("button", { name: "Add this why" }).click();
  await expect(a.getByText(`Why did the pipeline go? ${marker}`)).toBeVisible();
  await expect(async () => {
    await a.goto(`/cases?view=waiting`);
    await expect(a.getByRole("link", { name: new RegExp(marker) })).toBeVisible({ timeout: 1000 });
  }).toPass();

  // The leader: the bell, the inbox, the answer.
  const leader = await as(browser, "leader");
  const l = leader.page;
  await l.goto("/inbox");
  await expectAccessible(l);
  const question = l.getByTestId("notification").filter({ hasText: `case #${caseId} is waiting for your answer` });
  await expect(question).toBeVisible();
  await expect(l.getByTestId("bell")).toHaveAccessibleName(/unread/);
  await question.getByRole("button", { name: /^Open/ }).click();
  await expect(l).toHaveURL(/\/questions/);
  // The nearest block around the question that holds an answer box.
  const card = l.getByText(`Why did the pipeline go? ${marker}`).locator("xpath=ancestor::*[.//textarea][1]");
  await card.getByLabel("Your answer").fill("The carve moved the named accounts to the new hires.");
  await card.getByRole("button", { name: "Send answer" }).click();
  await expect(l).toHaveURL(/answered=\d+/);

  // The analyst is told.
  await a.goto("/inbox");
  await expect(a.getByTestId("notification").filter({ hasText: `Jordan Whitlock answered your question on case #${caseId}` })).toBeVisible();

  // The leader chooses the weekly digest.
  await l.goto("/inbox");
  await l.getByLabel("Email me a weekly digest instead of an email per event").check();
  await l.getByRole("button", { name: "Save" }).click();
  await expect(l.getByText("Saved.")).toBeVisible();

  // Eight weeks later (more than the 20 business days of a plan-design diagnosis).
  const admin = await session("admin");
  try {
    expect((await admin.post("/test/clock", { form: { days: "56" } })).status()).toBe(200);
    await a.goto(`/cases/${caseId}`);
    await expect(a.locator("[data-sla]")).toHaveAttribute("data-sla", "breached");
    await a.goto("/cases?view=at_risk");
    await expect(a.getByRole("link", { name: new RegExp(marker) })).toBeVisible();
    await a.goto("/cases?view=breached");
    await expect(a.getByRole("link", { name: new RegExp(marker) })).toBeVisible();
    await expectAccessible(a);
    // The sweep those page loads started (in the background) told the assignee of the breach, once.
    await a.goto("/inbox");
    const breach = a.getByTestId("notification").filter({ hasText: new RegExp(`Case #${caseId} \\(.*\\) is past its diagnosis SLA`) });
    await expect(async () => {
      await a.reload();
      await expect(breach).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await a.reload();
    await expect(breach).toHaveCount(1);
  } finally {
    expect((await admin.post("/test/clock", { form: { days: "-56" } })).status()).toBe(200);
  }

  // The digest: the next week, the sweep that runs as people use the app makes it (no email on
  // this server, so it waits in the leader's inbox), once.
  try {
    expect((await admin.post("/test/clock", { form: { days: "7" } })).status()).toBe(200);
    // The first page load starts the sweep (in the background); the digest is there soon after.
    await l.goto("/inbox");
    const digest = l.getByTestId("notification").filter({ hasText: /Your weekly digest: \d+ updates? from last week/ });
    await expect(async () => {
      await l.reload();
      await expect(digest).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await l.reload();
    await expect(digest).toHaveCount(1);
  } finally {
    expect((await admin.post("/test/clock", { form: { days: "-7" } })).status()).toBe(200);
  }
  const adminPage = await as(browser, "admin");
  await adminPage.page.goto("/inbox");
  await adminPage.page.getByRole("button", { name: "Send the digest now" }).click();
  await expect(adminPage.page.getByText(/Digest generated for \d+ (person|people)/)).toBeVisible();

  await admin.dispose();
  for (const c of [analyst.context, leader.context, adminPage.context]) await c.close();
});

test("bulk assign from the list works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "analyst");
  await page.goto("/cases?view=unassigned");
  const first = page.locator('input[name="caseIds"]').first();
  const id = await first.getAttribute("value");
  await first.check();
  const owner = await page.getByLabel("Assign ticked cases to").locator("option").nth(1).textContent();
  await page.getByLabel("Assign ticked cases to").selectOption({ label: owner! });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByText("1 case assigned.")).toBeVisible();
  await page.goto(`/cases/${id}`);
  await expect(page.getByText(owner!).first()).toBeVisible();
  await context.close();
});
