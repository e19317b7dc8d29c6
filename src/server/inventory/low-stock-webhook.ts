import { and, eq, isNotNull, sql } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { recordWebhookEvent, webhookWanted } from "../integration";
import { stockLevels, warehouses } from "./schema";

export type AvailableDecrease = { productId: string; warehouseId: string; quantity: number };

/**
 * stock.low: a level whose available (on hand − reserved) this change took from above its reorder point to at
 * or below it (the same test as the sidebar's count). Asked only when someone subscribed to stock.low, so the
 * reservation path pays nothing more otherwise.
 */
export async function recordLowStock(tx: DbOrTx, decreases: AvailableDecrease[]) {
  const changed = decreases.filter((d) => d.quantity > 0);
  if (changed.length === 0 || !(await webhookWanted(tx, "stock.low"))) return;
  const keys = sql.join(changed.map((d) => sql`(${d.productId}::uuid, ${d.warehouseId}::uuid, ${d.quantity}::int)`), sql`, `);
  const crossed = await tx
    .select({
      sku: products.sku,
      productName: products.name,
      warehouse: warehouses.code,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
      reorderPoint: stockLevels.reorderPoint,
      reorderQuantity: stockLevels.reorderQuantity,
    })
    .from(stockLevels)
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .innerJoin(sql`(values ${keys}) as d(product_id, warehouse_id, quantity)`, sql`d.product_id = ${stockLevels.productId} and d.warehouse_id = ${stockLevels.warehouseId}`)
    .where(
      and(
        isNotNull(stockLevels.reorderPoint),
        sql`${stockLevels.onHand} - ${stockLevels.reserved} <= ${stockLevels.reorderPoint}`,
        sql`${stockLevels.onHand} - ${stockLevels.reserved} + d.quantity > ${stockLevels.reorderPoint}`,
      ),
    );
  for (const level of crossed) {
    await recordWebhookEvent(tx, {
      type: "stock.low",
      orderingKey: `stock:${level.sku}@${level.warehouse}`,
      data: { ...level, available: level.onHand - level.reserved },
    });
  }
}
