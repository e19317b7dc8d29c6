import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { contextAs, pickPackShip, placeTwoOrders, planAndBatch, WAREHOUSE } from "./fixtures";

/**
 * The fulfillment pages fit a 1024×768 screen without sideways scrolling, with the key columns in view.
 * With SHOTS_DIR set, screenshots at 1440×900 and 1024×768 of the desk, a pick list, a shipment and the
 * order page's Shipments section are saved there (for a person to look at; nothing compares them).
 */
test.use({ storageState: "e2e/.auth/warehouse.json" });

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

async function expectNoSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, "the page does not scroll sideways").toBeLessThanOrEqual(client);
}

async function inViewHorizontally(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, "on screen").not.toBeNull();
  expect(box!.x + box!.width, "right edge within the window").toBeLessThanOrEqual(width);
}

/** The whole page, only the window ("viewport"), or one element. */
async function shot(page: Page, name: string, size: { width: number; height: number }, target?: ReturnType<Page["locator"]> | "viewport") {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const file = path.join(dir, `${name}-${size.width}x${size.height}.png`);
  if (target === "viewport") await page.screenshot({ path: file });
  else if (target) await target.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
}

test("[FULFILLMENT] the desk, a pick list, a shipment and the order's shipments fit 1024×768 (screenshots with SHOTS_DIR)", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const rep = await contextAs(browser, "rep");
  const { a, b, skus } = await placeTwoOrders(rep.request);
  const { pickList, shipments } = await planAndBatch(page.request, [a.number, b.number]);
  const shA = shipments.find((s) => s.order === a.number)!.number;
  const shB = shipments.find((s) => s.order === b.number)!.number;
  await pickPackShip(page.request, shA, { short: { sku: skus.s2, picked: 1 }, tracking: `1Z999AA1${Date.now().toString().slice(-10)}` });

  for (const size of SIZES) {
    await page.setViewportSize(size);

    await page.goto(`/fulfillment?warehouse=${WAREHOUSE}`);
    const ready = page.getByRole("table", { name: "Orders ready to plan" });
    await expect(ready).toBeVisible();
    await expectNoSidewaysScroll(page);
    const firstRow = ready.getByRole("row").nth(1);
    for (const cell of [firstRow.getByRole("link").first(), firstRow.getByRole("button", { name: /^Plan / })]) await inViewHorizontally(page, cell);
    await shot(page, "fulfillment-ready", size);

    await page.getByRole("tab", { name: /^Shipped today/ }).click();
    const shippedToday = page.getByRole("table", { name: "Shipped today shipments" });
    await expect(shippedToday).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "fulfillment-shipped-today", size);

    await page.getByRole("tab", { name: /^Picking/ }).click();
    const picking = page.getByRole("table", { name: "Picking shipments" });
    await page.getByRole("searchbox", { name: "Filter by shipment, order or customer" }).fill(shB);
    const row = picking.getByRole("row").filter({ hasText: shB });
    await expect(row).toBeVisible();
    await expectNoSidewaysScroll(page);
    for (const cell of [row.getByRole("link", { name: shB, exact: true }), row.getByText("Picking", { exact: true }), row.getByRole("link", { name: /Confirm picks/ })]) await inViewHorizontally(page, cell);
    await page.getByRole("searchbox", { name: "Filter by shipment, order or customer" }).fill("");
    await shot(page, "fulfillment-picking", size);

    await page.goto(`/fulfillment/pick-lists/${pickList}`);
    await expect(page.getByLabel("Scan or type a SKU")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await inViewHorizontally(page, page.getByLabel(`Picked ${skus.s3} for ${shB}`));
    await shot(page, "pick-list", size);

    await page.goto(`/fulfillment/shipments/${shA}`);
    await expect(page.getByRole("table", { name: "Packages" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "shipment-shipped", size);

    await page.goto(`/fulfillment/shipments/${shB}`);
    await expect(page.getByRole("table", { name: "Shipment lines" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "shipment-picking", size);

    await page.goto(`/orders/${a.number}`);
    const section = page.locator("section", { has: page.getByRole("heading", { name: /^Shipments/ }) });
    await expect(section.getByRole("list", { name: "Shipments" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "order-shipments", size, section);
    await section.scrollIntoViewIfNeeded();
    await shot(page, "order-page", size, "viewport");
  }
  await rep.close();
});
