import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/server/auth/roles";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { auditEvents } from "~/server/db/schema";
import { createApiKey } from "~/server/integration";
import { runAt } from "~/server/clock";
import { orderShipments } from "~/server/fulfillment";
import { cancelOrder } from "~/server/orders/cancel-order";
import { createOrder } from "~/server/orders/create-order";
import { ZCreateOrderInput } from "~/server/orders/schemas";
import { listReservationsForSku } from "~/server/orders/list-allocations";
import { ZReservationsForSkuInput } from "~/server/orders/list-allocations";
import { callerAs as testCaller } from "~/test/caller";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures } from "~/test/fixtures";
import { startRestServer } from "~/test/rest-server";
import { adjustStock } from "./adjust-stock";
import { loadAtpLevels } from "./availability";
import { setHoldback } from "./holdbacks";
import { listStock } from "./list-stock";
import { setReorderPoint } from "./reorder-points";
import { stockHoldbacks, stockLevels, stockMovements, stockTransferLines, stockTransfers } from "./schema";
import { ZLedgerInput, ZListStockInput, ZSetReorderPointInput } from "./schemas";
import { getAtpTimeline, getStockDetail } from "./stock-detail";
import { listStockLedger } from "./stock-ledger";
import { fixedSupply, insertWarehouse, productId } from "./stock-views.fixtures";
import { noSupply, type SupplySource } from "./supply";

let t: TestDb;
let api: Awaited<ReturnType<typeof startRestServer>>;
let shopKey = "";
const ids = { bolt: "", nut: "", east: "", west: "" };
const TODAY = "2026-11-21";
/** What purchasing would report (purchasing/supply.int.test.ts checks the real one against these views). */
let supply: SupplySource;

beforeAll(async () => {
  t = await createTestDb();
  const { db } = t;
  await seedOrderFixtures(db);
  ids.east = (await insertWarehouse(db, "EAST", 10)).id;
  ids.west = (await insertWarehouse(db, "WEST", 20)).id;
  ids.bolt = await productId(db, "BOLT-M8");
  ids.nut = await productId(db, "NUT-M8");

  // Stock through the ledger: BOLT-M8 EAST 40 − 5 = 35, WEST 12.
  await adjustStock({ db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "EAST", quantity: 40, reason: "initial_stock" } });
  await adjustStock({ db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "WEST", quantity: 12, reason: "initial_stock" } });
  await adjustStock({ db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "EAST", quantity: -5, reason: "damaged", reference: "CNT-7" } });

  // Inbound: from the supply, a sent PO (20 to EAST on 12-01) and a partly received PO (8 − 3 = 5 to EAST, same
  // day, and 6 to WEST); a transfer in transit to WEST; a received transfer is not inbound.
  const po = (number: string, status: string, productId: string, warehouseId: string, date: string, ordered: number, received = 0) => ({
    productId,
    warehouseId,
    date,
    quantity: ordered - received,
    reference: { number, status, supplier: "FASTCO", supplierName: "Fastco Supply", ordered, received },
  });
  supply = fixedSupply({
    inbound: [
      po("PO-1", "sent", ids.bolt, ids.east, "2026-12-01", 20),
      po("PO-1", "sent", ids.nut, ids.east, "2026-12-01", 100),
      po("PO-2", "partially_received", ids.bolt, ids.east, "2026-12-01", 8, 3),
      po("PO-3", "sent", ids.bolt, ids.west, "2026-11-28", 6),
    ],
    suppliers: new Map([[ids.bolt, { code: "FASTCO", name: "Fastco Supply", leadTimeDays: 9, supplierSku: "FC-8" }]]),
  });
  const [tr1, tr2] = await db
    .insert(stockTransfers)
    .values([
      { number: "TR-1", fromWarehouseId: ids.east, toWarehouseId: ids.west, expectedDate: "2026-11-24", createdBy: "test" },
      { number: "TR-2", fromWarehouseId: ids.west, toWarehouseId: ids.east, status: "received", expectedDate: "2026-11-20", createdBy: "test" },
    ])
    .returning({ id: stockTransfers.id });
  await db.insert(stockTransferLines).values([
    { transferId: tr1!.id, lineNo: 1, productId: ids.bolt, quantity: 4 },
    { transferId: tr2!.id, lineNo: 1, productId: ids.bolt, quantity: 2, received: 2 },
  ]);

  api = await startRestServer(db);
  shopKey = (await createApiKey({ db, actor: SYSTEM_ACTOR, input: { name: "shop", role: "manager" } })).key;
});
afterAll(async () => {
  await api?.close();
  await t?.cleanup();
});

const callerAs = (role: Role) => testCaller(t.db, role);
const stock = (input: Record<string, unknown>) => listStock({ db: t.db, input: ZListStockInput.parse(input), supply });

describe("stock with inbound", () => {
  it("lists each level with its inbound by expected date: what the supply brings and transfers in transit", async () => {
    expect(await stock({ sku: "BOLT-M8" })).toEqual({
      items: [
        { sku: "BOLT-M8", productName: "BOLT-M8 part", warehouse: "EAST", onHand: 35, reserved: 0, available: 35, inbound: [{ date: "2026-12-01", quantity: 25 }] },
        {
          sku: "BOLT-M8",
          productName: "BOLT-M8 part",
          warehouse: "WEST",
          onHand: 12,
          reserved: 0,
          available: 12,
          inbound: [
            { date: "2026-11-24", quantity: 4 },
            { date: "2026-11-28", quantity: 6 },
          ],
        },
      ],
      nextCursor: null,
    });
  });

  it("keeps inbound on every page of the unfiltered list", async () => {
    const first = await stock({ limit: 1 });
    expect(first.items[0]).toMatchObject({ sku: "BOLT-M8", warehouse: "EAST", inbound: [{ date: "2026-12-01", quantity: 25 }] });
    const second = await stock({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]).toMatchObject({ warehouse: "WEST", inbound: [{ quantity: 4 }, { quantity: 6 }] });
  });

  it("counts only transfers without a supply", async () => {
    const page = await listStock({ db: t.db, input: ZListStockInput.parse({ sku: "BOLT-M8" }), supply: noSupply });
    expect(page.items.map((l) => [l.warehouse, l.inbound])).toEqual([
      ["EAST", []],
      ["WEST", [{ date: "2026-11-24", quantity: 4 }]],
    ]);
  });
});

describe("GET /stock/grid", () => {
  it("answers rows of SKUs with a cell per warehouse, filtered, and names a bad filter", async () => {
    const response = await api.call("GET", "/stock/grid?search=BOLT&warehouse=WEST", { key: shopKey });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        sku: "BOLT-M8",
        name: "BOLT-M8 part",
        category: "FASTENERS",
        categoryName: "Fasteners",
        cells: [{ warehouse: "WEST", onHand: 12, reserved: 0, available: 12, reorderPoint: null, reorderQuantity: null, heldBack: 0, status: "ok", shipped30d: 0, daysOfSupply: null, neverStocked: false }],
        totals: { onHand: 12, reserved: 0, available: 12, heldBack: 0 },
      },
    ]);
    expect((await api.call("GET", "/stock/grid?status=out", { key: shopKey })).body.items.map((r: { sku: string }) => r.sku)).toEqual([]);
    const bad = await api.call("GET", "/stock/grid?warehouse=NOWHERE", { key: shopKey });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.warehouse).toBeDefined();
    // The low filter's days: a whole number from 1 to 365.
    expect((await api.call("GET", "/stock/grid?status=low&days=365", { key: shopKey })).status).toBe(200);
    for (const days of ["0", "366", "1.5", "two"]) {
      const refused = await api.call("GET", `/stock/grid?status=low&days=${days}`, { key: shopKey });
      expect(refused.status, days).toBe(400);
      expect(Object.keys(refused.body.error.details.fields), days).toEqual(["days"]);
    }
    // Infinite queries ask for their first page with a null cursor.
    expect((await callerAs("rep").inventory.grid({ cursor: null, limit: 1 })).items).toHaveLength(1);
  });
});

describe("demand-class hold-backs", () => {
  it("upserts, clears and audits a hold-back; the ATP of other classes loses it", async () => {
    const db = t.db;
    const set = (demandClass: "A" | "B" | "C", quantity: number) =>
      setHoldback({ db, actor: actors.admin, input: { sku: "BOLT-M8", warehouse: "EAST", demandClass, quantity } });
    expect(await set("A", 20)).toEqual({ sku: "BOLT-M8", warehouse: "EAST", heldBack: { A: 20, B: 0, C: 0 } });
    expect(await set("A", 12)).toEqual({ sku: "BOLT-M8", warehouse: "EAST", heldBack: { A: 12, B: 0, C: 0 } });
    expect((await set("C", 3)).heldBack).toEqual({ A: 12, B: 0, C: 3 });

    const forB = (await loadAtpLevels(db, [ids.bolt], { demandClass: "B", supply })).get(ids.bolt)!;
    expect(forB.find((l) => l.warehouse === "EAST")!.level.heldBack).toBe(15);
    const forA = (await loadAtpLevels(db, [ids.bolt], { demandClass: "A", supply })).get(ids.bolt)!;
    expect(forA.find((l) => l.warehouse === "EAST")!.level.heldBack).toBe(3);

    expect((await set("C", 0)).heldBack).toEqual({ A: 12, B: 0, C: 0 });
    const rows = await db.select().from(stockHoldbacks).where(eq(stockHoldbacks.productId, ids.bolt));
    expect(rows.map((r) => [r.demandClass, r.quantity, r.updatedBy])).toEqual([["A", 12, "Ada Admin"]]);

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityType, "stock_holdback"));
    expect(audit.map((a) => [a.entityId, a.action])).toEqual([
      ["BOLT-M8@EAST/A", "created"],
      ["BOLT-M8@EAST/A", "updated"],
      ["BOLT-M8@EAST/C", "created"],
      ["BOLT-M8@EAST/C", "cleared"],
    ]);
    expect(audit[1]).toMatchObject({ before: { quantity: 20 }, after: { quantity: 12 } });
    // Setting the same value again writes no audit row.
    await set("A", 12);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.entityType, "stock_holdback"))).toHaveLength(4);
  });

  it("is for admins only and names bad fields", async () => {
    const input = { sku: "BOLT-M8", warehouse: "EAST", demandClass: "A" as const, quantity: 1 };
    await expect(callerAs("manager").inventory.setHoldback(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs("admin").inventory.setHoldback({ ...input, quantity: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerAs("admin").inventory.setHoldback({ ...input, sku: "NOPE-1" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { fields: { sku: [expect.any(String)] } } },
    });
    const rest = await api.call("POST", "/stock/holdbacks", { key: shopKey, body: input });
    expect(rest.status).toBe(403);
  });
});

describe("reorder points", () => {
  it("sets a point and quantity (creating the level if needed), clears both, audits", async () => {
    const db = t.db;
    const set = (warehouse: string, reorderPoint: number | null, reorderQuantity: number | null) =>
      setReorderPoint({ db, actor: actors.admin, input: ZSetReorderPointInput.parse({ sku: "NUT-M8", warehouse, reorderPoint, reorderQuantity }) });
    expect(await set("WEST", 15, 40)).toEqual({ sku: "NUT-M8", warehouse: "WEST", reorderPoint: 15, reorderQuantity: 40 });
    const [level] = await db
      .select()
      .from(stockLevels)
      .where(and(eq(stockLevels.productId, ids.nut), eq(stockLevels.warehouseId, ids.west)));
    expect(level).toMatchObject({ onHand: 0, reserved: 0, reorderPoint: 15, reorderQuantity: 40 });
    expect(await set("WEST", null, null)).toEqual({ sku: "NUT-M8", warehouse: "WEST", reorderPoint: null, reorderQuantity: null });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityType, "reorder_point"));
    expect(audit.map((a) => [a.entityId, a.action])).toEqual([
      ["NUT-M8@WEST", "set"],
      ["NUT-M8@WEST", "cleared"],
    ]);
  });

  it("needs a reorder quantity with a point, and refuses other roles", async () => {
    const parsed = ZSetReorderPointInput.safeParse({ sku: "NUT-M8", warehouse: "WEST", reorderPoint: 5, reorderQuantity: null });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["reorderQuantity"]);
    await expect(
      callerAs("warehouse").inventory.setReorderPoint({ sku: "NUT-M8", warehouse: "WEST", reorderPoint: 5, reorderQuantity: 10 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs("admin").inventory.setReorderPoint({ sku: "NUT-M8", warehouse: "NOWHERE", reorderPoint: 5, reorderQuantity: 10 }),
    ).rejects.toMatchObject({ cause: { details: { fields: { warehouse: [expect.any(String)] } } } });
  });
});

describe("SKU page", () => {
  it("shows the product with its vendor, a level per warehouse with hold-backs and inbound, and open POs and transfers", async () => {
    await setReorderPoint({ db: t.db, actor: actors.admin, input: { sku: "BOLT-M8", warehouse: "WEST", reorderPoint: 12, reorderQuantity: 24 } });
    const detail = await getStockDetail({ db: t.db, sku: "BOLT-M8", supply });
    expect(detail.product).toEqual({
      sku: "BOLT-M8",
      name: "BOLT-M8 part",
      unit: "box",
      category: "FASTENERS",
      categoryName: "Fasteners",
      leadTimeDays: 9,
      isArchived: false,
      vendor: { code: "FASTCO", name: "Fastco Supply", leadTimeDays: 9, vendorSku: "FC-8" },
    });
    expect(detail.levels).toEqual([
      {
        warehouse: "EAST",
        warehouseName: "EAST warehouse",
        hasLevel: true,
        onHand: 35,
        reserved: 0,
        available: 35,
        heldBack: { A: 12, B: 0, C: 0 },
        heldBackTotal: 12,
        reorderPoint: null,
        reorderQuantity: null,
        status: "ok",
        inbound: [{ date: "2026-12-01", quantity: 25 }],
        inboundTotal: 25,
        neverStocked: false,
      },
      {
        warehouse: "WEST",
        warehouseName: "WEST warehouse",
        hasLevel: true,
        onHand: 12,
        reserved: 0,
        available: 12,
        heldBack: { A: 0, B: 0, C: 0 },
        heldBackTotal: 0,
        reorderPoint: 12,
        reorderQuantity: 24,
        status: "low",
        inbound: [
          { date: "2026-11-24", quantity: 4 },
          { date: "2026-11-28", quantity: 6 },
        ],
        inboundTotal: 10,
        neverStocked: false,
      },
    ]);
    expect(detail.totals).toEqual({ onHand: 47, reserved: 0, available: 47, heldBack: 12, inbound: 35 });
    expect(detail.purchaseOrders).toEqual([
      { number: "PO-3", status: "sent", vendor: "FASTCO", vendorName: "Fastco Supply", warehouse: "WEST", expectedDate: "2026-11-28", ordered: 6, received: 0, remaining: 6 },
      { number: "PO-1", status: "sent", vendor: "FASTCO", vendorName: "Fastco Supply", warehouse: "EAST", expectedDate: "2026-12-01", ordered: 20, received: 0, remaining: 20 },
      { number: "PO-2", status: "partially_received", vendor: "FASTCO", vendorName: "Fastco Supply", warehouse: "EAST", expectedDate: "2026-12-01", ordered: 8, received: 3, remaining: 5 },
    ]);
    expect(detail.transfers).toEqual([{ number: "TR-1", from: "EAST", to: "WEST", expectedDate: "2026-11-24", quantity: 4 }]);
    await expect(getStockDetail({ db: t.db, sku: "NOPE-1", supply })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("charts ATP in total and per warehouse, as a demand class sees it", async () => {
    const all = await getAtpTimeline({ db: t.db, input: { sku: "BOLT-M8" }, supply, today: TODAY });
    // EAST: 35 − 12 held back, +25 on 12-01; WEST: 12, +4 on 11-24, +6 on 11-28.
    expect(all.total).toEqual([
      { date: "2026-11-21", atp: 35, inbound: 0 },
      { date: "2026-11-24", atp: 39, inbound: 4 },
      { date: "2026-11-28", atp: 45, inbound: 6 },
      { date: "2026-12-01", atp: 70, inbound: 25 },
      { date: "2027-02-19", atp: 70, inbound: 0 },
    ]);
    expect(all.warehouses.map((w) => [w.warehouse, w.points[0]!.atp])).toEqual([
      ["EAST", 23],
      ["WEST", 12],
    ]);
    const classA = await getAtpTimeline({ db: t.db, input: { sku: "BOLT-M8", demandClass: "A" }, supply, today: TODAY });
    expect(classA.total[0]).toEqual({ date: "2026-11-21", atp: 47, inbound: 0 });
    expect(classA.demandClass).toBe("A");
  });
});

describe("stock ledger", () => {
  const ledger = (input: Record<string, unknown>) => listStockLedger({ db: t.db, input: ZLedgerInput.parse({ sku: "BOLT-M8", ...input }) });

  it("lists movements newest first with the on hand after each, per warehouse", async () => {
    const page = await ledger({});
    expect(page.items.map((m) => [m.warehouse, m.kind, m.quantity, m.reason, m.balance])).toEqual([
      ["EAST", "adjustment", -5, "damaged", 35],
      ["WEST", "adjustment", 12, "initial_stock", 12],
      ["EAST", "adjustment", 40, "initial_stock", 40],
    ]);
    expect(page.items[0]).toMatchObject({ reference: "CNT-7", actor: "Wes Warehouse" });
  });

  it("keeps balances right across keyset pages and filters", async () => {
    // Movements arriving in the same millisecond still page apart (the cursor keeps microseconds and the id).
    await adjustStock({ db: t.db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "EAST", quantity: 3, reason: "found" } });
    await adjustStock({ db: t.db, actor: actors.warehouse, input: { sku: "BOLT-M8", warehouse: "EAST", quantity: -1, reason: "lost" } });
    await t.db.insert(stockMovements).values({ productId: ids.bolt, warehouseId: ids.east, kind: "reservation", quantity: 2, reason: "order", reference: "SO-1", actor: "test" });
    const seen: [string, number, number | null][] = [];
    let cursor: string | undefined;
    do {
      const page = await ledger({ limit: 2, cursor });
      seen.push(...page.items.map((m) => [m.kind, m.quantity, m.balance] as [string, number, number | null]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      ["reservation", 2, null],
      ["adjustment", -1, 37],
      ["adjustment", 3, 38],
      ["adjustment", -5, 35],
      ["adjustment", 12, 12],
      ["adjustment", 40, 40],
    ]);
    const west = await ledger({ warehouse: "WEST" });
    expect(west.items.map((m) => [m.quantity, m.balance])).toEqual([[12, 12]]);
    const reservations = await ledger({ scope: "reservations" });
    expect(reservations.items.map((m) => m.reference)).toEqual(["SO-1"]);
    const onHand = await ledger({ scope: "on_hand", limit: 1 });
    expect(onHand.items.map((m) => [m.quantity, m.balance])).toEqual([[-1, 37]]);
    await expect(ledger({ warehouse: "NOWHERE" })).rejects.toMatchObject({ details: { fields: { warehouse: [expect.any(String)] } } });
  });
});

describe("open reservations of a SKU", () => {
  it("lists allocations of submitted, held and open orders with their customers, oldest first", async () => {
    const db = t.db;
    // Orders placed through orders' own use cases, in the past. Sourcing decides where units sit, so older orders
    // first take the stock away to leave EAST 1 and WEST 2 free for the held order (split, most available first),
    // and are canceled again (their reservations released: not listed).
    await adjustStock({ db, actor: actors.warehouse, input: { sku: "NUT-M8", warehouse: "EAST", quantity: 7, reason: "initial_stock" } });
    const place = (at: string, lines: { sku: string; quantity: number; unitPrice?: number; overrideReason?: string }[], requestedDate?: string) =>
      runAt(new Date(at), () => createOrder({ db, actor: actors.rep, input: ZCreateOrderInput.parse({ customer: "ACME", channel: "phone", lines, requestedDate, draft: false }) }));
    const done = [
      await place("2026-10-01T10:00:00Z", [{ sku: "BOLT-M8", quantity: 36 }]), // EAST: 37 on hand, 36 reserved
      await place("2026-10-02T10:00:00Z", [{ sku: "BOLT-M8", quantity: 10 }]), // WEST: 12 on hand, 10 reserved
    ];
    expect(done.map((o) => o.lines[0]!.allocations)).toEqual([[{ warehouse: "EAST", quantity: 36 }], [{ warehouse: "WEST", quantity: 10 }]]);
    // Held for price approval (below cost); holds keep their stock.
    const older = await place("2026-11-01T10:00:00Z", [{ sku: "BOLT-M8", quantity: 3, unitPrice: 500, overrideReason: "clearance" }], "2026-11-30");
    for (const order of done) {
      await runAt(new Date("2026-11-05T10:00:00Z"), () => cancelOrder({ db, actor: actors.rep, input: { number: order.number, reason: "customer canceled" }, shipments: orderShipments }));
    }
    const newer = await place("2026-11-10T10:00:00Z", [
      { sku: "BOLT-M8", quantity: 3 },
      { sku: "NUT-M8", quantity: 7 },
    ]);
    expect([older.status, newer.status]).toEqual(["on_hold", "open"]);
    expect(newer.lines.map((l) => l.allocations)).toEqual([[{ warehouse: "EAST", quantity: 3 }], [{ warehouse: "EAST", quantity: 7 }]]);

    const list = (input: Record<string, unknown>) => listReservationsForSku({ db, input: ZReservationsForSkuInput.parse({ sku: "BOLT-M8", ...input }) });
    const page = await list({});
    expect(page.items.map((r) => [r.order, r.status, r.warehouse, r.quantity])).toEqual([
      [older.number, "on_hold", "EAST", 1],
      [older.number, "on_hold", "WEST", 2],
      [newer.number, "open", "EAST", 3],
    ]);
    expect(page.items[0]).toMatchObject({ customer: "ACME", customerName: "Acme Industrial", orderedAt: "2026-11-01T10:00:00.000Z", requestedDate: "2026-11-30", promisedDate: "2026-11-01" });
    const first = await list({ limit: 2 });
    expect((await list({ limit: 2, cursor: first.nextCursor! })).items.map((r) => r.order)).toEqual([newer.number]);
    expect((await list({ warehouse: "WEST" })).items.map((r) => r.quantity)).toEqual([2]);
    expect((await callerAs("finance").orders.reservationsForSku({ sku: "BOLT-M8" })).items).toHaveLength(3);
  });
});
