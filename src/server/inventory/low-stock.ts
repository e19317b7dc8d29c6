import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { stockLevels, warehouses } from "./schema";

/**
 * The sidebar's low-stock count: stock levels whose available (on hand − reserved) is at or below their
 * reorder point, in active warehouses, for products that are not archived. One aggregate query; the grid's
 * `reorder` filter shows the same levels by SKU.
 */
export async function countLowStock(options: { db: DbOrTx }): Promise<{ count: number }> {
  const [row] = await options.db
    .select({ count: count() })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .where(
      and(
        isNotNull(stockLevels.reorderPoint),
        sql`${stockLevels.onHand} - ${stockLevels.reserved} <= ${stockLevels.reorderPoint}`,
        eq(warehouses.isActive, true),
        isNull(warehouses.archivedAt),
        isNull(products.archivedAt),
      ),
    );
  return { count: row?.count ?? 0 };
}
