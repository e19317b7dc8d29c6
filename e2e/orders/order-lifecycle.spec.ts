import { expect, test, type Page } from "@playwright/test";

/**
 * Order list and order detail journeys on the seeded demo data. Each test picks its own order from the
 * list (by a different sort), so the tests do not step on each other or on orders other specs create.
 */

/** Numbers this file already changed (a retry in a new worker starts empty, which is fine). */
const used = new Set<string>();

/** The first order of a list URL that this file has not used yet. */
async function pickOrder(page: Page, listUrl: string): Promise<string> {
  await page.goto(listUrl);
  const table = page.getByRole("table", { name: /Orders|Quotes/ });
  await expect(table).toBeVisible();
  const numbers = (await table.getByRole("row").locator("td:first-child a").allTextContents()).map((t) => t.trim());
  const number = numbers.find((n) => !used.has(n));
  expect(number, `an unused order in ${listUrl}`).toBeTruthy();
  used.add(number!);
  return number!;
}

/** Clicks a button that opens a dialog; retries while the page is still hydrating. */
async function openDialog(page: Page, button: string, dialog: RegExp) {
  const found = page.getByRole("dialog", { name: dialog });
  await expect(async () => {
    if (!(await found.isVisible())) await page.getByRole("button", { name: button, exact: true }).click({ timeout: 2_000 });
    await expect(found).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return found;
}

const statuses = (page: Page) => page.getByRole("group", { name: "Statuses" });
const totalOf = (page: Page) => page.getByTestId("order-total");
/** The quantity among a line's cells at 1440 px: #, SKU · product, Qty (the product's own column shows from 1536 px). */
const QTY_CELL = 2;
/**
 * The newest timeline entry of a kind: an edit may be followed by a hold check's own entry, a cancel or a release by
 * the exception it resolved (a case-sensitive pattern keeps "Canceled" from matching "resolved (order canceled)").
 */
const newestEventOf = (page: Page, label: string | RegExp) =>
  page.getByRole("list", { name: "Timeline" }).getByRole("listitem").filter({ hasText: label }).first();

test.describe("[ORDERS] rep", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("[ORDERS] a rep edits an open order's quantity and sees the new total and an edited timeline entry", async ({ page }) => {
    const number = await pickOrder(page, "/orders?status=open&sort=total&direction=asc");
    await page.getByRole("link", { name: number, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
    await expect(statuses(page).getByText("Open", { exact: true })).toBeVisible();
    const oldTotal = (await totalOf(page).textContent())!.trim();

    const dialog = await openDialog(page, "Edit", /Edit order/);
    const quantity = dialog.getByLabel("Line 1 quantity");
    const oldQuantity = Number(await quantity.inputValue());
    await quantity.fill(String(oldQuantity + 2));
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${number} saved`)).toBeVisible();

    await expect(totalOf(page)).not.toHaveText(oldTotal);
    const newTotal = (await totalOf(page).textContent())!.trim();
    await expect(page.getByRole("table", { name: "Order lines" }).getByRole("row").nth(1).getByRole("cell").nth(QTY_CELL)).toHaveText(
      String(oldQuantity + 2),
    );
    const edited = newestEventOf(page, "Edited");
    await expect(edited).toContainText("Edited");
    await expect(edited).toContainText("Riley Rep");
    await expect(edited).toContainText(oldTotal);
    await expect(edited).toContainText(newTotal);
  });

  test("[ORDERS] a rep cancels an open order with a reason and sees it canceled", async ({ page }) => {
    const number = await pickOrder(page, "/orders?status=open&fulfillmentStatus=unfulfilled&sort=number&direction=asc");
    await page.goto(`/orders/${number}`);
    const dialog = await openDialog(page, "Cancel order", /Cancel order/);

    // The reason is required.
    await dialog.getByRole("button", { name: "Cancel order" }).click();
    await expect(dialog.getByText("Say why the order is canceled")).toBeVisible();
    await expect(dialog).toBeVisible();

    const reason = `Customer changed supplier (e2e ${Date.now()})`;
    await dialog.getByLabel("Reason").fill(reason);
    await dialog.getByRole("button", { name: "Cancel order" }).click();
    await expect(dialog).toBeHidden();

    await expect(statuses(page).getByText("Canceled", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Canceled" })).toContainText(reason);
    await expect(newestEventOf(page, /Canceled/)).toContainText(reason);
    await expect(page.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Cancel order", exact: true })).toHaveCount(0);
  });

  test("[ORDERS] a stale edit from a second tab is refused with a conflict, and nothing typed is lost", async ({ page }) => {
    const number = await pickOrder(page, "/orders?status=open&sort=total&direction=desc");
    const first = page;
    const second = await page.context().newPage();
    await first.goto(`/orders/${number}`);
    await second.goto(`/orders/${number}`);

    const firstDialog = await openDialog(first, "Edit", /Edit order/);
    const secondDialog = await openDialog(second, "Edit", /Edit order/);
    const base = Number(await firstDialog.getByLabel("Line 1 quantity").inputValue());

    await firstDialog.getByLabel("Line 1 quantity").fill(String(base + 1));
    await firstDialog.getByRole("button", { name: "Save changes" }).click();
    await expect(firstDialog).toBeHidden();
    await expect(first.getByText(`${number} saved`)).toBeVisible();

    await secondDialog.getByLabel("Line 1 quantity").fill(String(base + 5));
    await secondDialog.getByLabel("Customer reference").fill("PO-SECOND-TAB");
    await secondDialog.getByRole("button", { name: "Save changes" }).click();
    await expect(secondDialog.getByRole("alert").filter({ hasText: `Order ${number} was changed by` })).toBeVisible();
    await expect(secondDialog).toBeVisible();
    // The typed values are still there.
    await expect(secondDialog.getByLabel("Line 1 quantity")).toHaveValue(String(base + 5));
    await expect(secondDialog.getByLabel("Customer reference")).toHaveValue("PO-SECOND-TAB");

    // Reload shows the current order; saving again on top of it works.
    await secondDialog.getByRole("button", { name: "Reload" }).click();
    await expect(secondDialog.getByText(new RegExp(`Reloaded: ${number} is now version`))).toBeVisible();
    await expect(secondDialog.getByLabel("Line 1 quantity")).toHaveValue(String(base + 5));
    await secondDialog.getByRole("button", { name: "Save changes" }).click();
    await expect(secondDialog).toBeHidden();
    await expect(second.getByRole("table", { name: "Order lines" }).getByRole("row").nth(1).getByRole("cell").nth(QTY_CELL)).toHaveText(
      String(base + 5),
    );
    await expect(newestEventOf(second, "Edited")).toContainText("PO-SECOND-TAB");
  });

  test("[ORDERS] filters live in the URL and survive a reload", async ({ page }) => {
    await page.goto("/orders");
    await expect(page.getByRole("table", { name: "Orders" })).toBeVisible();
    await expect(async () => {
      await page.getByLabel("Status").selectOption("on_hold");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/status=on_hold/, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });

    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("on_hold");
    const table = page.getByRole("table", { name: "Orders" });
    await expect(table).toBeVisible();
    const statusCells = table.getByRole("row").locator("td:nth-child(4)");
    expect(await statusCells.count()).toBeGreaterThan(0);
    for (const text of await statusCells.allTextContents()) expect(text.trim()).toBe("On hold");

    // Sorting keeps the filter.
    await table.getByRole("link", { name: /^Total/ }).click();
    await expect(page).toHaveURL(/status=on_hold/);
    await expect(page).toHaveURL(/sort=total/);
  });

  test("[ORDERS] a rep converts a valid quote and lands on the new order", async ({ page }) => {
    await page.goto("/quotes?status=draft");
    const table = page.getByRole("table", { name: "Quotes" });
    await expect(table.or(page.getByText("No quotes match these filters"))).toBeVisible();
    const rows = table.getByRole("row").filter({ has: page.locator("td") }).filter({ hasNotText: "Expired" });
    // The demo seed always has recent quotes that are still valid.
    expect(await rows.count()).toBeGreaterThan(0);
    // The oldest valid quote on the page: new quotes other journeys create stay theirs.
    const quote = (await rows.last().locator("td:first-child a").textContent())!.trim();

    await page.goto(`/orders/${quote}`);
    await expect(page.getByRole("region", { name: "Quote" })).toContainText("Valid until");
    const dialog = await openDialog(page, "Convert to order", /Convert .* to an order/);
    await dialog.getByRole("button", { name: "Convert to order" }).click();

    await expect(page).toHaveURL(/\/orders\/SO-/);
    const order = page.url().split("/orders/")[1]!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(order);
    await expect(page.getByText(`Converted from quote ${quote}`)).toBeVisible();
    await expect(newestEventOf(page, "Created from a quote")).toContainText(quote);

    await page.goto(`/orders/${quote}`);
    await expect(page.getByRole("region", { name: "Quote" })).toContainText(`Converted to order ${order}`);
    await expect(page.getByRole("button", { name: "Convert to order" })).toHaveCount(0);
  });
});

test.describe("[ORDERS] manager", () => {
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("[ORDERS] a manager releases a held order", async ({ page }) => {
    const number = await pickOrder(page, "/orders?status=on_hold&sort=number&direction=asc");
    await page.goto(`/orders/${number}`);
    await expect(page.getByRole("region", { name: "On hold" })).toBeVisible();

    const dialog = await openDialog(page, "Release hold", /Release hold/);
    await dialog.getByLabel("Note (optional)").fill("Checked with the customer (e2e)");
    await dialog.getByRole("button", { name: "Release hold" }).click();
    await expect(dialog).toBeHidden();

    await expect(statuses(page).getByText("Open", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "On hold" })).toHaveCount(0);
    await expect(newestEventOf(page, /Hold released/)).toContainText("Checked with the customer (e2e)");
  });
});

test.describe("[ORDERS] rep without manager rights", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("[ORDERS] a rep sees a held order but no Release hold button", async ({ page }) => {
    await page.goto("/orders?status=on_hold&sort=number&direction=desc");
    const link = page.getByRole("table", { name: "Orders" }).getByRole("row").nth(1).locator("td:first-child a");
    const number = (await link.textContent())!.trim();
    await page.goto(`/orders/${number}`);
    await expect(page.getByRole("region", { name: "On hold" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Release hold" })).toHaveCount(0);
  });
});
