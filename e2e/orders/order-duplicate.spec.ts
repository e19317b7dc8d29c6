import { expect, test } from "@playwright/test";

/**
 * Duplicate (issue 15, "Order entry"): an order's Duplicate opens a NEW, UNSAVED order in the entry page
 * (`/orders/new?from=SO-…`) prefilled from it; the customer can be changed; nothing is saved until submit.
 */
test.use({ storageState: "e2e/.auth/rep.json" });

test("[ORDERS] Duplicate opens an unsaved copy in order entry; the customer is changed and the copy submitted", async ({ page }) => {
  const duplicateCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("orders.duplicate")) duplicateCalls.push(request.url());
  });

  await page.goto("/orders?status=open");
  const firstOrder = page.getByRole("link", { name: /^SO-\d+$/ }).first();
  await expect(firstOrder).toBeVisible();
  const number = (await firstOrder.textContent())!.trim();
  await page.goto(`/orders/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  const sourceLines = page.getByRole("table", { name: "Order lines" });
  await expect(sourceLines).toBeVisible();
  const sourceText = (await sourceLines.textContent()) ?? "";

  // A plain link: it works before the page is hydrated; the entry page renders on the server (may take a while).
  await page.getByRole("link", { name: "Duplicate" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/new\\?from=${number}$`), { timeout: 20_000 });
  await expect(page.getByText(`A copy of ${number}, not saved yet`)).toBeVisible();

  // Prefilled: the customer, the ship-to and every line of the source, plus a blank line to add to.
  const customer = page.getByRole("combobox", { name: "Customer", exact: true });
  await expect(customer).not.toHaveValue("");
  const sourceCustomer = await customer.inputValue();
  await expect(page.getByLabel("Street", { exact: true })).not.toHaveValue("");
  const skus = page.getByRole("table", { name: "Order lines" }).getByRole("combobox", { name: /^SKU, line \d+$/ });
  const values = await skus.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values.at(-1)).toBe("");
  const filled = values.filter((v) => v !== "");
  expect(filled.length).toBeGreaterThan(0);
  for (const sku of filled) expect(sourceText).toContain(sku);
  await expect(page.getByRole("table", { name: "Order lines" }).locator("[data-availability]")).toHaveCount(filled.length);

  // Another customer: the lines stay, the ship-to follows the new customer, the focus goes on to the lines.
  await customer.fill("C-10");
  const options = page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option");
  await expect(options.first()).toBeVisible();
  await options.filter({ hasNotText: sourceCustomer.replace(/\s*\(.*$/, "") }).first().click();
  await expect(customer).not.toHaveValue(sourceCustomer);
  await expect(page.getByRole("combobox", { name: `SKU, line ${filled.length + 1}`, exact: true })).toBeFocused();
  await expect(skus).toHaveCount(filled.length + 1);

  // A reload keeps the copy being edited (its own autosave, not the rep's other draft).
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByText(/Draft restored/)).toBeVisible();
  await expect(customer).not.toHaveValue(sourceCustomer);

  await page.getByRole("button", { name: "Submit order" }).click();
  const duplicateDialog = page.getByRole("dialog", { name: "Possible duplicate order" });
  await expect(async () => {
    if (await duplicateDialog.isVisible()) await duplicateDialog.getByRole("button", { name: "Submit anyway" }).click({ timeout: 1_000 });
    expect(page.url()).toMatch(/\/orders\/SO-\d+$/);
  }).toPass({ timeout: 20_000 });
  const copy = page.url().split("/").pop()!;
  expect(copy).not.toBe(number);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(copy);
  // Nothing went through the old save-a-draft-at-once path.
  expect(duplicateCalls).toEqual([]);
});

test("[ORDERS] a link to duplicate an unknown order says so and starts an empty order", async ({ page }) => {
  await page.goto("/orders/new?from=SO-0");
  await expect(page.getByRole("alert").filter({ hasText: "Order SO-0 could not be found" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Customer", exact: true })).toHaveValue("");
});
