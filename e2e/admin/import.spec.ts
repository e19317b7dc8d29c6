import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { roomyCustomer, skusWithStock } from "../fulfillment/fixtures";

/**
 * Issue 16: a manager imports orders from a CSV file. The file is checked first (its problems listed, nothing
 * written), then its valid rows are imported by a server-side job whose progress survives a reload; the rows link
 * to the orders they made, the error report lists the refused rows, and the same file imported again is skipped.
 */
test.use({ storageState: "e2e/.auth/manager.json", viewport: { width: 1024, height: 768 } });

async function upload(page: Page, name: string, csv: string) {
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();
  await page.getByLabel("What to import").selectOption("orders");
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

/** Serious or critical axe violations on the page, as lines (a toast fading in is left out: its colours are mid-animation). */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

async function importAndWait(page: Page, validRows: number) {
  await page.getByRole("button", { name: `Import ${validRows} valid rows` }).click();
  // The run goes on server-side: a reload reads it again by the id in the URL.
  await expect(page.getByText(/^(Queued|Running|Completed)$/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^(Queued|Running|Completed)$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import completed" })).toBeVisible({ timeout: 60_000 });
}

test("[ADMIN] the template of an orders file has its columns and an example row; a file missing columns is refused, naming them", async ({ page }) => {
  await page.goto("/admin/import");
  await page.getByLabel("What to import").selectOption("orders");
  await expect(page.getByRole("list", { name: "Columns: Orders" })).toContainText("customer_reference");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download template" }).click()]);
  expect(download.suggestedFilename()).toBe("orders-template.csv");
  const text = fs.readFileSync((await download.path())!, "utf8");
  const [header, example] = text.trim().split(/\r?\n/);
  expect(header).toMatch(/^customer,customer_reference,sku,quantity,/);
  expect(example).toMatch(/^C-\d+,/);

  // A file without the columns an orders file needs is refused at once, naming them.
  await page.getByLabel("CSV file").setInputFiles({ name: "short.csv", mimeType: "text/csv", buffer: Buffer.from("customer,sku\nC-10001,X-1\n") });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByText("The file was not accepted.")).toBeVisible();
  await expect(page.getByText(/missing: customer_reference, quantity/)).toBeVisible();
  expect(page.url()).toMatch(/\/admin\/import$/);
});

test("[ADMIN] a manager checks an orders file, imports its valid rows, downloads the error report and imports it again (skipped)", async ({ page }) => {
  test.setTimeout(240_000);
  const customer = await roomyCustomer(page.request);
  const [s1, s2, s3] = await skusWithStock(page.request, 3);
  const stamp = `E2E-${Date.now()}`;
  const name = `e2e-orders-${stamp}.csv`;
  const csv = [
    "customer,customer_reference,sku,quantity,legacy_id",
    `${customer},${stamp}-1,${s1},2,L1`,
    `${customer},${stamp}-1,${s2},3,L2`,
    `${customer},${stamp}-2,${s1},1,L3`,
    `${customer},${stamp}-2,${s3},2,L4`,
    `${customer},${stamp}-3,${s2},abc,L5`,
    `${customer},${stamp}-4,SKU-NOPE-E2E,1,L6`,
  ].join("\r\n");

  await upload(page, name, csv);
  // The check: counts, problems with their messages, and nothing written yet.
  await expect(page.getByRole("heading", { name: "Checked: nothing has been written yet" })).toBeVisible();
  await expect(page.getByText("Import writes the 4 valid rows as 2 orders.", { exact: false })).toBeVisible();
  await expect(page.getByText("legacy_id", { exact: true })).toBeVisible();
  const problems = page.getByRole("table", { name: /^Rows: Problems/ });
  await expect(problems.getByRole("row")).toHaveCount(3);
  await expect(problems).toContainText('quantity: "abc" is not a whole number');
  await expect(problems).toContainText('sku: no product with SKU "SKU-NOPE-E2E"');
  // No horizontal scroll at 1024 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeProblems(page)).toEqual([]);

  await importAndWait(page, 4);
  await expect(page.getByText("4 rows imported, 0 rows skipped (already there), 0 rows failed", { exact: false })).toBeVisible();

  // The imported rows link to their orders.
  await page.getByLabel("Show", { exact: true }).selectOption("imported");
  const imported = page.getByRole("table", { name: "Rows: Imported" });
  await expect(imported.getByRole("row")).toHaveCount(5);
  const links = imported.getByRole("link", { name: /^SO-/ });
  await expect(links).toHaveCount(4);
  const numbers = new Set(await links.allTextContents());
  expect(numbers.size).toBe(2);
  await expect(links.first()).toHaveAttribute("href", /^\/orders\/SO-/);
  expect(await axeProblems(page)).toEqual([]);

  // The error report: the refused rows as the file had them, with their messages.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download error report" }).click()]);
  const report = fs.readFileSync((await download.path())!, "utf8");
  expect(report.split(/\r?\n/)[0]).toContain("customer,customer_reference,sku,quantity,legacy_id,row,status,error");
  expect(report).toContain('quantity: ""abc"" is not a whole number');
  expect(report).toContain("SKU-NOPE-E2E");
  expect(report).not.toContain(`${stamp}-1`);

  // The same file again: its orders are already there, so every valid row is skipped.
  await upload(page, name, csv);
  await importAndWait(page, 4);
  await expect(page.getByText("0 rows imported, 4 rows skipped (already there)", { exact: false })).toBeVisible();
  await page.getByLabel("Show", { exact: true }).selectOption("skipped");
  const skipped = page.getByRole("table", { name: /^Rows: Skipped/ });
  await expect(skipped.getByRole("row")).toHaveCount(5);
  await expect(skipped).toContainText(/already imported as SO-/);
  for (const number of numbers) await expect(skipped.getByRole("link", { name: number })).toHaveCount(2);

  // Both listed on the import page, newest first.
  await page.getByRole("link", { name: "← Import" }).click();
  const recent = page.getByRole("table", { name: "Recent imports" });
  await expect(recent.getByRole("link", { name })).toHaveCount(2);
});
