import { eq } from "drizzle-orm";
import { categories, products } from "~/server/catalog/schema";
import type { Db } from "~/server/db";
import { stockLevels, warehouses } from "~/server/inventory/schema";
import type { InboundSupply, SupplySource, UsualSupplier } from "~/server/inventory/supply";
import { address } from "~/test/fixtures";

/** Inventory view tests: warehouses, products and stock levels inserted as plain rows (read-model tests). */
export async function insertWarehouse(db: Db, code: string, priority: number, extra: Partial<typeof warehouses.$inferInsert> = {}) {
  const [row] = await db
    .insert(warehouses)
    .values({ code, name: `${code} warehouse`, priority, ...address, ...extra })
    .returning();
  return row!;
}

export async function insertCategory(db: Db, code: string, name: string) {
  const [row] = await db.insert(categories).values({ code, name }).returning();
  return row!;
}

export async function insertProduct(db: Db, sku: string, name: string, categoryId: string, extra: Partial<typeof products.$inferInsert> = {}) {
  const [row] = await db
    .insert(products)
    .values({ sku, name, categoryId, listPrice: 1000, cost: 500, ...extra })
    .returning();
  return row!;
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
