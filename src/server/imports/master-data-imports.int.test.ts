import { Readable } from "node:stream";
import type { Actor } from "~/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProductBySku } from "~/server/catalog";
import { customers } from "~/server/customers";
import { products } from "~/server/catalog";
import { stockLevels, stockMovements } from "~/server/inventory";
import { createOrder } from "~/server/orders/create-order";
import { getPriceList, savePriceList } from "~/server/pricing";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import type { ImportKindName } from "./constants";
import { getImport } from "./list-imports";
import { listImportRows } from "./list-import-rows";
import { runImport } from "./run-import";
import { stageImport } from "./stage-import";
import { startImport } from "./start-import";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db, { quantity: 100 });
});
afterAll(() => t?.cleanup());

/** Upload, check, start and run: the import as it stands after. */
async function importFile(kind: ImportKindName, csv: string, actor: Actor = actors.admin) {
  const staged = await stageImport({ db: t.db, actor, kind, fileName: `${kind}.csv`, body: Readable.from([Buffer.from(csv)]) });
  if (staged.validRows > 0) {
    await startImport({ db: t.db, actor, id: staged.id });
    await runImport(t.db, staged.id, { batchRows: 2 });
  }
  const rows = (await listImportRows({ db: t.db, id: staged.id, input: { limit: 500 } })).items.map((r) => ({ row: r.rowNo, status: r.status, message: r.message, result: r.result }));
  return { ...(await getImport({ db: t.db, id: staged.id })), rows };
}

describe("CSV import of customers", () => {
  const file = [
    "code,name,segment,credit_limit,payment_terms_days,email,billing_line1,billing_city,billing_region,billing_postal_code,billing_country",
    "IMP-1,Harbor Supply,industrial,25000.00,45,ap@harbor.example,12 Dock Rd,Portland,ME,04101,us",
    "IMP-2,Bad Credit,industrial,lots,30,,1 Main St,Newark,NJ,07102,US",
    "IMP-3,No Segment,nowhere,0,30,,1 Main St,Newark,NJ,07102,US",
    "ACME,Acme again,industrial,0,30,,1 Main St,Newark,NJ,07102,US",
    "IMP-1,Harbor twice,industrial,0,30,,1 Main St,Newark,NJ,07102,US",
    "IMP-4,No street,retail,0,30,not-an-email,,Newark,NJ,07102,US",
  ].join("\n");

  it("creates new customers through createCustomer, skips existing codes and says why a row is refused", async () => {
    const result = await importFile("customers", file);
    expect(result).toMatchObject({ status: "completed", totalRows: 6, invalidRows: 3, importedRows: 1, skippedRows: 1, failedRows: 1 });
    expect(result.rows).toEqual([
      { row: 2, status: "imported", message: null, result: "IMP-1" },
      { row: 3, status: "invalid", message: 'credit_limit: "lots" is not an amount in USD (write it like 1234.50)', result: null },
      { row: 4, status: "failed", message: expect.stringMatching(/^segment: /), result: null },
      { row: 5, status: "skipped", message: "Customer ACME exists already: left as it is", result: "ACME" },
      { row: 6, status: "invalid", message: "customer IMP-1 is also on row 2: give it once", result: null },
      { row: 7, status: "invalid", message: expect.stringContaining("billing_line1: Street address is required"), result: null },
    ]);
    expect(result.rows[5]!.message).toContain("email: ");
    const [harbor] = await t.db.select().from(customers).where(eq(customers.code, "IMP-1"));
    expect(harbor).toMatchObject({ name: "Harbor Supply", creditLimit: 2_500_000, paymentTermsDays: 45, email: "ap@harbor.example" });
    // Again: nothing new.
    expect(await importFile("customers", file)).toMatchObject({ importedRows: 0, skippedRows: 2, failedRows: 1 });
  });
});

describe("CSV import of products", () => {
  it("creates products (a new category on the way), skipping SKUs that exist", async () => {
    const file = ["sku,name,category,list_price,cost,unit,weight_grams", "IMP-P1,Brass hinge,Hinges,4.95,2.10,EA,120", "BOLT-M8,Bolt again,Fasteners,1,1,,", "IMP-P2,Cheap,Hinges,1.999,1,,"].join("\n");
    const result = await importFile("products", file);
    expect(result).toMatchObject({ importedRows: 1, skippedRows: 1, invalidRows: 1 });
    expect(result.rows[2]).toMatchObject({ status: "invalid", message: expect.stringContaining("list_price") });
    expect(await findProductBySku(t.db, "IMP-P1")).toMatchObject({ listPrice: 495, cost: 210, unit: "each", weightGrams: 120 });
    expect(await t.db.$count(products, eq(products.sku, "IMP-P2"))).toBe(0);
  });
});

describe("CSV import of price-list items", () => {
  it("merges prices into their lists as an edit (versioned), keeps items the file does not name, and skips unchanged prices", async () => {
    await savePriceList({ db: t.db, actor: actors.admin, input: { code: "IMPORTED", name: "Imported", currency: "USD", priority: 0, tierBasis: "line", items: [{ sku: "NUT-M8", minQuantity: 1, unitPrice: 200 }, { sku: "BOLT-M8", minQuantity: 1, unitPrice: 1500 }] } });
    const file = ["price_list,sku,category,min_quantity,unit_price", "IMPORTED,NUT-M8,,1,1.80", "IMPORTED,NUT-M8,,100,1.50", "IMPORTED,,Fasteners,1,9.00", "MISSING,NUT-M8,,1,1", "IMPORTED,NUT-M8,,1,1.70"].join("\n");
    const result = await importFile("price_list_items", file);
    expect(result.rows.map((r) => [r.row, r.status, r.message])).toEqual([
      [2, "imported", "was 2.00"],
      [3, "imported", "added"],
      [4, "imported", "added"],
      [5, "invalid", 'price_list: no price list with code "MISSING"'],
      [6, "invalid", "NUT-M8 from 1 in IMPORTED is also on row 2: give it once"],
    ]);
    const list = await getPriceList(t.db, "IMPORTED");
    expect(list.version).toBe(2);
    expect(list.items.map((i) => [i.sku ?? i.category, i.minQuantity, i.unitPrice]).sort()).toEqual(
      [["BOLT-M8", 1, 1500], ["Fasteners", 1, 900], ["NUT-M8", 1, 180], ["NUT-M8", 100, 150]].sort(),
    );
    const again = await importFile("price_list_items", file);
    expect(again).toMatchObject({ importedRows: 0, skippedRows: 3 });
    expect((await getPriceList(t.db, "IMPORTED")).version).toBe(2);
  });
});

describe("CSV import of stock counts", () => {
  it("sets on hand to the count through cycle_count adjustments; a matching count writes nothing; a count below reserved fails", async () => {
    await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", draft: false, lines: [{ sku: "WASHER-M8", quantity: 30 }] } });
    const file = ["warehouse,sku,counted,reference", "EAST,BOLT-M8,120,Count 12", "EAST,NUT-M8,100,Count 12", "EAST,WASHER-M8,10,Count 12", "WEST,BOLT-M8,1,", "EAST,BOLT-M8,-1,"].join("\n");
    const result = await importFile("stock_counts", file, actors.manager);
    expect(result.rows.map((r) => [r.row, r.status, r.message, r.result])).toEqual([
      [2, "imported", "on hand 100 → 120", "+20"],
      [3, "skipped", "on hand is 100 already", "100"],
      [4, "failed", "counted: 10 is below the 30 reserved for orders in EAST: release or ship them first", null],
      [5, "invalid", 'warehouse: no warehouse with code "WEST"', null],
      [6, "invalid", "counted: Counted is 0 or more", null],
    ]);
    const movements = await t.db.select().from(stockMovements).where(and(eq(stockMovements.reason, "cycle_count"), eq(stockMovements.reference, "Count 12")));
    expect(movements.map((m) => m.quantity)).toEqual([20]);
    const again = await importFile("stock_counts", file, actors.manager);
    expect(again).toMatchObject({ importedRows: 0, skippedRows: 2, failedRows: 1 });
    expect(await t.db.$count(stockLevels)).toBeGreaterThan(0);
  });
});
