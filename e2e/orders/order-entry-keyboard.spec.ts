import { expect, test, type Page } from "@playwright/test";

/**
 * Order entry's keyboard flow and line warnings (issue 15, "Order entry"): the customer leads to the lines,
 * Alt+L / Alt+H jump between lines and header, `?` lists the keys, a SKU entered twice offers a merge, and
 * validation messages sit under their row instead of wrapping inside the narrow cells.
 */
test.use({ storageState: "e2e/.auth/rep.json" });

const customerField = (page: Page) => page.getByRole("combobox", { name: "Customer", exact: true });
const skuField = (page: Page, line: number) => page.getByRole("combobox", { name: `SKU, line ${line}`, exact: true });
const quantityField = (page: Page, line: number) => page.getByRole("textbox", { name: `Quantity, line ${line}`, exact: true });
const productOptions = (page: Page, line: number) => page.getByRole("listbox", { name: `Products for line ${line}` }).getByRole("option");
const grid = (page: Page) => page.getByRole("table", { name: "Order lines" });
const lineNote = (page: Page, line: number) => grid(page).locator(`tr[data-line-note="${line}"]`);

async function chooseCustomer(page: Page, text: string) {
  await customerField(page).fill(text);
  await expect(page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").first()).toBeVisible();
  await customerField(page).press("Enter");
}

/** The first product for `prefix` on a line; answers its SKU. */
async function pickProduct(page: Page, line: number, prefix: string, quantity: number): Promise<string> {
  await skuField(page, line).fill(prefix);
  await expect(productOptions(page, line).first()).toBeVisible();
  await skuField(page, line).press("Enter");
  await expect(quantityField(page, line)).toBeFocused();
  await quantityField(page, line).fill(String(quantity));
  return (await skuField(page, line).inputValue()).trim();
}

test("[ORDERS] choosing a customer moves to the first SKU; Alt+L and Alt+H jump between lines and header; ? lists the keys", async ({ page }) => {
  await page.goto("/orders/new");
  await expect(customerField(page)).toBeFocused();
  await page.keyboard.type("C-10");
  await expect(page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(skuField(page, 1)).toBeFocused();

  await page.keyboard.type("BLT");
  await expect(productOptions(page, 1).first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(quantityField(page, 1)).toBeFocused();

  await page.keyboard.press("Alt+H");
  await expect(customerField(page)).toBeFocused();
  // Every line has a SKU: Alt+L opens a new line to type into.
  await page.keyboard.press("Alt+L");
  await expect(skuField(page, 2)).toBeFocused();
  await page.keyboard.press("Alt+H");
  await expect(customerField(page)).toBeFocused();
  // Now line 2 is the first empty SKU: no third line.
  await page.keyboard.press("Alt+L");
  await expect(skuField(page, 2)).toBeFocused();
  await expect(grid(page).locator("tr[data-line]")).toHaveCount(2);

  // ? in a text field is a character…
  await page.keyboard.type("?");
  await expect(skuField(page, 2)).toHaveValue("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  await skuField(page, 2).fill("");
  // …elsewhere it lists the keys.
  await page.getByRole("button", { name: "Add line" }).focus();
  await page.keyboard.press("?");
  const keys = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(keys).toBeVisible();
  await expect(keys.getByRole("row", { name: /Go to the lines/ })).toContainText("Alt");
  await expect(keys.getByRole("row", { name: /Back to the header/ })).toContainText("H");
  await expect(keys.getByRole("row", { name: /merge it into that line/ })).toContainText("M");
  await page.keyboard.press("Escape");
  await expect(keys).toBeHidden();
  // The same list from the link under the lines.
  await page.getByRole("button", { name: "All shortcuts" }).click();
  await expect(keys).toBeVisible();
});

test("[ORDERS] a SKU already on another line is flagged there and merged with Alt+M or the button", async ({ page }) => {
  await page.goto("/orders/new");
  await chooseCustomer(page, "C-10");
  await expect(skuField(page, 1)).toBeFocused();
  const sku = await pickProduct(page, 1, "NUT", 4);
  await quantityField(page, 1).press("Enter");
  await pickProduct(page, 2, "HYD", 1);
  await quantityField(page, 2).press("Enter");

  // Line 3: the same SKU as line 1, typed in lower case.
  await skuField(page, 3).fill(sku.toLowerCase());
  await quantityField(page, 3).fill("6");
  const note = lineNote(page, 3);
  await expect(note).toContainText(`${sku} is also on line 1 — merge?`);
  await expect(lineNote(page, 1)).toHaveCount(0);
  await expect(skuField(page, 3)).toHaveAccessibleDescription(`${sku} is also on line 1 — merge?`);

  await quantityField(page, 3).focus();
  await page.keyboard.press("Alt+M");
  await expect(grid(page).locator("tr[data-line]")).toHaveCount(2);
  await expect(quantityField(page, 1)).toHaveValue("10");
  await expect(quantityField(page, 1)).toBeFocused();
  await expect(page.getByText("Merged into line 1")).toBeVisible();

  // Again with the mouse: the button under the line.
  await page.keyboard.press("Alt+L");
  await expect(skuField(page, 3)).toBeFocused();
  await skuField(page, 3).fill(sku);
  await quantityField(page, 3).fill("5");
  // The line's product, stock and promise arrive first (each moves the note down): then the click lands on the button.
  const line3 = grid(page).locator('tr[data-line="3"]');
  await expect(line3.locator("[data-availability]")).toBeVisible();
  await expect(line3.getByTestId("line-promise")).toBeVisible();
  await lineNote(page, 3).getByRole("button", { name: /Merge into line 1/ }).click();
  await expect(grid(page).locator("tr[data-line]")).toHaveCount(2);
  await expect(quantityField(page, 1)).toHaveValue("15");
  await expect(grid(page).locator("[data-repeat-of]")).toHaveCount(0);
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`[ORDERS] validation messages sit under their row in one line at ${viewport.width}×${viewport.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto("/orders/new");
    await chooseCustomer(page, "C-10");
    await expect(skuField(page, 1)).toBeFocused();
    await pickProduct(page, 1, "BLT", 1_000_001);
    await quantityField(page, 1).press("Enter");
    await skuField(page, 2).fill("NOT A SKU!");
    await quantityField(page, 2).fill("0");
    await page.getByRole("button", { name: "Submit order" }).click();

    const quantityError = lineNote(page, 1).locator('[data-line-error="quantity"]');
    await expect(quantityError).toHaveText("Quantity can be at most 1,000,000");
    await expect(quantityField(page, 1)).toHaveAccessibleDescription("Quantity can be at most 1,000,000");
    await expect(quantityField(page, 1)).toHaveAttribute("aria-invalid", "true");
    await expect(lineNote(page, 2).locator('[data-line-error="quantity"]')).toHaveText("Quantity must be more than 0");
    const skuError = lineNote(page, 2).locator('[data-line-error="sku"]');
    await expect(skuError).not.toBeEmpty();
    await expect(skuField(page, 2)).toHaveAttribute("aria-invalid", "true");

    // One line each (12 px text: under 20 px tall), as wide as the row, not squeezed into the Qty column.
    for (const message of [quantityError, skuError, lineNote(page, 2).locator('[data-line-error="quantity"]')]) {
      const box = (await message.boundingBox())!;
      expect(box.height).toBeLessThan(20);
    }
    // Nothing in the lines table sticks out of it.
    const overflow = await grid(page).evaluate((table) => table.scrollWidth - table.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    await grid(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`order-entry-errors-${viewport.width}.png`), fullPage: true });
  });
}
