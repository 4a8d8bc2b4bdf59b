import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { signIn } from "./support";

const HEADER = "External ID,Complaint,Behaviour of concern,Segment,Reporter function,Severity";

async function uploadCases(page: Page, name: string, text: string) {
  await page.goto("/import");
  await page.getByLabel("File").first().setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Check the file" }).click();
}

test("an analyst imports a CSV with an error, fixes it, imports it, and sees the variability page", async ({ page }) => {
  await signIn(page, "analyst");
  const tag = `e2e-${Date.now()}`;
  const rows = [
    `${tag}-1,"My territory lost half its accounts, again (${tag})",Pipeline generation,Mid-Market,Sales,High`,
    `${tag}-2,"Quota up 30% and no new logos to call (${tag})",Bribery,SMB,Finance,Medium`,
    `${tag}-3,"SPIF pays on bookings so we discount (${tag})",Discounting,Enterprise,Sales,Low`,
  ];
  await uploadCases(page, "cases.csv", [HEADER, ...rows].join("\n"));
  await expect(page.getByText("3 rows: 2 ready, 1 problem.")).toBeVisible();
  await expect(page.getByLabel(/^Import only the 2 rows without problems/)).not.toBeChecked();
  const errors = page.getByTestId("import-errors");
  await expect(errors.getByRole("row").nth(1)).toContainText("3");
  await expect(errors).toContainText("Behaviour of concern");
  await page.getByRole("button", { name: "Import cases" }).click();
  await expect(page.getByText(/Nothing was imported/)).toBeVisible();

  // A one-row file is counted in the singular.
  await uploadCases(page, "one-case.csv", [HEADER, rows[0]].join("\n"));
  await expect(page.getByText("1 row: 1 ready, no problems.")).toBeVisible();

  // Fixed file: every row goes in.
  await uploadCases(page, "cases-fixed.csv", [HEADER, rows[0], rows[1].replace("Bribery", "Pipeline generation"), rows[2]].join("\n"));
  await expect(page.getByText("3 rows: 3 ready, no problems.")).toBeVisible();
  await page.getByRole("button", { name: "Import cases" }).click();
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("3 created, 0 updated")).toBeVisible();

  await page.goto(`/cases?q=${tag}`);
  await expect(page.getByText("Showing 1–3 of 3 cases")).toBeVisible();

  await page.goto("/import");
  await page.getByLabel("File").nth(1).setInputFiles({
    name: "attainment.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      ["period,rep pseudonym,role,segment,region,attainment %", ...[55, 70, 95, 110, 240].map((v, i) => `2025-Q4,e2e-rep-${i},AE,Other,EMEA,${v}%`)].join("\n"),
    ),
  });
  await page.getByRole("button", { name: "Import attainment" }).click();
  await expect(page.getByText("5 created, 0 updated")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("link", { name: "See the variability" }).click();
  await page.getByLabel("Group by").selectOption({ label: "Segment and period" });
  await page.getByRole("button", { name: "Show" }).click();
  const row = page.getByRole("row", { name: /Other · AE · 2025-Q4|Other · 2025-Q4/ });
  await expect(row).toContainText("114.0%"); // mean of 55, 70, 95, 110, 240
  await expect(row).toContainText("95.0%"); // median
});

test("an exported CSV opens back into the import unchanged", async ({ page }) => {
  await signIn(page, "analyst");
  const exported = await page.request.get("/cases/export?format=csv&cause=territory_imbalance");
  expect(exported.ok()).toBe(true);
  const csv = await exported.text();
  const lines = csv.trim().split(/\r?\n/).length;
  expect(lines).toBeGreaterThan(3);

  await uploadCases(page, "export.csv", csv);
  await expect(page.getByText(/rows: \d+ ready, no problems\./)).toBeVisible();
  await page.getByRole("button", { name: "Import cases" }).click();
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^0 created, 0 updated, \d+ unchanged/)).toBeVisible();
});

// The export is compressed on its worker for a client that takes gzip (decision 044): the file
// a person downloads from the list is the plain CSV, the same as an uncompressed request gives.
test("the list's Export CSV downloads the plain file the browser unzipped", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/cases?segment=enterprise");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the BOM, not gzip's 1f 8b
  // What the browser was sent (it asks with this Accept-Encoding) was gzip.
  const zipped = await page.request.get("/cases/export?segment=enterprise&format=csv", { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
  expect(zipped.headers()["content-encoding"]).toBe("gzip");
  const plain = await page.request.get("/cases/export?segment=enterprise&format=csv", { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(file.toString("utf8")).toBe((await plain.body()).toString("utf8"));
  expect(file.toString("utf8").trim().split(/\r\n/).length).toBeGreaterThan(5);
});
