import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { findProductBySku } from "../catalog";
import type { Db } from "../db";
import { AppError } from "../errors";
import { adjustStock } from "./adjust-stock";
import { stockLevels } from "./schema";
import type { TCountStockInput, TStockMovement } from "./schemas";
import type { StockArrivalHandler } from "./stock-arrival";
import { findWarehouseByCode } from "./warehouses";

/** Why a counted difference is booked (the ledger's reason). */
export const COUNT_REASON = "cycle_count";

/**
 * A physical count: on hand becomes what was counted, the difference booked as one `cycle_count` adjustment
 * (adjustStock, in this transaction); a count that matches writes nothing, so counting twice changes nothing.
 * The level is locked while it is compared. A count below what orders hold reserved is refused.
 */
export async function countStock(options: {
  db: Db;
  actor: Actor;
  input: TCountStockInput;
  onStockArrival?: StockArrivalHandler;
}): Promise<{ before: number; difference: number; movement: TStockMovement | null }> {
  const { db, actor, input, onStockArrival } = options;
  return db.transaction(async (tx) => {
    const product = await findProductBySku(tx, input.sku);
    if (!product) throw AppError.invalidField("sku", `no product with SKU "${input.sku}"`);
    const warehouse = await findWarehouseByCode(tx, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
    const [level] = await tx
      .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .where(and(eq(stockLevels.productId, product.id), eq(stockLevels.warehouseId, warehouse.id)))
      .for("update");
    const before = level?.onHand ?? 0;
    const difference = input.counted - before;
    if (difference === 0) return { before, difference, movement: null };
    if (level && input.counted < level.reserved) {
      throw AppError.invalidField("counted", `${input.counted} is below the ${level.reserved} reserved for orders in ${input.warehouse}: release or ship them first`);
    }
    const movement = await adjustStock({
      db: tx,
      actor,
      input: { sku: input.sku, warehouse: input.warehouse, quantity: difference, reason: COUNT_REASON, reference: input.reference },
      onStockArrival,
    });
    return { before, difference, movement };
  });
}
