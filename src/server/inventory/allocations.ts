import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { stockAllocations, stockBackorders, warehouses } from "./schema";

/** Where an order's reserved units sit: per product and warehouse, the largest first. */
export async function allocationsOf(db: DbOrTx, orderId: string) {
  return db
    .select({ productId: stockAllocations.productId, warehouseId: stockAllocations.warehouseId, warehouse: warehouses.code, quantity: stockAllocations.quantity })
    .from(stockAllocations)
    .innerJoin(warehouses, eq(warehouses.id, stockAllocations.warehouseId))
    .where(eq(stockAllocations.orderId, orderId))
    .orderBy(desc(stockAllocations.quantity), asc(warehouses.code));
}

/** The products an order still waits for (has a backorder of). */
export async function backorderedProducts(db: DbOrTx, orderId: string): Promise<Set<string>> {
  const rows = await db.select({ productId: stockBackorders.productId }).from(stockBackorders).where(eq(stockBackorders.orderId, orderId));
  return new Set(rows.map((r) => r.productId));
}
