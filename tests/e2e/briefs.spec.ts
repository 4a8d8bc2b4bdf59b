import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

test("an analyst writes, edits and publishes a brief; an executive reads and acknowledges it", async ({ browser }) => {
  const analyst = await (await browser.newContext()).newPage();
  await signIn(analyst, "analyst");
  await analyst.goto("/patterns");
  await analyst.getByRole("link", { name: "Quotas raised while territories shrank" }).click();
  await analyst.getByRole("button", { name: "Write a leadership brief" }).click();
  await expect(analyst).toHaveURL(/\/briefs\/\d+$/);
  const briefUrl = analyst.url();
  await expect(analyst.locator(".mantine-Badge-label", { hasText: "Draft" })).toBeVisible();
  await expect(analyst.getByRole("heading", { name: "Cause and effect" })).toBeVisible();
  await expect(analyst.locator("svg[role=img]").first()).toBeVisible();

  const summary = "Quotas went up where territories shrank: more pay will not create the missing accounts. (E2E)";
  await analyst.getByLabel("Summary (one sentence)").fill(summary);
  await analyst.getByRole("button", { name: "Save draft" }).click();
  await expect(analyst.getByText(summary).first()).toBeVisible();
  await analyst.getByRole("button", { name: "Publish version 1" }).click();
  await expect(analyst).toHaveURL(/version=1$/);
  await expectAccessible(analyst);

  const exec = await (await browser.newContext()).newPage();
  await signIn(exec, "exec");
  await exec.goto("/briefs");
  await exec.getByRole("link", { name: "Quotas raised while territories shrank" }).click();
  await expect(exec.getByText(summary)).toBeVisible();
  await expect(exec.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await exec.getByRole("button", { name: "I have read this brief" }).click();
  await expect(exec.getByText("You acknowledged version 1.")).toBeVisible();
  await expectAccessible(exec);

  // On paper: no navigation, no forms; the chain and the sections remain.
  await exec.emulateMedia({ media: "print" });
  await expect(exec.locator("header")).toBeHidden();
  await expect(exec.getByRole("button", { name: /read this brief/ })).toHaveCount(0);
  await expect(exec.locator("svg[role=img]").first()).toBeVisible();
  await expect(exec.getByRole("heading", { name: "What a pay change would and would not fix" })).toBeVisible();
  await exec.screenshot({ path: test.info().outputPath("brief-print.png"), fullPage: true });

  const markdown = await exec.request.get(`${briefUrl}/markdown`);
  expect(markdown.headers()["content-type"]).toContain("text/markdown");
  expect(await markdown.text()).toContain("Quotas went up where territories shrank");

  await analyst.goto(briefUrl);
  await expect(analyst.getByText(/Casey Lindqvist \(Executive\) · version 1/)).toBeVisible();
});
