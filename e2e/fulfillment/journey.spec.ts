import { expect, test, type Page } from "@playwright/test";
import { contextAs, openDialog, placeTwoOrders, WAREHOUSE } from "./fixtures";

/**
 * The warehouse's day (issue "Fulfillment"): two orders are planned and batched into one pick list, one
 * SKU is picked short, the short-picked shipment is packed and shipped with a tracking number, and the
 * rep sees the order partially shipped with the tracking link. The rep places the orders through the
 * app's API; everything the warehouse does goes through the pages.
 */
test.use({ storageState: "e2e/.auth/warehouse.json" });

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test("[FULFILLMENT] the warehouse batches two orders into a pick list, picks one short, packs and ships it; the rep sees it partially shipped with the tracking link", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const rep = await contextAs(browser, "rep");
  const { a, b, skus } = await placeTwoOrders(rep.request);

  // Plan both orders from EAST's desk (new orders sit behind older promises, so by number).
  await page.goto(`/fulfillment?warehouse=${WAREHOUSE}`);
  await expect(page.getByRole("heading", { name: "Fulfillment", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Warehouse", { exact: true })).toHaveValue(WAREHOUSE);
  await expect(page.getByRole("tab", { name: /^Ready to plan/ })).toHaveAttribute("aria-selected", "true");
  const planForm = page.getByRole("form", { name: "Plan an order by number" });
  for (const order of [a, b]) {
    await expect(async () => {
      await planForm.getByRole("textbox").fill(order.number);
      await planForm.getByRole("button", { name: "Plan order" }).click({ timeout: 2_000 });
      await expect(toast(page, `planned for ${order.number}`)).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  }

  // To pick: choose both shipments (the filter narrows the list; the choice stays) and batch them.
  await page.getByRole("tab", { name: /^To pick/ }).click();
  await expect(page).toHaveURL(/tab=planned/);
  const planned = page.getByRole("table", { name: "Planned shipments" });
  const filter = page.getByRole("searchbox", { name: "Filter by shipment, order or customer" });
  const shipmentOf: Record<string, string> = {};
  for (const order of [a, b]) {
    await filter.fill(order.number);
    const row = planned.getByRole("row").filter({ hasText: order.number });
    await expect(row).toHaveCount(1);
    shipmentOf[order.number] = (await row.getByRole("link").first().textContent())!.trim();
    await row.getByRole("checkbox").check();
  }
  const shA = shipmentOf[a.number]!;
  const shB = shipmentOf[b.number]!;
  expect(shA).toMatch(/^SH-\d+$/);
  await page.getByRole("button", { name: "Create pick list (2)" }).click();
  await expect(page).toHaveURL(/\/fulfillment\/pick-lists\/PL-\d+$/);
  const pickList = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(pickList);
  await expect(toast(page, `Pick list ${pickList} created`)).toBeVisible();

  // The shared SKU is one row in bin order, going to both shipments.
  const picks = page.getByRole("table", { name: `Picks of ${pickList}` });
  await expect(picks.getByRole("row").filter({ hasText: skus.s1 })).toContainText(shA);
  await expect(picks.getByRole("row").filter({ hasText: skus.s1 })).toContainText(shB);
  await expect(picks.getByRole("row").filter({ hasText: skus.s1 }).getByRole("cell").nth(2)).toHaveText("6");

  // Scan s2: its field takes the focus; one of three was found (a short pick), Enter checks it.
  const scan = page.getByLabel("Scan or type a SKU");
  await scan.fill(skus.s2.toLowerCase());
  await scan.press("Enter");
  const s2Field = page.getByLabel(`Picked ${skus.s2} for ${shA}`);
  await expect(s2Field).toBeFocused();
  await expect(s2Field).toHaveValue("3");
  await s2Field.fill("1");
  await s2Field.press("Enter");
  await expect(scan).toBeFocused();
  // s1: Enter confirms the planned quantity for each shipment in turn.
  await scan.fill(skus.s1);
  await scan.press("Enter");
  await expect(page.getByLabel(`Picked ${skus.s1} for ${shA}`)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(`Picked ${skus.s1} for ${shB}`)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(scan).toBeFocused();

  const cardA = page.getByRole("listitem", { name: `Shipment ${shA}` });
  await expect(cardA).toContainText("2 of 2 SKUs checked");
  await expect(cardA).toContainText("1 short");
  await cardA.getByRole("button", { name: `Confirm ${shA} picked` }).click();
  await expect(toast(page, `${shA} picked short: 2 × ${skus.s2}`)).toBeVisible();
  await expect(toast(page, "went back to")).toBeVisible();
  await expect(cardA.getByText("Picked", { exact: true })).toBeVisible();
  await expect(picks.getByRole("row").filter({ hasText: skus.s2 })).toContainText("1 of 3 · 2 short");

  const cardB = page.getByRole("listitem", { name: `Shipment ${shB}` });
  await cardB.getByRole("button", { name: `Confirm ${shB} picked` }).click();
  await expect(toast(page, `${shB} picked`)).toBeVisible();
  await expect(page.getByRole("group", { name: "Status" })).toContainText("Completed");

  // Pack A: one package with everything; Enter in the weight packs it.
  await cardA.getByRole("link", { name: "Pack or ship it" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(shA);
  await expect(page.getByRole("table", { name: "Shipment lines" }).getByRole("row").filter({ hasText: skus.s2 })).toContainText("1 (2 short)");
  const pack = await openDialog(page, page.getByRole("button", { name: "Pack", exact: true }), `Pack ${shA}`);
  const weight = pack.getByRole("group", { name: "Package 1" }).getByLabel("Weight", { exact: true });
  await weight.press("Enter");
  await expect(pack.getByText("Enter the weight")).toBeVisible();
  await pack.getByRole("group", { name: "Package 1" }).getByLabel("Length (cm)").fill("30");
  await pack.getByRole("group", { name: "Package 1" }).getByLabel("Width (cm)").fill("20");
  await pack.getByRole("group", { name: "Package 1" }).getByLabel("Height (cm)").fill("15");
  await weight.fill("1.4");
  await weight.press("Enter");
  await expect(pack).toBeHidden();
  await expect(toast(page, `${shA} packed`)).toBeVisible();
  await expect(page.getByRole("group", { name: "Status" })).toContainText("Packed");
  await expect(page.getByRole("table", { name: "Packages" })).toContainText("1.4 kg");
  await expect(page.getByRole("table", { name: "Packages" })).toContainText("30 × 20 × 15 cm");

  // Ship A with UPS: the tracking number is required, then the toast links to the carrier.
  const tracking = `1Z999AA1${Date.now().toString().slice(-10)}`;
  const ship = await openDialog(page, page.getByRole("button", { name: "Ship", exact: true }), `Ship ${shA}`);
  await ship.getByLabel("Carrier").selectOption("UPS");
  await ship.getByLabel("Service").fill("Ground");
  await ship.getByLabel(/Freight cost/).fill("12.50");
  await ship.getByRole("button", { name: "Ship", exact: true }).click();
  await expect(ship.getByText("Enter the tracking number")).toBeVisible();
  await ship.getByLabel("Tracking number").fill(tracking);
  await ship.getByRole("button", { name: "Ship", exact: true }).click();
  await expect(ship).toBeHidden();
  await expect(toast(page, `${shA} shipped with UPS`)).toBeVisible();
  await expect(toast(page, `${shA} shipped with UPS`).getByRole("link", { name: new RegExp(`Track ${tracking}`) })).toHaveAttribute("href", new RegExp(tracking));
  await expect(page.getByRole("group", { name: "Status" })).toContainText("Shipped");
  const trackingLink = page.getByRole("link", { name: new RegExp(tracking) }).first();
  await expect(trackingLink).toHaveAttribute("href", `https://www.ups.com/track?tracknum=${tracking}`);
  await expect(page.getByText("$12.50")).toBeVisible();

  // The desk counts it as shipped today.
  await page.goto(`/fulfillment?warehouse=${WAREHOUSE}&tab=shipped`);
  await page.getByRole("searchbox", { name: "Filter by shipment, order or customer" }).fill(shA);
  await expect(page.getByRole("table", { name: "Shipped today shipments" }).getByRole("row").filter({ hasText: shA })).toContainText(tracking);

  // The rep: the order is partially shipped, with the shipment and its tracking link (new tab).
  const repPage = await rep.newPage();
  await repPage.goto(`/orders/${a.number}`);
  await expect(repPage.getByRole("group", { name: "Statuses" }).getByText("Partially shipped", { exact: true })).toBeVisible();
  const shipments = repPage.getByRole("list", { name: "Shipments" });
  const shipped = shipments.getByRole("listitem", { name: `Shipment ${shA}` });
  await expect(shipped).toContainText("Shipped");
  await expect(shipped).toContainText(`1 × ${skus.s2}`);
  await expect(shipped).toContainText(`Short at picking: 2 × ${skus.s2}`);
  const repTracking = shipped.getByRole("link", { name: new RegExp(tracking) });
  await expect(repTracking).toHaveAttribute("href", `https://www.ups.com/track?tracknum=${tracking}`);
  await expect(repTracking).toHaveAttribute("target", "_blank");
  // A rep does not open the warehouse's shipment page.
  await expect(shipped.getByRole("link", { name: shA })).toHaveCount(0);
  await expect(repPage.getByTestId("units-shipped")).toHaveText("5 of 7 units shipped");
  const timeline = repPage.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Shipped" }).first()).toContainText(`Shipped ${shA} with UPS Ground ${tracking}`);
  await expect(timeline.getByRole("listitem").filter({ hasText: "Picked short" }).first()).toContainText(`short 2 × ${skus.s2}`);
  await expect(timeline.getByRole("listitem").filter({ hasText: "Put on a pick list" }).first()).toContainText(pickList);
  // "Ship what we have, cancel the rest" is offered to the rep on a partly shipped order.
  await expect(repPage.getByRole("button", { name: "Close order" })).toBeVisible();
  await rep.close();

  // The customer's shipment confirmation waits in the outbox with the tracking link.
  const admin = await contextAs(browser, "admin");
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/outbox");
  const message = adminPage.getByRole("row").filter({ hasText: `Your order ${a.number} has shipped` });
  await expect(message).toBeVisible();
  await message.getByRole("button", { name: /Show message/ }).click();
  await expect(adminPage.getByText(`Tracking number: ${tracking}`)).toBeVisible();
  await admin.close();
});
