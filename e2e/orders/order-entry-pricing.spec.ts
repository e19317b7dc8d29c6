import { expect, test, type Page } from "@playwright/test";

/**
 * Live pricing in order entry (/orders/new): every line is priced by the server's pricing engine as the
 * rep types, "ⓘ" explains a line's price, and a manual price far below it needs a manager's approval.
 * Seeded demo data has no pricing rules, but other specs may add some: amounts are read from the page,
 * never hard-coded.
 */
test.use({ storageState: "e2e/.auth/rep.json" });

const customerField = (page: Page) => page.getByRole("combobox", { name: "Customer", exact: true });
const skuField = (page: Page, line: number) => page.getByRole("combobox", { name: `SKU, line ${line}`, exact: true });
const quantityField = (page: Page, line: number) => page.getByRole("textbox", { name: `Quantity, line ${line}`, exact: true });
const lineRow = (page: Page, line: number) => page.getByRole("table", { name: "Order lines" }).locator(`tr[data-line="${line}"]`);
const explainButton = (page: Page, line: number) => page.getByRole("button", { name: `Price explanation, line ${line}`, exact: true });
const pricedNote = (page: Page) => page.getByText("Priced as the order will be", { exact: false });

async function startOrder(page: Page, customer: string, skuPrefix: string, quantity: number) {
  await page.goto("/orders/new");
  await expect(customerField(page)).toBeFocused();
  await page.keyboard.type(customer);
  await expect(page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Account summary" }).getByText("Available credit")).toBeVisible();
  await skuField(page, 1).fill(skuPrefix);
  await expect(page.getByRole("listbox", { name: "Products for line 1" }).getByRole("option").first()).toBeVisible();
  await skuField(page, 1).press("Enter");
  await expect(quantityField(page, 1)).toBeFocused();
  await page.keyboard.type(String(quantity));
  // The server's answer for exactly these lines.
  await expect(pricedNote(page)).toBeVisible();
}

/** The unit price the line shows now, in cents. */
async function unitPriceOf(page: Page, line: number): Promise<number> {
  const money = lineRow(page, line).locator('[data-cell="unit-price"] [data-slot="money"]').first();
  await expect(money).toHaveAttribute("data-amount", /^\d+$/);
  return Number(await money.getAttribute("data-amount"));
}

test("[ORDERS] a rep sees the server's price on a line and opens its explanation", async ({ page }) => {
  await startOrder(page, "C-10", "BLT", 4);
  const unit = await unitPriceOf(page, 1);
  expect(unit).toBeGreaterThan(0);
  await expect(page.getByText(/list price only|At list price/i)).toHaveCount(0);

  await explainButton(page, 1).click();
  const popover = page.getByRole("dialog", { name: /^Price of line 1/ });
  await expect(popover).toBeVisible();
  const steps = popover.getByRole("region", { name: "How the price was reached" }).getByRole("listitem");
  await expect(steps.first()).toContainText("List price");
  await expect(steps.filter({ hasText: "Rounding" })).toHaveCount(1);
  // The price the line shows is the one the steps end with.
  await expect(popover.getByText(`4 ×`)).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(explainButton(page, 1)).toBeFocused();
});

test("[ORDERS] a manual price far below the computed one needs approval and the order lands in the manager's queue", async ({ page, browser }) => {
  await startOrder(page, "C-103", "NUT", 2);
  const unit = await unitPriceOf(page, 1);
  const half = Math.max(1, Math.round(unit / 2));

  // Keyboard only: the popover opens in the manual price field.
  await explainButton(page, 1).focus();
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: /^Price of line 1/ });
  const priceField = popover.getByRole("textbox", { name: /^Unit price/ });
  await expect(priceField).toBeFocused();
  await page.keyboard.type((half / 100).toFixed(2));
  // A reason is required.
  await page.keyboard.press("Enter");
  await expect(popover.getByText("Give a reason for the manual price")).toBeVisible();
  await expect(popover.getByRole("textbox", { name: "Reason" })).toBeFocused();
  await page.keyboard.type("Matched a competitor's quote (e2e)");
  await page.keyboard.press("Enter");
  await expect(popover).toBeHidden();

  await expect(page.getByText(/^Needs manager approval:/)).toBeVisible();
  await expect(lineRow(page, 1).getByText("Manual", { exact: false })).toBeVisible();
  await expect(pricedNote(page)).toBeVisible();

  await page.getByRole("button", { name: "Submit order" }).click();
  const duplicate = page.getByRole("dialog", { name: "Possible duplicate order" });
  await expect(async () => {
    if (await duplicate.isVisible()) await duplicate.getByRole("button", { name: "Submit anyway" }).click({ timeout: 1_000 });
    expect(page.url()).toMatch(/\/orders\/SO-[\w-]+$/);
  }).toPass({ timeout: 20_000 });
  const number = page.url().split("/").pop()!;
  await expect(page.getByText(new RegExp(`Order ${number} placed on hold`))).toBeVisible();
  await expect(page.getByText(/Manual price .* (below cost|below the computed price)/).first()).toBeVisible();

  const manager = await browser.newContext({ storageState: "e2e/.auth/manager.json" });
  try {
    const queue = await manager.newPage();
    await queue.goto("/exceptions?type=price_approval");
    await expect(queue.getByRole("table", { name: "Exceptions" }).getByRole("link", { name: number, exact: true })).toBeVisible();
  } finally {
    await manager.close();
  }
});
