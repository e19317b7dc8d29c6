import { expect, test, type Page } from "@playwright/test";

/**
 * Receiving (/purchasing/[number]): the warehouse opens a sent purchase order, receives part of it, then
 * the rest. The seed always has sent purchase orders; which one is taken is read from the list, and
 * quantities are read from the page, never hard-coded.
 */
test.use({ storageState: "e2e/.auth/warehouse.json" });

const statusOf = (page: Page) => page.getByRole("group", { name: "Status" });
const receivedFact = (page: Page) => page.getByTestId("po-received");

/** "12 of 286" → [12, 286]. */
async function receivedCounts(page: Page): Promise<[number, number]> {
  await expect(receivedFact(page)).toHaveText(/^\d+ of \d+$/);
  const [received, ordered] = ((await receivedFact(page).textContent()) ?? "").split(" of ").map(Number);
  return [received!, ordered!];
}

test("[PURCHASING] a warehouse user receives part of a sent purchase order, then the rest", async ({ page }) => {
  await page.goto("/purchasing?status=sent");
  const list = page.getByRole("table", { name: "Purchase orders" });
  const firstLink = list.getByRole("row").nth(1).getByRole("link").first();
  const number = ((await firstLink.textContent()) ?? "").trim();
  expect(number).toMatch(/^PO-\d+$/);
  await firstLink.click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(statusOf(page)).toContainText("Sent");
  const [receivedBefore, ordered] = await receivedCounts(page);
  expect(receivedBefore).toBe(0);

  // Partial: a part of the first line, nothing of the others.
  const form = page.getByRole("form", { name: "Receive goods" });
  const inputs = form.getByRole("spinbutton");
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  const firstInput = inputs.first();
  const firstLabel = (await form.locator("label").first().textContent())?.trim() ?? "";
  expect(firstLabel).toMatch(/^Receive \S+$/);
  const sku = firstLabel.replace(/^Receive /, "");
  const remaining = Number(await firstInput.inputValue());
  expect(remaining).toBeGreaterThan(0);
  const partial = Math.max(1, Math.floor(remaining / 2));
  await form.getByLabel(`Receive ${sku}`, { exact: true }).fill(String(partial));
  for (let i = 1; i < count; i++) await inputs.nth(i).fill("0");
  await form.getByRole("button", { name: "Receive", exact: true }).click();
  // A confirmation sums up what is received, into which warehouse.
  const confirm = page.getByRole("dialog", { name: `Receive on ${number}?` });
  await expect(confirm).toContainText(`${partial} unit${partial === 1 ? "" : "s"} on 1 line go on hand in`);
  await expect(confirm.getByRole("list", { name: "Lines to receive" })).toContainText(`${sku}`);
  await confirm.getByRole("button", { name: /^Receive into / }).click();

  await expect(page.getByText(`Received ${partial} unit${partial === 1 ? "" : "s"} on ${number} — partially received`)).toBeVisible();
  await expect(statusOf(page)).toContainText("Partially received");
  await expect(receivedFact(page)).toHaveText(`${partial} of ${ordered}`);
  const lineRow = page.getByRole("table", { name: "Purchase order lines" }).getByRole("row").filter({ hasText: sku });
  await expect(lineRow.getByRole("cell").nth(4)).toHaveText(String(partial));

  // The rest: every input is prefilled with what remains.
  await expect(form.getByLabel(`Receive ${sku}`, { exact: true })).toHaveValue(String(remaining - partial));
  await form.getByRole("button", { name: "Receive", exact: true }).click();
  await confirm.getByRole("button", { name: /^Receive into / }).click();
  await expect(page.getByText(new RegExp(`Received \\d+ units? on ${number} — received`))).toBeVisible();
  await expect(statusOf(page)).toContainText("Received");
  await expect(statusOf(page)).not.toContainText("Partially");
  await expect(receivedFact(page)).toHaveText(`${ordered} of ${ordered}`);
  await expect(form).toBeHidden();

  // The history names both receipts.
  await expect(page.getByRole("list", { name: "Purchase order history" }).getByText("Goods received")).toHaveCount(2);
});

test("[PURCHASING] over-receiving is refused on the line, and nothing is received", async ({ page }) => {
  await page.goto("/purchasing?status=sent");
  await page.getByRole("table", { name: "Purchase orders" }).getByRole("row").nth(1).getByRole("link").first().click();
  const form = page.getByRole("form", { name: "Receive goods" });
  const first = form.getByRole("spinbutton").first();
  const remaining = Number(await first.inputValue());
  await first.fill(String(remaining + 1));
  await form.getByRole("button", { name: "Receive", exact: true }).click();
  await expect(form.getByText(`At most ${remaining} remain to be received`)).toBeVisible();
  await expect(statusOf(page)).toContainText("Sent");
});

test.describe("as a manager", () => {
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("[PURCHASING] a manager drafts a purchase order with the SKU lookup and sends it", async ({ page }) => {
    await page.goto("/purchasing/new");
    await page.getByLabel("Vendor", { exact: true }).selectOption("MFS");
    await page.getByLabel("Deliver to", { exact: true }).selectOption("EAST");
    const sku = page.getByRole("combobox", { name: "SKU, line 1", exact: true });
    await sku.fill("BLT");
    await page.getByRole("listbox", { name: "Products for line 1" }).getByRole("option").first().click();
    const chosen = (await sku.inputValue()).trim();
    expect(chosen).toMatch(/^BLT-/);
    await page.getByLabel("Quantity, line 1", { exact: true }).fill("24");
    await page.getByRole("button", { name: "Save draft" }).click();

    await expect(page).toHaveURL(/\/purchasing\/PO-\d+$/);
    const number = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    await expect(page.getByText(`${number} drafted`)).toBeVisible();
    await expect(statusOf(page)).toContainText("Draft");
    await expect(page.getByRole("table", { name: "Purchase order lines" }).getByRole("row").filter({ hasText: chosen })).toContainText("24");

    await page.getByRole("button", { name: "Send to vendor" }).click();
    await expect(page.getByText(`${number} sent to Midwest Fastener Supply`)).toBeVisible();
    await expect(statusOf(page)).toContainText("Sent");
    await expect(page.getByRole("list", { name: "Purchase order history" })).toContainText("Sent to the vendor");
  });
});
