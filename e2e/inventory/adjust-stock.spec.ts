import { expect, test } from "@playwright/test";

test.use({ storageState: "e2e/.auth/warehouse.json" });

test("[INVENTORY] a warehouse user adjusts stock and sees the new level; an impossible removal is refused", async ({ page }) => {
  await page.goto("/inventory?warehouse=EAST");
  const table = page.getByRole("table", { name: "Stock levels" });
  const firstRow = table.getByRole("row").nth(1);
  const sku = (await firstRow.getByRole("cell").first().textContent())!.trim();
  const onHand = Number(await firstRow.getByRole("cell").nth(3).textContent());

  await page.getByRole("button", { name: "Adjust stock" }).click();
  const dialog = page.getByRole("dialog", { name: "Adjust stock" });
  await dialog.getByLabel("SKU").fill(sku);
  await dialog.getByLabel("Warehouse").selectOption("EAST");
  await dialog.getByLabel("Quantity").fill("7");
  await dialog.getByLabel("Reason").selectOption("found");
  await dialog.getByRole("button", { name: "Save adjustment" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`now ${onHand + 7} on hand`)).toBeVisible();
  await expect(firstRow.getByRole("cell").nth(3)).toHaveText(String(onHand + 7));

  await page.getByRole("button", { name: "Adjust stock" }).click();
  await dialog.getByLabel("SKU").fill(sku);
  await dialog.getByLabel("Warehouse").selectOption("EAST");
  await dialog.getByLabel("Quantity").fill(String(-(onHand + 1000)));
  await dialog.getByRole("button", { name: "Save adjustment" }).click();
  await expect(dialog.getByText(/at most \d+ can be removed/)).toBeVisible();
  await expect(dialog).toBeVisible();
});
