import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAt } from "~/server/clock";
import { createTestDb, type TestDb } from "~/test/db";
import { importCatalog, type ProductImport } from "./import-catalog";
import { listCategories } from "./list-categories";
import { findProductBySku } from "./queries";
import { categories, products } from "./schema";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

const LOADED_AT = new Date("2025-03-01T08:00:00Z");
const product = (sku: string, categoryId: string): ProductImport => ({ id: randomUUID(), sku, name: `${sku} part`, categoryId, listPrice: 1999, cost: 900, leadTimeDays: 7 });

describe("importCatalog", () => {
  it("loads categories and products with their ids, at the domain clock's time", async () => {
    const fasteners = { id: randomUUID(), code: "FAS", name: "Fasteners" };
    const tools = { id: randomUUID(), code: "TLS", name: "Tools" };
    const rows = [product("FAS-1", fasteners.id), product("FAS-2", fasteners.id), product("TLS-1", tools.id)];
    const result = await runAt(LOADED_AT, () => importCatalog(t.db, { categories: [fasteners, tools], products: rows }));
    expect(result).toEqual({ categories: 2, products: 3 });

    expect(await findProductBySku(t.db, "FAS-2")).toMatchObject({ id: rows[1]!.id, name: "FAS-2 part", listPrice: 1999, leadTimeDays: 7, unit: "each" });
    const [loaded] = await t.db.select().from(products).where(eq(products.sku, "TLS-1"));
    expect(loaded).toMatchObject({ categoryId: tools.id, createdAt: LOADED_AT, updatedAt: LOADED_AT });
    expect(await listCategories({ db: t.db, input: { search: "", limit: 50 } })).toEqual([
      { code: "FAS", name: "Fasteners", products: 2 },
      { code: "TLS", name: "Tools", products: 1 },
    ]);
  });

  it("keeps the timestamps rows bring", async () => {
    const old = new Date("2024-01-01T00:00:00Z");
    const category = { id: randomUUID(), code: "OLD", name: "Old stock", createdAt: old, updatedAt: old };
    await importCatalog(t.db, { categories: [category], products: [{ ...product("OLD-1", category.id), createdAt: old, updatedAt: old }] });
    expect((await t.db.select().from(categories).where(eq(categories.code, "OLD")))[0]).toMatchObject({ createdAt: old });
    expect((await t.db.select().from(products).where(eq(products.sku, "OLD-1")))[0]).toMatchObject({ createdAt: old, updatedAt: old });
  });

  it("refuses a SKU that exists, loading nothing of the batch", async () => {
    const category = { id: randomUUID(), code: "NEW", name: "New" };
    await expect(importCatalog(t.db, { categories: [category], products: [product("NEW-1", category.id), product("FAS-1", category.id)] })).rejects.toMatchObject({
      kind: "conflict",
      code: "SKU_TAKEN",
    });
    expect(await t.db.$count(categories, eq(categories.code, "NEW"))).toBe(0);
    expect(await findProductBySku(t.db, "NEW-1")).toBeUndefined();
    expect(await importCatalog(t.db, { categories: [], products: [] })).toEqual({ categories: 0, products: 0 });
  });
});
