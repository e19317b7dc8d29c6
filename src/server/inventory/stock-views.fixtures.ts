import { eq } from "drizzle-orm";
import { setProductArchived } from "~/server/catalog/set-product-archived";
import { createProduct } from "~/server/catalog/create-product";
import { categories, products } from "~/server/catalog/schema";
import { ZCreateProductInput } from "~/server/catalog/schemas";
import type { Db } from "~/server/db";
import { stockLevels, warehouses } from "~/server/inventory/schema";
import type { InboundSupply, SupplySource, UsualSupplier } from "~/server/inventory/supply";
import { actors, address } from "~/test/fixtures";

/**
 * Inventory view tests (read models): inventory's own warehouses and stock levels inserted as plain rows;
 * products come from the catalog's use cases, as the catalog owns them.
 */
export async function insertWarehouse(db: Db, code: string, priority: number, extra: Partial<typeof warehouses.$inferInsert> = {}) {
  const [row] = await db
    .insert(warehouses)
    .values({ code, name: `${code} warehouse`, priority, ...address, ...extra })
    .returning();
  return row!;
}

/**
 * A product through the catalog (createProduct, which makes an unknown category on the way: "Fasteners"
 * gets the code FASTENERS), list price 10.00 and cost 5.00; `archived` archives it (setProductArchived).
 * Answers its id, for the stock levels.
 */
export async function addProduct(db: Db, sku: string, name: string, category: string, options: { archived?: boolean } = {}) {
  await createProduct({ db, actor: actors.admin, input: ZCreateProductInput.parse({ sku, name, category, listPrice: 1000, cost: 500 }) });
  if (options.archived) await setProductArchived({ db, actor: actors.admin, input: { sku, archived: true } });
  return { id: await productId(db, sku) };
}

/** The id of a category, by code. */
export async function categoryId(db: Db, code: string) {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, code));
  return row!.id;
}

export async function insertLevel(
  db: Db,
  productId: string,
  warehouseId: string,
  level: { onHand: number; reserved?: number; reorderPoint?: number | null; reorderQuantity?: number | null },
) {
  await db.insert(stockLevels).values({
    productId,
    warehouseId,
    onHand: level.onHand,
    reserved: level.reserved ?? 0,
    reorderPoint: level.reorderPoint ?? null,
    reorderQuantity: level.reorderQuantity ?? null,
  });
}

export async function productId(db: Db, sku: string) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  return row!.id;
}

/** A SupplySource that answers from fixed data (what purchasing would report), for inventory's tests alone. */
export function fixedSupply(data: { inbound?: InboundSupply[]; suppliers?: Map<string, UsualSupplier> }): SupplySource {
  const suppliers = data.suppliers ?? new Map<string, UsualSupplier>();
  const only = <T>(map: Map<string, T>, productIds: string[]) => new Map([...map].filter(([id]) => productIds.includes(id)));
  return {
    inbound: async (_db, productIds) => (data.inbound ?? []).filter((i) => productIds.includes(i.productId)),
    leadTimes: async (_db, productIds) => new Map([...only(suppliers, productIds)].map(([id, s]) => [id, s.leadTimeDays])),
    usualSuppliers: async (_db, productIds) => only(suppliers, productIds),
  };
}
