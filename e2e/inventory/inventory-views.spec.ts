import { expect, test } from "@playwright/test";

test.describe("[INVENTORY] grid", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("filters by status in the URL, loads more rows on scroll, and opens a SKU from its row", async ({ page }) => {
    await page.goto("/inventory");
    const grid = page.getByRole("table", { name: "Inventory grid" });
    await expect(grid.getByRole("rowheader").first()).toBeVisible();
    // A rep reads stock but does not adjust or configure it.
    await expect(page.getByRole("button", { name: "Adjust stock" })).toHaveCount(0);

    await page.getByRole("navigation", { name: "Quick filters" }).getByRole("link", { name: "Out of stock" }).click();
    await expect(page).toHaveURL(/status=out/);
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("out");
    const rows = grid.locator("tbody tr[aria-rowindex]");
    await expect(rows.first()).toBeVisible();
    const shown = Math.min(await rows.count(), 10);
    for (let i = 0; i < shown; i++) await expect(rows.nth(i).locator('td[data-status="out"]').first()).toBeVisible();

    // Warehouse filter: one column.
    await page.getByLabel("Warehouse", { exact: true }).selectOption("WEST");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=out&warehouse=WEST/);
    await expect(grid.getByRole("columnheader")).toHaveCount(3);
    await expect(grid.getByRole("columnheader", { name: /WEST/ })).toBeVisible();

    // All stock: 200 rows per page, the next page arrives when scrolling down.
    await page.goto("/inventory");
    const status = page.getByRole("status").filter({ hasText: /SKUs? (loaded|— all shown)/ });
    await expect(status).toContainText("200 SKUs loaded");
    // Scrolled to the end, as a person would again if a busy server answered late.
    await expect(async () => {
      await page.getByTestId("stock-grid-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(status).toContainText(/400 SKUs|all shown/, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });

    await page.getByTestId("stock-grid-scroller").evaluate((el) => el.scrollTo(0, 0));
    // The third SKU by its row index: virtualized rows are re-rendered while scrolling, so never by DOM position.
    const row = grid.locator('tbody tr[aria-rowindex="4"]');
    await expect(row).toBeVisible();
    const sku = (await row.getByRole("rowheader").getByRole("link").textContent())!.trim();
    await row.locator("td").first().click();
    await expect(page).toHaveURL(new RegExp(`/inventory/${sku}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(sku);
    await expect(page.getByRole("table", { name: "Stock levels by warehouse" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Stock ledger" }).or(page.getByText("No movements"))).toBeVisible();
    await expect(page.getByRole("heading", { name: /Available to promise/ })).toBeVisible();
  });

  test("Low (≤ N days of supply): a person picks the filter, changes N, the rows follow and the URL keeps N", async ({ page }) => {
    await page.goto("/inventory");
    const quick = page.getByRole("navigation", { name: "Quick filters" });
    const grid = page.getByRole("table", { name: "Inventory grid" });
    const rows = grid.locator("tbody tr[aria-rowindex]");
    const status = page.getByRole("status").filter({ hasText: /SKUs? (loaded|— all shown)/ });
    const days = page.getByLabel("Days of supply for the Low filter");
    await expect(days).toHaveValue("14");

    await quick.getByRole("link", { name: "Low (≤ 14 days of supply)" }).click();
    await expect(page).toHaveURL(/status=low&days=14/);
    await expect(quick.getByRole("link", { name: "Low (≤ 14 days of supply)" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("low");
    await expect(rows.first()).toBeVisible();
    // Every row has a warehouse whose stock lasts 14 days or fewer at the last 30 days' shipping rate.
    async function expectRowsWithin(n: number) {
      const shown = Math.min(await rows.count(), 10);
      expect(shown).toBeGreaterThan(0);
      for (let i = 0; i < shown; i++) {
        const hints = await rows.nth(i).getByTestId("days-of-supply").allTextContents();
        expect(hints.length, `row ${i}`).toBeGreaterThan(0);
        expect(Math.min(...hints.map((h) => Number.parseInt(h, 10))), `row ${i}`).toBeLessThanOrEqual(n);
      }
    }
    await expectRowsWithin(14);
    const skuCount = async () => Number(/^([\d,]+) SKU/.exec((await status.textContent()) ?? "")![1]!.replace(/,/g, ""));
    const at14 = await skuCount();

    // A shorter horizon: typing applies it after a pause, fewer SKUs.
    await days.fill("3");
    await expect(page).toHaveURL(/status=low&days=3(&|$)/);
    await expect(quick.getByRole("link", { name: "Low (≤ 3 days of supply)" })).toHaveAttribute("aria-current", "page");
    await expect(days).toBeFocused();
    await expect.poll(skuCount).toBeLessThan(at14);
    await expectRowsWithin(3);

    // An impossible N is marked and applies nothing.
    await days.fill("400");
    await expect(days).toHaveAttribute("aria-invalid", "true");
    await page.waitForTimeout(700);
    await expect(page).toHaveURL(/days=3(&|$)/);

    // A longer one (Enter applies at once): more SKUs.
    await days.fill("60");
    await days.press("Enter");
    await expect(page).toHaveURL(/status=low&days=60/);
    await expect.poll(skuCount).toBeGreaterThan(at14);

    // Shared or reloaded, the view is the same.
    await page.goto("/inventory?status=low&days=3");
    await expect(days).toHaveValue("3");
    await expect(quick.getByRole("link", { name: "Low (≤ 3 days of supply)" })).toHaveAttribute("aria-current", "page");
    await expectRowsWithin(3);
    // The filter form keeps N when other filters are applied.
    await page.getByLabel("Warehouse", { exact: true }).selectOption("CENTRAL");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=low&days=3&warehouse=CENTRAL/);
  });

  test("the sidebar's low-stock badge counts levels at or below their reorder point and opens that filter", async ({ page }) => {
    await page.goto("/orders");
    const badge = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^[\d,]+ low-stock items?$/ });
    await expect(badge).toBeVisible();
    const count = Number((await badge.getAttribute("aria-label"))!.replace(/[^\d]/g, ""));
    expect(count).toBeGreaterThan(0);
    await badge.click();
    await expect(page).toHaveURL(/\/inventory\?status=reorder/);
    const quick = page.getByRole("navigation", { name: "Quick filters" }).getByRole("link", { name: /^Below reorder point/ });
    await expect(quick).toHaveAttribute("aria-current", "page");
    // Same page, same moment: other specs move stock in parallel, so compare with the badge rendered beside it.
    const now = Number((await badge.getAttribute("aria-label"))!.replace(/[^\d]/g, ""));
    await expect(quick).toContainText(`${now.toLocaleString("en-US")} levels`);
  });
});

test.describe("[INVENTORY] demand-class hold-backs", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("an admin holds back units for class A: other classes' ATP drops by as much, class A keeps it", async ({ page }) => {
    await page.goto("/inventory?search=ANC&warehouse=CENTRAL");
    const grid = page.getByRole("table", { name: "Inventory grid" });
    // A SKU comfortably in stock in CENTRAL with nothing reserved there, so a hold-back takes units that
    // were promisable (units class A customers already hold there would count against their hold-back).
    const link = grid.locator('tbody tr:has(td[data-status="ok"][title*=" reserved 0;"])').nth(3).getByRole("rowheader").getByRole("link");
    const sku = (await link.textContent())!.trim();
    await page.goto(`/inventory/${sku}`);

    const caption = page.locator("figcaption");
    const atpToday = async () => Number(/: (\d+) today/.exec((await caption.textContent()) ?? "")![1]);
    const central = page.getByRole("table", { name: "Stock levels by warehouse" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^CENTRAL\b/ }) });
    const heldBackCell = central.getByRole("cell").nth(4);
    const dialog = page.getByRole("dialog", { name: `Hold-backs for ${sku} in CENTRAL` });
    async function holdBack(a: number) {
      await page.getByRole("button", { name: "Hold-backs in CENTRAL" }).click();
      for (const c of ["A", "B", "C"]) await dialog.getByLabel(`Class ${c}`).fill(c === "A" ? String(a) : "0");
      await dialog.getByRole("button", { name: "Save hold-backs" }).click();
      await expect(dialog).toBeHidden();
    }
    // Start from no hold-backs (a failed earlier run may have left one).
    if ((await heldBackCell.textContent())?.trim() !== "—") {
      await holdBack(0);
      await expect(heldBackCell).toHaveText("—");
    }
    await expect(caption).toContainText("after every hold-back");
    const before = await atpToday();
    const available = Number(await central.getByRole("cell").nth(2).textContent());
    const hold = Math.min(3, available);
    expect(hold).toBeGreaterThan(0);

    await holdBack(hold);
    await expect(page.getByText(`${sku} in CENTRAL: held back ${hold} for class A`)).toBeVisible();
    await expect(heldBackCell).toHaveText(`${hold} / 0 / 0`);

    await page.getByLabel("As seen by").selectOption("B");
    await expect(caption).toContainText("class B customers");
    expect(await atpToday()).toBe(before - hold);
    await page.getByLabel("As seen by").selectOption("A");
    await expect(caption).toContainText("class A customers");
    expect(await atpToday()).toBe(before);

    // Clear it again (0 clears), so other journeys see the stock.
    await holdBack(0);
    await expect(heldBackCell).toHaveText("—");
  });
});

test.describe("[INVENTORY] my warehouse and warehouses that never stocked a SKU", () => {
  // Finance reads stock and pins nothing else: its pin does not change what other specs see.
  test.use({ storageState: "e2e/.auth/finance.json" });

  test("a pinned warehouse is the grid's filter until 'All warehouses'; the filter names tell the low filters apart", async ({ page }) => {
    await page.goto("/inventory");
    const quick = page.getByRole("navigation", { name: "Quick filters" });
    await expect(quick.getByRole("link", { name: /^Below reorder point \(/ })).toBeVisible();
    await expect(quick.getByRole("link", { name: "Low (≤ 14 days of supply)" })).toBeVisible();

    const grid = page.getByRole("table", { name: "Inventory grid" });
    await page.getByLabel("My warehouse").selectOption("WEST");
    await expect(page.getByText("My warehouse: WEST")).toBeVisible();
    await expect(page.getByLabel("Warehouse", { exact: true })).toHaveValue("WEST");
    await expect(grid.getByRole("columnheader")).toHaveCount(3);
    await expect(grid.getByRole("columnheader", { name: /WEST/ })).toBeVisible();

    // Kept on the server: a fresh load still filters on it.
    await page.reload();
    await expect(page.getByLabel("Warehouse", { exact: true })).toHaveValue("WEST");
    await page.getByLabel("Warehouse", { exact: true }).selectOption({ label: "All warehouses" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/warehouse=all/);
    await expect(grid.getByRole("columnheader")).not.toHaveCount(3);

    await page.getByLabel("My warehouse").selectOption("");
    await expect(page.getByText("No warehouse pinned")).toBeVisible();
  });
});
