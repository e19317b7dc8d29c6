import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { findProductBySku } from "../catalog";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { stockLevels } from "./schema";
import type { TReorderPoint, TSetReorderPointInput } from "./schemas";
import { findWarehouseByCode } from "./warehouses";

/**
 * Sets (or clears, with null) the reorder point and reorder quantity of a SKU in a warehouse: replenishment
 * suggests buying the quantity when the stock position falls to the point. Creates the stock level when the
 * SKU has none there yet (on hand 0); never touches on hand or reserved. Audited, in one transaction.
 */
export async function setReorderPoint(options: { db: Db; actor: Actor; input: TSetReorderPointInput }): Promise<TReorderPoint> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const product = await findProductBySku(tx, input.sku);
    if (!product) throw AppError.invalidField("sku", `no product with SKU "${input.sku}"`);
    const warehouse = await findWarehouseByCode(tx, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);

    await tx.insert(stockLevels).values({ productId: product.id, warehouseId: warehouse.id }).onConflictDoNothing();
    const key = and(eq(stockLevels.productId, product.id), eq(stockLevels.warehouseId, warehouse.id));
    const [before] = await tx
      .select({ reorderPoint: stockLevels.reorderPoint, reorderQuantity: stockLevels.reorderQuantity })
      .from(stockLevels)
      .where(key)
      .for("update");
    const after = { reorderPoint: input.reorderPoint, reorderQuantity: input.reorderPoint === null ? null : input.reorderQuantity };
    await tx.update(stockLevels).set(after).where(key);
    if (before?.reorderPoint !== after.reorderPoint || before?.reorderQuantity !== after.reorderQuantity) {
      await recordAudit(tx, {
        entityType: "reorder_point",
        entityId: `${input.sku}@${input.warehouse}`,
        action: after.reorderPoint === null ? "cleared" : "set",
        actor,
        before: { sku: input.sku, warehouse: input.warehouse, ...before },
        after: { sku: input.sku, warehouse: input.warehouse, ...after },
      });
    }
    return { sku: product.sku, warehouse: warehouse.code, ...after };
  });
}
