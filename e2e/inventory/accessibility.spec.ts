import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** The inventory and purchasing screens have no serious or critical accessibility violations. */
test.use({ storageState: "e2e/.auth/manager.json" });

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("[INVENTORY] inventory, replenishment, transfers and purchasing pages pass axe", async ({ page }) => {
  // Seven pages, each a full axe run (3–8 s on a busy 2-core machine).
  test.slow();
  await page.goto("/inventory");
  await expect(page.getByRole("heading", { name: "Inventory", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Inventory grid" }).getByRole("link").first()).toBeVisible();
  await expectAccessible(page);

  const sku = (await page.getByRole("table", { name: "Inventory grid" }).getByRole("link").first().textContent())!.trim();
  await page.goto(`/inventory/${encodeURIComponent(sku)}`);
  await expect(page.getByRole("heading", { name: new RegExp(sku) })).toBeVisible();
  await expectAccessible(page);

  for (const [path, heading] of [
    ["/inventory/replenishment", "Replenishment"],
    ["/inventory/transfers", "Transfers"],
    ["/purchasing", "Purchasing"],
    ["/purchasing/vendors", "Purchasing"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expectAccessible(page);
  }

  await page.goto("/purchasing?status=sent");
  const po = page.getByRole("link", { name: /^PO-\d+$/ }).first();
  await expect(po).toBeVisible();
  await po.click();
  await expect(page.getByRole("heading", { name: /PO-\d+/ })).toBeVisible();
  await expectAccessible(page);
});
