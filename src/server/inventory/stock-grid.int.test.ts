import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { actors } from "~/test/fixtures";
import { setHoldback } from "./holdbacks";
import { countLowStock } from "./low-stock";
import { ZStockGridInput, type TStockGridInput, type TStockGridRow } from "./schemas";
import { listStockGrid } from "./stock-grid";
import { matchesStatusFilter, STOCK_STATUS_FILTERS, stockStatusOf } from "./stock-status";
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
 */
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

  await setHoldback({ db, actor: actors.admin, input: { sku: "A-100", warehouse: "EAST", demandClass: "A", quantity: 5 } });
  await setHoldback({ db, actor: actors.admin, input: { sku: "A-100", warehouse: "EAST", demandClass: "B", quantity: 3 } });
});
afterAll(() => t.cleanup());

const grid = (input: Partial<TStockGridInput> = {}) => listStockGrid({ db: t.db, input: ZStockGridInput.parse(input) });
const skus = (rows: TStockGridRow[]) => rows.map((r) => r.sku);

describe("inventory grid", () => {
  it("lists SKUs in order with a cell per active warehouse (by priority), hold-backs and totals", async () => {
    const page = await grid();
    expect(skus(page.items)).toEqual(["A-100", "A-200", "B-100", "B-200", "C-300"]);
    expect(page.nextCursor).toBeNull();
    const a100 = page.items[0]!;
    expect(a100).toMatchObject({ name: "Anchor bolt", category: "FASTENERS", categoryName: "Fasteners" });
    expect(a100.cells).toEqual([
      { warehouse: "EAST", onHand: 50, reserved: 0, available: 50, reorderPoint: 10, reorderQuantity: 5, heldBack: 8, status: "overstock" },
      { warehouse: "WEST", onHand: 8, reserved: 0, available: 8, reorderPoint: 10, reorderQuantity: 20, heldBack: 0, status: "low" },
    ]);
    expect(a100.totals).toEqual({ onHand: 58, reserved: 0, available: 58, heldBack: 8 });
    const b100 = page.items[2]!;
    expect(b100.cells.map((c) => [c.warehouse, c.available, c.status])).toEqual([["EAST", 5, "low"]]);
    // The inactive warehouse's level is not a cell.
    expect(page.items[3]!.cells.map((c) => c.warehouse)).toEqual(["EAST"]);
    expect(page.items[4]!.cells).toEqual([]);
  });

  it("filters by status: a SKU matches when any of its warehouses does", async () => {
    expect(skus((await grid({ status: "low" })).items)).toEqual(["A-100", "B-100"]);
    expect(skus((await grid({ status: "out" })).items)).toEqual(["A-200"]);
    expect(skus((await grid({ status: "overstock" })).items)).toEqual(["A-100"]);
    expect(skus((await grid({ status: "reorder" })).items)).toEqual(["A-100", "A-200", "B-100"]);
  });

  it("restricts cells and the status filter to one warehouse", async () => {
    const east = await grid({ warehouse: "EAST" });
    expect(east.items.every((r) => r.cells.every((c) => c.warehouse === "EAST"))).toBe(true);
    expect(east.items[0]!.totals).toEqual({ onHand: 50, reserved: 0, available: 50, heldBack: 8 });
    expect(skus((await grid({ warehouse: "EAST", status: "low" })).items)).toEqual(["B-100"]);
    expect(skus((await grid({ warehouse: "WEST", status: "low" })).items)).toEqual(["A-100"]);
    expect(skus((await grid({ warehouse: "WEST", status: "out" })).items)).toEqual([]);
  });

  it("filters by category code or id, and searches SKU prefixes and names", async () => {
    expect(skus((await grid({ category: "FASTENERS" })).items)).toEqual(["A-100", "A-200"]);
    expect(skus((await grid({ category: fastenersId })).items)).toEqual(["A-100", "A-200"]);
    expect(skus((await grid({ category: "TOOLS", status: "low" })).items)).toEqual(["B-100"]);
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

describe("low-stock count", () => {
  it("counts levels at or below their reorder point in active warehouses of live products", async () => {
    // A-100 WEST (8 ≤ 10), A-200 EAST (0 ≤ 5), B-100 EAST (5 ≤ 5); not OLD (inactive) nor Z-900 (archived).
    expect(await countLowStock({ db: t.db })).toEqual({ count: 3 });
  });
});

describe("status filters agree with stockStatusOf", () => {
  it("selects exactly the levels the pure classification says, for every filter", async () => {
    const db = t.db;
    const probe = await insertWarehouse(db, "PROBE", 1);
    // Every combination around the boundaries: available ≤ 0, = point, point ± 1, overstock edge ± 1.
    const levels: { sku: string; onHand: number; reserved: number; reorderPoint: number | null; reorderQuantity: number | null }[] = [];
    let n = 0;
    for (const reorderPoint of [null, 0, 4]) {
      for (const reorderQuantity of [null, 1, 3]) {
        for (const onHand of [0, 3, 4, 5, 10, 11, 12]) {
          for (const reserved of [0, 1, onHand]) {
            if (reserved > onHand) continue;
            levels.push({ sku: `P-${String(n++).padStart(4, "0")}`, onHand, reserved, reorderPoint, reorderQuantity });
          }
        }
      }
    }
    for (const level of levels) {
      const product = await addProduct(db, level.sku, `Probe ${level.sku}`, "Fasteners");
      await insertLevel(db, product.id, probe.id, level);
    }
    for (const filter of STOCK_STATUS_FILTERS) {
      const page = await grid({ warehouse: "PROBE", status: filter, search: "P-", limit: 500 });
      const expected = levels.filter((l) => matchesStatusFilter(l, filter)).map((l) => l.sku);
      expect(skus(page.items), filter).toEqual(expected);
      expect(expected.length, `${filter} has cases`).toBeGreaterThan(0);
    }
    const all = await grid({ warehouse: "PROBE", search: "P-", limit: 500 });
    expect(all.items.map((r) => r.cells[0]!.status)).toEqual(levels.map((l) => stockStatusOf(l)));
  });
});
