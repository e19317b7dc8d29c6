import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { runAt } from "~/server/clock";
import { createApiKey } from "~/server/integration";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { getAvailability, loadAtpLevels, productLeadTimes } from "~/server/inventory/availability";
import { getStockDetail } from "~/server/inventory/stock-detail";
import { noSupply } from "~/server/inventory/supply";
import { productId } from "~/server/inventory/stock-views.fixtures";
import { createTransfer } from "~/server/inventory/transfers";
import { createWarehouse, findWarehouseByCode } from "~/server/inventory/warehouses";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { productVendors, purchaseOrderLines, purchaseOrders, vendors } from "./schema";
import { purchasingSupply } from "./supply";

/**
 * Purchasing's SupplySource against inventory's views: what sent and partially received purchase orders
 * still bring shows up as inbound (levels, ATP, the SKU page), and the usual vendor's lead time drives the
 * promise date. Inventory's own tests use fixed data in its place (inventory/stock-views.int.test.ts).
 */
let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
let shopKey = "";
const ids = { bolt: "", nut: "", washer: "", east: "", west: "", vendor: "" };
const TODAY = "2026-11-21";

beforeAll(async () => {
  t = await createTestDb();
  const { db } = t;
  await seedOrderFixtures(db);
  const warehouse = async (code: string, priority: number) => {
    await createWarehouse({ db, actor: actors.admin, input: { code, name: `${code} warehouse`, address, priority } });
    return (await findWarehouseByCode(db, code))!.id;
  };
  ids.east = await warehouse("EAST", 10);
  ids.west = await warehouse("WEST", 20);
  ids.bolt = await productId(db, "BOLT-M8");
  ids.nut = await productId(db, "NUT-M8");
  ids.washer = await productId(db, "WASHER-M8");
  const [vendor] = await db.insert(vendors).values({ code: "FASTCO", name: "Fastco Supply", leadTimeDays: 9 }).returning();
  ids.vendor = vendor!.id;
  await db.insert(productVendors).values({ productId: ids.bolt, vendorId: vendor!.id, vendorSku: "FC-8" });

  // EAST 39, of which the transfer below takes 4 on its way to WEST: 35 on the shelf.
  await adjustStock({ db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "EAST", quantity: 39, reason: "initial_stock" } });
  await adjustStock({ db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "WEST", quantity: 12, reason: "initial_stock" } });

  // A sent PO (20 to EAST on 12-01), a partly received PO (8 − 3 = 5 to EAST, same day; its NUT-M8 line is
  // complete), another sent PO (6 to WEST), a draft and a closed PO (not inbound), and a transfer in transit.
  const po = async (number: string, status: "draft" | "sent" | "partially_received" | "closed", warehouseId: string, expectedDate: string) => {
    const [row] = await db
      .insert(purchaseOrders)
      .values({ number, vendorId: ids.vendor, warehouseId, status, expectedDate, createdBy: "test" })
      .returning();
    return row!.id;
  };
  const sent = await po("PO-1", "sent", ids.east, "2026-12-01");
  const partial = await po("PO-2", "partially_received", ids.east, "2026-12-01");
  const westPo = await po("PO-3", "sent", ids.west, "2026-11-28");
  const draft = await po("PO-4", "draft", ids.east, "2026-11-25");
  const closed = await po("PO-5", "closed", ids.east, "2026-11-25");
  await db.insert(purchaseOrderLines).values([
    { purchaseOrderId: sent, lineNo: 1, productId: ids.bolt, quantity: 20 },
    { purchaseOrderId: sent, lineNo: 2, productId: ids.nut, quantity: 100 },
    { purchaseOrderId: partial, lineNo: 1, productId: ids.bolt, quantity: 8, received: 3 },
    { purchaseOrderId: partial, lineNo: 2, productId: ids.nut, quantity: 10, received: 10 },
    { purchaseOrderId: westPo, lineNo: 1, productId: ids.bolt, quantity: 6 },
    { purchaseOrderId: draft, lineNo: 1, productId: ids.bolt, quantity: 99 },
    { purchaseOrderId: closed, lineNo: 1, productId: ids.bolt, quantity: 50, received: 10 },
  ]);
  await runAt(new Date(`${TODAY}T15:00:00Z`), () =>
    createTransfer({ db, actor: actors.warehouse, input: { sku: "BOLT-M8", from: "EAST", to: "WEST", quantity: 4, expectedDate: "2026-11-24" } }),
  );

  api = await startRestServer(db);
  shopKey = (await createApiKey({ db, actor: SYSTEM_ACTOR, input: { name: "shop", role: "manager" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

describe("purchasingSupply", () => {
  it("reports one entry per open purchase order and product, with what is still expected", async () => {
    const inbound = await purchasingSupply.inbound(t.db, [ids.bolt, ids.nut, ids.washer]);
    const rows = inbound
      .map((i) => [i.reference.number, i.productId === ids.bolt ? "BOLT" : "NUT", i.warehouseId === ids.east ? "EAST" : "WEST", i.date, i.quantity, i.reference])
      .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    const ref = (number: string, status: string, ordered: number, received: number) => ({ number, status, supplier: "FASTCO", supplierName: "Fastco Supply", ordered, received });
    expect(rows).toEqual([
      ["PO-1", "BOLT", "EAST", "2026-12-01", 20, ref("PO-1", "sent", 20, 0)],
      ["PO-1", "NUT", "EAST", "2026-12-01", 100, ref("PO-1", "sent", 100, 0)],
      ["PO-2", "BOLT", "EAST", "2026-12-01", 5, ref("PO-2", "partially_received", 8, 3)],
      ["PO-2", "NUT", "EAST", "2026-12-01", 0, ref("PO-2", "partially_received", 10, 10)],
      ["PO-3", "BOLT", "WEST", "2026-11-28", 6, ref("PO-3", "sent", 6, 0)],
    ]);
    expect(await purchasingSupply.inbound(t.db, [])).toEqual([]);
  });

  it("knows the usual vendor and its lead time; products without one are absent", async () => {
    expect(await purchasingSupply.leadTimes(t.db, [ids.bolt, ids.nut])).toEqual(new Map([[ids.bolt, 9]]));
    expect(await purchasingSupply.usualSuppliers(t.db, [ids.bolt, ids.nut])).toEqual(
      new Map([[ids.bolt, { code: "FASTCO", name: "Fastco Supply", leadTimeDays: 9, supplierSku: "FC-8" }]]),
    );
    // Inventory falls back to the product's own lead time.
    expect(await productLeadTimes(t.db, [ids.bolt, ids.nut], purchasingSupply)).toEqual(new Map([[ids.bolt, 9], [ids.nut, 14]]));
  });
});

describe("inventory's views with purchasing's supply", () => {
  it("GET /stock?sku= lists inbound by date: open PO remainders and transfers in transit", async () => {
    const response = await api.call("GET", "/stock?sku=BOLT-M8", { key: shopKey });
    expect(response.status).toBe(200);
    expect(response.body.items.map((l: { warehouse: string; inbound: unknown }) => [l.warehouse, l.inbound])).toEqual([
      ["EAST", [{ date: "2026-12-01", quantity: 25 }]],
      [
        "WEST",
        [
          { date: "2026-11-24", quantity: 4 },
          { date: "2026-11-28", quantity: 6 },
        ],
      ],
    ]);
  });

  it("the SKU page shows the usual vendor and the open purchase orders", async () => {
    const detail = await getStockDetail({ db: t.db, sku: "BOLT-M8", supply: purchasingSupply });
    expect(detail.product).toMatchObject({ leadTimeDays: 9, vendor: { code: "FASTCO", name: "Fastco Supply", leadTimeDays: 9, vendorSku: "FC-8" } });
    expect(detail.purchaseOrders).toEqual([
      { number: "PO-3", status: "sent", vendor: "FASTCO", vendorName: "Fastco Supply", warehouse: "WEST", expectedDate: "2026-11-28", ordered: 6, received: 0, remaining: 6 },
      { number: "PO-1", status: "sent", vendor: "FASTCO", vendorName: "Fastco Supply", warehouse: "EAST", expectedDate: "2026-12-01", ordered: 20, received: 0, remaining: 20 },
      { number: "PO-2", status: "partially_received", vendor: "FASTCO", vendorName: "Fastco Supply", warehouse: "EAST", expectedDate: "2026-12-01", ordered: 8, received: 3, remaining: 5 },
    ]);
    expect(detail.totals.inbound).toBe(35);

    // A complete line of a PO that is still open lists the PO with nothing remaining; no vendor: the product's lead time.
    const nut = await getStockDetail({ db: t.db, sku: "NUT-M8", supply: purchasingSupply });
    expect(nut.purchaseOrders.map((po) => [po.number, po.remaining])).toEqual([
      ["PO-1", 100],
      ["PO-2", 0],
    ]);
    expect(nut.product).toMatchObject({ leadTimeDays: 14, vendor: null });
    expect(nut.levels.find((l) => l.warehouse === "EAST")!.inbound).toEqual([{ date: "2026-12-01", quantity: 100 }]);
  });

  it("ATP counts the inbound, and promises after the usual vendor's lead time beyond it", async () => {
    const levels = (await loadAtpLevels(t.db, [ids.bolt], { supply: purchasingSupply })).get(ids.bolt)!;
    expect(levels.map((l) => [l.warehouse, l.level.inbound])).toEqual([
      ["EAST", [{ date: "2026-12-01", quantity: 25 }]],
      [
        "WEST",
        [
          { date: "2026-11-24", quantity: 4 },
          { date: "2026-11-28", quantity: 6 },
        ],
      ],
    ]);
    // On the shelf 35 + 12 = 47; +4 on 11-24, +6 on 11-28, +25 on 12-01; the vendor's 9 days end on 11-30.
    const lines = [50, 57, 60].map((quantity) => ({ sku: "BOLT-M8", quantity }));
    const promises = await getAvailability(t.db, lines, { supply: purchasingSupply, today: TODAY });
    expect(promises.map((p) => [p!.promiseDate, p!.promiseBasis])).toEqual([
      ["2026-11-24", "inbound"],
      ["2026-11-28", "inbound"],
      ["2026-11-30", "lead_time"],
    ]);
    // Without purchasing, only the transfer is inbound and the lead time is the product's own 14 days.
    const alone = await getAvailability(t.db, lines, { today: TODAY, supply: noSupply });
    expect(alone.map((p) => [p!.promiseDate, p!.promiseBasis])).toEqual([
      ["2026-11-24", "inbound"],
      ["2026-12-05", "lead_time"],
      ["2026-12-05", "lead_time"],
    ]);
  });
});
