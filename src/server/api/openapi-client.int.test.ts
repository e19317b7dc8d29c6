import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "~/generated/openapi";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { API_TYPES_FILE, generateApiTypes } from "~/test/api-types";
import { expectBooksBalance } from "~/test/books";
import { createTestDb, type TestDb } from "~/test/db";
import { startRestServer } from "~/test/rest-server";

/**
 * An integrator's journey through the REST door with a client generated from the OpenAPI document
 * (openapi-typescript types in src/generated/openapi.d.ts, openapi-fetch), over real HTTP, on an empty
 * database: set up a warehouse and a tax rate, create a customer and products, bring in stock (an opening count
 * and a purchase order received), place an order, submit it, plan, pick, pack and ship it, read its invoice
 * and pay it. Each system uses its own key with the role it would have.
 */

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const clients = {} as Record<"setup" | "shop" | "wms" | "books", ReturnType<typeof createClient<paths>>>;

beforeAll(async () => {
  t = await createTestDb();
  api = await startRestServer(t.db);
  const roles = { setup: "admin", shop: "manager", wms: "warehouse", books: "finance" } as const;
  for (const [name, role] of Object.entries(roles) as [keyof typeof roles, (typeof roles)[keyof typeof roles]][]) {
    const { key } = await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name, role } });
    clients[name] = createClient<paths>({ baseUrl: api.baseUrl, headers: { authorization: `Bearer ${key}` } });
  }
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

/** The data of a successful call; any other answer fails the test with its status and error body. */
async function ok<R extends { data?: unknown; error?: unknown; response: Response }>(call: Promise<R>): Promise<NonNullable<R["data"]>> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new Error(`${response.status} ${response.url}: ${JSON.stringify(error)}`);
  return data as NonNullable<R["data"]>;
}

const address = { line1: "200 Harbor Way", city: "Newark", region: "NJ", postalCode: "07105", country: "US" };

describe("the generated client (openapi-typescript + openapi-fetch)", () => {
  it("is made from the current document: src/generated/openapi.d.ts is what `npm run api:types` writes", async () => {
    const committed = readFileSync(new URL(`../../../${API_TYPES_FILE}`, import.meta.url), "utf8");
    expect(committed === (await generateApiTypes()), `${API_TYPES_FILE} is stale: run npm run api:types and commit it`).toBe(true);
  });

  it("takes an order from an empty desk to shipped, invoiced and paid", async () => {
    const { setup, shop, wms, books } = clients;

    // Set up (admin): a warehouse and New Jersey's sales tax.
    await ok(setup.POST("/warehouses", { body: { code: "NJ1", name: "Newark DC", address, priority: 1 } }));
    await ok(setup.POST("/tax-rates", { body: { country: "US", region: "NJ", taxCategory: "standard", ratePercent: 6.625 } }));

    // The shop (manager): a customer and two products.
    const customer = await ok(
      shop.POST("/customers", { body: { code: "HARBOR", name: "Harbor Supply Co", segment: "wholesale", creditLimit: 5_000_000, paymentTermsDays: 30, billingAddress: address } }),
    );
    expect(customer).toMatchObject({ code: "HARBOR", currency: "USD", paymentTermsDays: 30 });
    await ok(shop.POST("/products", { body: { sku: "PIPE-15", name: "Copper pipe 15 mm", category: "Plumbing", unit: "EA", listPrice: 1250, cost: 700 } }));
    const fitting = await ok(shop.POST("/products", { body: { sku: "ELBOW-15", name: "Elbow fitting 15 mm", category: "Plumbing", listPrice: 320, cost: 150 } }));
    expect(fitting).toMatchObject({ sku: "ELBOW-15", unit: "each", taxCategory: "standard" });

    // Stock: an opening count of the pipes (the warehouse), the fittings bought from a vendor and received.
    const counted = await ok(wms.POST("/stock/adjustments", { body: { sku: "PIPE-15", warehouse: "NJ1", quantity: 40, reason: "opening_count" } }));
    expect(counted).toMatchObject({ kind: "adjustment", quantity: 40, onHand: 40, available: 40 });
    await ok(shop.POST("/vendors", { body: { code: "FITCO", name: "Fitting Co", leadTimeDays: 5 } }));
    await ok(shop.POST("/vendors/{code}/products", { params: { path: { code: "FITCO" } }, body: { skus: [{ sku: "ELBOW-15", vendorSku: "FC-E15" }] } }));
    const po = await ok(shop.POST("/purchase-orders", { body: { vendor: "FITCO", warehouse: "NJ1", lines: [{ sku: "ELBOW-15", quantity: 100, unitCost: 150 }] } }));
    const sent = await ok(shop.POST("/purchase-orders/{number}/send", { params: { path: { number: po.number } }, body: { version: po.version } }));
    expect(sent.status).toBe("sent");
    const receipt = await ok(wms.POST("/purchase-orders/{number}/receive", { params: { path: { number: po.number } }, body: { lines: [{ sku: "ELBOW-15", quantity: 100 }] } }));
    expect(receipt.purchaseOrder.status).toBe("received");
    const stock = await ok(shop.GET("/stock", { params: { query: { warehouse: "NJ1" } } }));
    expect(stock.items.map(({ sku, onHand, available }) => ({ sku, onHand, available })).sort((a, b) => a.sku.localeCompare(b.sku))).toEqual([
      { sku: "ELBOW-15", onHand: 100, available: 100 },
      { sku: "PIPE-15", onHand: 40, available: 40 },
    ]);

    // The order: a draft first (safe to retry with the same Idempotency-Key), then submitted.
    const place = () =>
      ok(shop.POST("/orders", {
        params: { header: { "Idempotency-Key": "harbor-po-881" } },
        body: { customer: "HARBOR", channel: "api", customerReference: "PO-881", draft: true, lines: [{ sku: "PIPE-15", quantity: 12 }, { sku: "ELBOW-15", quantity: 24 }] },
      }));
    const draft = await place();
    expect(draft).toMatchObject({ status: "draft", subtotal: 12 * 1250 + 24 * 320 });
    expect((await place()).number).toBe(draft.number);
    const order = await ok(shop.POST("/orders/{number}/submit", { params: { path: { number: draft.number } } }));
    expect(order).toMatchObject({ status: "open", lines: [{ sku: "PIPE-15", reserved: 12 }, { sku: "ELBOW-15", reserved: 24 }] });
    expect(order.taxTotal).toBe(Math.round(15000 * 0.06625) + Math.round(7680 * 0.06625));

    // The warehouse: plan, a pick list, pick, pack, ship.
    const { shipments } = await ok(wms.POST("/orders/{number}/shipments", { params: { path: { number: order.number } }, body: {} }));
    expect(shipments).toHaveLength(1);
    const shipment = shipments[0]!;
    const pickList = await ok(wms.POST("/pick-lists", { body: { warehouse: "NJ1", shipments: [shipment.number] } }));
    const picks = await ok(wms.GET("/pick-lists/{id}", { params: { path: { id: pickList.number } } }));
    expect(picks.picks.map(({ sku, quantity }) => ({ sku, quantity })).sort((a, b) => a.sku.localeCompare(b.sku))).toEqual([
      { sku: "ELBOW-15", quantity: 24 },
      { sku: "PIPE-15", quantity: 12 },
    ]);
    await ok(wms.POST("/shipments/{id}/pick", { params: { path: { id: shipment.number } }, body: {} }));
    await ok(wms.POST("/shipments/{id}/pack", { params: { path: { id: shipment.number } }, body: { packages: [{ weightGrams: 9_500, lengthMm: 1_000, widthMm: 300, heightMm: 200 }] } }));
    const shipped = await ok(wms.POST("/shipments/{id}/ship", { params: { path: { id: shipment.number } }, body: { carrier: "UPS", service: "Ground", trackingNumber: "1Z999AA10123456784" } }));
    expect(shipped).toMatchObject({ status: "shipped", trackingNumber: "1Z999AA10123456784", units: 36 });
    expect(shipped.trackingUrl).toContain("1Z999AA10123456784");

    // Accounting (finance): the invoice shipping issued, read in full, then paid.
    const invoices = await ok(books.GET("/invoices", { params: { query: { order: order.number } } }));
    expect(invoices.items).toHaveLength(1);
    const number = invoices.items[0]!.number; // null only on a draft
    expect(number).toMatch(/^INV-\d+$/);
    const invoice = await ok(books.GET("/invoices/{number}", { params: { path: { number: number! } } }));
    expect(invoice).toMatchObject({
      order: order.number,
      customer: { code: "HARBOR" },
      shipment: shipment.number,
      status: "issued",
      customerReference: "PO-881",
      subtotal: order.subtotal,
      taxTotal: order.taxTotal,
      total: order.total,
      balance: order.total,
    });
    expect(invoice.lines.map(({ sku, quantity }) => ({ sku, quantity }))).toEqual([
      { sku: "PIPE-15", quantity: 12 },
      { sku: "ELBOW-15", quantity: 24 },
    ]);
    expect(invoice.taxes).toEqual([{ ratePpm: 66_250, taxable: 22_680, tax: order.taxTotal }]);

    const payment = await ok(books.POST("/payments", { body: { customer: "HARBOR", amount: invoice.total, method: "bank_transfer", reference: "WIRE-5521" } }));
    expect(payment.allocations).toEqual([expect.objectContaining({ invoice: invoice.number, amount: invoice.total })]);
    expect(await ok(books.GET("/invoices/{number}", { params: { path: { number: number! } } }))).toMatchObject({ status: "paid", balance: 0 });
    expect(await ok(shop.GET("/orders/{number}", { params: { path: { number: order.number } } }))).toMatchObject({
      status: "completed",
      fulfillmentStatus: "shipped",
      billingStatus: "paid",
    });
    await expectBooksBalance(t.db);
  });

  it("gets the errors the document describes: a role that may not, and a field named", async () => {
    const denied = await clients.wms.POST("/customers", { body: { code: "NOPE", name: "Not mine", segment: "retail", billingAddress: address } });
    expect(denied.response.status).toBe(403);
    // Typed from the document: errors are `{ error: { code, message, details } }` as the door sends them.
    expect(denied.error?.error.code).toBe("FORBIDDEN");
    const invalid = await clients.shop.POST("/orders", { body: { customer: "HARBOR", lines: [{ sku: "PIPE-15", quantity: 0 }] } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.error).toMatchObject({ code: "INVALID_INPUT", details: { fields: { "lines.0.quantity": expect.any(Array) } } });
    // A status only the `default` response covers (409) reads the same way.
    const customer = { code: "TWICE", name: "Twice Ltd", segment: "retail", billingAddress: address };
    expect((await clients.shop.POST("/customers", { body: customer })).response.status).toBe(200);
    const again = await clients.shop.POST("/customers", { body: customer });
    expect(again.response.status).toBe(409);
    expect(again.error?.error.code).toMatch(/TAKEN|EXISTS/);
  });
});
