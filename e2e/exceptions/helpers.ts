import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

import { mutate, query } from "../fulfillment/fixtures";

/**
 * Data for the exception journeys, made through the app's own tRPC API with a demo user's session cookies
 * (fulfillment's fixtures): the tests create the orders they work on, so they never depend on which exceptions
 * the demo seed left open.
 */

export { roomyCustomer } from "../fulfillment/fixtures";

export type Order = { number: string; status: string; version: number; exceptions: { id: string; type: string; status: string }[] };

/** `count` SKUs sold by the unit (no pack-size rule) with stock free in EAST, from a random spot of the list (retries take others). */
export async function skusWithStock(request: APIRequestContext, count: number): Promise<string[]> {
  const [levels, products] = await Promise.all([
    query<{ items: { sku: string; available: number }[] }>(request, "inventory.stock", { warehouse: "EAST", limit: 500 }),
    query<{ items: { sku: string; packSize: number; isArchived: boolean }[] }>(request, "products.list", { limit: 500 }),
  ]);
  const single = new Set(products.items.filter((p) => p.packSize === 1 && !p.isArchived).map((p) => p.sku));
  const found = levels.items.filter((l) => l.available >= 20 && single.has(l.sku)).map((l) => l.sku);
  expect(found.length, `${count} SKUs with stock in EAST`).toBeGreaterThanOrEqual(count);
  const offset = Math.floor(Math.random() * Math.max(1, found.length - count));
  return found.slice(offset, offset + count);
}

export const GOOD_SHIP_TO = { line1: "1 Harbor Way", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };

export async function placeOrder(request: APIRequestContext, input: Record<string, unknown>): Promise<Order> {
  return mutate<Order>(request, "orders.create", { channel: "phone", draft: false, shipTo: GOOD_SHIP_TO, ...input });
}

/**
 * An order held for `type` alone. Parallel journeys order for the same roomy customer from the same SKUs, so a
 * draw can also look like a duplicate of theirs (the same lines within 24 hours, one more hold): such an order
 * is canceled and another drawn, up to three times.
 */
export async function placeOrderHeldFor(request: APIRequestContext, type: string, draw: () => Promise<Record<string, unknown>>): Promise<Order> {
  const seen: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const order = await placeOrder(request, await draw());
    const types = order.exceptions.map((e) => e.type);
    if (order.status === "on_hold" && types.length === 1 && types[0] === type) return order;
    seen.push(`${order.number}: ${order.status} (${types.join(", ")})`);
    await mutate(request, "orders.cancel", { number: order.number, reason: "e2e: held for another reason too, another draw is taken" });
  }
  throw new Error(`No order held for ${type} alone: ${seen.join(" | ")}`);
}

export async function expectAccessible(page: Page, exclude: string[] = []) {
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
