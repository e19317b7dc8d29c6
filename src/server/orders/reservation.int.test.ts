import { and, eq, sql } from "drizzle-orm";
import { purchasingSupply } from "~/server/purchasing";
import { expectBooksBalance } from "~/test/books";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "~/server/catalog/create-product";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { getAvailability } from "~/server/inventory/availability";
import { stockAllocations, stockHoldbacks, stockLevels, warehouses } from "~/server/inventory/schema";
import { createWarehouse } from "~/server/inventory/warehouses";
import { products } from "~/server/catalog/schema";
import { todayIn } from "~/lib/dates";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { allocateBackorders } from "./allocate-backorders";
import { cancelOrder } from "./cancel-order";
import { createOrder } from "./create-order";
import { orderLines, orders } from "./schema";
import { updateOrder } from "./update-order";
import { orderShipments } from "~/server/fulfillment";

let t: TestDb;

beforeAll(async () => {
  // A pool as wide as the race: on PostgreSQL the 50 submissions really run at once.
  t = await createTestDb({ max: 50 });
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "WEST", name: "West", address: { ...address, region: "CA" }, priority: 20 } });
});
afterAll(() => t.cleanup());

const product = async (sku: string) => {
  await createProduct({
    db: t.db,
    actor: actors.admin,
    input: { sku, name: `${sku} part`, category: "Fasteners", unit: "each", currency: "USD", listPrice: 100, cost: 50, weightGrams: 10, taxCategory: "standard", leadTimeDays: 10 },
  });
  const [row] = await t.db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  return row!.id;
};
const stock = (sku: string, warehouse: string, quantity: number) => adjustStock({ db: t.db, actor: actors.admin, input: { sku, warehouse, quantity, reason: "initial_stock" } });
const order = (sku: string, quantity: number, customer = "ACME") =>
  createOrder({ db: t.db, actor: actors.rep, input: { customer, channel: "phone", lines: [{ sku, quantity }], draft: false } });
const warehouseId = async (code: string) => (await t.db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, code)))[0]!.id;

describe("reservation under concurrency", () => {
  it("50 concurrent submissions for a SKU with 10 in stock reserve exactly 10 and backorder 40", async () => {
    const productId = await product("HOT-1");
    await stock("HOT-1", "EAST", 10);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => order("HOT-1", 1)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const [level] = await t.db.select().from(stockLevels).where(eq(stockLevels.productId, productId));
    expect(level).toMatchObject({ onHand: 10, reserved: 10 });
    const [totals] = await t.db
      .select({ reserved: sql<number>`sum(${orderLines.reserved})`.mapWith(Number), backordered: sql<number>`sum(${orderLines.backordered})`.mapWith(Number) })
      .from(orderLines)
      .where(eq(orderLines.productId, productId));
    expect(totals).toEqual({ reserved: 10, backordered: 40 });
    await expectBooksBalance(t.db);
  });
});

describe("edits and cancels beside submissions", () => {
  it("never deadlock: edits lock stock in the same order as submissions, split lines included", async () => {
    const a = await product("DL-A");
    const b = await product("DL-B");
    const [lo, hi] = a < b ? ["DL-A", "DL-B"] : ["DL-B", "DL-A"];
    await stock(lo, "EAST", 10_000);
    await stock(hi, "EAST", 10_000);
    await stock(hi, "WEST", 10_000);
    // Lines in descending product order, and a split line (EAST and WEST) for the higher product.
    const editable = [];
    for (let i = 0; i < 12; i++) editable.push(await order(hi, 1));
    const both = async () =>
      createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: hi, quantity: 10 }, { sku: lo, quantity: 10 }], draft: false } });
    for (let i = 0; i < 12; i++) editable.push(await both());
    const results = await Promise.allSettled([
      ...editable.map((o, i) =>
        i % 3 === 0
          ? cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: o.number, reason: "race" } })
          : updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: o.number, version: o.version, lines: [{ sku: hi, quantity: 5 }, { sku: lo, quantity: 2 }] } }),
      ),
      ...Array.from({ length: 24 }, () =>
        createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: lo, quantity: 1 }, { sku: hi, quantity: 1 }], draft: false } }),
      ),
    ]);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    await expectBooksBalance(t.db);
  });
});

describe("orders of several lines at once", () => {
  it("reserve in one statement when they can, fall back line by line when one runs short, and never deadlock or oversell", async () => {
    const skus = ["ML-1", "ML-2", "ML-3", "ML-4"];
    for (const sku of skus) await product(sku);
    for (const sku of skus.slice(0, 3)) await stock(sku, "EAST", 10_000);
    // ML-4 runs out part-way: later orders split it across warehouses, then backorder it.
    await stock("ML-4", "EAST", 30);
    await stock("ML-4", "WEST", 30);
    const place = (i: number) =>
      createOrder({
        db: t.db,
        actor: actors.rep,
        input: { customer: i % 2 ? "ACME" : "TIGHT", channel: "api", lines: [{ sku: skus[i % 3]!, quantity: 2 }, { sku: "ML-4", quantity: 3 }, { sku: skus[(i + 1) % 3]!, quantity: 1 }], draft: false },
      });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => place(i)));
    // The database's own message (a deadlock, say) sits in the driver error's cause.
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String((r.reason as Error).cause ?? r.reason));
    expect(failures).toEqual([]);
    const orders = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof place>>>).value);
    const ml4 = orders.map((o) => o.lines.find((l) => l.sku === "ML-4")!);
    expect(ml4.reduce((sum, l) => sum + l.reserved, 0)).toBe(60);
    expect(ml4.reduce((sum, l) => sum + l.backordered, 0)).toBe(40 * 3 - 60);
    // The other lines were all reserved whole.
    expect(orders.every((o) => o.lines.filter((l) => l.sku !== "ML-4").every((l) => l.reserved === l.quantity))).toBe(true);
    await expectBooksBalance(t.db);
  });
});

describe("sourcing", () => {
  it("takes a line from the customer's region, else the warehouse with most stock, and splits when none can fill it", async () => {
    await product("SRC-1");
    await stock("SRC-1", "EAST", 5);
    await stock("SRC-1", "WEST", 8);
    // ACME ships to NJ (EAST's region): EAST fills 4 on its own.
    const inRegion = await order("SRC-1", 4);
    expect(inRegion.lines[0]).toMatchObject({ reserved: 4, backordered: 0, warehouse: "EAST" });
    // EAST has 1 left: WEST, with most stock, fills 6.
    const mostStock = await order("SRC-1", 6);
    expect(mostStock.lines[0]).toMatchObject({ reserved: 6, warehouse: "WEST" });
    // 1 in EAST + 2 in WEST: split, and 2 backordered.
    const split = await order("SRC-1", 5);
    expect(split.lines[0]).toMatchObject({ reserved: 3, backordered: 2 });
    // The order says where its split line sits, most first.
    expect(split.lines[0]!.allocations).toEqual([
      { warehouse: "WEST", quantity: 2 },
      { warehouse: "EAST", quantity: 1 },
    ]);
    const allocations = await t.db
      .select({ warehouse: warehouses.code, quantity: stockAllocations.quantity })
      .from(stockAllocations)
      .innerJoin(orders, eq(orders.id, stockAllocations.orderId))
      .innerJoin(warehouses, eq(warehouses.id, stockAllocations.warehouseId))
      .where(eq(orders.number, split.number))
      .orderBy(warehouses.code);
    expect(allocations).toEqual([
      { warehouse: "EAST", quantity: 1 },
      { warehouse: "WEST", quantity: 2 },
    ]);
    expect(split.exceptions.map((e) => e.type)).toContain("stockout");
    expect(split.promisedDate).not.toBeNull();
    await expectBooksBalance(t.db);
  });
});

describe("the caller's own record of a new order", () => {
  it("survives a reservation that split its line (undone to a savepoint first): a retry with the key gets the same order", async () => {
    await product("SPLIT-KEY");
    await stock("SPLIT-KEY", "EAST", 2);
    await stock("SPLIT-KEY", "WEST", 2);
    const input = { customer: "ACME", channel: "api" as const, lines: [{ sku: "SPLIT-KEY", quantity: 3 }], draft: false };
    const first = await createOrder({ db: t.db, actor: actors.rep, input, idempotencyKey: "split-1" });
    expect(first.lines[0]).toMatchObject({ reserved: 3, backordered: 0 });
    expect(first.lines[0]!.allocations).toHaveLength(2);
    const again = await createOrder({ db: t.db, actor: actors.rep, input, idempotencyKey: "split-1" });
    expect(again.number).toBe(first.number);
    const made = await t.db.select({ id: orderLines.id }).from(orderLines).innerJoin(products, eq(products.id, orderLines.productId)).where(eq(products.sku, "SPLIT-KEY"));
    expect(made).toHaveLength(1);
  });
});

describe("backorders", () => {
  it("receiving stock fills backordered lines oldest first, and edits and cancels keep the books balanced", async () => {
    const productId = await product("BO-1");
    const older = await order("BO-1", 3);
    const newer = await order("BO-1", 4);
    expect([older.lines[0]!.backordered, newer.lines[0]!.backordered]).toEqual([3, 4]);

    // 5 arrive in EAST: the older order takes 3, the newer the remaining 2.
    await stock("BO-1", "EAST", 5);
    const east = await warehouseId("EAST");
    const allocated = await t.db.transaction((tx) => allocateBackorders(tx, { productId, warehouseId: east, reference: "PO-TEST", actor: actors.warehouse }));
    expect(allocated).toEqual([
      { orderNumber: older.number, sku: "BO-1", quantity: 3 },
      { orderNumber: newer.number, sku: "BO-1", quantity: 2 },
    ]);
    const lines = await t.db.select().from(orderLines).where(eq(orderLines.productId, productId));
    expect(lines.map((l) => [l.reserved, l.backordered]).sort()).toEqual([
      [2, 2],
      [3, 0],
    ]);
    await expectBooksBalance(t.db);

    // Shortening the newer order to 2 needs no backorder; canceling the older frees its 3.
    const current = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: newer.number, version: newer.version, lines: [{ sku: "BO-1", quantity: 2 }] } });
    expect(current.lines[0]).toMatchObject({ reserved: 2, backordered: 0 });
    await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: older.number, reason: "test" } });
    const [level] = await t.db.select().from(stockLevels).where(and(eq(stockLevels.productId, productId), eq(stockLevels.warehouseId, east)));
    expect(level).toMatchObject({ onHand: 5, reserved: 2 });
    await expectBooksBalance(t.db);
  });
});

describe("freed stock", () => {
  it("goes to the oldest backorder when an order is canceled, and a notes-only edit takes nothing", async () => {
    await product("Q-1");
    await stock("Q-1", "EAST", 3);
    const holder = await order("Q-1", 3);
    const older = await order("Q-1", 3);
    const newer = await order("Q-1", 3);
    expect([holder.lines[0]!.reserved, older.lines[0]!.backordered, newer.lines[0]!.backordered]).toEqual([3, 3, 3]);
    const notes = await updateOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: newer.number, version: newer.version, notes: "call first" } });
    expect(notes.lines[0]).toMatchObject({ reserved: 0, backordered: 3 });

    await cancelOrder({ shipments: orderShipments, db: t.db, actor: actors.rep, input: { number: holder.number, reason: "customer changed mind" } });
    const [olderLine] = await t.db.select().from(orderLines).innerJoin(orders, eq(orders.id, orderLines.orderId)).where(eq(orders.number, older.number));
    expect(olderLine!.order_lines).toMatchObject({ reserved: 3, backordered: 0 });
    expect(olderLine!.orders.promisedDate).toBe(todayIn());
    await expectBooksBalance(t.db);
  });
});

describe("found stock", () => {
  it("a positive adjustment fills waiting backorders before anyone else can take it", async () => {
    await product("BO-2");
    const waiting = await order("BO-2", 4);
    expect(waiting.lines[0]).toMatchObject({ reserved: 0, backordered: 4 });
    const movement = await adjustStock({
      db: t.db,
      actor: actors.warehouse,
      input: { sku: "BO-2", warehouse: "WEST", quantity: 6, reason: "found" },
      onStockArrival: allocateBackorders,
    });
    expect(movement).toMatchObject({ onHand: 6, reserved: 4, available: 2 });
    const [line] = await t.db.select().from(orderLines).innerJoin(orders, eq(orders.id, orderLines.orderId)).where(eq(orders.number, waiting.number));
    expect(line!.order_lines).toMatchObject({ reserved: 4, backordered: 0 });
    await expectBooksBalance(t.db);
  });
});

describe("allocation by demand class", () => {
  it("keeps held-back units for their class: others see them as unavailable", async () => {
    const productId = await product("HB-1");
    await stock("HB-1", "EAST", 30);
    await t.db.insert(stockHoldbacks).values({ productId, warehouseId: await warehouseId("EAST"), demandClass: "A", quantity: 20, updatedBy: "test" });
    // TIGHT is class C: only 10 are free for it.
    const other = await order("HB-1", 15, "TIGHT");
    expect(other.lines[0]).toMatchObject({ reserved: 10, backordered: 5 });
    // ACME is class A: the 20 held back are its to take.
    const classA = await order("HB-1", 20, "ACME");
    expect(classA.lines[0]).toMatchObject({ reserved: 20, backordered: 0 });
    await expectBooksBalance(t.db);
  });

  it("is a ring-fence: once the class has taken its units, nothing more is kept from the others", async () => {
    const productId = await product("HB-2");
    await stock("HB-2", "EAST", 100);
    await t.db.insert(stockHoldbacks).values({ productId, warehouseId: await warehouseId("EAST"), demandClass: "A", quantity: 25, updatedBy: "test" });
    const forClassC = async () => (await getAvailability(t.db, [{ sku: "HB-2", quantity: 1 }], { demandClass: "C", supply: purchasingSupply }))[0]!.availableTotal;
    expect(await forClassC()).toBe(75);
    await order("HB-2", 25, "ACME");
    expect(await forClassC()).toBe(75);
    const classC = await order("HB-2", 75, "TIGHT");
    expect(classC.lines[0]).toMatchObject({ reserved: 75, backordered: 0 });
    await expectBooksBalance(t.db);
  });
});
