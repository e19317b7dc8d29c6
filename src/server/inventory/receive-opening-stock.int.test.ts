import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { products } from "~/server/catalog";
import { runAt } from "~/server/clock";
import { AppError } from "~/server/errors";
import { expectBooksBalance } from "~/test/books";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures } from "~/test/fixtures";
import { adjustStock } from "./adjust-stock";
import { OPENING_STOCK_REFERENCE, receiveOpeningStock, type OpeningStockRow } from "./receive-opening-stock";
import { setReorderPoint } from "./reorder-points";
import { stockLevels, stockMovements, warehouses } from "./schema";
import { createWarehouse } from "./warehouses";

let t: TestDb;
const statements: string[] = [];
const ids = { product: {} as Record<string, string>, warehouse: {} as Record<string, string> };
const OPENED_AT = new Date("2026-09-01T12:00:00Z");

beforeAll(async () => {
  t = await createTestDb({ logger: { logQuery: (query) => statements.push(query) } });
  await seedOrderFixtures(t.db);
  for (const [code, priority] of [["EAST", 10], ["WEST", 20], ["SOUTH", 30]] as const) {
    await createWarehouse({ db: t.db, actor: actors.admin, input: { code, name: code, address, priority } });
  }
  for (const p of await t.db.select({ id: products.id, sku: products.sku }).from(products)) ids.product[p.sku] = p.id;
  for (const w of await t.db.select({ id: warehouses.id, code: warehouses.code }).from(warehouses)) ids.warehouse[w.code] = w.id;
});
afterAll(() => t?.cleanup());

const row = (sku: string, warehouse: string, quantity: number, extra: Partial<OpeningStockRow> = {}): OpeningStockRow => ({
  productId: ids.product[sku]!,
  warehouseId: ids.warehouse[warehouse]!,
  quantity,
  ...extra,
});

async function levelOf(sku: string, warehouse: string) {
  const [level] = await t.db
    .select()
    .from(stockLevels)
    .where(and(eq(stockLevels.productId, ids.product[sku]!), eq(stockLevels.warehouseId, ids.warehouse[warehouse]!)));
  return level;
}

async function movementsOf(sku: string, warehouse: string) {
  return t.db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.productId, ids.product[sku]!), eq(stockMovements.warehouseId, ids.warehouse[warehouse]!)))
    .orderBy(asc(stockMovements.id));
}

describe("receiveOpeningStock", () => {
  it("opens levels and their initial_stock ledger rows in bulk, at the domain clock's time, in two statements", async () => {
    const rows = [
      row("BOLT-M8", "EAST", 120, { bin: "A-01-1", reorderPoint: 40, reorderQuantity: 100 }),
      row("NUT-M8", "EAST", 0, { bin: "A-01-2", reorderPoint: 10, reorderQuantity: 50 }),
      row("WASHER-M8", "EAST", 7),
      row("BOLT-M8", "WEST", 300, { bin: "C-07-3" }),
      row("NUT-M8", "WEST", 55),
    ];
    statements.length = 0;
    const result = await runAt(OPENED_AT, () => receiveOpeningStock(t.db, { actor: actors.warehouse, rows }));
    expect(result).toEqual({ levels: 5, movements: 4 });
    // One upsert of the levels, one insert of the ledger rows: not one per row.
    expect(statements.filter((s) => /stock_levels|stock_movements/.test(s))).toHaveLength(2);

    expect(await levelOf("BOLT-M8", "EAST")).toMatchObject({ onHand: 120, reserved: 0, bin: "A-01-1", reorderPoint: 40, reorderQuantity: 100, updatedAt: OPENED_AT });
    expect(await levelOf("NUT-M8", "EAST")).toMatchObject({ onHand: 0, reserved: 0, bin: "A-01-2", reorderPoint: 10, reorderQuantity: 50 });
    expect(await levelOf("WASHER-M8", "EAST")).toMatchObject({ onHand: 7, bin: null, reorderPoint: null, reorderQuantity: null });
    expect(await levelOf("BOLT-M8", "WEST")).toMatchObject({ onHand: 300, bin: "C-07-3" });

    // A level holding nothing has no ledger row (the ledger has no zero movements).
    expect(await movementsOf("NUT-M8", "EAST")).toEqual([]);
    const [movement] = await movementsOf("BOLT-M8", "EAST");
    expect(movement).toMatchObject({
      kind: "adjustment",
      quantity: 120,
      reason: "initial_stock",
      reference: OPENING_STOCK_REFERENCE,
      actor: "Wes Warehouse",
      createdAt: OPENED_AT,
    });
    await expectBooksBalance(t.db);
  });

  it("writes for each row what adjustStock writes for an initial_stock adjustment", async () => {
    await adjustStock({ db: t.db, actor: actors.warehouse, input: { sku: "WASHER-M8", warehouse: "SOUTH", quantity: 42, reason: "initial_stock", reference: OPENING_STOCK_REFERENCE } });
    await receiveOpeningStock(t.db, { actor: actors.warehouse, rows: [row("BOLT-M8", "SOUTH", 42)] });
    const comparable = ({ id: _id, productId: _p, createdAt: _c, ...rest }: typeof stockMovements.$inferSelect) => rest;
    const [adjusted] = await movementsOf("WASHER-M8", "SOUTH");
    const [opened] = await movementsOf("BOLT-M8", "SOUTH");
    expect(comparable(opened!)).toEqual(comparable(adjusted!));
    const level = ({ onHand, reserved, bin, reorderPoint, reorderQuantity }: typeof stockLevels.$inferSelect) => ({ onHand, reserved, bin, reorderPoint, reorderQuantity });
    expect(level((await levelOf("BOLT-M8", "SOUTH"))!)).toEqual(level((await levelOf("WASHER-M8", "SOUTH"))!));
    await expectBooksBalance(t.db);
  });

  it("adds to a level that exists, as an adjustment would, keeping the settings it is not given", async () => {
    await setReorderPoint({ db: t.db, actor: actors.manager, input: { sku: "WASHER-M8", warehouse: "WEST", reorderPoint: 5, reorderQuantity: 20 } });
    await receiveOpeningStock(t.db, { actor: actors.warehouse, rows: [row("WASHER-M8", "WEST", 30, { bin: "B-02-4" }), row("BOLT-M8", "EAST", 5)] });
    expect(await levelOf("WASHER-M8", "WEST")).toMatchObject({ onHand: 30, bin: "B-02-4", reorderPoint: 5, reorderQuantity: 20 });
    expect(await levelOf("BOLT-M8", "EAST")).toMatchObject({ onHand: 125, bin: "A-01-1", reorderPoint: 40 });
    expect((await movementsOf("BOLT-M8", "EAST")).map((m) => m.quantity)).toEqual([120, 5]);
    await expectBooksBalance(t.db);
  });

  it("refuses negative or fractional quantities and a level listed twice, writing nothing", async () => {
    const before = await t.db.$count(stockMovements);
    const refusal = (rows: OpeningStockRow[]) => receiveOpeningStock(t.db, { actor: actors.warehouse, rows }).catch((error: unknown) => error);
    const negative = await refusal([row("NUT-M8", "SOUTH", 3), row("WASHER-M8", "EAST", -1)]);
    expect(negative).toBeInstanceOf(AppError);
    expect((negative as AppError).details?.fields).toHaveProperty(["rows.1.quantity"]);
    expect(await refusal([row("NUT-M8", "SOUTH", 1.5)])).toBeInstanceOf(AppError);
    expect(await refusal([row("NUT-M8", "SOUTH", 1, { reorderPoint: -2 })])).toBeInstanceOf(AppError);
    const twice = await refusal([row("NUT-M8", "SOUTH", 3), row("NUT-M8", "SOUTH", 4)]);
    expect((twice as AppError).details?.fields).toHaveProperty(["rows.1"]);
    expect(await t.db.$count(stockMovements)).toBe(before);
    expect(await levelOf("NUT-M8", "SOUTH")).toBeUndefined();
    expect(await receiveOpeningStock(t.db, { actor: actors.warehouse, rows: [] })).toEqual({ levels: 0, movements: 0 });
  });
});
