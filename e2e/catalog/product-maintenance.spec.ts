import { expect, test } from "@playwright/test";

test.use({ storageState: "e2e/.auth/manager.json" });

const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

test("a manager adds a product, corrects its list price, archives it (gone from the list) and restores it", async ({ page }) => {
  const sku = `E2E-P-${tag()}`;
  await page.goto("/products");
  await page.getByRole("link", { name: "New product" }).click();
  const form = page.getByRole("form", { name: "New product" });
  await form.getByLabel("SKU").fill(sku);
  await form.getByLabel("Name").fill("Galvanised hex bolt M12 × 80");
  await form.getByLabel("List price (USD)").fill("-3");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(form.getByText("Category is required")).toBeVisible();
  await expect(form.getByText("List price cannot be negative")).toBeVisible();
  await expect(form.getByText("Cost: an amount in USD, e.g. 12.50")).toBeVisible();

  await form.getByLabel("Category", { exact: true }).fill("Fasteners");
  await form.getByLabel("Unit").selectOption({ label: "Box" });
  await form.getByLabel("List price (USD)").fill("1,240.00");
  await form.getByLabel("Cost (USD)").fill("610.5");
  await form.getByLabel("Weight (kg)").fill("2.4");
  await form.getByLabel("Pack size").fill("10");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${sku}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Galvanised hex bolt M12 × 80" })).toBeVisible();
  await expect(page.getByText("$1,240.00", { exact: true })).toBeVisible();
  await expect(page.getByText("Multiples of 10")).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: `Edit ${sku}` });
  await expect(edit.getByLabel("Cost (USD)")).toHaveValue("610.50");
  await edit.getByLabel("List price (USD)").fill("1199");
  await edit.getByRole("button", { name: "Save product" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${sku}$`));
  await expect(page.getByText("$1,199.00", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Archive" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Archive product" }).click();
  await expect(page.getByText("Archived: new orders can no longer take this product")).toBeVisible();
  await page.goto(`/products?search=${sku}`);
  await expect(page.getByText("No products match")).toBeVisible();
  await page.goto(`/products?search=${sku}&status=archived`);
  await page.getByRole("link", { name: sku }).click();
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Archived: new orders can no longer take this product")).toBeHidden();
});
