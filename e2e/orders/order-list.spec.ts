import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

/**
 * The order list (issue 15): the count, previous/next and page size, filters that apply as they change,
 * sorting on every sortable column, the product-name search, and the layout at 1024 and 1440 px.
 * Read-only on the demo data, so it runs beside the other order specs.
 */

const table = (page: Page) => page.getByRole("table", { name: "Orders" });
const numbers = async (page: Page) => (await table(page).getByRole("row").locator("td:first-child a").allTextContents()).map((t) => t.trim());
const pager = (page: Page) => page.getByRole("navigation", { name: "Pagination" });

/** Waits until the list shows rows (hydration included: the pager's select is a client control). */
async function openList(page: Page, url: string) {
  await page.goto(url);
  await expect(table(page)).toBeVisible();
}

test.describe("[ORDERS] order list", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("[ORDERS] counts the matching orders and pages forward and back in pages of 25, 50 or 100", async ({ page }) => {
    await openList(page, "/orders?size=25");
    await expect(pager(page).getByTestId("order-count")).toHaveText(/^ of [\d,]+\+? orders$/);
    const first = await numbers(page);
    expect(first).toHaveLength(25);
    await expect(pager(page).getByRole("button", { name: "Previous" })).toBeDisabled();

    await pager(page).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect.poll(() => numbers(page)).not.toEqual(first);
    const second = await numbers(page);
    expect(second.some((n) => first.includes(n))).toBe(false);

    await pager(page).getByRole("link", { name: "Previous" }).click();
    await expect(page).toHaveURL(/before=/);
    await expect.poll(() => numbers(page)).toEqual(first);
    await expect(pager(page).getByRole("button", { name: "Previous" })).toBeDisabled();

    // Page size: the cursor goes, the size stays in the URL.
    await expect(async () => {
      await pager(page).getByLabel("Rows per page").selectOption("100");
      await expect(page).toHaveURL(/size=100/, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page).not.toHaveURL(/before=|cursor=/);
    await expect.poll(async () => (await numbers(page)).length).toBe(100);

    // A filter narrows the count.
    const all = Number((await pager(page).getByTestId("order-count").textContent())!.replace(/\D/g, ""));
    await openList(page, "/orders?status=on_hold");
    const held = Number((await pager(page).getByTestId("order-count").textContent())!.replace(/\D/g, ""));
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(all);
  });

  test("[ORDERS] filters apply as they change; typing is debounced and keeps its focus", async ({ page }) => {
    await openList(page, "/orders");
    await expect(async () => {
      await page.getByLabel("Status").selectOption("open");
      await expect(page).toHaveURL(/status=open/, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    for (const text of await table(page).getByRole("row").locator("td:nth-child(4)").allTextContents()) expect(text.trim()).toBe("Open");

    const search = page.getByLabel("Search orders");
    await search.click();
    await search.pressSequentially("nitrile", { delay: 60 });
    await expect(page).toHaveURL(/search=nitrile/);
    await expect(page).toHaveURL(/status=open/);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("nitrile");
    // Orders found by a product name (no order number, PO or customer says "nitrile").
    await expect(table(page)).toBeVisible();
    expect((await numbers(page)).length).toBeGreaterThan(0);

    // Back restores the fields from the URL.
    await page.goBack();
    await expect(page).not.toHaveURL(/search=/);
    await expect(search).toHaveValue("");
    await expect(page.getByLabel("Status")).toHaveValue("open");
  });

  test("[ORDERS] sorts by customer and status, ascending then descending", async ({ page }) => {
    await openList(page, "/orders?size=100");
    await table(page).getByRole("link", { name: /^Customer/ }).click();
    await expect(page).toHaveURL(/sort=customer&direction=asc/);
    await expect(table(page).getByRole("columnheader", { name: /Customer/ })).toHaveAttribute("aria-sort", "ascending");
    const names = (await table(page).getByRole("row").locator("td:nth-child(2) a").allTextContents()).map((t) => t.trim().toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    await table(page).getByRole("link", { name: /^Status/ }).click();
    await expect(page).toHaveURL(/sort=status&direction=asc/);
    await expect(table(page).getByRole("row").nth(1).locator("td:nth-child(4)")).toHaveText("Draft");
    await table(page).getByRole("link", { name: /^Status/ }).click();
    await expect(page).toHaveURL(/sort=status&direction=desc/);
    await expect(table(page).getByRole("row").nth(1).locator("td:nth-child(4)")).not.toHaveText("Draft");
  });

  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    test(`[ORDERS] the list fits ${width}×${height}: number, status, total in view`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await openList(page, "/orders");
      await expect(pager(page).getByTestId("order-count")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const header = table(page).getByRole("row").first();
      for (const name of [/Order/, /^Status/, /^Total/]) {
        const box = await header.getByRole("columnheader", { name }).boundingBox();
        expect(box, String(name)).not.toBeNull();
        expect(box!.x + box!.width, String(name)).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: testInfo.outputPath(`orders-${width}.png`), fullPage: false });
      await page.screenshot({ path: `test-results/order-list-${width}.png`, fullPage: false });
    });
  }
});

test.describe("[ORDERS] order list bulk actions", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("[ORDERS] exports the selection and the whole filter as CSV, formula cells neutralised", async ({ page }) => {
    await openList(page, "/orders?status=on_hold&sort=total&direction=desc");
    const rows = table(page).getByRole("row").filter({ has: page.locator("td") });
    const picked = (await numbers(page)).slice(0, 2);
    expect(picked).toHaveLength(2);
    await expect(async () => {
      await rows.nth(0).getByRole("checkbox").check({ timeout: 2_000 });
      await rows.nth(1).getByRole("checkbox").check({ timeout: 2_000 });
      await expect(page.getByText("2 selected")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    const [selection] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export selected" }).click()]);
    expect(selection.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const selected = (await readFile((await selection.path())!, "utf8")).replace(/\r\n$/, "").split("\r\n");
    expect(selected[0]).toBe("\uFEFFnumber,kind,status,fulfillment_status,billing_status,channel,customer_code,customer_name,customer_reference,lines,total,currency,created_at,valid_until,assigned_to");
    expect(selected.slice(1).map((l) => l.split(",")[0])).toEqual(picked);

    const count = Number((await pager(page).getByTestId("order-count").textContent())!.replace(/\D/g, ""));
    const [all] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export all matching" }).click()]);
    const lines = (await readFile((await all.path())!, "utf8")).replace(/\r\n$/, "").split("\r\n");
    expect(lines.length - 1).toBe(count);
    for (const line of lines.slice(1)) expect(line).toContain(",on_hold,");

    // Select all on the page, then clear.
    await page.getByRole("checkbox", { name: "Select all orders on this page" }).check();
    await expect(page.getByText(`${await rows.count()} selected`)).toBeVisible();
    await page.getByRole("button", { name: "Clear selection" }).click();
    await expect(page.getByText("Select orders for bulk actions")).toBeVisible();
  });

  test("[ORDERS] cancels the selected drafts, one by one, and leaves other orders alone", async ({ page }) => {
    await openList(page, "/orders?status=draft&sort=number&direction=asc");
    const rows = table(page).getByRole("row").filter({ has: page.locator("td") });
    const drafts = (await numbers(page)).slice(0, 2);
    expect(drafts).toHaveLength(2);
    await expect(async () => {
      await rows.nth(0).getByRole("checkbox").check({ timeout: 2_000 });
      await rows.nth(1).getByRole("checkbox").check({ timeout: 2_000 });
      await expect(page.getByRole("button", { name: "Cancel drafts (2)" })).toBeEnabled({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await page.getByRole("button", { name: "Cancel drafts (2)" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel 2 drafts" });
    await dialog.getByRole("button", { name: "Cancel drafts" }).click();
    await expect(dialog.getByText("Say why the drafts are canceled")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Customer withdrew (bulk e2e)");
    await dialog.getByRole("button", { name: "Cancel drafts" }).click();
    await expect(page.getByText("2 drafts canceled")).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect.poll(() => numbers(page)).not.toContain(drafts[0]);
    await openList(page, `/orders?status=canceled&search=${drafts[0]}`);
    expect(await numbers(page)).toContain(drafts[0]);
  });

  test("[ORDERS] assigns the selection to a rep; the 'Assigned to' filter and the order's timeline show it", async ({ page }) => {
    await openList(page, "/orders?status=open&sort=total&direction=asc");
    const rows = table(page).getByRole("row").filter({ has: page.locator("td") });
    const picked = (await numbers(page)).slice(0, 2);
    expect(picked).toHaveLength(2);
    await expect(async () => {
      await rows.nth(0).getByRole("checkbox").check({ timeout: 2_000 });
      await rows.nth(1).getByRole("checkbox").check({ timeout: 2_000 });
      await expect(page.getByRole("button", { name: "Assign…" })).toBeEnabled({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await page.getByRole("button", { name: "Assign…" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign 2 orders" });
    await dialog.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(dialog.getByText("Choose who looks after them, or Nobody")).toBeVisible();
    await dialog.getByLabel("Assign to").selectOption({ label: "Riley Rep" });
    await dialog.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByText("2 orders assigned to Riley Rep")).toBeVisible();
    await expect(dialog).toBeHidden();

    await openList(page, "/orders?status=open&sort=total&direction=asc");
    await page.getByLabel("Assigned to").selectOption({ label: "Me" });
    await expect(page).toHaveURL(/assignedTo=me/);
    await expect.poll(() => numbers(page)).toEqual(expect.arrayContaining(picked));
    // The Assigned column shows from 1536 px on.
    await page.setViewportSize({ width: 1600, height: 900 });
    await expect(table(page).getByRole("row", { name: new RegExp(picked[0]!) }).getByRole("cell", { name: "Riley Rep" })).toBeVisible();

    // The order page says who has it, and the assignment can be taken back there.
    await page.goto(`/orders/${picked[0]}`);
    await expect(page.locator("[data-event-type=assigned]").first()).toHaveText("Assigned to Riley Rep");
    await expect(async () => {
      await page.getByRole("button", { name: "Change", exact: true }).click({ timeout: 2_000 });
      await expect(page.getByRole("dialog", { name: "Assign 1 order" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const single = page.getByRole("dialog", { name: "Assign 1 order" });
    // The people are read when the dialog opens.
    await expect(single.getByLabel("Assign to").locator("option", { hasText: "Riley Rep" })).toHaveCount(1);
    await single.getByLabel("Assign to").selectOption({ label: "Nobody (unassign)" });
    await single.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByText("1 order assigned to nobody")).toBeVisible();
    await expect(page.getByText("not assigned", { exact: false }).first()).toBeVisible();
    await expect(page.locator("[data-event-type=assigned]").first()).toHaveText("Unassigned");
  });
});

test.describe("[ORDERS] order list view", () => {
  // The manager's own layout: other specs read the list as the rep.
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("[ORDERS] hides a column and turns rows compact; both are kept for the user across page loads", async ({ page }) => {
    await openList(page, "/orders");
    await expect(table(page).getByRole("columnheader", { name: "Billing" })).toBeVisible();
    const view = page.getByRole("button", { name: "Columns", exact: true });
    // The menu is modal (the page behind it is hidden from the accessibility tree): each change, then Escape.
    const choose = async (item: { role: "menuitemcheckbox" | "menuitemradio"; name: string }) => {
      await expect(async () => {
        await view.click({ timeout: 2_000 });
        await expect(page.getByRole(item.role, { name: item.name })).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await page.getByRole(item.role, { name: item.name }).click();
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toBeHidden();
    };
    await choose({ role: "menuitemcheckbox", name: "Billing" });
    await expect(table(page).getByRole("columnheader", { name: "Billing" })).toHaveCount(0);
    await choose({ role: "menuitemradio", name: "Compact" });
    await expect(table(page)).toHaveAttribute("data-density", "compact");

    await page.reload();
    await expect(table(page)).toHaveAttribute("data-density", "compact");
    await expect(table(page).getByRole("columnheader", { name: "Billing" })).toHaveCount(0);

    // Back to the defaults.
    await choose({ role: "menuitemcheckbox", name: "Billing" });
    await choose({ role: "menuitemradio", name: "Comfortable" });
    await expect(table(page)).toHaveAttribute("data-density", "comfortable");
    await expect(table(page).getByRole("columnheader", { name: "Billing" })).toBeVisible();
  });
});
