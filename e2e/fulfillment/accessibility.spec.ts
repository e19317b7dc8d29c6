import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { contextAs, placeTwoOrders, planAndBatch, WAREHOUSE } from "./fixtures";

/** The fulfillment desk, a pick list, a shipment page and the carrier and outbox admin pages have no serious or critical accessibility violations. */
test.use({ storageState: "e2e/.auth/admin.json" });

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("[FULFILLMENT] the desk, a pick list, a shipment, carriers and the outbox pass axe", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const rep = await contextAs(browser, "rep");
  const { a, b } = await placeTwoOrders(rep.request);
  await rep.close();
  const { pickList, shipments } = await planAndBatch(page.request, [a.number, b.number]);

  await page.goto(`/fulfillment?warehouse=${WAREHOUSE}`);
  await expect(page.getByRole("table", { name: "Orders ready to plan" }).or(page.getByText(/Nothing waiting to be planned/))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("tab", { name: /^Picking/ }).click();
  await expect(page.getByRole("table", { name: "Picking shipments" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/fulfillment/pick-lists/${pickList}`);
  await expect(page.getByLabel("Scan or type a SKU")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/fulfillment/shipments/${shipments[0]!.number}`);
  await expect(page.getByRole("table", { name: "Shipment lines" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/carriers");
  await expect(page.getByRole("table", { name: "Carriers" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Outbox messages" }).or(page.getByText("The outbox is empty"))).toBeVisible();
  await expectAccessible(page);
});
