import { expect, test } from "@playwright/test";
import { freshCustomer } from "./fixtures";

test.use({ storageState: "e2e/.auth/finance.json" });

test("finance switches a customer to invoice on order with freight billed, and the page shows the new terms", async ({ page }) => {
  const customer = await freshCustomer(page.request, "TERMS");
  await page.goto(`/customers/${encodeURIComponent(customer.code)}`);
  await expect(page.getByText("When shipped")).toBeVisible();

  await page.getByRole("button", { name: "Billing terms" }).click();
  const dialog = page.getByRole("dialog", { name: `Billing terms of ${customer.name}` });
  await dialog.getByLabel("Payment terms (days)").fill("-3");
  await dialog.getByRole("button", { name: "Save terms" }).click();
  await expect(dialog.getByText("Whole days from 0 (due on receipt) to 365")).toBeVisible();

  await dialog.getByLabel("Payment terms (days)").fill("15");
  await dialog.getByLabel(/Invoice on order/).check();
  await dialog.getByLabel(/Bill freight/).check();
  await dialog.getByRole("button", { name: "Save terms" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("On order (prepaid)")).toBeVisible();
  await expect(page.getByText("Billed on invoices")).toBeVisible();
  await expect(page.getByText("Net 15 days")).toBeVisible();
});
