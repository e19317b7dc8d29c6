import { expect, test, type Page } from "@playwright/test";

test.use({ storageState: "e2e/.auth/warehouse.json" });

/** The SKU page's level row of a warehouse, and its on hand (second column). */
const levelRow = (page: Page, warehouse: string) =>
  page.getByRole("table", { name: "Stock levels by warehouse" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${warehouse}\\b`) }) });
const onHandIn = async (page: Page, warehouse: string) => Number(await levelRow(page, warehouse).getByRole("cell").first().textContent());

test("[INVENTORY] a warehouse user adjusts stock and sees the new level; an impossible removal is refused", async ({ page }) => {
  await page.goto("/inventory?warehouse=EAST");
  const grid = page.getByRole("table", { name: "Inventory grid" });
  const firstSku = grid.getByRole("rowheader").first().getByRole("link");
  const sku = (await firstSku.textContent())!.trim();
  await firstSku.click();
  await expect(page).toHaveURL(new RegExp(`/inventory/${sku}$`));
  const onHand = await onHandIn(page, "EAST");

  await page.getByRole("button", { name: "Adjust stock" }).click();
  const dialog = page.getByRole("dialog", { name: "Adjust stock" });
  await dialog.getByLabel("SKU").fill(sku);
  await dialog.getByLabel("Warehouse").selectOption("EAST");
  await dialog.getByLabel("Quantity").fill("7");
  await dialog.getByLabel("Reason").selectOption("found");
  await dialog.getByRole("button", { name: "Save adjustment" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`now ${onHand + 7} on hand`)).toBeVisible();
  await expect(levelRow(page, "EAST").getByRole("cell").first()).toHaveText(String(onHand + 7));
  // The ledger's newest movement is this one, with the on hand after it.
  const newest = page.getByRole("table", { name: "Stock ledger" }).getByRole("row").nth(1);
  await expect(newest).toContainText("Adjustment");
  await expect(newest).toContainText("+7");
  await expect(newest).toContainText(String(onHand + 7));

  await page.getByRole("button", { name: "Adjust stock" }).click();
  await dialog.getByLabel("SKU").fill(sku);
  await dialog.getByLabel("Warehouse").selectOption("EAST");
  await dialog.getByLabel("Quantity").fill(String(-(onHand + 1000)));
  await dialog.getByRole("button", { name: "Save adjustment" }).click();
  await expect(dialog.getByText(/at most \d+ can be removed/)).toBeVisible();
  await expect(dialog).toBeVisible();
});

test("[INVENTORY] a cycle count enters what was counted and the dialog books the difference", async ({ page }) => {
  await page.goto("/inventory?warehouse=WEST");
  const grid = page.getByRole("table", { name: "Inventory grid" });
  const link = grid.getByRole("rowheader").nth(3).getByRole("link");
  const sku = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/inventory/${sku}$`));
  const onHand = await onHandIn(page, "WEST");
  const reserved = Number(await levelRow(page, "WEST").getByRole("cell").nth(1).textContent());
  const counted = Math.max(reserved, onHand - 2);

  await page.getByRole("button", { name: "Adjust stock" }).click();
  const dialog = page.getByRole("dialog", { name: "Adjust stock" });
  await expect(dialog.getByLabel("SKU")).toHaveValue(sku);
  await dialog.getByLabel("What was counted").check();
  await dialog.getByLabel("Warehouse").selectOption("WEST");
  await dialog.getByLabel("Counted on hand").fill(String(counted));
  const difference = counted - onHand;
  await expect(dialog.getByText(`On hand now: ${onHand}`)).toBeVisible();
  await expect(dialog.getByLabel("Reason")).toHaveValue("cycle_count");
  await dialog.getByRole("button", { name: "Save adjustment" }).click();
  if (difference === 0) {
    await expect(page.getByText("nothing to adjust")).toBeVisible();
  } else {
    await expect(page.getByText(`now ${counted} on hand`)).toBeVisible();
  }
  await expect(dialog).toBeHidden();
  await expect(levelRow(page, "WEST").getByRole("cell").first()).toHaveText(String(counted));
});
