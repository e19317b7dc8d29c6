import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "~/server/catalog/create-product";
import { products } from "~/server/catalog/schema";
import { exceptions } from "~/server/exceptions/schema";
import { outboxMessages } from "~/server/integration/schema";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { stockLevels, stockMovements, warehouses } from "~/server/inventory/schema";
import { createWarehouse } from "~/server/inventory/warehouses";
import { allocateBackorders } from "~/server/orders/allocate-backorders";
import { cancelOrder } from "~/server/orders/cancel-order";
import { closeOrder } from "~/server/orders/close-order";
import { createOrder } from "~/server/orders/create-order";
import { orderTimeline } from "~/server/orders/order-timeline";
import { loadOrder, toOrderDto } from "~/server/orders/queries";
import { releaseHold } from "~/server/orders/release-hold";
import { setAutoPlan } from "~/server/orders/set-auto-plan";
import { expectBooksBalance } from "~/test/books";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { cancelShipment, orderShipments } from "./cancel-shipment";
import { createPickList } from "./create-pick-list";
import { deliverShipment } from "./deliver-shipment";
import { fulfillmentDesk } from "./fulfillment-desk";
import { packShipment } from "./pack-shipment";
import { pickShipment } from "./pick-shipment";
import { planReadyOrders } from "./plan-ready-orders";
import { planShipments } from "./plan-shipments";
import { ZDeliverShipmentInput } from "./schemas";
import { shipShipment } from "./ship-shipment";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ max: 10 });
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "WEST", name: "West", address: { ...address, region: "CA" }, priority: 20 } });
});
afterAll(() => t.cleanup());

let skuCounter = 0;
async function product(stock: Record<string, number>) {
  const sku = `FUL-${++skuCounter}`;
  await createProduct({ db: t.db, actor: actors.admin, input: { sku, name: `Part ${skuCounter}`, category: "Fasteners", unit: "each", currency: "USD", listPrice: 1000, cost: 400, weightGrams: 200, taxCategory: "standard", leadTimeDays: 14 } });
  for (const [warehouse, quantity] of Object.entries(stock)) {
    await adjustStock({ db: t.db, actor: actors.admin, input: { sku, warehouse, quantity, reason: "initial_stock" } });
  }
  return sku;
}
const order = (lines: { sku: string; quantity: number }[], customer = "ACME") =>
  createOrder({ db: t.db, actor: actors.rep, input: { customer, channel: "phone", lines, draft: false } });
const level = async (sku: string, warehouse: string) => {
  const [row] = await t.db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(eq(products.sku, sku), eq(warehouses.code, warehouse)));
  return row!;
};
const orderNow = async (number: string) => toOrderDto(t.db, await loadOrder(t.db, number));
const plan = (number: string, extra: { warehouse?: string; lines?: { sku: string; quantity: number }[] } = {}) =>
  planShipments({ db: t.db, actor: actors.warehouse, input: { number, ...extra } });
const ship = (id: string, trackingNumber = "1Z999AA10123456784") => shipShipment({ db: t.db, actor: actors.warehouse, input: { id, carrier: "UPS", trackingNumber } });

describe("a shipment's stock: reserve on submit → consume on ship → restore on cancel → release on order cancel", () => {
  it("keeps the books balanced at every step", async () => {
    const sku = await product({ EAST: 50 });
    const placed = await order([{ sku, quantity: 10 }]);
    expect(await level(sku, "EAST")).toEqual({ onHand: 50, reserved: 10 });

    const { shipments: [planned] } = await plan(placed.number);
    expect(planned).toMatchObject({ status: "planned", warehouse: "EAST", units: 10, lines: [{ sku, quantity: 10, picked: null }] });
    const picked = await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: planned!.number, lines: [] } });
    expect(picked.status).toBe("picked");
    const shipped = await ship(planned!.number);
    expect(shipped).toMatchObject({ status: "shipped", carrier: { code: "UPS" }, trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784" });
    expect(await level(sku, "EAST")).toEqual({ onHand: 40, reserved: 0 });
    expect(await orderNow(placed.number)).toMatchObject({ fulfillmentStatus: "shipped", lines: [{ shipped: 10, reserved: 0 }] });
    await expectBooksBalance(t.db);
    // The rep sees it on the timeline; the customer's confirmation waits in the outbox.
    const timeline = await orderTimeline({ db: t.db, number: placed.number });
    expect(timeline.find((e) => e.type === "shipped")).toMatchObject({ data: { carrier: "UPS", trackingNumber: "1Z999AA10123456784" } });
    // …and finance sees its invoice: the shipment is billed in the same transaction.
    expect(timeline.slice(-2)).toMatchObject([{ type: "invoiced", data: { shipment: planned!.number } }, { type: "completed" }]);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.topic, "email.shipment_confirmation"));
    expect(mails.some((m) => m.subject.includes(placed.number) && m.body.includes("1Z999AA10123456784"))).toBe(true);

    // Shipped and invoiced in full, the order is completed: it cannot be canceled.
    expect(await orderNow(placed.number)).toMatchObject({ status: "completed", billingStatus: "invoiced" });
    await expect(cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: placed.number, reason: "too late" } })).rejects.toMatchObject({ kind: "conflict" });

    // It came back unopened: restocked and reserved for the order again.
    const back = await cancelShipment({ db: t.db, actor: actors.warehouse, input: { id: planned!.number, reason: "refused at the door, unopened" } });
    expect(back.status).toBe("canceled");
    expect(await level(sku, "EAST")).toEqual({ onHand: 50, reserved: 10 });
    // …the order is open again and the shipment's unpaid invoice is void.
    expect(await orderNow(placed.number)).toMatchObject({ status: "open", billingStatus: "unbilled", fulfillmentStatus: "unfulfilled", lines: [{ shipped: 0, reserved: 10, invoiced: 0 }] });
    await expectBooksBalance(t.db);

    await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: placed.number, reason: "customer changed mind" } });
    expect(await level(sku, "EAST")).toEqual({ onHand: 50, reserved: 0 });
    await expectBooksBalance(t.db);
  });

  it("cancels planned shipments with the order, leaving nothing reserved", async () => {
    const sku = await product({ EAST: 5 });
    const placed = await order([{ sku, quantity: 3 }]);
    const { shipments: [planned] } = await plan(placed.number);
    await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: placed.number, reason: "duplicate" } });
    const desk = await fulfillmentDesk({ db: t.db, warehouse: "EAST" });
    expect(desk.planned.shipments.some((s) => s.number === planned!.number)).toBe(false);
    expect(await level(sku, "EAST")).toEqual({ onHand: 5, reserved: 0 });
    await expectBooksBalance(t.db);
  });
});

describe("planning", () => {
  it("never takes more than is reserved in the warehouse, and says so naming the line", async () => {
    const sku = await product({ EAST: 4 });
    const placed = await order([{ sku, quantity: 6 }]);
    expect(placed.lines[0]).toMatchObject({ reserved: 4, backordered: 2 });
    await expect(plan(placed.number, { warehouse: "EAST", lines: [{ sku, quantity: 5 }] })).rejects.toMatchObject({
      kind: "conflict",
      code: "NOT_RESERVED",
      details: { fields: { "lines.0.quantity": ["at most 4 can be planned"] } },
    });
    await plan(placed.number, { lines: [{ sku, quantity: 3 }] });
    // What is on a shipment cannot be planned twice.
    await expect(plan(placed.number, { lines: [{ sku, quantity: 2 }] })).rejects.toMatchObject({ code: "NOT_RESERVED" });
    const { shipments: rest } = await plan(placed.number);
    expect(rest.map((s) => s.units)).toEqual([1]);
    await expect(plan(placed.number)).rejects.toMatchObject({ code: "NOTHING_TO_PLAN" });
  });

  it("refuses a held order naming the hold, and plans it once released", async () => {
    const sku = await product({ EAST: 10 });
    // TIGHT's credit limit is $50.00: a $60.00 order is held.
    const held = await order([{ sku, quantity: 6 }], "TIGHT");
    expect(held.status).toBe("on_hold");
    await expect(plan(held.number)).rejects.toMatchObject({ kind: "conflict", code: "ORDER_ON_HOLD", message: expect.stringMatching(/credit hold/) });
    await releaseHold({ db: t.db, actor: actors.manager, input: { number: held.number, note: "paid" } });
    expect((await plan(held.number)).shipments).toHaveLength(1);
  });

  it("ships an order split across two warehouses from both, and ends shipped", async () => {
    const sku = await product({ EAST: 3, WEST: 5 });
    const placed = await order([{ sku, quantity: 7 }]);
    expect(placed.lines[0]!.allocations).toEqual([
      { warehouse: "WEST", quantity: 5 },
      { warehouse: "EAST", quantity: 2 },
    ]);
    const { shipments: planned } = await plan(placed.number);
    expect(planned.map((s) => [s.warehouse, s.units]).sort()).toEqual([
      ["EAST", 2],
      ["WEST", 5],
    ]);
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: planned[0]!.number, lines: [] } });
    await ship(planned[0]!.number);
    expect((await orderNow(placed.number)).fulfillmentStatus).toBe("partially_shipped");
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: planned[1]!.number, lines: [] } });
    await ship(planned[1]!.number, "1ZSECOND");
    expect(await orderNow(placed.number)).toMatchObject({ fulfillmentStatus: "shipped", lines: [{ shipped: 7, reserved: 0 }] });
    for (const s of planned) await deliverShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, outcome: "delivered", deliveredOn: "2026-12-02" } });
    expect((await orderNow(placed.number)).fulfillmentStatus).toBe("delivered");
    await expectBooksBalance(t.db);
  });
});

describe("picking, packing, shipping", () => {
  it("batches shipments into a pick list in bin order; a short pick goes back to the order as a backorder with a stockout", async () => {
    const [a, b] = [await product({ EAST: 20 }), await product({ EAST: 20 })];
    const first = await order([{ sku: a, quantity: 4 }, { sku: b, quantity: 2 }]);
    const second = await order([{ sku: a, quantity: 3 }]);
    const s1 = (await plan(first.number)).shipments[0]!;
    const s2 = (await plan(second.number)).shipments[0]!;
    const list = await createPickList({ db: t.db, actor: actors.warehouse, input: { warehouse: "EAST", shipments: [s1.number, s2.number] } });
    expect(list.picks.map((p) => [p.sku, p.quantity, p.shipments.length])).toEqual([
      [a, 7, 2],
      [b, 2, 1],
    ]);
    // The picker finds only 1 of SKU b for the first order; the rest is picked in full.
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s1.number, lines: [{ sku: b, picked: 1 }] } });
    const afterShort = await orderNow(first.number);
    // EAST still had stock of b: the missing unit was reserved again there, so nothing is backordered.
    expect(afterShort.lines.find((l) => l.sku === b)).toMatchObject({ quantity: 2, reserved: 2, backordered: 0 });
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s2.number, lines: [] } });
    const done = await import("./get-pick-list").then((m) => m.getPickList({ db: t.db, id: list.number }));
    expect(done.status).toBe("completed");
    // On hand came down by the unit that was not there.
    expect((await level(b, "EAST")).onHand).toBe(19);
    await expectBooksBalance(t.db);
  });

  it("a short pick with no stock left anywhere becomes a backorder with a stockout exception", async () => {
    const sku = await product({ EAST: 5 });
    const placed = await order([{ sku, quantity: 5 }]);
    const s = (await plan(placed.number)).shipments[0]!;
    const picked = await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, lines: [{ sku, picked: 3 }] } });
    expect(picked.lines[0]).toMatchObject({ quantity: 5, picked: 3 });
    const now = await orderNow(placed.number);
    expect(now.lines[0]).toMatchObject({ reserved: 3, backordered: 2 });
    expect(now.exceptions.some((e) => e.type === "stockout" && e.status === "open")).toBe(true);
    expect(await level(sku, "EAST")).toEqual({ onHand: 3, reserved: 3 });
    const shipped = await ship(s.number);
    expect(shipped.units).toBe(3);
    expect(await orderNow(placed.number)).toMatchObject({ fulfillmentStatus: "partially_shipped", lines: [{ shipped: 3, backordered: 2 }] });
    await expectBooksBalance(t.db);
  });

  it("packs into packages whose contents add up to what was picked, naming the field otherwise", async () => {
    const [a, b] = [await product({ EAST: 10 }), await product({ EAST: 10 })];
    const placed = await order([{ sku: a, quantity: 2 }, { sku: b, quantity: 3 }]);
    const s = (await plan(placed.number)).shipments[0]!;
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, lines: [] } });
    await expect(
      packShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, packages: [{ weightGrams: 500, items: [{ sku: a, quantity: 2 }] }, { weightGrams: 400, items: [{ sku: b, quantity: 2 }] }] } }),
    ).rejects.toMatchObject({ kind: "invalid", details: { fields: { packages: [expect.stringMatching(/3 of .* were picked but 2/)] } } });
    const packed = await packShipment({
      db: t.db,
      actor: actors.warehouse,
      input: { id: s.number, packages: [{ weightGrams: 500, lengthMm: 300, widthMm: 200, heightMm: 100, items: [{ sku: a, quantity: 2 }, { sku: b, quantity: 1 }] }, { weightGrams: 400, items: [{ sku: b, quantity: 2 }] }] },
    });
    expect(packed.status).toBe("packed");
    const bySku = (items: { sku: string; quantity: number }[]) => [...items].sort((x, y) => x.sku.localeCompare(y.sku));
    expect(packed.packages.map((p) => bySku(p.items))).toEqual([
      bySku([
        { sku: a, quantity: 2 },
        { sku: b, quantity: 1 },
      ]),
      [{ sku: b, quantity: 2 }],
    ]);
  });

  it("ships once when shipped twice at the same time, and answers a retry with the shipment as it is", async () => {
    const sku = await product({ EAST: 10 });
    const placed = await order([{ sku, quantity: 4 }]);
    const s = (await plan(placed.number)).shipments[0]!;
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, lines: [] } });
    const results = await Promise.allSettled([ship(s.number, "1ZTWICE"), ship(s.number, "1ZTWICE"), ship(s.number, "1ZTWICE")]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await level(sku, "EAST")).toEqual({ onHand: 6, reserved: 0 });
    const movements = await t.db.select().from(stockMovements).where(and(eq(stockMovements.kind, "shipment"), eq(stockMovements.reason, s.number)));
    expect(movements.map((m) => m.quantity)).toEqual([-4]);
    // Another tracking number for a shipped shipment is a conflict, not a second shipment.
    await expect(ship(s.number, "1ZOTHER")).rejects.toMatchObject({ code: "ILLEGAL_SHIPMENT_TRANSITION" });
    await expectBooksBalance(t.db);
  });

  it("a failed delivery opens a delivery_failure exception; delivering later closes it", async () => {
    const sku = await product({ EAST: 10 });
    const placed = await order([{ sku, quantity: 1 }]);
    const s = (await plan(placed.number)).shipments[0]!;
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, lines: [] } });
    await ship(s.number, "1ZFAIL");
    expect(ZDeliverShipmentInput.safeParse({ id: s.number, outcome: "failed" }).error?.issues[0]).toMatchObject({ path: ["reason"] });
    const failed = await deliverShipment({ db: t.db, actor: actors.warehouse, input: ZDeliverShipmentInput.parse({ id: s.number, outcome: "failed", reason: "Nobody at the dock" }) });
    expect(failed).toMatchObject({ status: "delivery_failed", failureReason: "Nobody at the dock" });
    const [open] = await t.db.select().from(exceptions).where(and(eq(exceptions.type, "delivery_failure"), eq(exceptions.status, "open")));
    expect(open?.reason).toMatch(/Nobody at the dock/);
    await deliverShipment({ db: t.db, actor: actors.warehouse, input: ZDeliverShipmentInput.parse({ id: s.number, deliveredOn: "2026-12-03" }) });
    const after = await orderNow(placed.number);
    expect(after.fulfillmentStatus).toBe("delivered");
    expect(after.exceptions.find((e) => e.type === "delivery_failure")?.status).toBe("resolved");
  });
});

describe("closing and auto-planning", () => {
  it("closes a partly shipped order: keeps what shipped, releases the rest, re-totals the lines", async () => {
    const [a, b] = [await product({ EAST: 10 }), await product({ EAST: 10 })];
    const placed = await order([{ sku: a, quantity: 4 }, { sku: b, quantity: 2 }]);
    const s = (await plan(placed.number, { lines: [{ sku: a, quantity: 3 }] })).shipments[0]!;
    await pickShipment({ db: t.db, actor: actors.warehouse, input: { id: s.number, lines: [] } });
    await ship(s.number, "1ZPART");
    const closed = await closeOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: placed.number, reason: "ship what we have" } });
    expect(closed.lines.map((l) => [l.sku, l.quantity, l.shipped, l.reserved])).toEqual([[a, 3, 3, 0]]);
    expect(closed).toMatchObject({ fulfillmentStatus: "shipped", subtotal: 3000, total: 3000, status: "open" });
    expect(await level(a, "EAST")).toEqual({ onHand: 7, reserved: 0 });
    expect(await level(b, "EAST")).toEqual({ onHand: 10, reserved: 0 });
    await expectBooksBalance(t.db);
  });

  it("plans a backorder that a receipt filled, on its own, for an order set to auto-plan", async () => {
    const sku = await product({});
    const placed = await order([{ sku, quantity: 5 }]);
    expect(placed.lines[0]).toMatchObject({ reserved: 0, backordered: 5 });
    await setAutoPlan({ db: t.db, actor: actors.manager, input: { number: placed.number, enabled: true } });
    expect((await planReadyOrders(t.db)).planned).toEqual([]);
    // Stock arrives (a receipt, or a positive count): the backorder takes it, then the job plans the shipment.
    await adjustStock({ db: t.db, actor: actors.warehouse, input: { sku, warehouse: "WEST", quantity: 8, reason: "found" }, onStockArrival: allocateBackorders });
    expect((await orderNow(placed.number)).lines[0]).toMatchObject({ reserved: 5, backordered: 0 });
    const { planned } = await planReadyOrders(t.db);
    expect(planned).toHaveLength(1);
    const desk = await fulfillmentDesk({ db: t.db, warehouse: "WEST" });
    expect(desk.planned.shipments.find((s) => s.number === planned[0])).toMatchObject({ order: placed.number, units: 5 });
    expect((await planReadyOrders(t.db)).planned).toEqual([]);
    await expectBooksBalance(t.db);
  });
});
