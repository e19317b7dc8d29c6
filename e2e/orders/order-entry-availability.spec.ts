import { expect, test, type Page } from "@playwright/test";

/**
 * Availability is live across roles: a warehouse user adds stock, and the rep entering an order sees
 * the line's availability grow by exactly that much.
 */
test.use({ storageState: "e2e/.auth/rep.json" });

const availabilityNote = (page: Page) => page.getByRole("table", { name: "Order lines" }).locator("[data-availability]").first();

/** The total available now, from "12 in EAST · 40 total" or "3 now · all by Dec 5". */
async function availableTotal(page: Page): Promise<number> {
  await expect(availabilityNote(page)).toHaveText(/(\d+) total|(\d+) now · /);
  const text = (await availabilityNote(page).textContent()) ?? "";
  const match = /(\d+) total/.exec(text) ?? /(\d+) now · /.exec(text);
  return Number(match![1]);
}

test("[INVENTORY] a rep sees a line's availability change after the warehouse adjusts stock", async ({ page, browser }) => {
  await page.goto("/orders/new");
  const customer = page.getByRole("combobox", { name: "Customer", exact: true });
  await customer.fill("C-10");
  await page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").first().click();
  const sku = page.getByRole("combobox", { name: "SKU, line 1", exact: true });
  await sku.fill("VAL");
  await page.getByRole("listbox", { name: "Products for line 1" }).getByRole("option").first().click();
  const quantity = page.getByRole("textbox", { name: "Quantity, line 1", exact: true });
  await quantity.fill("2");
  const before = await availableTotal(page);
  const chosenSku = (await sku.inputValue()).trim();
  expect(chosenSku).not.toBe("");

  // Meanwhile, in the warehouse: 250 more of that SKU are found in EAST.
  const warehouse = await browser.newContext({ storageState: "e2e/.auth/warehouse.json" });
  const warehousePage = await warehouse.newPage();
  await warehousePage.goto(`/inventory/${encodeURIComponent(chosenSku)}`);
  await warehousePage.getByRole("button", { name: "Adjust stock" }).first().click();
  const dialog = warehousePage.getByRole("dialog", { name: "Adjust stock" });
  await dialog.getByLabel("SKU").fill(chosenSku);
  await dialog.getByLabel("Warehouse").selectOption("EAST");
  await dialog.getByLabel("Quantity").fill("250");
  await dialog.getByLabel("Reason").selectOption("found");
  await dialog.getByRole("button", { name: "Save adjustment" }).click();
  await expect(dialog).toBeHidden();
  await warehouse.close();

  // The rep changes the quantity: the line asks again and shows the new stock.
  await quantity.fill("3");
  await expect.poll(() => availableTotal(page), { timeout: 15_000 }).toBe(before + 250);
});
