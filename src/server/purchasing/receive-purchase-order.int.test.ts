import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { products } from "~/server/catalog";
import { allocateBackorders, orderLines, orders } from "~/server/orders";
import { createOrder } from "~/server/orders/create-order";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { stockLevels, warehouses } from "~/server/inventory/schema";
import { createWarehouse } from "~/server/inventory/warehouses";
import { createPurchaseOrder } from "./create-purchase-order";
import { createVendor } from "./create-vendor";
import { receivePurchaseOrder } from "./receive-purchase-order";
import { sendPurchaseOrder } from "./send-purchase-order";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  await createVendor({ db: t.db, actor: actors.manager, input: { code: "FASTCO", name: "Fastener Co", leadTimeDays: 7 } });
});
afterAll(() => t?.cleanup());

async function backorderOf(number: string) {
  const [line] = await t.db
    .select({ reserved: orderLines.reserved, backordered: orderLines.backordered })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(eq(orders.number, number));
  return line!;
}

async function boltLevel() {
  const [row] = await t.db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(eq(products.sku, "BOLT-M8"), eq(warehouses.code, "EAST")));
  return row;
}

describe("receiving with allocateBackorders", () => {
  it("clears backorders oldest first: a short receipt fills the older order before the newer one gets any", async () => {
    // Nothing in stock: both orders wait for BOLT-M8 in full.
    const older = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "BOLT-M8", quantity: 10 }], draft: false } });
    const newer = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "BOLT-M8", quantity: 8 }], draft: false } });
    expect(await backorderOf(older.number)).toEqual({ reserved: 0, backordered: 10 });
    expect(await backorderOf(newer.number)).toEqual({ reserved: 0, backordered: 8 });

    const po = await createPurchaseOrder({ db: t.db, actor: actors.manager, input: { vendor: "FASTCO", warehouse: "EAST", notes: null, lines: [{ sku: "BOLT-M8", quantity: 30 }] } });
    await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number } });
    const receive = (quantity: number) =>
      receivePurchaseOrder({ db: t.db, actor: actors.warehouse, input: { number: po.number, lines: [{ sku: "BOLT-M8", quantity }] }, onStockArrival: allocateBackorders });

    // 6 arrive: less than either order needs. All of it goes to the older order.
    const first = await receive(6);
    expect(first.allocated).toEqual([{ order: older.number, sku: "BOLT-M8", quantity: 6 }]);
    expect(await backorderOf(older.number)).toEqual({ reserved: 6, backordered: 4 });
    expect(await backorderOf(newer.number)).toEqual({ reserved: 0, backordered: 8 });
    expect(await boltLevel()).toEqual({ onHand: 6, reserved: 6 });

    // 10 more: the older order's last 4, then 6 of the newer order's 8.
    const second = await receive(10);
    expect(second.allocated).toEqual([
      { order: older.number, sku: "BOLT-M8", quantity: 4 },
      { order: newer.number, sku: "BOLT-M8", quantity: 6 },
    ]);
    expect(await backorderOf(older.number)).toEqual({ reserved: 10, backordered: 0 });
    expect(await backorderOf(newer.number)).toEqual({ reserved: 6, backordered: 2 });
    expect(await boltLevel()).toEqual({ onHand: 16, reserved: 16 });

    // The rest: the newer order's last 2; what nobody waits for stays free.
    const third = await receive(14);
    expect(third.allocated).toEqual([{ order: newer.number, sku: "BOLT-M8", quantity: 2 }]);
    expect(third.purchaseOrder.status).toBe("received");
    expect(await boltLevel()).toEqual({ onHand: 30, reserved: 18 });
  });

  it("refuses a repeated receipt that carries the version it was based on (a retry or a double click)", async () => {
    const po = await createPurchaseOrder({ db: t.db, actor: actors.manager, input: { vendor: "FASTCO", warehouse: "EAST", notes: null, lines: [{ sku: "NUT-M8", quantity: 20 }] } });
    const sent = await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number } });
    const receive = () =>
      receivePurchaseOrder({
        db: t.db,
        actor: actors.warehouse,
        input: { number: po.number, version: sent.version, lines: [{ sku: "NUT-M8", quantity: 5 }] },
        onStockArrival: allocateBackorders,
      });
    const first = await receive();
    expect(first.purchaseOrder.lines[0]).toMatchObject({ received: 5 });
    await expect(receive()).rejects.toMatchObject({ kind: "conflict", code: "STALE_VERSION" });
    const [nut] = await t.db.select({ id: products.id }).from(products).where(eq(products.sku, "NUT-M8"));
    const [level] = await t.db.select().from(stockLevels).where(eq(stockLevels.productId, nut!.id));
    expect(level!.onHand).toBe(5);
  });
});
