import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * Order entry (/orders/new) on the seeded demo data. Customers and SKUs are found by typing a few letters
 * and taking an option from the type-ahead, never by hard-coded names.
 */
test.use({ storageState: "e2e/.auth/rep.json" });

const customerField = (page: Page) => page.getByRole("combobox", { name: "Customer", exact: true });
const skuField = (page: Page, line: number) => page.getByRole("combobox", { name: `SKU, line ${line}`, exact: true });
const quantityField = (page: Page, line: number) => page.getByRole("textbox", { name: `Quantity, line ${line}`, exact: true });
const productOptions = (page: Page, line: number) => page.getByRole("listbox", { name: `Products for line ${line}` }).getByRole("option");
const accountSummary = (page: Page) => page.getByRole("complementary", { name: "Account summary" });

/** Tab until `target` has focus (a date input has a Tab stop per part, which differs by locale). */
async function tabTo(page: Page, target: Locator, maxPresses = 8) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Types into the focused customer field and takes the first match with Enter. */
async function chooseCustomerByKeyboard(page: Page, text: string) {
  await expect(customerField(page)).toBeFocused();
  await page.keyboard.type(text);
  await expect(page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(accountSummary(page).getByText("Available credit")).toBeVisible();
  // The ship-to defaults from the customer's address on file.
  await expect(page.getByLabel("Street", { exact: true })).not.toHaveValue("");
}

/** The first product for `prefix` on a line, with the mouse (for the tests that are not about the keyboard). */
async function addLine(page: Page, line: number, prefix: string, quantity: number) {
  await skuField(page, line).fill(prefix);
  await expect(productOptions(page, line).first()).toBeVisible();
  await skuField(page, line).press("Enter");
  await expect(quantityField(page, line)).toBeFocused();
  await quantityField(page, line).fill(String(quantity));
}

test("[ORDERS] a rep enters a 5-line order with the keyboard only and submits it with Ctrl+Enter", async ({ page }) => {
  await page.goto("/orders/new");
  // The form opens with the focus in Customer: no clicks from here on.
  await chooseCustomerByKeyboard(page, "C-10");
  // Choosing the customer goes straight on to the first SKU; Alt+H goes back to the header for the reference.
  await expect(skuField(page, 1)).toBeFocused();
  await page.keyboard.press("Alt+H");
  await expect(customerField(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Channel", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Customer reference", { exact: true })).toBeFocused();
  await page.keyboard.type(`PO-E2E-${Date.now().toString(36)}`);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Requested date", { exact: true })).toBeFocused();
  await tabTo(page, skuField(page, 1));

  const prefixes = ["BLT", "NUT", "HYD", "VAL", "GLV"];
  for (const [index, prefix] of prefixes.entries()) {
    const line = index + 1;
    await expect(skuField(page, line)).toBeFocused();
    await page.keyboard.type(prefix);
    const options = productOptions(page, line);
    await expect(options.nth(1)).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    // Enter picks the product and moves to the quantity, whose "1" is selected: typing replaces it.
    await expect(quantityField(page, line)).toBeFocused();
    await page.keyboard.type(String(line + 1));
    if (line < prefixes.length) {
      await page.keyboard.press("Enter");
      await expect(skuField(page, line + 1)).toBeFocused();
    }
  }

  // Live per line: the product, its price and its availability.
  const grid = page.getByRole("table", { name: "Order lines" });
  await expect(grid.getByRole("row")).toHaveCount(1 + prefixes.length);
  await expect(grid.locator("[data-availability]")).toHaveCount(prefixes.length);
  await expect(grid.locator("[data-availability]").first()).toHaveText(/^(\d+ in \S+ · \d+ total|\d+ now · all by .+)$/);
  await expect(page.getByRole("region", { name: "Lines" }).getByText("5 lines", { exact: true })).toBeVisible();

  await page.keyboard.press("Control+Enter");
  // A retry within 10 minutes meets its own first attempt: confirm the duplicate with the keyboard too.
  const duplicate = page.getByRole("dialog", { name: "Possible duplicate order" });
  await expect(async () => {
    if (await duplicate.isVisible()) {
      // The dialog opens on "Don't submit"; Tab moves to "Submit anyway".
      await page.keyboard.press("Tab");
      await expect(duplicate.getByRole("button", { name: "Submit anyway" })).toBeFocused({ timeout: 1_000 });
      await page.keyboard.press("Enter");
    }
    expect(page.url()).toMatch(/\/orders\/SO-[\w-]+$/);
  }).toPass({ timeout: 20_000 });
  const number = page.url().split("/").pop()!;
  await expect(page.getByText(new RegExp(`Order ${number} (submitted|placed on hold)`))).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
});

test("[ORDERS] a rep saves a quote and lands on it", async ({ page }) => {
  await page.goto("/orders/new");
  await chooseCustomerByKeyboard(page, "C-102");
  await addLine(page, 1, "ANC", 4);
  await page.getByRole("button", { name: "Save as quote" }).click();
  await page.waitForURL(/\/orders\/QT-[\w-]+$/);
  const number = page.url().split("/").pop()!;
  await expect(page.getByText(`Quote ${number} saved`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
});

test("[ORDERS] submitting without a customer shows the error next to Customer and stays on the page", async ({ page }) => {
  await page.goto("/orders/new");
  await expect(customerField(page)).toBeFocused();
  await addLine(page, 1, "BLT", 2);
  await page.getByRole("button", { name: "Submit order" }).click();

  await expect(customerField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(customerField(page)).toHaveAccessibleDescription("Choose a customer");
  await expect(customerField(page)).toBeFocused();
  await expect(page).toHaveURL(/\/orders\/new$/);

  // Choosing one clears the message.
  await chooseCustomerByKeyboard(page, "C-10");
  await expect(customerField(page)).not.toHaveAttribute("aria-invalid", "true");
});

test("[ORDERS] a reload keeps the order being typed, and Discard forgets it", async ({ page }) => {
  await page.goto("/orders/new");
  await chooseCustomerByKeyboard(page, "C-103");
  const customerName = await customerField(page).inputValue();
  await addLine(page, 1, "HYD", 7);
  const sku = await skuField(page, 1).inputValue();
  await page.getByLabel("Customer reference", { exact: true }).fill("PO-DRAFT-9");
  await page.getByLabel("Notes", { exact: true }).fill("Call the site office before delivery.");
  await expect(page.getByText(/Draft kept on this device/)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/Draft restored/)).toBeVisible();
  await expect(customerField(page)).toHaveValue(customerName);
  await expect(skuField(page, 1)).toHaveValue(sku);
  await expect(quantityField(page, 1)).toHaveValue("7");
  await expect(page.getByLabel("Customer reference", { exact: true })).toHaveValue("PO-DRAFT-9");
  await expect(page.getByLabel("Notes", { exact: true })).toHaveValue("Call the site office before delivery.");
  await expect(accountSummary(page).getByText("Available credit")).toBeVisible();

  await page.getByRole("button", { name: "Discard" }).click();
  await expect(customerField(page)).toHaveValue("");
  await expect(skuField(page, 1)).toHaveValue("");
  await page.reload();
  await expect(customerField(page)).toBeVisible();
  await expect(page.getByText(/Draft restored/)).toBeHidden();
  await expect(customerField(page)).toHaveValue("");
});
