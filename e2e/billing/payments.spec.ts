import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openDialog } from "../fulfillment/fixtures";
import { customerWithTwoInvoices, decimal, invoicesOf, usd } from "./fixtures";

/**
 * Finance takes money in: one payment against two invoices, chosen by hand, leaves both paid and nothing
 * over. The receivables page fits a 1024×768 screen. With SHOTS_DIR set, screenshots of the finance pages
 * at 1440×900 and 1024×768 are saved there (for a person to look at; nothing compares them).
 */
test.use({ storageState: "e2e/.auth/finance.json" });

async function expectNoSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, "the page does not scroll sideways").toBeLessThanOrEqual(client);
}

async function shot(page: Page, name: string, target?: ReturnType<Page["locator"]>) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const size = page.viewportSize()!;
  const file = path.join(dir, `${name}-${size.width}x${size.height}.png`);
  if (target) return target.screenshot({ path: file });
  // What a person sees first, and the whole page.
  await page.screenshot({ path: file });
  await page.screenshot({ path: file.replace(/\.png$/, "-full.png"), fullPage: true });
}

test("[BILLING] finance records one payment against two invoices and sees them paid", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { customer, invoices } = await customerWithTwoInvoices(browser, page.request);
  const total = invoices.reduce((s, i) => s + i.balance, 0);
  const reference = `BT-E2E-${Date.now().toString(36).toUpperCase()}`;

  await page.goto("/invoices/payments");
  await expect(page.getByRole("navigation", { name: "Finance sections" }).getByRole("link", { name: "Payments" })).toHaveAttribute("aria-current", "page");
  const dialog = await openDialog(page, page.getByRole("button", { name: "Record payment" }), "Record payment");

  // Submitting empty names the fields that are missing.
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await expect(dialog.getByText("Choose the customer who paid")).toBeVisible();
  await expect(dialog.getByText("Enter the amount received")).toBeVisible();

  const customerField = dialog.getByRole("combobox", { name: "Customer" });
  await customerField.fill(customer.code);
  await dialog.getByRole("option", { name: new RegExp(customer.code) }).click();
  await expect(customerField).toHaveValue(customer.name);
  await dialog.getByLabel("Amount (USD)", { exact: true }).fill(decimal(total));
  await dialog.getByLabel("Method").selectOption({ label: "Bank transfer" });
  await dialog.getByLabel("Reference").fill(reference);

  // Oldest first would pay both in full; choose them by hand anyway, each with its full balance.
  await expect(dialog.getByText(/^Pays /)).toContainText("in full");
  await dialog.getByRole("radio", { name: "Choose invoices" }).check();
  const rows = dialog.getByRole("table", { name: "Open invoices to pay" });
  for (const invoice of invoices) await expect(rows.getByRole("row").filter({ hasText: invoice.number })).toBeVisible();
  // Start from nothing, then pay each in full by hand.
  for (const invoice of invoices) await rows.getByLabel(`Amount for ${invoice.number}`).fill("");
  await expect(dialog.getByText(/stays as customer credit/)).toContainText(usd(total));
  for (const invoice of invoices) {
    await rows.getByLabel(`Amount for ${invoice.number}`).fill(decimal(invoice.balance));
    await expect(rows.getByRole("checkbox", { name: `Pay ${invoice.number} in full` })).toBeChecked();
  }
  await expect(dialog.getByText(/stays as customer credit/)).toContainText("$0.00");
  await shot(page, "record-payment-dialog", dialog);

  // One click, one payment: the button is disabled while the payment is recorded.
  await dialog.getByRole("button", { name: "Record payment" }).dblclick();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText(`${usd(total)} from ${customer.name} recorded`)).toBeVisible();

  // The payment, fully applied: nothing unallocated.
  await page.goto(`/invoices/payments?customer=${encodeURIComponent(customer.code)}`);
  const payments = page.getByRole("table", { name: "Payments" });
  await expect(payments.getByRole("row")).toHaveCount(2); // header + exactly one payment (no double submit)
  const row = payments.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(usd(total));
  await row.getByRole("link", { name: /^PAY-/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Payment PAY-/ })).toBeVisible();
  await expect(page.getByTestId("payment-unallocated")).toHaveText("$0.00");
  const allocations = page.getByRole("table", { name: "Allocations" });
  for (const invoice of invoices) await expect(allocations.getByRole("row").filter({ hasText: invoice.number })).toContainText(usd(invoice.balance));

  // Both invoices are paid, on the invoice list and in the API.
  await page.goto(`/invoices?customer=${encodeURIComponent(customer.code)}`);
  for (const invoice of invoices) await expect(page.getByRole("row").filter({ hasText: invoice.number }).first()).toContainText("Paid");
  const after = await invoicesOf(page.request, customer.code);
  expect(after.filter((i) => invoices.some((o) => o.id === i.id)).map((i) => [i.number, i.status, i.balance])).toEqual(
    expect.arrayContaining(invoices.map((i) => [i.number, "paid", 0])),
  );

  // The statement agrees: nothing open, no credit.
  await page.goto(`/customers/${encodeURIComponent(customer.code)}/statement`);
  await expect(page.getByText("Nothing open on this date.")).toBeVisible();
  await expect(page.getByTestId("statement-balance")).toHaveText("$0.00");
  const pdf = await page.request.get(`/customers/${encodeURIComponent(customer.code)}/statement/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("[BILLING] the aging page fits 1024×768 without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/invoices/receivables");
  await expect(page.getByRole("heading", { level: 1, name: "Receivables" })).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  for (const label of ["Current", "1–30 days", "31–60 days", "61–90 days", "Over 90 days", "Total owed", "Customer credit", "DSO"]) {
    await expect(summary.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /^Receivables by age/ })).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const table = page.getByRole("table", { name: "Receivables by customer" });
  await expect(table).toBeVisible();
  await expectNoSidewaysScroll(page);
  const tableBox = await table.boundingBox();
  expect(tableBox!.x + tableBox!.width, "the customer table ends inside the window").toBeLessThanOrEqual(1024);

  // A past date comes from the URL and stays in the field.
  await page.goto("/invoices/receivables?asOf=2026-01-31");
  await expect(page.getByLabel("As of")).toHaveValue("2026-01-31");
  await expectNoSidewaysScroll(page);
});

// Every finance page at both sizes without sideways scrolling; with SHOTS_DIR set it also keeps screenshots.
test("[BILLING] finance pages fit 1440×900 and 1024×768", async ({ page }) => {
  test.setTimeout(120_000);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await page.goto("/invoices/payments");
    await expect(page.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "payments");
    const dialog = await openDialog(page, page.getByRole("button", { name: "Record payment" }), "Record payment");
    await dialog.getByRole("radio", { name: "Choose invoices" }).check();
    await shot(page, "record-payment-empty");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.getByRole("table", { name: "Payments" }).getByRole("link", { name: /^PAY-/ }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: /^Payment PAY-/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "payment");

    await page.goto("/invoices/receivables");
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "receivables");

    const customer = page.getByRole("table", { name: "Receivables by customer" }).getByRole("link").first();
    await customer.click();
    await expect(page.getByRole("heading", { level: 1, name: /^Statement: / })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "statement");
    const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    if (process.env.SHOTS_DIR) fs.writeFileSync(path.join(process.env.SHOTS_DIR, "statement.pdf"), await pdf.body());
    // Record payment from the statement: the customer is already chosen, their open invoices listed.
    const pay = await openDialog(page, page.getByRole("button", { name: "Record payment" }), "Record payment");
    await pay.getByLabel("Amount (USD)", { exact: true }).fill("1000");
    await pay.getByRole("radio", { name: "Choose invoices" }).check();
    await expect(pay.getByRole("table", { name: "Open invoices to pay" })).toBeVisible();
    await shot(page, "record-payment-statement");
    await page.keyboard.press("Escape");
    await expect(pay).toBeHidden();

    await page.goto("/invoices/journal");
    await expect(page.getByRole("table", { name: "Totals by account" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "journal");
  }
});

test.describe("admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("[BILLING] accounting settings save with their version, and the journal exports CSV", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: /^Accounting/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Accounting" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "accounting");
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectNoSidewaysScroll(page);
    await shot(page, "accounting");
    await page.setViewportSize({ width: 1440, height: 900 });

    const dunning = page.getByLabel("Reminders at days past due");
    const before = await dunning.inputValue();
    await dunning.fill("3, 3");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("3 is listed twice")).toBeVisible();
    await dunning.fill(before === "3, 15, 30" ? "30, 3, 15, 45" : "3, 15, 30");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Accounting settings saved")).toBeVisible();
    await expect(page.getByText(/^Saved \(version \d+\)$/)).toBeVisible();
    // Put the schedule back as it was: other specs share the database.
    await dunning.fill(before);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(/^Saved \(version \d+\)$/)).toBeVisible();
    await expect(dunning).toHaveValue(before);

    await page.getByRole("button", { name: "Run dunning now" }).click();
    await page.getByRole("dialog", { name: "Run dunning now?" }).getByRole("button", { name: "Run dunning" }).click();
    await expect(page.getByRole("status").filter({ hasText: /orders? with overdue invoices/ }).first()).toBeVisible({ timeout: 30_000 });

    const year = new Date().getFullYear();
    const csv = await page.request.get(`/invoices/journal/export?from=${year}-01-01&to=${year}-12-31&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("date,document,description,account,account_code,account_name,debit,credit,currency");
    const json = await page.request.get(`/invoices/journal/export?from=${year}-01-01&to=${year}-12-31&format=json`);
    const journal = (await json.json()) as { totals: { debit: number; credit: number } };
    expect(journal.totals.debit).toBe(journal.totals.credit);
  });
});
