import { expect, test, type Page } from "@playwright/test";

/**
 * Pricing administration: an admin creates a customer price list with a quantity tier (one row typed
 * in the grid, the tier imported as CSV) and a 10% rule for the SKU's category, checks what would
 * change, sees both in the simulator's explanation, then archives them; a manager sees it read-only.
 * The list and rule are for one customer (and a high priority) so parallel journeys are not affected.
 */

/** A product from the catalog page (not the first rows, which other journeys tend to use). */
async function pickProduct(page: Page) {
  await page.goto("/products");
  const row = page.getByRole("table", { name: "Products" }).getByRole("row").nth(7);
  const cells = row.getByRole("cell");
  return { sku: (await cells.nth(0).innerText()).trim(), category: (await cells.nth(2).innerText()).trim() };
}

async function pickCustomer(page: Page) {
  await page.goto("/customers");
  const row = page.getByRole("table", { name: "Customers" }).getByRole("row").nth(9);
  const cells = row.getByRole("cell");
  return { code: (await cells.nth(0).innerText()).trim(), name: (await cells.nth(1).getByRole("link").innerText()).trim() };
}

/** Types into a type-ahead and picks the option whose accessible name contains `match`. */
async function choose(page: Page, label: string, text: string, match: string | RegExp) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.fill(text);
  await page.getByRole("option", { name: match }).first().click();
}

test.describe("admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("[PRICING] an admin creates a tiered price list and a category rule, the simulator explains the price, and a rep's new order gets it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const { sku, category } = await pickProduct(page);
    const customer = await pickCustomer(page);
    const stamp = Date.now();
    const listCode = `PL-E2E-${stamp}`;
    const ruleCode = `R-E2E-${stamp}`;

    // Price list: one row typed in the grid, the quantity tier imported as CSV.
    await page.goto("/admin/pricing?tab=price-lists");
    await expect(page.getByRole("heading", { name: "Pricing", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "New price list" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New price list" });
    await dialog.getByLabel("Code", { exact: true }).fill(listCode);
    await dialog.getByLabel("Name", { exact: true }).fill(`E2E contract ${stamp}`);
    await dialog.getByLabel("For", { exact: true }).selectOption("customer");
    await choose(page, "Customer", customer.code, new RegExp(customer.code));
    await dialog.getByLabel("Priority", { exact: true }).fill("500");
    await choose(page, "SKU, row 1", sku, new RegExp(`^${sku} `));
    await dialog.getByLabel("Unit price, row 1").fill("50.00");
    await dialog.getByRole("button", { name: "Import CSV" }).click();
    await dialog.getByLabel("CSV to import").fill(`sku,category,minQuantity,unitPrice\n${sku},,20,40.00\n`);
    await dialog.getByRole("checkbox", { name: "Replace the current items" }).uncheck();
    await dialog.getByRole("button", { name: "Import rows" }).click();
    await expect(dialog.getByLabel("From quantity, row 2")).toHaveValue("20");
    await expect(dialog.getByLabel("Unit price, row 2")).toHaveValue("40.00");
    // Enter saves.
    await dialog.getByLabel("Unit price, row 2").press("Enter");
    await expect(dialog).toBeHidden();
    const listRow = page.getByRole("row", { name: new RegExp(listCode) });
    await expect(listRow).toContainText(customer.name);
    await expect(listRow.getByText("Active")).toBeVisible();
    await expect(listRow.getByRole("cell").nth(5)).toHaveText("2");

    // Discount rule: the form reads like a sentence, with a live preview.
    await page.getByRole("link", { name: "Discount rules" }).click();
    await expect(page).toHaveURL(/tab=discount-rules/);
    await page.getByRole("button", { name: "New discount rule" }).first().click();
    const ruleDialog = page.getByRole("dialog", { name: "New discount rule" });
    await ruleDialog.getByLabel("Code", { exact: true }).fill(ruleCode);
    await ruleDialog.getByLabel("Name", { exact: true }).fill(`E2E category discount ${stamp}`);
    await ruleDialog.getByLabel("Percent off").fill("10");
    await ruleDialog.getByLabel("Applies to").selectOption("category");
    await choose(page, "Category", category, category);
    await ruleDialog.getByLabel("For whom").selectOption("customer");
    await choose(page, "Customer", customer.code, new RegExp(customer.code));
    await ruleDialog.getByLabel("Minimum quantity").fill("10");
    await ruleDialog.getByLabel("Priority", { exact: true }).fill("500");
    await expect(ruleDialog.getByTestId("rule-preview")).toHaveText(`10% off category ${category} for customer ${customer.code} when quantity ≥ 10`);

    await ruleDialog.getByRole("button", { name: "What would change?" }).click();
    const impact = ruleDialog.getByRole("region", { name: "What would change" });
    await expect(impact).toBeVisible({ timeout: 30_000 });
    await expect(impact).toContainText(/recent orders? checked/);

    await ruleDialog.getByRole("button", { name: "Create rule" }).click();
    await expect(ruleDialog).toBeHidden();
    const ruleRow = page.getByRole("row", { name: new RegExp(ruleCode) });
    await expect(ruleRow).toContainText(`10% off category ${category} for customer ${customer.code} when quantity ≥ 10`);
    await expect(ruleRow.getByText("Exclusive")).toBeVisible();

    // Simulator: the tier price, the rule and every step.
    await page.getByRole("link", { name: "Simulator" }).click();
    await choose(page, "Customer", customer.code, new RegExp(customer.code));
    await choose(page, "SKU, line 1", sku, new RegExp(`^${sku} `));
    await page.getByLabel("Quantity, line 1").fill("25");
    await page.getByRole("button", { name: "Simulate" }).click();
    const explanation = page.getByRole("list", { name: `Explanation for line 1, ${sku}` });
    await expect(explanation).toBeVisible();
    await expect(explanation).toContainText(`(${listCode}), SKU tier from 20`);
    await expect(explanation).toContainText(`(${ruleCode}): 10% off`);
    await expect(explanation.getByRole("listitem").first()).toContainText("List price");
    const line = page.getByRole("list", { name: "Priced lines" }).getByRole("listitem").first();
    await expect(line).toContainText("$40.00"); // the tier's unit price
    await expect(line).toContainText("$900.00"); // 25 × 40.00 − 10%

    // A rep's new order for that customer is priced by the new list and rule, and says why.
    const repContext = await browser.newContext({ storageState: "e2e/.auth/rep.json" });
    const rep = await repContext.newPage();
    await rep.goto("/orders/new");
    await rep.getByRole("combobox", { name: "Customer", exact: true }).fill(customer.code);
    await rep.getByRole("listbox", { name: "Matching accounts" }).getByRole("option", { name: new RegExp(customer.code) }).first().click();
    await rep.getByRole("combobox", { name: "SKU, line 1", exact: true }).fill(sku);
    await rep.getByRole("listbox", { name: "Products for line 1" }).getByRole("option").first().click();
    await rep.getByRole("textbox", { name: "Quantity, line 1", exact: true }).fill("25");
    await expect(rep.getByText("Priced as the order will be", { exact: false })).toBeVisible();
    const entryLine = rep.getByRole("table", { name: "Order lines" }).locator('tr[data-line="1"]');
    await expect(entryLine).toContainText("$40.00");
    await expect(entryLine).toContainText("$900.00");
    await rep.getByRole("button", { name: "Price explanation, line 1", exact: true }).click();
    const popover = rep.getByRole("dialog", { name: /^Price of line 1/ });
    await expect(popover).toContainText(listCode);
    await expect(popover).toContainText(ruleCode);
    await rep.keyboard.press("Escape");
    await expect(popover).toBeHidden();
    await rep.getByRole("button", { name: /^Submit order/ }).click();
    await expect(rep).toHaveURL(/\/orders\/SO-\d+$/, { timeout: 30_000 });
    await expect(rep.getByRole("row").filter({ hasText: sku }).first()).toContainText("$900.00");
    await rep.getByRole("button", { name: "Line 1: why this price?" }).click();
    await expect(rep.getByText(`(${ruleCode}): 10% off`).first()).toBeVisible();
    await repContext.close();

    // Tidy up: archive both, each behind a confirmation.
    await page.goto("/admin/pricing?tab=discount-rules");
    await page.getByRole("button", { name: `Archive ${ruleCode}` }).click();
    await page.getByRole("button", { name: "Archive rule" }).click();
    await expect(page.getByRole("row", { name: new RegExp(ruleCode) })).toHaveCount(0);
    await page.goto("/admin/pricing?tab=price-lists");
    await page.getByRole("button", { name: `Archive ${listCode}` }).click();
    await page.getByRole("button", { name: "Archive price list" }).click();
    await expect(page.getByRole("row", { name: new RegExp(listCode) })).toHaveCount(0);
  });
});

test.describe("manager", () => {
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("[PRICING] a manager sees the pricing pages read-only", async ({ page }) => {
    await page.goto("/admin/pricing");
    await expect(page.getByRole("heading", { name: "Pricing", level: 1 })).toBeVisible();
    await expect(page.getByText("Read-only: only admins change pricing")).toBeVisible();

    await expect(page.getByRole("heading", { name: "Price lists", level: 2 })).toBeVisible();
    await expect(page.getByRole("button", { name: "New price list" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Edit|Archive) / })).toHaveCount(0);

    await page.goto("/admin/pricing?tab=discount-rules");
    await expect(page.getByRole("heading", { name: "Discount rules", level: 2 })).toBeVisible();
    await expect(page.getByRole("button", { name: "New discount rule" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Edit|Archive) / })).toHaveCount(0);

    await page.goto("/admin/pricing?tab=tax-rates");
    await expect(page.getByRole("heading", { name: "Tax rates", level: 2 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add tax rate" })).toHaveCount(0);

    await page.goto("/admin/pricing?tab=override-limits");
    const limits = page.getByRole("table", { name: "Override limits" });
    await expect(limits.getByRole("row", { name: /Customer service/ })).toBeVisible();
    await expect(limits.getByRole("button")).toHaveCount(0);

    // Managers may still simulate prices.
    await page.getByRole("link", { name: "Simulator" }).click();
    await expect(page.getByRole("button", { name: "Simulate" })).toBeVisible();
  });
});
