import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/lib/dates";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { products } from "~/server/catalog";
import { connectPostgres } from "~/server/db/client";
import { auditEvents } from "~/server/db/schema";
import { createApiKey } from "~/server/integration";
import { allocateBackorders } from "~/server/orders";
import { createOrder } from "~/server/orders/create-order";
import { loadOrder } from "~/server/orders/queries";
import { orderLines } from "~/server/orders/schema";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { adjustStock } from "./adjust-stock";
import { ON_HAND_KINDS } from "./constants";
import { stockLevels, stockMovements, warehouses } from "./schema";
import type { StockArrivalHandler } from "./stock-arrival";
import { loadTransfersInTransit } from "./inbound";
import { ZListTransfersInput } from "./transfer-schemas";
import { cancelTransfer, createTransfer, getTransfer, listTransfers, receiveTransfer } from "./transfers";
import { createWarehouse } from "./warehouses";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
let warehouseKey = "";
let repKey = "";

beforeAll(async () => {
  t = await createTestDb({ max: 5 });
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "WEST", name: "West", address, priority: 20 } });
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "NORTH", name: "North", address, priority: 30 } });
  api = await startRestServer(t.db);
  warehouseKey = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "wms", role: "warehouse" } })).key;
  repKey = (await createApiKey({ db: t.db, actor: SYSTEM_ACTOR, input: { name: "rep", role: "rep" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const stock = (sku: string, warehouse: string, quantity: number) =>
  adjustStock({ db: t.db, actor: actors.warehouse, input: { sku, warehouse, quantity, reason: "initial_stock" } });

const transfer = (sku: string, from: string, to: string, quantity: number, extra: { expectedDate?: string } = {}) =>
  createTransfer({ db: t.db, actor: actors.warehouse, input: { sku, from, to, quantity, ...extra } });

const arrivals: { productId: string; warehouseId: string; reference: string }[] = [];
const recordArrival: StockArrivalHandler = async (_tx, arrival) => {
  arrivals.push({ productId: arrival.productId, warehouseId: arrival.warehouseId, reference: arrival.reference });
  return [];
};

async function level(sku: string, warehouse: string) {
  const [row] = await t.db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(eq(products.sku, sku), eq(warehouses.code, warehouse)));
  return row ?? { onHand: 0, reserved: 0 };
}

/** The ledger rule: on hand = Σ on-hand movements, for the level. */
async function expectLedgerMatches(sku: string, warehouse: string) {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)`.mapWith(Number) })
    .from(stockMovements)
    .innerJoin(products, eq(products.id, stockMovements.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .where(and(eq(products.sku, sku), eq(warehouses.code, warehouse), inArray(stockMovements.kind, [...ON_HAND_KINDS])));
  expect((await level(sku, warehouse)).onHand).toBe(row!.sum);
}

async function movementsOf(reference: string) {
  return t.db
    .select({ warehouse: warehouses.code, kind: stockMovements.kind, quantity: stockMovements.quantity, reason: stockMovements.reason, actor: stockMovements.actor })
    .from(stockMovements)
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .where(eq(stockMovements.reference, reference))
    .orderBy(stockMovements.id);
}

describe("transfers", () => {
  it("ships from the source at once and receives at the destination, the ledger matching both levels", async () => {
    await stock("BOLT-M8", "EAST", 40);
    const created = await transfer("BOLT-M8", "EAST", "WEST", 15);
    expect(created).toMatchObject({
      number: expect.stringMatching(/^TR-\d+$/),
      lines: [{ sku: "BOLT-M8", productName: expect.any(String), quantity: 15, received: 0, inTransit: 15 }],
      from: "EAST",
      to: "WEST",
      quantity: 15,
      status: "in_transit",
      expectedDate: addDays(todayIn(), 1),
      isOverdue: false,
      createdBy: "Wes Warehouse",
      receivedBy: null,
    });
    expect(await level("BOLT-M8", "EAST")).toEqual({ onHand: 25, reserved: 0 });
    expect(await level("BOLT-M8", "WEST")).toEqual({ onHand: 0, reserved: 0 });
    await expectLedgerMatches("BOLT-M8", "EAST");

    const received = await receiveTransfer({ db: t.db, actor: actors.manager, input: { number: created.number }, onStockArrival: recordArrival });
    expect(received).toMatchObject({ status: "received", receivedBy: "Morgan Manager", allocatedToBackorders: [] });
    expect(received.receivedAt).not.toBeNull();
    expect(await level("BOLT-M8", "WEST")).toEqual({ onHand: 15, reserved: 0 });
    expect(await level("BOLT-M8", "EAST")).toEqual({ onHand: 25, reserved: 0 });
    await expectLedgerMatches("BOLT-M8", "EAST");
    await expectLedgerMatches("BOLT-M8", "WEST");
    expect(await movementsOf(created.number)).toEqual([
      { warehouse: "EAST", kind: "transfer_out", quantity: -15, reason: "transfer to WEST", actor: "Wes Warehouse" },
      { warehouse: "WEST", kind: "transfer_in", quantity: 15, reason: "transfer from EAST", actor: "Morgan Manager" },
    ]);
    const [west] = await t.db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, "WEST"));
    expect(arrivals.at(-1)).toMatchObject({ warehouseId: west!.id, reference: created.number });

    const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, "transfer"), eq(auditEvents.entityId, created.number)));
    expect(audit.map((a) => a.action)).toEqual(["created", "received"]);

    await expect(receiveTransfer({ db: t.db, actor: actors.manager, input: { number: created.number } })).rejects.toMatchObject({
      kind: "conflict",
      code: "ILLEGAL_TRANSITION",
      message: expect.stringContaining("received"),
    });
    await expect(cancelTransfer({ db: t.db, actor: actors.manager, input: { number: created.number } })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
  });

  it("refuses more than is free at the source (reserved stock stays), naming the quantity and what is available", async () => {
    await stock("NUT-M8", "EAST", 10);
    // ACME reserves 6 of the 10.
    const order = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "NUT-M8", quantity: 6 }], draft: false } });
    expect(order.lines[0]).toMatchObject({ reserved: 6, warehouse: "EAST" });

    await expect(transfer("NUT-M8", "EAST", "WEST", 5)).rejects.toMatchObject({
      kind: "conflict",
      code: "INSUFFICIENT_STOCK",
      message: expect.stringMatching(/^Cannot transfer 5 of NUT-M8 from EAST: only 4 available/),
      details: { fields: { quantity: [expect.stringContaining("at most 4")] }, available: 4 },
    });
    await expect(transfer("NUT-M8", "WEST", "EAST", 1)).rejects.toMatchObject({ code: "INSUFFICIENT_STOCK", details: { available: 0 } });
    expect(await level("NUT-M8", "EAST")).toEqual({ onHand: 10, reserved: 6 });
    await expectLedgerMatches("NUT-M8", "EAST");

    const ok = await transfer("NUT-M8", "EAST", "WEST", 4);
    expect(ok.status).toBe("in_transit");
    expect(await level("NUT-M8", "EAST")).toEqual({ onHand: 6, reserved: 6 });
  });

  it("names the field of bad input", async () => {
    await expect(transfer("NOPE-1", "EAST", "WEST", 1)).rejects.toMatchObject({ kind: "invalid", details: { fields: { sku: [expect.stringContaining("NOPE-1")] } } });
    await expect(transfer("BOLT-M8", "SOUTH", "WEST", 1)).rejects.toMatchObject({ details: { fields: { from: expect.any(Array) } } });
    await expect(transfer("BOLT-M8", "EAST", "SOUTH", 1)).rejects.toMatchObject({ details: { fields: { to: expect.any(Array) } } });
    await expect(transfer("BOLT-M8", "EAST", "EAST", 1)).rejects.toMatchObject({ details: { fields: { to: expect.any(Array) } } });
    await expect(transfer("BOLT-M8", "EAST", "WEST", 1, { expectedDate: addDays(todayIn(), -1) })).rejects.toMatchObject({
      details: { fields: { expectedDate: expect.any(Array) } },
    });
    await expect(receiveTransfer({ db: t.db, actor: actors.manager, input: { number: "TR-1" } })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("cancels a transfer in transit: the stock goes back to the source with a 'transfer canceled' movement", async () => {
    await stock("WASHER-M8", "WEST", 30);
    const created = await transfer("WASHER-M8", "WEST", "NORTH", 12, { expectedDate: addDays(todayIn(), 5) });
    expect(created.expectedDate).toBe(addDays(todayIn(), 5));
    expect(await level("WASHER-M8", "WEST")).toEqual({ onHand: 18, reserved: 0 });

    const canceled = await cancelTransfer({ db: t.db, actor: actors.manager, input: { number: created.number, reason: "truck broke down" }, onStockArrival: recordArrival });
    expect(canceled.status).toBe("canceled");
    expect(await level("WASHER-M8", "WEST")).toEqual({ onHand: 30, reserved: 0 });
    expect(await level("WASHER-M8", "NORTH")).toEqual({ onHand: 0, reserved: 0 });
    await expectLedgerMatches("WASHER-M8", "WEST");
    await expectLedgerMatches("WASHER-M8", "NORTH");
    expect(await movementsOf(created.number)).toEqual([
      expect.objectContaining({ warehouse: "WEST", kind: "transfer_out", quantity: -12 }),
      expect.objectContaining({ warehouse: "WEST", kind: "transfer_in", quantity: 12, reason: "transfer canceled" }),
    ]);
    await expect(receiveTransfer({ db: t.db, actor: actors.manager, input: { number: created.number } })).rejects.toMatchObject({
      code: "ILLEGAL_TRANSITION",
      message: expect.stringContaining("canceled"),
    });
  });

  it("receiving fills backorders waiting at the destination (orders' allocateBackorders)", async () => {
    await stock("WASHER-M8", "EAST", 10);
    const order = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "WASHER-M8", quantity: 45 }], draft: false } });
    // 30 free in WEST and 10 in EAST: 40 reserved, 5 backordered.
    const before = await loadOrder(t.db, order.number);
    const [line] = await t.db.select().from(orderLines).where(eq(orderLines.orderId, before.id));
    expect(line!.backordered).toBe(5);
    const [backorderWarehouse] = await t.db.select({ code: warehouses.code }).from(warehouses).where(eq(warehouses.id, line!.warehouseId!));

    await stock("WASHER-M8", "NORTH", 8);
    const created = await transfer("WASHER-M8", "NORTH", backorderWarehouse!.code, 8);
    const received = await receiveTransfer({ db: t.db, actor: actors.warehouse, input: { number: created.number }, onStockArrival: allocateBackorders });
    expect(received.allocatedToBackorders).toEqual([{ orderNumber: order.number, sku: "WASHER-M8", quantity: 5 }]);
    const [after] = await t.db.select().from(orderLines).where(eq(orderLines.id, line!.id));
    expect(after).toMatchObject({ backordered: 0, reserved: 45 });
    await expectLedgerMatches("WASHER-M8", backorderWarehouse!.code);
    await expectLedgerMatches("WASHER-M8", "NORTH");
  });

  it("lists transfers newest first, filtered by status, SKU and warehouse, page by page", async () => {
    const all = await listTransfers({ db: t.db, input: ZListTransfersInput.parse({}) });
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const createdAts = all.items.map((i) => i.createdAt);
    expect([...createdAts].sort().reverse()).toEqual(createdAts);

    const inTransit = await listTransfers({ db: t.db, input: ZListTransfersInput.parse({ status: "in_transit" }) });
    expect(inTransit.items.every((i) => i.status === "in_transit")).toBe(true);
    const north = await listTransfers({ db: t.db, input: ZListTransfersInput.parse({ warehouse: "NORTH" }) });
    expect(north.items.length).toBeGreaterThanOrEqual(2);
    expect(north.items.every((i) => i.from === "NORTH" || i.to === "NORTH")).toBe(true);
    const washers = await listTransfers({ db: t.db, input: ZListTransfersInput.parse({ sku: "WASHER-M8", status: "canceled" }) });
    expect(washers.items.map((i) => [i.lines[0]!.sku, i.status])).toEqual([["WASHER-M8", "canceled"]]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTransfers({ db: t.db, input: ZListTransfersInput.parse({ limit: 2, cursor }) });
      seen.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.number));
    expect((await getTransfer({ db: t.db, number: seen[0]! })).number).toBe(seen[0]);
  });

  it("never lets concurrent transfers take more than is free", async () => {
    await stock("BOLT-M8", "NORTH", 10);
    // A second pool on PostgreSQL makes the race real; PGlite serialises the same calls.
    const other = t.url ? connectPostgres(t.url, 5) : undefined;
    try {
      const db = other?.db ?? t.db;
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) => createTransfer({ db: i % 2 ? db : t.db, actor: actors.warehouse, input: { sku: "BOLT-M8", from: "NORTH", to: "EAST", quantity: 4 } })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(["INSUFFICIENT_STOCK", "INSUFFICIENT_STOCK"]);
    } finally {
      await other?.close();
    }
    expect(await level("BOLT-M8", "NORTH")).toEqual({ onHand: 2, reserved: 0 });
    await expectLedgerMatches("BOLT-M8", "NORTH");
  });
});

/** What transfers still bring to a warehouse, as ATP and replenishment read it. */
async function inTransitTo(sku: string, warehouse: string) {
  const [product] = await t.db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  const [target] = await t.db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, warehouse));
  const rows = await loadTransfersInTransit(t.db, [product!.id]);
  return rows.filter((r) => r.warehouseId === target!.id).reduce((sum, r) => sum + r.quantity, 0);
}

describe("transfers with several SKUs, received in parts", () => {
  it("ships every line at once, receives part (the rest stays in transit), then the rest; on hand, in transit and the ledger agree at each step", async () => {
    await stock("BOLT-M8", "WEST", 50);
    await stock("NUT-M8", "WEST", 40);
    const inboundBefore = { bolt: await inTransitTo("BOLT-M8", "NORTH"), nut: await inTransitTo("NUT-M8", "NORTH") };
    const westBefore = { bolt: (await level("BOLT-M8", "WEST")).onHand, nut: (await level("NUT-M8", "WEST")).onHand };
    const northBefore = { bolt: (await level("BOLT-M8", "NORTH")).onHand, nut: (await level("NUT-M8", "NORTH")).onHand };

    const created = await createTransfer({
      db: t.db,
      actor: actors.warehouse,
      input: { from: "WEST", to: "NORTH", lines: [{ sku: "NUT-M8", quantity: 12 }, { sku: "BOLT-M8", quantity: 20 }] },
    });
    expect(created).toMatchObject({
      status: "in_transit",
      quantity: 32,
      received: 0,
      inTransit: 32,
      lines: [
        { sku: "NUT-M8", quantity: 12, received: 0, inTransit: 12 },
        { sku: "BOLT-M8", quantity: 20, received: 0, inTransit: 20 },
      ],
    });
    expect((await level("BOLT-M8", "WEST")).onHand).toBe(westBefore.bolt - 20);
    expect((await level("NUT-M8", "WEST")).onHand).toBe(westBefore.nut - 12);
    expect(await inTransitTo("BOLT-M8", "NORTH")).toBe(inboundBefore.bolt + 20);
    expect(await inTransitTo("NUT-M8", "NORTH")).toBe(inboundBefore.nut + 12);

    const partial = await receiveTransfer({
      db: t.db,
      actor: actors.warehouse,
      input: { number: created.number, lines: [{ sku: "BOLT-M8", quantity: 15 }, { sku: "NUT-M8", quantity: 0 }] },
      onStockArrival: recordArrival,
    });
    expect(partial).toMatchObject({
      status: "partially_received",
      received: 15,
      inTransit: 17,
      lines: [
        { sku: "NUT-M8", received: 0, inTransit: 12 },
        { sku: "BOLT-M8", received: 15, inTransit: 5 },
      ],
    });
    expect((await level("BOLT-M8", "NORTH")).onHand).toBe(northBefore.bolt + 15);
    expect((await level("NUT-M8", "NORTH")).onHand).toBe(northBefore.nut);
    expect(await inTransitTo("BOLT-M8", "NORTH")).toBe(inboundBefore.bolt + 5);
    expect(await inTransitTo("NUT-M8", "NORTH")).toBe(inboundBefore.nut + 12);
    for (const sku of ["BOLT-M8", "NUT-M8"]) for (const w of ["WEST", "NORTH"]) await expectLedgerMatches(sku, w);

    // More than is in transit, or a SKU not on the transfer: 400 naming the line's field, nothing changes.
    await expect(receiveTransfer({ db: t.db, actor: actors.warehouse, input: { number: created.number, lines: [{ sku: "BOLT-M8", quantity: 6 }] } })).rejects.toMatchObject({
      kind: "invalid",
      details: { fields: { "lines.0.quantity": [expect.stringContaining("at most 5")] } },
    });
    await expect(receiveTransfer({ db: t.db, actor: actors.warehouse, input: { number: created.number, lines: [{ sku: "WASHER-M8", quantity: 1 }] } })).rejects.toMatchObject({
      details: { fields: { "lines.0.sku": expect.any(Array) } },
    });

    const rest = await receiveTransfer({ db: t.db, actor: actors.manager, input: { number: created.number }, onStockArrival: recordArrival });
    expect(rest).toMatchObject({ status: "received", received: 32, inTransit: 0, receivedBy: "Morgan Manager" });
    expect((await level("BOLT-M8", "NORTH")).onHand).toBe(northBefore.bolt + 20);
    expect((await level("NUT-M8", "NORTH")).onHand).toBe(northBefore.nut + 12);
    expect(await inTransitTo("BOLT-M8", "NORTH")).toBe(inboundBefore.bolt);
    expect(await inTransitTo("NUT-M8", "NORTH")).toBe(inboundBefore.nut);
    for (const sku of ["BOLT-M8", "NUT-M8"]) for (const w of ["WEST", "NORTH"]) await expectLedgerMatches(sku, w);
    const arrived = (await movementsOf(created.number)).filter((m) => m.kind === "transfer_in").map((m) => `${m.warehouse} ${m.quantity}`);
    expect(arrived[0]).toBe("NORTH 15");
    expect(arrived.slice(1).sort()).toEqual(["NORTH 12", "NORTH 5"]);
    const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, "transfer"), eq(auditEvents.entityId, created.number)));
    expect(audit.map((a) => a.action)).toEqual(["created", "partially_received", "received"]);
  });

  it("rolls the whole transfer back when one line cannot leave, naming that line", async () => {
    await stock("WASHER-M8", "NORTH", 3);
    const boltBefore = await level("BOLT-M8", "NORTH");
    await expect(
      createTransfer({ db: t.db, actor: actors.warehouse, input: { from: "NORTH", to: "EAST", lines: [{ sku: "BOLT-M8", quantity: 1 }, { sku: "WASHER-M8", quantity: 1000 }] } }),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_STOCK", details: { fields: { "lines.1.quantity": expect.any(Array) }, sku: "WASHER-M8" } });
    expect(await level("BOLT-M8", "NORTH")).toEqual(boltBefore);
    await expect(
      createTransfer({ db: t.db, actor: actors.warehouse, input: { from: "NORTH", to: "EAST", lines: [{ sku: "BOLT-M8", quantity: 1 }, { sku: "NOPE-9", quantity: 1 }] } }),
    ).rejects.toMatchObject({ kind: "invalid", details: { fields: { "lines.1.sku": expect.any(Array) } } });
  });

  it("canceling a partly received transfer sends only what is still in transit back to the source", async () => {
    await stock("BOLT-M8", "EAST", 10);
    await stock("NUT-M8", "EAST", 10);
    const eastBefore = { bolt: (await level("BOLT-M8", "EAST")).onHand, nut: (await level("NUT-M8", "EAST")).onHand };
    const created = await createTransfer({ db: t.db, actor: actors.warehouse, input: { from: "EAST", to: "WEST", lines: [{ sku: "BOLT-M8", quantity: 6 }, { sku: "NUT-M8", quantity: 4 }] } });
    await receiveTransfer({ db: t.db, actor: actors.warehouse, input: { number: created.number, lines: [{ sku: "BOLT-M8", quantity: 2 }] } });
    const canceled = await cancelTransfer({ db: t.db, actor: actors.warehouse, input: { number: created.number, reason: "lost on the way back" } });
    expect(canceled).toMatchObject({ status: "canceled", received: 2, inTransit: 0 });
    expect((await level("BOLT-M8", "EAST")).onHand).toBe(eastBefore.bolt - 2);
    expect((await level("NUT-M8", "EAST")).onHand).toBe(eastBefore.nut);
    for (const sku of ["BOLT-M8", "NUT-M8"]) for (const w of ["EAST", "WEST"]) await expectLedgerMatches(sku, w);
  });
});

describe("REST: /transfers", () => {
  it("takes several lines and a partial receipt over HTTP, 400 naming the line's field", async () => {
    await stock("BOLT-M8", "WEST", 10);
    await stock("WASHER-M8", "WEST", 10);
    const created = await api.call("POST", "/transfers", {
      key: warehouseKey,
      body: { from: "WEST", to: "EAST", lines: [{ sku: "BOLT-M8", quantity: 3 }, { sku: "WASHER-M8", quantity: 2 }] },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ quantity: 5, lines: [{ sku: "BOLT-M8" }, { sku: "WASHER-M8" }] });
    const duplicate = await api.call("POST", "/transfers", { key: warehouseKey, body: { from: "WEST", to: "EAST", lines: [{ sku: "BOLT-M8", quantity: 1 }, { sku: "BOLT-M8", quantity: 1 }] } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.fields).toHaveProperty(["lines.1.sku"]);
    const partial = await api.call("POST", `/transfers/${created.body.number}/receive`, { key: warehouseKey, body: { lines: [{ sku: "WASHER-M8", quantity: 2 }] } });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ status: "partially_received", received: 2, inTransit: 3 });
    const tooMuch = await api.call("POST", `/transfers/${created.body.number}/receive`, { key: warehouseKey, body: { lines: [{ sku: "BOLT-M8", quantity: 4 }] } });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details.fields).toHaveProperty(["lines.0.quantity"]);
    const fetched = await api.call("GET", `/transfers/${created.body.number}`, { key: warehouseKey });
    expect(fetched.body).toMatchObject({ status: "partially_received", lines: [{ sku: "BOLT-M8", received: 0, inTransit: 3 }, { sku: "WASHER-M8", received: 2, inTransit: 0 }] });
  });


  it("creates, lists, receives and cancels over HTTP with the API's error shapes", async () => {
    await stock("NUT-M8", "WEST", 20);
    const northBefore = (await level("NUT-M8", "NORTH")).onHand;
    const created = await api.call("POST", "/transfers", { key: warehouseKey, body: { sku: "NUT-M8", from: "WEST", to: "NORTH", quantity: 7, expectedDate: addDays(todayIn(), 3) } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ lines: [{ sku: "NUT-M8", quantity: 7 }], from: "WEST", to: "NORTH", quantity: 7, status: "in_transit" });

    const listed = await api.call("GET", `/transfers?status=in_transit&sku=NUT-M8&warehouse=NORTH`, { key: warehouseKey });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { number: string }) => i.number)).toContain(created.body.number);

    const tooMuch = await api.call("POST", "/transfers", { key: warehouseKey, body: { sku: "NUT-M8", from: "WEST", to: "NORTH", quantity: 500 } });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: "INSUFFICIENT_STOCK", details: { fields: { quantity: expect.any(Array) } } });

    const same = await api.call("POST", "/transfers", { key: warehouseKey, body: { sku: "NUT-M8", from: "WEST", to: "WEST", quantity: 1 } });
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body.error)).toContain("to");

    const forbidden = await api.call("POST", "/transfers", { key: repKey, body: { sku: "NUT-M8", from: "WEST", to: "NORTH", quantity: 1 } });
    expect(forbidden.status).toBe(403);

    const received = await api.call("POST", `/transfers/${created.body.number}/receive`, { key: warehouseKey });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: "received", allocatedToBackorders: [] });
    expect(await level("NUT-M8", "NORTH")).toMatchObject({ onHand: northBefore + 7 });

    const again = await api.call("POST", `/transfers/${created.body.number}/cancel`, { key: warehouseKey, body: { reason: "late" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ILLEGAL_TRANSITION");
    expect((await api.call("POST", "/transfers/TR-1/receive", { key: warehouseKey })).status).toBe(404);
  });
});
