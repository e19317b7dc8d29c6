import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, placeOrderHeldFor, roomyCustomer, skusWithStock, type Order } from "./helpers";

/**
 * The exception desk: a rep works the queue from the keyboard and fixes an address hold in the side panel; a
 * manager goes from the dashboard to the price approvals and approves one. Each test makes its own held orders.
 */

/** 1–4 units: never "5× the usual", and a rerun on the same database rarely repeats an order's lines (the duplicate rule). */
const quantity = () => 1 + Math.floor(Math.random() * 4);
const rowOf = (page: Page, order: string) => page.getByTestId(`exception-row-${order}`);
const panel = (page: Page) => page.locator("[data-exception-panel]");

/** Presses a key until the page reacts (the first presses may land before hydration). */
async function pressUntil(page: Page, key: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.keyboard.press(key);
    await check();
  }).toPass({ timeout: 20_000, intervals: [250, 500, 1_000] });
}

test.describe("[EXCEPTIONS] rep", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("[EXCEPTIONS] a rep works the queue with the keyboard and fixes an address hold in the side panel", async ({ page }) => {
    const request = page.request;
    const [customer, skus] = await Promise.all([roomyCustomer(request), skusWithStock(request, 2)]);
    const badShipTo = { line1: "1 Harbor Way", city: "Newark", region: "NJ", postalCode: "ABCDE", country: "US" };
    const stamp = Date.now();
    const held: Order[] = [];
    for (const [i, sku] of skus.entries()) {
      held.push(
        await placeOrderHeldFor(request, "address_hold", async () => ({
          customer,
          customerReference: `E2E-ADDR-${stamp}-${i}-${Date.now()}`,
          shipTo: badShipTo,
          lines: [{ sku, quantity: quantity() }],
        })),
      );
    }
    for (const order of held) {
      expect(order.status, `${order.number} is held`).toBe("on_hold");
      expect(order.exceptions.map((e) => e.type)).toEqual(["address_hold"]);
    }
    const target = held[0]!;

    await page.goto(`/exceptions?type=address_hold&customer=${customer}`);
    await expect(page.getByRole("heading", { name: "Exceptions", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /My queue/ })).toHaveAttribute("aria-current", "page");
    await expect(rowOf(page, target.number)).toBeVisible();
    await expect(rowOf(page, held[1]!.number)).toBeVisible();
    await expect(rowOf(page, target.number)).toContainText(/\d+[hm].* left/);

    // j from nowhere takes the first row; walk to the target with j, one past it if possible, and back with k.
    const rows = page.getByRole("table", { name: "Exceptions" }).locator("tbody tr");
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")));
    const index = ids.indexOf(`exception-row-${target.number}`);
    expect(index).toBeGreaterThanOrEqual(0);
    await pressUntil(page, "j", () => expect(rows.nth(0)).toHaveAttribute("aria-current", "true", { timeout: 1_000 }));
    for (let i = 0; i < index + 1; i++) await page.keyboard.press("j");
    const past = Math.min(index + 1, ids.length - 1);
    await expect(rows.nth(past)).toHaveAttribute("aria-current", "true");
    for (let i = 0; i < past - index; i++) await page.keyboard.press("k");
    await expect(rowOf(page, target.number)).toHaveAttribute("aria-current", "true");

    // Enter opens the side panel on it; "a" takes it.
    await page.keyboard.press("Enter");
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByRole("heading", { level: 2 }).first()).toContainText(target.number);
    await expect(panel(page).getByTestId("panel-status")).toHaveText("Open");
    await expect(panel(page).getByLabel("Postal code")).toHaveValue("ABCDE");
    await expectAccessible(page);
    await page.keyboard.press("a");
    await expect(panel(page).getByTestId("panel-assignee")).toHaveText("Riley Rep");
    await expect(panel(page).getByTestId("panel-status")).toHaveText("In progress");
    await expect(rowOf(page, target.number)).toContainText("Riley Rep (you)");

    // "?" lists the keys, not while typing.
    await page.keyboard.press("?");
    const keys = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(keys).toBeVisible();
    // Focus inside the dialog: its layer is registered (same effects flush), so Escape closes it and not the panel.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("[data-exceptions-modal]"))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(keys).toBeHidden();

    // Typing in the panel's form is not a shortcut; a valid postal code resolves the hold and releases the order.
    const postal = panel(page).getByLabel("Postal code");
    await postal.fill("");
    await postal.pressSequentially("07102");
    await expect(keys).toBeHidden();
    await panel(page).getByRole("button", { name: "Save ship-to" }).click();
    await expect(page.getByText(`Ship-to of ${target.number} saved — address hold resolved`)).toBeVisible();
    await expect(panel(page).getByTestId("panel-status")).toHaveText("Resolved");
    await expect(panel(page).getByTestId("panel-order-status")).toContainText("Open");
    await expect(panel(page).getByTestId("panel-ship-to")).toContainText("07102");
    await expect(panel(page).getByRole("list", { name: "History" })).toContainText("Resolved on its own");

    // The queue drops it (active only); the other one is still there.
    await expect(rowOf(page, target.number)).toHaveCount(0);
    await expect(rowOf(page, held[1]!.number)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(panel(page)).toBeHidden();
  });
});

test.describe("[EXCEPTIONS] manager", () => {
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("[EXCEPTIONS] a manager follows the dashboard to the price approvals and approves one", async ({ page, browser }) => {
    const rep = await browser.newContext({ storageState: "e2e/.auth/rep.json" });
    let order: Order;
    try {
      const customer = await roomyCustomer(rep.request);
      order = await placeOrderHeldFor(rep.request, "price_approval", async () => {
        const [sku] = await skusWithStock(rep.request, 1);
        return { customer, customerReference: `E2E-PRICE-${Date.now()}`, lines: [{ sku, quantity: quantity(), unitPrice: 1, overrideReason: "Matching a competitor (e2e)" }] };
      });
    } finally {
      await rep.close();
    }
    expect(order.status).toBe("on_hold");
    expect(order.exceptions.map((e) => e.type)).toEqual(["price_approval"]);

    await page.goto("/exceptions");
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Exceptions dashboard", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /Breached now/ }).first()).toHaveAttribute("href", "/exceptions?view=all&sla=breached");
    await expectAccessible(page, [".recharts-wrapper"]);

    await page.getByRole("table", { name: "Open exceptions by type and age" }).getByRole("link", { name: "Price approval", exact: true }).click();
    await expect(page).toHaveURL(/\/exceptions\?view=all&type=price_approval$/);
    await expect(page.getByLabel("Type")).toHaveValue("price_approval");
    const row = rowOf(page, order.number);
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: "Price approval" }).click();

    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByRole("table", { name: `Lines of ${order.number}` })).toContainText("manual");
    await panel(page).getByRole("button", { name: "Approve the price" }).click();
    const dialog = page.getByRole("dialog", { name: /Resolve Price approval/ });
    await expect(dialog.getByRole("radio", { name: /Approve the price/ })).toBeChecked();
    await dialog.getByLabel(/Note/).fill("Approved for this customer (e2e)");
    await dialog.getByRole("button", { name: "Resolve" }).click();
    await expect(dialog).toBeHidden();

    await expect(panel(page).getByTestId("panel-status")).toHaveText("Resolved");
    await expect(panel(page).getByTestId("panel-order-status")).toContainText("Open");
    await expect(panel(page).getByRole("list", { name: "History" })).toContainText("Approved for this customer (e2e)");
    await expect(rowOf(page, order.number)).toHaveCount(0);
  });
});
