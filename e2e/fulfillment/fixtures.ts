import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

/**
 * Data for the fulfillment journeys, made through the app's own API (tRPC over HTTP, with a demo user's
 * session): a rep places orders for SKUs with plenty of stock in one warehouse, and (where a test needs
 * it) the warehouse plans them and batches them into a pick list. Nothing is hard-coded but the
 * warehouse: customers and SKUs are read from the seeded data.
 */

export const WAREHOUSE = "EAST";
/** A ship-to in EAST's region: an order reserves there first when EAST can fill the line. */
const SHIP_TO_EAST = { line1: "1 Harbor Way", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };

type TrpcError = { error: { message: string; data?: { error?: { message: string } } } };

async function unwrap<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  const body = (await response.json()) as { result?: { data: T } } & Partial<TrpcError>;
  if (!response.ok() || !body.result) throw new Error(`${what} failed (${response.status()}): ${body.error?.data?.error?.message ?? body.error?.message ?? JSON.stringify(body)}`);
  return body.result.data;
}

/** A tRPC query through the signed-in context's cookies. */
export async function query<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return unwrap<T>(await request.get(`/api/trpc/${path}${search}`), path);
}

/** A tRPC mutation through the signed-in context's cookies. */
export async function mutate<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  return unwrap<T>(await request.post(`/api/trpc/${path}`, { data: input }), path);
}

/** A second signed-in user beside the test's own page (e.g. the rep while the warehouse works). */
export async function contextAs(browser: Browser, role: "rep" | "warehouse" | "manager" | "admin" | "finance"): Promise<BrowserContext> {
  return browser.newContext({ storageState: `e2e/.auth/${role}.json` });
}

export type Order = {
  number: string;
  status: string;
  lines: { sku: string; quantity: number; warehouse: string | null; allocations: { warehouse: string; quantity: number }[] }[];
  exceptions?: { type: string; reason: string }[];
};

/** Why an order is held, for a failure message. */
const holdReasons = (order: Order) => (order.exceptions ?? []).map((e) => `${e.type}: ${e.reason}`).join("; ") || "no exception listed";

/** SKUs with at least `min` units free in the warehouse, spread over the catalog, skipping `avoid`. */
export async function skusWithStock(request: APIRequestContext, count: number, options: { min?: number; avoid?: string[] } = {}): Promise<string[]> {
  const min = options.min ?? 150;
  const found: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10 && found.length < count * 4; page++) {
    const levels = await query<{ items: { sku: string; available: number }[]; nextCursor: string | null }>(request, "inventory.stock", {
      warehouse: WAREHOUSE,
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    found.push(...levels.items.filter((l) => l.available >= min && !options.avoid?.includes(l.sku)).map((l) => l.sku));
    if (!levels.nextCursor) break;
    cursor = levels.nextCursor;
  }
  expect(found.length, `${count} SKUs with ${min}+ units free in ${WAREHOUSE}`).toBeGreaterThanOrEqual(count);
  // Different tests (and retries) take different SKUs.
  const offset = Math.floor(Math.random() * Math.max(1, found.length - count));
  return found.slice(offset, offset + count);
}

/**
 * The customer with the most credit still available among the biggest accounts, with no overdue hold, so its
 * small orders are not held. Available, not the limit: shipped orders leave unpaid invoices that use up credit.
 */
export async function roomyCustomer(request: APIRequestContext): Promise<string> {
  const customers = await query<{ items: { code: string; creditLimit: number; isArchived: boolean }[] }>(request, "customers.list", { limit: 100 });
  const biggest = customers.items.filter((c) => !c.isArchived).sort((a, b) => b.creditLimit - a.creditLimit).slice(0, 10);
  const panels = await Promise.all(
    biggest.map(async ({ code }) => ({ code, ...(await query<{ credit: { available: number; overdueHold: unknown } }>(request, "orders.customerPanel", { code })) })),
  );
  const best = panels.filter((p) => p.credit.overdueHold === null).sort((a, b) => b.credit.available - a.credit.available)[0];
  expect(best, "a customer with credit available").toBeTruthy();
  return best!.code;
}

/** A rep's order shipping to EAST's region, submitted at once; it must come out open with everything reserved in EAST. */
export async function placeOrder(request: APIRequestContext, customer: string, lines: { sku: string; quantity: number }[], reference: string): Promise<Order> {
  const order = await submitOrder(request, customer, lines, reference);
  expectOpenInEast(order);
  return order;
}

/**
 * placeOrder for a draw of lines the order rules may hold for reasons of their own (a duplicate of another
 * journey's order, a quantity unusual for the customer): a held draw is canceled and another taken, three at most.
 */
export async function placeOpenOrder(request: APIRequestContext, customer: string, draw: () => Promise<{ sku: string; quantity: number }[]>, reference: string): Promise<Order> {
  const held: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const order = await submitOrder(request, customer, await draw(), `${reference}-${attempt}`);
    if (order.status === "open") {
      expectOpenInEast(order);
      return order;
    }
    held.push(`${order.number} (${holdReasons(order)})`);
    await mutate(request, "orders.cancel", { number: order.number, reason: "e2e: a held draw, another is taken" });
  }
  throw new Error(`Every draw was held: ${held.join(" | ")}`);
}

function submitOrder(request: APIRequestContext, customer: string, lines: { sku: string; quantity: number }[], reference: string): Promise<Order> {
  return mutate<Order>(request, "orders.create", { customer, channel: "phone", customerReference: reference, shipTo: SHIP_TO_EAST, lines, draft: false });
}

function expectOpenInEast(order: Order) {
  expect(order.status, `${order.number} is open (held: ${holdReasons(order)})`).toBe("open");
  for (const line of order.lines) {
    expect(line.allocations, `${order.number} ${line.sku} reserved in ${WAREHOUSE} only`).toEqual([{ warehouse: WAREHOUSE, quantity: line.quantity }]);
  }
}

/** Two orders as the journey needs them: A with two SKUs, B sharing A's first SKU plus one of its own. */
export async function placeTwoOrders(request: APIRequestContext) {
  const customer = await roomyCustomer(request);
  // The order rules may hold a draw of SKUs for reasons of their own (what other journeys did with the same
  // customer and SKUs meanwhile): such a draw is canceled and another taken; if all are held, the reasons fail the test.
  const held: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const [s1, s2, s3] = await skusWithStock(request, 3);
    const tag = `${Date.now().toString(36).toUpperCase()}${attempt}`;
    const a = await submitOrder(request, customer, [{ sku: s1!, quantity: 4 }, { sku: s2!, quantity: 3 }], `E2E-FUL-A-${tag}`);
    const b = await submitOrder(request, customer, [{ sku: s1!, quantity: 2 }, { sku: s3!, quantity: 5 }], `E2E-FUL-B-${tag}`);
    if (a.status === "open" && b.status === "open") {
      expectOpenInEast(a);
      expectOpenInEast(b);
      return { a, b, skus: { s1: s1!, s2: s2!, s3: s3! } };
    }
    for (const order of [a, b]) {
      if (order.status !== "open") held.push(`${order.number} (${holdReasons(order)})`);
      await mutate(request, "orders.cancel", { number: order.number, reason: "e2e: a held draw, another is taken" });
    }
  }
  throw new Error(`Every draw of SKUs was held: ${held.join(" | ")}`);
}

type Shipment = { number: string; order: string; status: string };

/** Through the API, as the warehouse: plan orders in EAST and batch their shipments into a pick list. */
export async function planAndBatch(request: APIRequestContext, orders: string[]): Promise<{ pickList: string; shipments: Shipment[] }> {
  const shipments: Shipment[] = [];
  for (const number of orders) {
    const planned = await mutate<{ shipments: Shipment[] }>(request, "fulfillment.plan", { number, warehouse: WAREHOUSE });
    shipments.push(...planned.shipments);
  }
  const list = await mutate<{ number: string }>(request, "fulfillment.createPickList", { warehouse: WAREHOUSE, shipments: shipments.map((s) => s.number) });
  return { pickList: list.number, shipments };
}

/** Clicks a button that opens a dialog; retries while the page is still hydrating. */
export async function openDialog(page: Page, button: ReturnType<Page["getByRole"]>, dialog: RegExp | string) {
  const found = page.getByRole("dialog", { name: dialog });
  await expect(async () => {
    if (!(await found.isVisible())) await button.click({ timeout: 2_000 });
    await expect(found).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return found;
}

/** Through the API, as the warehouse: confirm a shipment's pick (fewer is short), pack it in one package and ship it with UPS. */
export async function pickPackShip(request: APIRequestContext, shipment: string, options: { short?: { sku: string; picked: number }; tracking: string }) {
  await mutate(request, "fulfillment.pick", { id: shipment, lines: options.short ? [options.short] : [] });
  await mutate(request, "fulfillment.pack", { id: shipment, packages: [{ weightGrams: 2300, lengthMm: 400, widthMm: 300, heightMm: 200 }] });
  return mutate<{ number: string; trackingUrl: string }>(request, "fulfillment.ship", { id: shipment, carrier: "UPS", service: "Ground", trackingNumber: options.tracking, freightCost: 1450 });
}
