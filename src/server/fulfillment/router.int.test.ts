import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOpenApiDocument } from "~/server/api/rest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { expectBooksBalance } from "~/test/books";
import { createTestDb, type TestDb } from "~/test/db";
import { seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
const keys = { shop: "", warehouse: "", rep: "", carrier: "", admin: "" };

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  api = await startRestServer(t.db);
  keys.shop = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "shop", role: "manager" } })).key;
  keys.warehouse = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "wms", role: "warehouse" } })).key;
  keys.rep = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "desk", role: "rep" } })).key;
  keys.admin = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "admin", role: "admin" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const newOrder = async (quantity = 3) =>
  (await api.call("POST", "/orders", { key: keys.shop, body: { customer: "ACME", channel: "api", lines: [{ sku: "BOLT-M8", quantity }, { sku: "NUT-M8", quantity: 1 }] } })).body;

describe("REST: shipments, pick lists and carriers (docs/api.md)", () => {
  it("plans, picks on a pick list, packs, ships with tracking and delivers; the order follows", async () => {
    const order = await newOrder();
    const planned = await api.call("POST", `/orders/${order.number}/shipments`, { key: keys.warehouse, body: {} });
    expect(planned.status).toBe(200);
    const [shipment] = planned.body.shipments;
    expect(shipment).toMatchObject({ status: "planned", warehouse: "EAST", order: order.number, units: 4 });
    expect(shipment.number).toMatch(/^SH-\d+$/);

    const list = await api.call("POST", "/pick-lists", { key: keys.warehouse, body: { warehouse: "EAST", shipments: [shipment.number] } });
    expect(list.status).toBe(200);
    expect(list.body.number).toMatch(/^PL-\d+$/);
    expect((await api.call("GET", `/pick-lists/${list.body.number}`, { key: keys.warehouse })).body.picks.map((p: { sku: string }) => p.sku).sort()).toEqual(["BOLT-M8", "NUT-M8"]);

    expect((await api.call("POST", `/shipments/${shipment.number}/pick`, { key: keys.warehouse, body: { lines: [] } })).body.status).toBe("picked");
    const packed = await api.call("POST", `/shipments/${shipment.number}/pack`, { key: keys.warehouse, body: { packages: [{ weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }] } });
    expect(packed.body).toMatchObject({ status: "packed", packages: [{ packageNo: 1, weightGrams: 1200 }] });

    const ship = () => api.call("POST", `/shipments/${shipment.number}/ship`, { key: keys.warehouse, body: { carrier: "fedex", service: "Ground", trackingNumber: "771234567890", freightCost: 1250 } });
    const shipped = await ship();
    expect(shipped.body).toMatchObject({ status: "shipped", carrier: { code: "FEDEX", name: "FedEx" }, trackingNumber: "771234567890", freightCost: 1250 });
    expect(shipped.body.trackingUrl).toBe("https://www.fedex.com/fedextrack/?trknbr=771234567890");
    // A network retry answers the same shipment and ships nothing twice.
    expect((await ship()).body).toMatchObject({ status: "shipped", version: shipped.body.version });
    const read = await api.call("GET", `/orders/${order.number}`, { key: keys.rep });
    expect(read.body).toMatchObject({ fulfillmentStatus: "shipped", lines: [{ shipped: 3, reserved: 0 }, { shipped: 1, reserved: 0 }] });

    const delivered = await api.call("POST", `/shipments/${shipment.number}/deliver`, { key: keys.warehouse, body: { deliveredOn: "2026-12-03" } });
    expect(delivered.body).toMatchObject({ status: "delivered", deliveredOn: "2026-12-03" });
    expect((await api.call("GET", `/orders/${order.number}`, { key: keys.rep })).body.fulfillmentStatus).toBe("delivered");
    const listed = await api.call("GET", `/shipments?order=${order.number}`, { key: keys.rep });
    expect(listed.body.items.map((s: { number: string }) => s.number)).toEqual([shipment.number]);
    await expectBooksBalance(t.db);
  });

  it("answers bad requests with the right status and the field: 403 for a rep, 404, 409 and 400", async () => {
    const order = await newOrder(2);
    expect((await api.call("POST", `/orders/${order.number}/shipments`, { key: keys.rep, body: {} })).status).toBe(403);
    expect((await api.call("POST", "/orders/SO-1/shipments", { key: keys.warehouse, body: {} })).status).toBe(404);
    const tooMany = await api.call("POST", `/orders/${order.number}/shipments`, { key: keys.warehouse, body: { lines: [{ sku: "BOLT-M8", quantity: 9 }] } });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.details.fields).toHaveProperty(["lines.0.quantity"]);
    const wrongType = await api.call("POST", `/orders/${order.number}/shipments`, { key: keys.warehouse, body: { lines: [{ sku: "BOLT-M8", quantity: "2" }] } });
    expect(wrongType.status).toBe(400);
    const [shipment] = (await api.call("POST", `/orders/${order.number}/shipments`, { key: keys.warehouse, body: {} })).body.shipments;
    // Not picked yet: it cannot ship.
    const early = await api.call("POST", `/shipments/${shipment.number}/ship`, { key: keys.warehouse, body: { carrier: "UPS", trackingNumber: "1Z1" } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("ILLEGAL_SHIPMENT_TRANSITION");
    await api.call("POST", `/shipments/${shipment.number}/pick`, { key: keys.warehouse, body: { lines: [] } });
    const noCarrier = await api.call("POST", `/shipments/${shipment.number}/ship`, { key: keys.warehouse, body: { carrier: "PIGEON", trackingNumber: "1" } });
    expect(noCarrier.status).toBe(400);
    expect(noCarrier.body.error.details.fields).toHaveProperty("carrier");
    const failed = await api.call("POST", `/shipments/${shipment.number}/deliver`, { key: keys.warehouse, body: { outcome: "failed" } });
    expect(failed.status).toBe(400);
    expect(failed.body.error.details.fields).toHaveProperty("reason");
    const canceled = await api.call("POST", `/shipments/${shipment.number}/cancel`, { key: keys.warehouse, body: { reason: "customer picks it up instead" } });
    expect(canceled.body.status).toBe("canceled");
    await expectBooksBalance(t.db);
  });

  it("lets admins edit a carrier's tracking link, refusing one without {tracking}", async () => {
    const carriers = await api.call("GET", "/carriers", { key: keys.rep });
    expect(carriers.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(["DHL", "FEDEX", "UPS", "USPS"]));
    expect((await api.call("PATCH", "/carriers/UPS", { key: keys.warehouse, body: { trackingUrlTemplate: "https://ups.example/{tracking}" } })).status).toBe(403);
    const bad = await api.call("PATCH", "/carriers/UPS", { key: keys.admin, body: { trackingUrlTemplate: "https://ups.example/track" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toHaveProperty("trackingUrlTemplate");
    const ok = await api.call("PATCH", "/carriers/UPS", { key: keys.admin, body: { trackingUrlTemplate: "https://www.ups.com/track?loc=en_US&tracknum={tracking}" } });
    expect(ok.body.trackingUrlTemplate).toContain("loc=en_US");
  });

  it("describes the fulfillment operations in the OpenAPI document", () => {
    const paths = Object.keys(getOpenApiDocument().paths ?? {});
    for (const path of ["/orders/{number}/shipments", "/shipments", "/shipments/{id}", "/shipments/{id}/pick", "/shipments/{id}/pack", "/shipments/{id}/ship", "/shipments/{id}/deliver", "/shipments/{id}/cancel", "/pick-lists", "/pick-lists/{id}", "/carriers", "/carriers/{code}", "/orders/{number}/close", "/orders/{number}/auto-plan", "/outbox"]) {
      expect(paths).toContain(path);
    }
  });
});
