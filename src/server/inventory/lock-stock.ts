import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { stockLevels } from "./schema";

/**
 * Locks every stock row of these products, in the one global order (product id, then warehouse id) that
 * reservation also follows. A change that releases and re-reserves several products (an order edit, a
 * cancel) takes all its locks up front this way, so it can never deadlock with a submission.
 */
export async function lockStock(tx: DbOrTx, productIds: string[]) {
  if (productIds.length === 0) return;
  await tx
    .select({ productId: stockLevels.productId })
    .from(stockLevels)
    .where(inArray(stockLevels.productId, [...new Set(productIds)]))
    .orderBy(stockLevels.productId, stockLevels.warehouseId)
    .for("update");
}
