import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, session, signIn } from "./support";

// Issue 15 end to end: a brief's recommendation becomes an action owned by a sales leader; the
// leader marks it done; 90 days later (the server's clock moved) and with new cases imported,
// the check shows the before/after figures and the owner records a verdict; the executive home
// shows the brief, the action and the result; the brief's next version says what was done and
// whether it worked; the pattern's life follows; a plan change is logged and exported.

const HEADER = "External ID,Complaint,Behaviour of concern,Segment,Reporter function,Suspected cause,Date raised";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function importCases(page: Page, rows: string[]) {
  await page.goto("/import");
  await page.getByLabel("File").first().setInputFiles({ name: "cases.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n")) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(`${rows.length} rows: ${rows.length} ready, no problems.`)).toBeVisible();
  await page.getByRole("button", { name: "Import cases" }).click();
  await expect(page.getByText(`${rows.length} created, 0 updated`)).toBeVisible({ timeout: 20_000 });
}

const lifeOf = async (page: Page, patternUrl: string) => {
  await page.goto(patternUrl);
  return page.getByText(/^Life: /).textContent();
};

test("a brief's recommendation becomes an owned action, is done, checked after 90 days, and reaches the executive", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = `e2e-act-${Date.now()}`;
  const analyst = await (await browser.newContext()).newPage();
  await signIn(analyst, "analyst");

  // A pattern of our own: seven role-definition complaints from three functions in the last two months.
  const functions = ["Sales", "Marketing", "Customer Success"];
  await importCases(
    analyst,
    Array.from({ length: 7 }, (_, i) => `${tag}-b${i},"My role changed twice and the plan still pays me as an SDR (${tag})",Attrition or morale,Mid-Market,${functions[i % 3]},Role definition,${day(-10 - i * 7)}`),
  );
  await analyst.goto(`/cases?q=${tag}`);
  const ids = [...new Set((await analyst.content()).match(/\/cases\/(\d+)/g)!.map((m) => m.split("/")[2]))];
  expect(ids).toHaveLength(7);
  const made = await analyst.request.post("/patterns?index", { form: { name: `Roles redefined, plan not (${tag})`, source: "manual" }, maxRedirects: 0 });
  expect(made.status()).toBe(302);
  const patternUrl = new URL(made.headers()["location"] ?? "", "http://x").pathname;
  expect(patternUrl).toMatch(/^\/patterns\/\d+$/);
  const patternId = patternUrl.split("/")[2];
  const added = await analyst.request.post(patternUrl, { form: { intent: "add-cases", caseRefs: ids.join(", ") }, maxRedirects: 0 });
  expect(added.status()).toBe(302);
  expect(await lifeOf(analyst, patternUrl)).toBe("Life: Open");

  // The brief, published.
  await analyst.getByRole("button", { name: "Write a leadership brief" }).click();
  await expect(analyst).toHaveURL(/\/briefs\/\d+$/);
  const briefUrl = new URL(analyst.url()).pathname;
  await analyst.getByRole("button", { name: "Publish version 1" }).click();
  await expect(analyst).toHaveURL(/version=1$/);
  expect(await lifeOf(analyst, patternUrl)).toBe("Life: Briefed");

  // The recommendation becomes an action owned by the sales leader.
  await analyst.goto(briefUrl);
  await analyst.getByRole("link", { name: "Turn into an action" }).click();
  await expect(analyst).toHaveURL(/\/actions\/new\?briefId=\d+$/);
  await expect(analyst.getByLabel("What will change")).not.toHaveValue("");
  await expect(analyst.getByLabel("Pattern")).toHaveValue(patternId);
  const title = `Write each role's plan before the role changes (${tag})`;
  await analyst.getByLabel("What will change").fill(title);
  await analyst.getByLabel("Owning function").selectOption({ label: "Sales" });
  await analyst.getByLabel("Owner").selectOption({ label: "Jordan Whitlock (Sales leader)" });
  await analyst.getByLabel("Due").fill(day(30));
  await analyst.getByRole("button", { name: "Propose action" }).click();
  await expect(analyst).toHaveURL(/\/actions\/\d+$/);
  const actionUrl = new URL(analyst.url()).pathname;
  await expect(analyst.getByRole("heading", { name: title })).toBeVisible();
  await analyst.getByRole("button", { name: "Mark approved" }).click();
  await expect(analyst.locator(".mantine-Badge-label", { hasText: "Approved" }).first()).toBeVisible();
  await expectAccessible(analyst);
  expect(await lifeOf(analyst, patternUrl)).toBe("Life: Fixing");

  // The leader finds it among theirs and marks it done.
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "leader");
  await leader.goto("/actions?view=mine");
  await leader.getByRole("link", { name: new RegExp(`^#\\d+ Write each role.*${tag}`) }).click();
  await expect(leader).toHaveURL(new RegExp(`${actionUrl}$`));
  await expect(leader.getByRole("button", { name: "Reject" })).toHaveCount(0); // the comp team's call, not the owner's
  await leader.getByRole("button", { name: "Mark done" }).click();
  await expect(leader.getByText(/the check falls due .* \(90 days later\)/)).toBeVisible();
  await expect(leader.getByText("Did it work? The figures")).toHaveCount(0);
  expect(await lifeOf(analyst, patternUrl)).toBe("Life: Monitoring");

  const admin = await session("admin");
  const moveClock = (days: number) => admin.post("/test/clock", { form: { days: String(days) } });
  expect((await moveClock(90)).status()).toBe(200);
  try {
    // Two more complaints after the fix.
    await importCases(analyst, [0, 1].map((i) => `${tag}-a${i},"Role changed again and the plan still pays me as an SDR (${tag})",Attrition or morale,Mid-Market,Sales,Role definition,${day(20 + i)}`));

    await leader.goto(actionUrl);
    await expect(leader.getByText("Check due", { exact: true })).toBeVisible();
    await expect(leader.getByText("Did it work? The figures")).toBeVisible();
    expect(Number(await leader.getByTestId("before-count").textContent())).toBeGreaterThanOrEqual(7);
    expect(Number(await leader.getByTestId("after-count").textContent())).toBeGreaterThanOrEqual(2);
    await expect(leader.getByTestId("noise-test")).toHaveText(/clear drop|No clear change|too few|clear rise/i);
    await expect(leader.getByText(/Recurring after the fix: /)).toBeVisible();
    await leader.getByLabel("Did it work?").selectOption({ label: "Not effective" });
    await leader.getByLabel("What you saw").fill("Still hearing it from new hires.");
    await leader.getByRole("button", { name: "Record verdict" }).click();
    await expect(leader.getByTestId("verdict")).toContainText("Not effective");
    await expectAccessible(leader);

    // The ineffective check reopened the pattern: its life says so.
    expect(await lifeOf(analyst, patternUrl)).toBe("Life: Recurring");
    await expect(analyst.locator(".mantine-Badge-label", { hasText: /^Open$/ })).toBeVisible();

    // The next version of the brief says what was done and whether it worked, frozen with it.
    await analyst.goto(briefUrl);
    await analyst.getByRole("button", { name: "Publish version 2" }).click();
    await expect(analyst).toHaveURL(/version=2$/);
    const followUp = analyst.getByTestId("follow-up");
    await expect(followUp.getByRole("heading", { name: "What we did and whether it worked" })).toBeVisible();
    await expect(followUp).toContainText(title);
    await expect(followUp).toContainText("Sales (Jordan Whitlock)");
    await expect(followUp).toContainText(/Check, \d+ days either side of the change: \d+ matching complaints? before/);
    await expect(followUp).toContainText("Owner's verdict: Not effective — Still hearing it from new hires.");
    // Version 1 was published before any of it: it has no such section.
    await analyst.goto(`${briefUrl}?version=1`);
    await expect(analyst.getByTestId("follow-up")).toHaveCount(0);
    const briefMd = await (await analyst.request.get(`${briefUrl}/markdown?version=2`)).text();
    expect(briefMd).toContain("## What we did and whether it worked");

    // The executive's home: the brief to read, the action and its result, and no owner's name.
    const exec = await (await browser.newContext()).newPage();
    await signIn(exec, "exec");
    await exec.goto("/");
    const briefs = exec.locator(".mantine-Paper-root", { has: exec.getByRole("heading", { name: "Briefs waiting for you" }) });
    await expect(briefs.getByRole("link", { name: `Roles redefined, plan not (${tag})` })).toBeVisible();
    const results = exec.locator(".mantine-Paper-root", { has: exec.getByRole("heading", { name: "What worked" }) });
    await expect(results.getByRole("link", { name: title })).toBeVisible();
    await expect(results).toContainText("Not effective");
    await expectAccessible(exec);
    // The brief's section as an executive reads it: the function and the outcome, no person or count.
    await exec.goto(`${briefUrl}?version=2`);
    const execFollowUp = exec.getByTestId("follow-up");
    await expect(execFollowUp).toContainText("Owner: Sales.");
    await expect(execFollowUp).toContainText("Owner's verdict: Not effective");
    await expect(execFollowUp).not.toContainText("Jordan Whitlock");
    await expect(execFollowUp).not.toContainText(/matching complaint|#\d/);
    await exec.goto(actionUrl);
    await expect(exec.getByText("Jordan Whitlock")).toHaveCount(0);
    await expect(exec.getByText("Did it work? The figures")).toHaveCount(0);

    // A plan change, logged with its reason and exported.
    await analyst.goto("/plan-changes");
    await analyst.getByLabel("What changed").selectOption({ label: "Role" });
    await analyst.getByLabel("Applies from").fill(day(1));
    await analyst.getByLabel("The change (or the exception granted)").fill(`SDR-to-AE moves get their AE plan on day one (${tag})`);
    await analyst.getByLabel("Why").fill("The role-definition pattern came back after the first fix.");
    await analyst.getByLabel("Approved by").fill("CRO");
    await analyst.getByLabel("Pattern").selectOption(patternId);
    await analyst.getByRole("button", { name: "Log it" }).click();
    await expect(analyst.getByText(`Role: SDR-to-AE moves get their AE plan on day one (${tag})`)).toBeVisible();
    await expectAccessible(analyst);
    const csv = await (await analyst.request.get("/plan-changes/export?format=csv")).text();
    expect(csv).toContain(`SDR-to-AE moves get their AE plan on day one (${tag})`);
    expect(csv).toContain(`#${patternId} Roles redefined, plan not (${tag})`);
    const md = await (await analyst.request.get("/plan-changes/export?format=md")).text();
    expect(md).toContain(`Role: SDR-to-AE moves get their AE plan on day one (${tag})`);
    expect(md).toMatch(/Make it a plan change\n\n- Split credit on partner deals — granted 3 times/);
  } finally {
    await moveClock(-90);
    await admin.dispose();
  }
});

test("bad input on an action keeps what was typed and says what to fix", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/actions/new?patternId=2");
  await page.getByLabel("What will change").fill("Something");
  await page.getByLabel("Due").fill("");
  await page.getByRole("button", { name: "Propose action" }).click();
  await expect(page.getByText("Choose the function that owns the change")).toBeVisible();
  await expect(page.getByText("Choose the person who owns it")).toBeVisible();
  await expect(page.getByLabel("What will change")).toHaveValue("Something");
  const res = await page.request.post("/actions/new", { form: { title: "x", ownerFunction: "sales", ownerId: "nobody", dueOn: "2027-02-30", patternId: "2" } });
  expect(res.status()).toBe(400);
});
