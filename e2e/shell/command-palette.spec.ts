import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.use({ storageState: "e2e/.auth/manager.json" });

test("[SHELL] Ctrl+K opens the command palette, jumps to an area, Esc closes it", async ({ page }) => {
  await page.goto("/orders");
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();

  await page.keyboard.press("Control+k");
  await page.keyboard.type("Inventory");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByRole("heading", { name: "Inventory", level: 1 })).toBeVisible();
});

test("[SHELL] the palette finds a customer by name and an order by number", async ({ page }) => {
  await page.goto("/customers");
  const firstCustomer = page.getByRole("table", { name: "Customers" }).getByRole("link").first();
  const name = (await firstCustomer.textContent())!.trim();

  await page.keyboard.press("Control+k");
  await page.keyboard.type(name.slice(0, 8));
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("option", { name: new RegExp(name.slice(0, 8)) }).first().click();
  await expect(page).toHaveURL(/\/customers\/.+/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  await page.goto("/orders");
  const firstOrder = (await page.getByRole("table", { name: "Orders" }).getByRole("row").nth(1).getByRole("cell").first().textContent())!.trim();
  await page.keyboard.press("Control+k");
  await page.keyboard.type(firstOrder);
  await expect(palette.getByRole("option", { name: new RegExp(firstOrder) })).toBeVisible();
});

test("[SHELL] the desk shell looks like a product and has no serious accessibility violations", async ({ page }, testInfo) => {
  await page.goto("/orders");
  await expect(page.getByRole("table", { name: "Orders" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("desk-shell-orders.png") });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("[SHELL] the palette finds products and purchase orders, offers actions on them, and remembers recent items", async ({ page }) => {
  // A SKU from the stock grid and a sent purchase order from the list (both read, so demo numbers may change);
  // the last sent one on the page: the receiving spec receives the first.
  await page.goto("/purchasing?status=sent");
  const po = (await page.getByRole("table", { name: "Purchase orders" }).getByRole("row").last().getByRole("link").first().textContent())!.trim();
  await page.goto("/inventory");
  const sku = (await page.getByRole("rowheader").first().getByRole("link").first().textContent())!.trim();

  const palette = page.getByRole("dialog", { name: "Command palette" });
  await page.keyboard.press("Control+k");
  await expect(palette).toBeVisible();
  await page.keyboard.type(sku);
  await expect(palette.getByRole("option", { name: new RegExp(`^${sku}`) }).first()).toBeVisible();
  await palette.getByRole("option", { name: `Adjust stock of ${sku}` }).click();
  await expect(page).toHaveURL(new RegExp(`/inventory/${sku}\\?adjust=1$`));
  const adjust = page.getByRole("dialog", { name: "Adjust stock" });
  await expect(adjust).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(adjust).toBeHidden();

  await page.keyboard.press("Control+k");
  await expect(palette).toBeVisible();
  await palette.getByRole("combobox").fill(po);
  await palette.getByRole("option", { name: `Receive ${po}` }).click();
  await expect(page).toHaveURL(new RegExp(`/purchasing/${po}#receive$`));
  await expect(page.getByRole("heading", { name: "Receive goods" })).toBeVisible();

  // Opened again with nothing typed: the last two stops come first, newest on top.
  await page.keyboard.press("Control+k");
  await expect(palette.getByText("Recent", { exact: true })).toBeVisible();
  const recent = palette.getByRole("option");
  await expect(recent.nth(0)).toHaveText(`Receive ${po}`);
  await expect(recent.nth(1)).toHaveText(`Adjust stock of ${sku}`);
});
