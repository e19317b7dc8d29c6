import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { createTestDb, type TestDb } from "~/test/db";
import { actors } from "~/test/fixtures";
import { setHoldback } from "./holdbacks";
import { countLowStock } from "./low-stock";
import { ZStockGridInput, type TStockGridInput, type TStockGridRow } from "./schemas";
import { listStockGrid } from "./stock-grid";
import * as clock from "~/server/clock";
import { stockMovements, stockTransferLines, stockTransfers, warehouses } from "./schema";
import { demandWindowStart, wholeDaysOfSupplyOf } from "./days-of-supply";
import { isNeverStocked, matchesStatusFilter, STOCK_STATUS_FILTERS, stockStatusOf } from "./stock-status";
import { addProduct, categoryId, insertLevel, insertWarehouse } from "./stock-views.fixtures";

let t: TestDb;
let fastenersId = "";

/*
 *            EAST (prio 10)                     WEST (prio 20)            OLD (inactive)
 * A-100      50/0  rp 10 rq 5   overstock       8/0 rp 10 rq 20  low
 * A-200       0/0  rp 5  rq 10  out             30/0 rp 10 rq 20 ok
 * B-100      20/15 rp 5  rq 10  low (5 ≤ 5)     —
 * B-200     100/0  no rp        ok              —                         0/0 out (ignored)
 * C-300      —                                  —
 *
 * Shipped over the last 30 days (net) and days of supply:
 * A-100      10 out, 10 back: none              30: 8 days
 * A-200       2: 0 days                         100 but 40 days ago: none
 * B-100       6: 25 days
 */
const NOW = new Date("2026-12-04T15:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
beforeAll(async () => {
  t = await createTestDb();
  const { db } = t;
  const east = await insertWarehouse(db, "EAST", 10);
  const west = await insertWarehouse(db, "WEST", 20);
  const old = await insertWarehouse(db, "OLD", 5, { isActive: false });
  // Categories FASTENERS and TOOLS come with their first products.
  const a100 = await addProduct(db, "A-100", "Anchor bolt", "Fasteners");
  const a200 = await addProduct(db, "A-200", "Angle bracket", "Fasteners");
  const b100 = await addProduct(db, "B-100", "Claw hammer", "Tools");
  const b200 = await addProduct(db, "B-200", "Hand saw", "Tools");
  await addProduct(db, "C-300", "Bar clamp", "Tools");
  const gone = await addProduct(db, "Z-900", "Discontinued widget", "Tools", { archived: true });
  fastenersId = await categoryId(db, "FASTENERS");

  await insertLevel(db, a100.id, east.id, { onHand: 50, reorderPoint: 10, reorderQuantity: 5 });
  await insertLevel(db, a100.id, west.id, { onHand: 8, reorderPoint: 10, reorderQuantity: 20 });
  await insertLevel(db, a200.id, east.id, { onHand: 0, reorderPoint: 5, reorderQuantity: 10 });
  await insertLevel(db, a200.id, west.id, { onHand: 30, reorderPoint: 10, reorderQuantity: 20 });
  await insertLevel(db, b100.id, east.id, { onHand: 20, reserved: 15, reorderPoint: 5, reorderQuantity: 10 });
  await insertLevel(db, b200.id, east.id, { onHand: 100 });
  await insertLevel(db, b200.id, old.id, { onHand: 0, reorderPoint: 3, reorderQuantity: 3 });
  await insertLevel(db, gone.id, east.id, { onHand: 0, reorderPoint: 3, reorderQuantity: 3 });

  const shipment = (productId: string, warehouseId: string, quantity: number, at: Date) =>
    ({ productId, warehouseId, kind: "shipment" as const, quantity, reference: "SO-1", actor: "test", createdAt: at });
  await db.insert(stockMovements).values([
    shipment(a100.id, east.id, -10, daysAgo(5)),
    shipment(a100.id, east.id, 10, daysAgo(4)),
    shipment(a100.id, west.id, -30, daysAgo(3)),
    shipment(a200.id, east.id, -2, daysAgo(1)),
    shipment(a200.id, west.id, -100, daysAgo(40)),
    shipment(b100.id, east.id, -6, daysAgo(29)),
  ]);

  await setHoldback({ db, actor: actors.admin, input: { sku: "A-100", warehouse: "EAST", demandClass: "A", quantity: 5 } });
  await setHoldback({ db, actor: actors.admin, input: { sku: "A-100", warehouse: "EAST", demandClass: "B", quantity: 3 } });
});
afterAll(() => t.cleanup());

// The fixture's levels are plain rows without ledger history: these tests ask for every warehouse (the
// default hides warehouses that never stocked a SKU: its own test below).
// The demand window ends at the app clock's now.
const grid = (input: Partial<TStockGridInput> = {}) =>
  clock.runAt(NOW, () => listStockGrid({ db: t.db, input: ZStockGridInput.parse({ allWarehouses: true, ...input }) }));
const skus = (rows: TStockGridRow[]) => rows.map((r) => r.sku);

describe("inventory grid", () => {
  it("lists SKUs in order with a cell per active warehouse (by priority), hold-backs and totals", async () => {
    const page = await grid();
    expect(skus(page.items)).toEqual(["A-100", "A-200", "B-100", "B-200", "C-300"]);
    expect(page.nextCursor).toBeNull();
    const a100 = page.items[0]!;
    expect(a100).toMatchObject({ name: "Anchor bolt", category: "FASTENERS", categoryName: "Fasteners" });
    expect(a100.cells).toEqual([
      { warehouse: "EAST", onHand: 50, reserved: 0, available: 50, reorderPoint: 10, reorderQuantity: 5, heldBack: 8, status: "overstock", shipped30d: 0, daysOfSupply: null, neverStocked: false },
      { warehouse: "WEST", onHand: 8, reserved: 0, available: 8, reorderPoint: 10, reorderQuantity: 20, heldBack: 0, status: "low", shipped30d: 30, daysOfSupply: 8, neverStocked: false },
    ]);
    expect(a100.totals).toEqual({ onHand: 58, reserved: 0, available: 58, heldBack: 8 });
    const b100 = page.items[2]!;
    expect(b100.cells.map((c) => [c.warehouse, c.available, c.status, c.shipped30d, c.daysOfSupply])).toEqual([["EAST", 5, "low", 6, 25]]);
    expect(page.items[1]!.cells.map((c) => [c.warehouse, c.shipped30d, c.daysOfSupply])).toEqual([
      ["EAST", 2, 0],
      ["WEST", 0, null],
    ]);
    // The inactive warehouse's level is not a cell.
    expect(page.items[3]!.cells.map((c) => c.warehouse)).toEqual(["EAST"]);
    expect(page.items[4]!.cells).toEqual([]);
  });

  it("filters by status: a SKU matches when any of its warehouses does", async () => {
    // Low: ≤ 14 days of supply by default (A-100 WEST 8 days, A-200 EAST 0 days); B-100's 25 days at 30.
    expect(skus((await grid({ status: "low" })).items)).toEqual(["A-100", "A-200"]);
    expect(skus((await grid({ status: "low", days: 8 })).items)).toEqual(["A-100", "A-200"]);
    expect(skus((await grid({ status: "low", days: 7 })).items)).toEqual(["A-200"]);
    expect(skus((await grid({ status: "low", days: 30 })).items)).toEqual(["A-100", "A-200", "B-100"]);
    expect(skus((await grid({ status: "low", days: 365 })).items)).toEqual(["A-100", "A-200", "B-100"]);
    expect(skus((await grid({ status: "out" })).items)).toEqual(["A-200"]);
    expect(skus((await grid({ status: "overstock" })).items)).toEqual(["A-100"]);
    expect(skus((await grid({ status: "reorder" })).items)).toEqual(["A-100", "A-200", "B-100"]);
  });

  it("restricts cells and the status filter to one warehouse", async () => {
    const east = await grid({ warehouse: "EAST" });
    expect(east.items.every((r) => r.cells.every((c) => c.warehouse === "EAST"))).toBe(true);
    expect(east.items[0]!.totals).toEqual({ onHand: 50, reserved: 0, available: 50, heldBack: 8 });
    expect(skus((await grid({ warehouse: "EAST", status: "low" })).items)).toEqual(["A-200"]);
    expect(skus((await grid({ warehouse: "WEST", status: "low" })).items)).toEqual(["A-100"]);
    expect(skus((await grid({ warehouse: "WEST", status: "low", days: 365 })).items)).toEqual(["A-100"]);
    expect(skus((await grid({ warehouse: "WEST", status: "out" })).items)).toEqual([]);
  });

  it("filters by category code or id, and searches SKU prefixes and names", async () => {
    expect(skus((await grid({ category: "FASTENERS" })).items)).toEqual(["A-100", "A-200"]);
    expect(skus((await grid({ category: fastenersId })).items)).toEqual(["A-100", "A-200"]);
    expect(skus((await grid({ category: "TOOLS", status: "low" })).items)).toEqual([]);
    expect(skus((await grid({ category: "TOOLS", status: "low", days: 25 })).items)).toEqual(["B-100"]);
    expect(skus((await grid({ search: "b-" })).items)).toEqual(["B-100", "B-200"]);
    expect(skus((await grid({ search: "clamp" })).items)).toEqual(["C-300"]);
    expect(skus((await grid({ search: "100" })).items)).toEqual([]);
    expect(skus((await grid({ search: "50%" })).items)).toEqual([]);
  });

  it("pages by SKU with a keyset cursor", async () => {
    const first = await grid({ limit: 2 });
    expect(skus(first.items)).toEqual(["A-100", "A-200"]);
    const second = await grid({ limit: 2, cursor: first.nextCursor! });
    expect(skus(second.items)).toEqual(["B-100", "B-200"]);
    const third = await grid({ limit: 2, cursor: second.nextCursor! });
    expect(skus(third.items)).toEqual(["C-300"]);
    expect(third.nextCursor).toBeNull();
    const lowPages = await grid({ status: "reorder", limit: 2 });
    expect(skus((await grid({ status: "reorder", limit: 2, cursor: lowPages.nextCursor! })).items)).toEqual(["B-100"]);
  });

  it("names the field of an unknown warehouse or category", async () => {
    await expect(grid({ warehouse: "NOWHERE" })).rejects.toMatchObject({ kind: "invalid", details: { fields: { warehouse: [expect.any(String)] } } });
    await expect(grid({ category: "NOPE" })).rejects.toMatchObject({ kind: "invalid", details: { fields: { category: [expect.any(String)] } } });
  });
});

describe("warehouses that never stocked a SKU", () => {
  it("are left out of the cells and the status filters by default: all zero, no movement, nothing in transit to them", async () => {
    const db = t.db;
    const [east, west, north] = [await warehouseId(db, "EAST"), await warehouseId(db, "WEST"), await insertWarehouse(db, "NORTH", 30)];
    const d400 = await addProduct(db, "D-400", "Drill bit", "Tools");
    // EAST: a zero level, never moved (never stocked). WEST: zero now, but it had stock once (a movement).
    // NORTH: zero, but a transfer is bringing some.
    await insertLevel(db, d400.id, east, { onHand: 0 });
    await insertLevel(db, d400.id, west, { onHand: 0 });
    await insertLevel(db, d400.id, north.id, { onHand: 0 });
    await db.insert(stockMovements).values([
      { productId: d400.id, warehouseId: west, kind: "adjustment", quantity: 3, actor: "test" },
      { productId: d400.id, warehouseId: west, kind: "adjustment", quantity: -3, actor: "test" },
    ]);
    const [transfer] = await db.insert(stockTransfers).values({ number: "TR-9", fromWarehouseId: west, toWarehouseId: north.id, expectedDate: "2026-12-24", createdBy: "test" }).returning();
    await db.insert(stockTransferLines).values({ transferId: transfer!.id, lineNo: 1, productId: d400.id, quantity: 2 });

    const hidden = await listStockGrid({ db, input: ZStockGridInput.parse({ search: "D-400" }) });
    expect(hidden.items[0]!.cells.map((c) => c.warehouse)).toEqual(["WEST", "NORTH"]);
    // EAST has nothing available, but it never stocked D-400: no match.
    expect(skus((await listStockGrid({ db, input: ZStockGridInput.parse({ search: "D-400", warehouse: "EAST", status: "out" }) })).items)).toEqual([]);
    expect(skus((await listStockGrid({ db, input: ZStockGridInput.parse({ search: "D-400", warehouse: "WEST", status: "out" }) })).items)).toEqual(["D-400"]);

    const all = await listStockGrid({ db, input: ZStockGridInput.parse({ search: "D-400", allWarehouses: true }) });
    expect(all.items[0]!.cells.map((c) => [c.warehouse, c.neverStocked])).toEqual([
      ["EAST", true],
      ["WEST", false],
      ["NORTH", false],
    ]);
    // The pure twin agrees.
    expect(isNeverStocked({ onHand: 0, reserved: 0, inbound: 0, hasMovements: false })).toBe(true);
    expect(isNeverStocked({ onHand: 0, reserved: 0, inbound: 0, hasMovements: true })).toBe(false);
    expect(isNeverStocked({ onHand: 0, reserved: 0, inbound: 2, hasMovements: false })).toBe(false);
    await db.delete(stockTransferLines).where(eq(stockTransferLines.transferId, transfer!.id));
    await db.delete(stockTransfers).where(eq(stockTransfers.id, transfer!.id));
    await db.update(warehouses).set({ isActive: false }).where(eq(warehouses.code, "NORTH"));
  });
});

describe("low-stock count", () => {
  it("counts levels at or below their reorder point in active warehouses of live products", async () => {
    // A-100 WEST (8 ≤ 10), A-200 EAST (0 ≤ 5), B-100 EAST (5 ≤ 5); not OLD (inactive) nor Z-900 (archived).
    expect(await countLowStock({ db: t.db })).toEqual({ count: 3 });
  });
});

describe("status filters agree with their pure twins", () => {
  it("selects exactly the levels matchesStatusFilter says, for every filter (and days for low)", async () => {
    const db = t.db;
    const probe = await insertWarehouse(db, "PROBE", 1);
    // Ledger histories for the days-of-supply filter: inside and outside the window, exactly at its start,
    // returns netting shipments out, and movements of other kinds (never demand).
    type Move = { daysAgo: number; quantity: number; kind?: "shipment" | "adjustment" | "receipt" };
    const histories: Move[][] = [
      [],
      [{ daysAgo: 2, quantity: -7 }],
      [{ daysAgo: 10, quantity: -20 }, { daysAgo: 3, quantity: -10 }],
      [{ daysAgo: 1, quantity: -5 }, { daysAgo: 0.5, quantity: 5 }],
      [{ daysAgo: 31, quantity: -50 }],
      [{ daysAgo: 30, quantity: -45 }],
      [{ daysAgo: 29, quantity: -3 }, { daysAgo: 40, quantity: -100 }],
      [{ daysAgo: 1, quantity: -10 }, { daysAgo: 1, quantity: 4 }],
      [{ daysAgo: 1, quantity: -5, kind: "adjustment" }, { daysAgo: 2, quantity: 9, kind: "receipt" }],
      [{ daysAgo: 0, quantity: -1 }],
      [{ daysAgo: 4, quantity: -400 }],
    ];
    const since = demandWindowStart(NOW);
    const shippedOf = (moves: Move[]) =>
      Math.max(0, -moves.filter((m) => (m.kind ?? "shipment") === "shipment" && daysAgo(m.daysAgo) >= since).reduce((sum, m) => sum + m.quantity, 0));
    // Every combination around the boundaries: available ≤ 0, = point, point ± 1, overstock edge ± 1.
    const levels: { sku: string; onHand: number; reserved: number; reorderPoint: number | null; reorderQuantity: number | null; moves: Move[]; shipped: number }[] = [];
    let n = 0;
    for (const reorderPoint of [null, 0, 4]) {
      for (const reorderQuantity of [null, 1, 3]) {
        for (const onHand of [0, 3, 4, 5, 10, 11, 12]) {
          for (const reserved of [0, 1, onHand]) {
            if (reserved > onHand) continue;
            const moves = histories[n % histories.length]!;
            levels.push({ sku: `P-${String(n++).padStart(4, "0")}`, onHand, reserved, reorderPoint, reorderQuantity, moves, shipped: shippedOf(moves) });
          }
        }
      }
    }
    const movements: (typeof stockMovements.$inferInsert)[] = [];
    for (const level of levels) {
      const product = await addProduct(db, level.sku, `Probe ${level.sku}`, "Fasteners");
      await insertLevel(db, product.id, probe.id, level);
      for (const m of level.moves) {
        movements.push({ productId: product.id, warehouseId: probe.id, kind: m.kind ?? "shipment", quantity: m.quantity, actor: "test", createdAt: daysAgo(m.daysAgo) });
      }
    }
    await db.insert(stockMovements).values(movements);

    for (const filter of STOCK_STATUS_FILTERS) {
      for (const days of filter === "low" ? [1, 3, 7, 14, 30, 365] : [undefined]) {
        const page = await grid({ warehouse: "PROBE", status: filter, days, search: "P-", limit: 500 });
        const expected = levels.filter((l) => matchesStatusFilter(l, filter, days)).map((l) => l.sku);
        expect(skus(page.items), `${filter} ${days ?? ""}`).toEqual(expected);
        expect(expected.length, `${filter} ${days ?? ""} has cases`).toBeGreaterThan(0);
      }
    }
    // N matters: fewer levels are low at 1 day than at 365, and none without demand is.
    const low = (days: number) => levels.filter((l) => matchesStatusFilter(l, "low", days));
    expect(low(1).length).toBeLessThan(low(365).length);
    expect(low(365).every((l) => l.shipped > 0)).toBe(true);
    const all = await grid({ warehouse: "PROBE", search: "P-", limit: 500 });
    expect(all.items.map((r) => r.cells[0]!.status)).toEqual(levels.map((l) => stockStatusOf(l)));
    expect(all.items.map((r) => [r.cells[0]!.shipped30d, r.cells[0]!.daysOfSupply])).toEqual(levels.map((l) => [l.shipped, wholeDaysOfSupplyOf(l)]));
  });
});

async function warehouseId(db: Db, code: string) {
  const [row] = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, code));
  return row!.id;
}
