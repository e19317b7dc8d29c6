import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/lib/dates";
import { products } from "~/server/catalog";
import { auditEvents } from "~/server/db/schema";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { loadAtpLevels, type StockArrivalHandler } from "~/server/inventory";
import { ON_HAND_KINDS } from "~/server/inventory/constants";
import { stockLevels, stockMovements, warehouses } from "~/server/inventory/schema";
import { createWarehouse } from "~/server/inventory/warehouses";
import { assignVendorProducts } from "./assign-vendor-products";
import { cancelPurchaseOrder } from "./cancel-purchase-order";
import { closePurchaseOrder } from "./close-purchase-order";
import { createPurchaseOrder, createPurchaseOrderInTx } from "./create-purchase-order";
import { createVendor } from "./create-vendor";
import { getPurchaseOrder } from "./get-purchase-order";
import { getVendor } from "./get-vendor";
import { listPurchaseOrders } from "./list-purchase-orders";
import { listVendors } from "./list-vendors";
import { purchaseOrderHistory } from "./purchase-order-history";
import { receivePurchaseOrder } from "./receive-purchase-order";
import { purchaseOrders, vendors } from "./schema";
import type { TPurchaseOrderLineInput } from "./schemas";
import { sendPurchaseOrder } from "./send-purchase-order";
import { purchasingSupply } from "./supply";
import { unassignVendorProduct } from "./unassign-vendor-product";
import { updatePurchaseOrder } from "./update-purchase-order";
import { updateVendor } from "./update-vendor";

let t: TestDb;
const arrivals: { productId: string; warehouseId: string; reference: string }[] = [];
/** Records each arrival; the orders module's allocateBackorders is exercised in receive-purchase-order.int.test.ts. */
const recordArrival: StockArrivalHandler = async (_tx, arrival) => {
  arrivals.push({ productId: arrival.productId, warehouseId: arrival.warehouseId, reference: arrival.reference });
  return [];
};

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "EAST", name: "East", address, priority: 10 } });
  await createWarehouse({ db: t.db, actor: actors.admin, input: { code: "WEST", name: "West", address, priority: 20 } });
  await createVendor({ db: t.db, actor: actors.manager, input: { code: "FASTCO", name: "Fastener Co", contactName: "Pat Supplier", email: "orders@fastco.test", phone: "+1 555 0100", leadTimeDays: 7 } });
  await createVendor({ db: t.db, actor: actors.manager, input: { code: "SLOWCO", name: "Slow Supply", leadTimeDays: 30 } });
});
afterAll(() => t?.cleanup());

const draft = (lines: TPurchaseOrderLineInput[], extra: { vendor?: string; warehouse?: string; expectedDate?: string } = {}) =>
  createPurchaseOrder({ db: t.db, actor: actors.manager, input: { vendor: "FASTCO", warehouse: "EAST", notes: null, lines, ...extra } });

const receive = (number: string, lines: { sku: string; quantity: number }[], actor = actors.warehouse) =>
  receivePurchaseOrder({ db: t.db, actor, input: { number, lines }, onStockArrival: recordArrival });

async function level(sku: string, warehouse: string) {
  const [row] = await t.db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(eq(products.sku, sku), eq(warehouses.code, warehouse)));
  return row ?? { onHand: 0, reserved: 0 };
}

async function ledgerSum(sku: string, warehouse: string) {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)`.mapWith(Number) })
    .from(stockMovements)
    .innerJoin(products, eq(products.id, stockMovements.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .where(and(eq(products.sku, sku), eq(warehouses.code, warehouse), inArray(stockMovements.kind, [...ON_HAND_KINDS])));
  return row!.sum;
}

async function idsOf(sku: string) {
  const [product] = await t.db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  return product!.id;
}

describe("purchase orders", () => {
  it("createPurchaseOrderInTx drafts a numbered PO with the vendor's lead time and the product's cost", async () => {
    const [vendor] = await t.db.select().from(vendors).where(eq(vendors.code, "FASTCO"));
    const [east] = await t.db.select().from(warehouses).where(eq(warehouses.code, "EAST"));
    const created = await t.db.transaction((tx) =>
      createPurchaseOrderInTx(tx, { vendorId: vendor!.id, warehouseId: east!.id, lines: [], notes: null }, actors.manager).catch((e: unknown) => e),
    );
    expect(created).toMatchObject({ kind: "invalid", details: { fields: { lines: expect.any(Array) } } });

    const boltId = await idsOf("BOLT-M8");
    const nutId = await idsOf("NUT-M8");
    const result = await t.db.transaction((tx) =>
      createPurchaseOrderInTx(tx, { vendorId: vendor!.id, warehouseId: east!.id, lines: [{ productId: boltId, quantity: 12 }, { productId: nutId, quantity: 5, unitCost: 77 }] }, actors.manager),
    );
    expect(result.number).toMatch(/^PO-6\d{5}$/);
    const po = await getPurchaseOrder({ db: t.db, number: result.number });
    expect(po).toMatchObject({
      status: "draft",
      vendor: { code: "FASTCO", leadTimeDays: 7 },
      warehouse: { code: "EAST" },
      expectedDate: addDays(todayIn(), 7),
      createdBy: "Morgan Manager",
      version: 1,
      total: 12 * 1000 + 5 * 77,
    });
    // BOLT-M8 costs 1000 (fixtures: half its list price); NUT-M8's cost was given.
    expect(po.lines.map((l) => [l.lineNo, l.sku, l.quantity, l.unitCost, l.lineTotal, l.remaining])).toEqual([
      [1, "BOLT-M8", 12, 1000, 12_000, 0],
      [2, "NUT-M8", 5, 77, 385, 0],
    ]);
    const history = await purchaseOrderHistory({ db: t.db, number: result.number });
    expect(history.map((h) => [h.action, h.actor])).toEqual([["created", "Morgan Manager"]]);

    const dup = await t.db
      .transaction((tx) => createPurchaseOrderInTx(tx, { vendorId: vendor!.id, warehouseId: east!.id, lines: [{ productId: boltId, quantity: 1 }, { productId: boltId, quantity: 2 }] }, actors.manager))
      .catch((e: unknown) => e);
    expect(dup).toMatchObject({ kind: "invalid", details: { fields: { "lines.1.productId": expect.any(Array) } } });
  });

  it("names the field of bad input: unknown SKU, duplicate SKU, unknown or archived vendor, unknown warehouse", async () => {
    await expect(draft([{ sku: "BOLT-M8", quantity: 1 }, { sku: "NOPE", quantity: 1 }])).rejects.toMatchObject({ details: { fields: { "lines.1.sku": expect.any(Array) } } });
    await expect(draft([{ sku: "BOLT-M8", quantity: 1 }, { sku: "BOLT-M8", quantity: 2 }])).rejects.toMatchObject({ details: { fields: { "lines.1.sku": expect.any(Array) } } });
    await expect(draft([{ sku: "BOLT-M8", quantity: 1 }], { vendor: "NOBODY" })).rejects.toMatchObject({ details: { fields: { vendor: expect.any(Array) } } });
    await expect(draft([{ sku: "BOLT-M8", quantity: 1 }], { warehouse: "NOWHERE" })).rejects.toMatchObject({ details: { fields: { warehouse: expect.any(Array) } } });
    await createVendor({ db: t.db, actor: actors.manager, input: { code: "GONECO", name: "Gone Inc", leadTimeDays: 3 } });
    await updateVendor({ db: t.db, actor: actors.manager, input: { code: "GONECO", archived: true } });
    await expect(draft([{ sku: "BOLT-M8", quantity: 1 }], { vendor: "GONECO" })).rejects.toMatchObject({ details: { fields: { vendor: [expect.stringContaining("archived")] } } });
  });

  it("edits a draft with its version (stale → STALE_VERSION) and only while it is a draft", async () => {
    const po = await draft([{ sku: "BOLT-M8", quantity: 10 }]);
    const edited = await updatePurchaseOrder({
      db: t.db,
      actor: actors.manager,
      input: { number: po.number, version: po.version, vendor: "SLOWCO", expectedDate: "2031-01-15", lines: [{ sku: "NUT-M8", quantity: 40, unitCost: 90 }, { sku: "WASHER-M8", quantity: 100 }] },
    });
    expect(edited).toMatchObject({ version: 2, vendor: { code: "SLOWCO" }, expectedDate: "2031-01-15", total: 40 * 90 + 100 * 50 });
    expect(edited.lines.map((l) => [l.sku, l.quantity, l.unitCost])).toEqual([["NUT-M8", 40, 90], ["WASHER-M8", 100, 50]]);

    await expect(
      updatePurchaseOrder({ db: t.db, actor: actors.admin, input: { number: po.number, version: po.version, notes: "late edit" } }),
    ).rejects.toMatchObject({ kind: "conflict", code: "STALE_VERSION", message: expect.stringContaining("Morgan Manager") });

    const sent = await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number, version: 2 } });
    expect(sent).toMatchObject({ status: "sent", version: 3, sentAt: expect.any(String) });
    await expect(updatePurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number, version: 3, notes: "x" } })).rejects.toMatchObject({ code: "PURCHASE_ORDER_NOT_EDITABLE" });

    const history = await purchaseOrderHistory({ db: t.db, number: po.number });
    expect(history.map((h) => h.action)).toEqual(["created", "updated", "sent"]);
    expect(history[1]).toMatchObject({ before: { vendor: "FASTCO" }, after: { vendor: "SLOWCO", expectedDate: "2031-01-15" } });
  });

  it("create → send → partial receipt → full receipt: on hand, lines, status and receipt movements follow", async () => {
    arrivals.length = 0;
    const before = await level("BOLT-M8", "WEST");
    const po = await draft([{ sku: "BOLT-M8", quantity: 30 }, { sku: "NUT-M8", quantity: 8 }], { warehouse: "WEST" });
    await expect(receive(po.number, [{ sku: "BOLT-M8", quantity: 1 }])).rejects.toMatchObject({ kind: "conflict", code: "ILLEGAL_TRANSITION" });
    await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number } });

    const first = await receive(po.number, [{ sku: "BOLT-M8", quantity: 12 }]);
    expect(first.purchaseOrder).toMatchObject({ status: "partially_received", quantity: 38, received: 12 });
    expect(first.purchaseOrder.lines.map((l) => [l.sku, l.received, l.remaining])).toEqual([["BOLT-M8", 12, 18], ["NUT-M8", 0, 8]]);
    expect(first.received).toEqual([{ sku: "BOLT-M8", quantity: 12, warehouse: "WEST", onHand: before.onHand + 12 }]);
    expect(first.allocated).toEqual([]);
    expect(await level("BOLT-M8", "WEST")).toMatchObject({ onHand: before.onHand + 12 });
    const [west] = await t.db.select().from(warehouses).where(eq(warehouses.code, "WEST"));
    expect(arrivals).toEqual([{ productId: await idsOf("BOLT-M8"), warehouseId: west!.id, reference: po.number }]);

    const second = await receive(po.number, [{ sku: "NUT-M8", quantity: 8 }, { sku: "BOLT-M8", quantity: 18 }]);
    expect(second.purchaseOrder).toMatchObject({ status: "received", received: 38, isOverdue: false });
    expect(second.purchaseOrder.lines.every((l) => l.remaining === 0 && l.received === l.quantity)).toBe(true);
    expect(await level("BOLT-M8", "WEST")).toMatchObject({ onHand: before.onHand + 30 });
    expect(await level("NUT-M8", "WEST")).toMatchObject({ onHand: 8 });

    const movements = await t.db
      .select({ kind: stockMovements.kind, quantity: stockMovements.quantity, reason: stockMovements.reason, reference: stockMovements.reference, actor: stockMovements.actor, sku: products.sku })
      .from(stockMovements)
      .innerJoin(products, eq(products.id, stockMovements.productId))
      .where(eq(stockMovements.reference, po.number))
      .orderBy(asc(stockMovements.id));
    // Within one receipt, lines are booked in product-id order (the lock order), so compare as a set.
    expect(movements).toHaveLength(3);
    expect(movements).toEqual(expect.arrayContaining([
      { kind: "receipt", quantity: 12, reason: "purchase_order", reference: po.number, actor: "Wes Warehouse", sku: "BOLT-M8" },
      { kind: "receipt", quantity: 8, reason: "purchase_order", reference: po.number, actor: "Wes Warehouse", sku: "NUT-M8" },
      { kind: "receipt", quantity: 18, reason: "purchase_order", reference: po.number, actor: "Wes Warehouse", sku: "BOLT-M8" },
    ]));
    // The ledger invariant: on hand = Σ on-hand movements of the level.
    for (const sku of ["BOLT-M8", "NUT-M8"]) expect(await ledgerSum(sku, "WEST")).toBe((await level(sku, "WEST")).onHand);

    await expect(receive(po.number, [{ sku: "BOLT-M8", quantity: 1 }])).rejects.toMatchObject({ kind: "conflict", code: "ILLEGAL_TRANSITION" });
    const history = await purchaseOrderHistory({ db: t.db, number: po.number });
    expect(history.map((h) => h.action)).toEqual(["created", "sent", "received", "received"]);
    expect(history[2]!.after).toMatchObject({ status: "partially_received", lines: [{ sku: "BOLT-M8", quantity: 12 }] });
  });

  it("refuses an over-receipt naming lines.N.quantity, and an unknown SKU naming lines.N.sku, changing nothing", async () => {
    const po = await draft([{ sku: "WASHER-M8", quantity: 5 }, { sku: "NUT-M8", quantity: 3 }]);
    await sendPurchaseOrder({ db: t.db, actor: actors.admin, input: { number: po.number } });
    const stock = await level("NUT-M8", "EAST");
    await expect(receive(po.number, [{ sku: "NUT-M8", quantity: 3 }, { sku: "WASHER-M8", quantity: 6 }])).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("lines.1.quantity"),
      details: { fields: { "lines.1.quantity": [expect.stringContaining("at most 5")] } },
    });
    await expect(receive(po.number, [{ sku: "BOLT-M8", quantity: 1 }])).rejects.toMatchObject({ details: { fields: { "lines.0.sku": expect.any(Array) } } });
    expect(await level("NUT-M8", "EAST")).toEqual(stock);
    expect((await getPurchaseOrder({ db: t.db, number: po.number })).status).toBe("sent");

    await receive(po.number, [{ sku: "WASHER-M8", quantity: 5 }]);
    await expect(receive(po.number, [{ sku: "WASHER-M8", quantity: 1 }])).rejects.toMatchObject({
      details: { fields: { "lines.0.quantity": [expect.stringContaining("fully received")] } },
    });
  });

  it("short-closes with a reason: the rest stops being inbound; cancel only while nothing was received", async () => {
    const washerId = await idsOf("WASHER-M8");
    const [east] = await t.db.select().from(warehouses).where(eq(warehouses.code, "EAST"));
    const inboundEast = async () => ((await loadAtpLevels(t.db, [washerId], { supply: purchasingSupply })).get(washerId) ?? []).find((w) => w.warehouseId === east!.id)?.level.inbound ?? [];
    const inboundBefore = (await inboundEast()).reduce((s, i) => s + i.quantity, 0);

    const po = await draft([{ sku: "WASHER-M8", quantity: 50 }], { expectedDate: addDays(todayIn(), 10) });
    await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number } });
    await receive(po.number, [{ sku: "WASHER-M8", quantity: 20 }]);
    expect((await inboundEast()).reduce((s, i) => s + i.quantity, 0)).toBe(inboundBefore + 30);

    await expect(cancelPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number } })).rejects.toMatchObject({ kind: "conflict" });
    await expect(closePurchaseOrder({ db: t.db, actor: actors.warehouse, input: { number: po.number, reason: "x" } })).rejects.toMatchObject({ kind: "forbidden" });
    const closed = await closePurchaseOrder({ db: t.db, actor: actors.manager, input: { number: po.number, reason: "Vendor discontinued the size" } });
    expect(closed).toMatchObject({ status: "closed", closeReason: "Vendor discontinued the size", closedAt: expect.any(String), received: 20 });
    expect(closed.lines[0]).toMatchObject({ quantity: 50, received: 20, remaining: 0 });
    expect((await inboundEast()).reduce((s, i) => s + i.quantity, 0)).toBe(inboundBefore);
    await expect(receive(po.number, [{ sku: "WASHER-M8", quantity: 1 }])).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, po.number), eq(auditEvents.action, "closed")));
    expect(audit!.after).toMatchObject({ reason: "Vendor discontinued the size", notDelivered: [{ sku: "WASHER-M8", quantity: 30 }] });

    const sent = await draft([{ sku: "WASHER-M8", quantity: 5 }]);
    await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: sent.number } });
    const canceled = await cancelPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: sent.number, reason: "Ordered twice" } });
    expect(canceled).toMatchObject({ status: "canceled", closeReason: "Ordered twice" });
    await expect(sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: sent.number } })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
  });

  it("lists newest first with filters (status, vendor, warehouse, SKU, search, overdue) and keyset pages", async () => {
    const overdue = await draft([{ sku: "NUT-M8", quantity: 2 }], { expectedDate: addDays(todayIn(), -3), warehouse: "WEST" });
    await sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: overdue.number } });
    const all = await listPurchaseOrders({ db: t.db, input: { limit: 500 } });
    const count = await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(purchaseOrders);
    expect(all.items).toHaveLength(count[0]!.n);
    expect(all.items[0]!.number).toBe(overdue.number);
    expect(all.items[0]).toMatchObject({ status: "sent", isOverdue: true, vendor: { code: "FASTCO", name: "Fastener Co" }, warehouse: { code: "WEST" }, lineCount: 1, quantity: 2, total: 2 * 125 });

    const overdueOnly = await listPurchaseOrders({ db: t.db, input: { limit: 50, overdue: true } });
    expect(overdueOnly.items.map((p) => p.number)).toEqual([overdue.number]);
    const bySku = await listPurchaseOrders({ db: t.db, input: { limit: 50, sku: "WASHER-M8" } });
    expect(bySku.items.length).toBeGreaterThan(0);
    expect(bySku.items.every((p) => all.items.some((a) => a.number === p.number))).toBe(true);
    for (const p of bySku.items) expect((await getPurchaseOrder({ db: t.db, number: p.number })).lines.some((l) => l.sku === "WASHER-M8")).toBe(true);
    expect((await listPurchaseOrders({ db: t.db, input: { limit: 50, vendor: "SLOWCO" } })).items.every((p) => p.vendor.code === "SLOWCO")).toBe(true);
    expect((await listPurchaseOrders({ db: t.db, input: { limit: 50, warehouse: "WEST", status: "sent" } })).items.map((p) => p.number)).toEqual([overdue.number]);
    expect((await listPurchaseOrders({ db: t.db, input: { limit: 50, search: overdue.number.slice(3) } })).items.map((p) => p.number)).toEqual([overdue.number]);
    expect((await listPurchaseOrders({ db: t.db, input: { limit: 50, search: "washer" } })).items.map((p) => p.number).sort()).toEqual(bySku.items.map((p) => p.number).sort());

    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPurchaseOrders({ db: t.db, input: { limit: 2, cursor } });
      pages.push(...page.items.map((p) => p.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(all.items.map((p) => p.number));
  });
});

describe("vendors", () => {
  it("creates, refuses a taken code, edits and archives with audit rows", async () => {
    await expect(createVendor({ db: t.db, actor: actors.manager, input: { code: "FASTCO", name: "Again", leadTimeDays: 1 } })).rejects.toMatchObject({
      kind: "conflict",
      code: "VENDOR_CODE_TAKEN",
      details: { fields: { code: expect.any(Array) } },
    });
    const edited = await updateVendor({ db: t.db, actor: actors.admin, input: { code: "SLOWCO", leadTimeDays: 21, contactName: "Sam Slow" } });
    expect(edited).toMatchObject({ leadTimeDays: 21, contactName: "Sam Slow", name: "Slow Supply", isArchived: false });
    const active = await listVendors({ db: t.db, input: { limit: 50, includeArchived: false } });
    expect(active.items.map((v) => v.code)).toEqual(["FASTCO", "SLOWCO"]);
    const everyone = await listVendors({ db: t.db, input: { limit: 50, includeArchived: true } });
    expect(everyone.items.map((v) => [v.code, v.isArchived])).toEqual([["FASTCO", false], ["GONECO", true], ["SLOWCO", false]]);
    expect((await listVendors({ db: t.db, input: { limit: 50, search: "fastener", includeArchived: false } })).items.map((v) => v.code)).toEqual(["FASTCO"]);
    const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, "vendor"), eq(auditEvents.entityId, "GONECO"))).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(["created", "archived"]);
  });

  it("makes a vendor the usual vendor of SKUs (one per product), with vendor SKUs, and takes them off", async () => {
    const fast = await assignVendorProducts({ db: t.db, actor: actors.manager, input: { code: "FASTCO", skus: ["BOLT-M8", { sku: "NUT-M8", vendorSku: "FC-NUT-8" }] } });
    expect(fast.products.map((p) => [p.sku, p.vendorSku])).toEqual([["BOLT-M8", null], ["NUT-M8", "FC-NUT-8"]]);
    expect(fast.productCount).toBe(2);
    // A plain SKU keeps the vendor SKU it has with this vendor; a named one replaces it (both in one call).
    const again = await assignVendorProducts({ db: t.db, actor: actors.manager, input: { code: "FASTCO", skus: ["NUT-M8", { sku: "BOLT-M8", vendorSku: "FC-BOLT-8" }] } });
    expect(again.products.map((p) => [p.sku, p.vendorSku])).toEqual([["BOLT-M8", "FC-BOLT-8"], ["NUT-M8", "FC-NUT-8"]]);
    // Moving NUT-M8 to another vendor takes it off the first.
    const slow = await assignVendorProducts({ db: t.db, actor: actors.manager, input: { code: "SLOWCO", skus: ["NUT-M8"] } });
    expect(slow.products.map((p) => [p.sku, p.vendorSku])).toEqual([["NUT-M8", null]]);
    expect((await getVendor({ db: t.db, code: "FASTCO" })).products.map((p) => p.sku)).toEqual(["BOLT-M8"]);
    await expect(assignVendorProducts({ db: t.db, actor: actors.manager, input: { code: "FASTCO", skus: ["BOLT-M8", "NOPE"] } })).rejects.toMatchObject({
      details: { fields: { "skus.1": expect.any(Array) } },
    });
    const after = await unassignVendorProduct({ db: t.db, actor: actors.manager, input: { code: "FASTCO", sku: "BOLT-M8" } });
    expect(after.products).toEqual([]);
    await expect(getVendor({ db: t.db, code: "NOBODY" })).rejects.toMatchObject({ kind: "not_found" });
    const detail = await getVendor({ db: t.db, code: "FASTCO" });
    expect(detail.purchaseOrders.length).toBeGreaterThan(0);
    expect(detail.openPurchaseOrders).toBe(detail.purchaseOrders.filter((p) => p.status === "sent" || p.status === "partially_received").length);
  });

  it("refuses to send a draft whose vendor was archived since, naming the vendor", async () => {
    await createVendor({ db: t.db, actor: actors.manager, input: { code: "LATECO", name: "Late Supply", leadTimeDays: 7 } });
    const draft = await createPurchaseOrder({ db: t.db, actor: actors.manager, input: { vendor: "LATECO", warehouse: "WEST", notes: null, lines: [{ sku: "NUT-M8", quantity: 3 }] } });
    await updateVendor({ db: t.db, actor: actors.manager, input: { code: "LATECO", archived: true } });
    await expect(sendPurchaseOrder({ db: t.db, actor: actors.manager, input: { number: draft.number } })).rejects.toMatchObject({
      kind: "business_rule",
      code: "VENDOR_ARCHIVED",
      details: { fields: { vendor: ["is archived"] } },
    });
    expect((await getPurchaseOrder({ db: t.db, number: draft.number })).status).toBe("draft");
  });
});
