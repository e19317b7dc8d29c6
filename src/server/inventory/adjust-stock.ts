import { and, eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import { findProductBySku } from "../catalog";
import type { Db } from "../db";
import { AppError } from "../errors";
import { stockLevels, stockMovements } from "./schema";
import type { TAdjustStockInput, TStockMovement } from "./schemas";
import type { StockArrivalHandler } from "./stock-arrival";
import { findWarehouseByCode } from "./warehouses";

/**
 * A signed correction of on-hand stock (cycle count, damage, found goods) with its ledger row, in one
 * transaction. One guarded statement changes the level, so concurrent adjustments and reservations can
 * never take on hand below what is reserved.
 */
export async function adjustStock(options: {
  db: Db;
  actor: Actor;
  input: TAdjustStockInput;
  /** Found stock goes to waiting backorders first (orders' allocateBackorders). */
  onStockArrival?: StockArrivalHandler;
}): Promise<TStockMovement> {
  const { db, actor, input, onStockArrival } = options;
  return db.transaction(async (tx) => {
    const product = await findProductBySku(tx, input.sku);
    if (!product) throw AppError.invalidField("sku", `no product with SKU "${input.sku}"`);
    const warehouse = await findWarehouseByCode(tx, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);

    // Make sure the level row exists, then change it only if the result keeps on hand ≥ reserved ≥ 0.
    await tx.insert(stockLevels).values({ productId: product.id, warehouseId: warehouse.id }).onConflictDoNothing();
    const [level] = await tx
      .update(stockLevels)
      .set({ onHand: sql`${stockLevels.onHand} + ${input.quantity}` })
      .where(
        and(
          eq(stockLevels.productId, product.id),
          eq(stockLevels.warehouseId, warehouse.id),
          sql`${stockLevels.onHand} + ${input.quantity} >= ${stockLevels.reserved}`,
        ),
      )
      .returning();
    if (!level) {
      const [current] = await tx
        .select()
        .from(stockLevels)
        .where(and(eq(stockLevels.productId, product.id), eq(stockLevels.warehouseId, warehouse.id)));
      const available = (current?.onHand ?? 0) - (current?.reserved ?? 0);
      throw AppError.conflict(
        "INSUFFICIENT_STOCK",
        `quantity: cannot remove ${-input.quantity} of ${input.sku} in ${input.warehouse}: only ${available} available ` +
          `(on hand ${current?.onHand ?? 0}, reserved ${current?.reserved ?? 0}).`,
        { fields: { quantity: [`at most ${available} can be removed`] } },
      );
    }
    const [movement] = await tx
      .insert(stockMovements)
      .values({
        productId: product.id,
        warehouseId: warehouse.id,
        kind: "adjustment",
        quantity: input.quantity,
        reason: input.reason,
        reference: input.reference ?? null,
        actor: actorLabel(actor),
      })
      .returning();
    if (input.quantity > 0 && onStockArrival) {
      await onStockArrival(tx, { productId: product.id, warehouseId: warehouse.id, reference: input.reference ?? `adjustment ${movement!.id}`, actor });
    }
    const [after] = await tx
      .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .where(and(eq(stockLevels.productId, product.id), eq(stockLevels.warehouseId, warehouse.id)));
    return {
      id: movement!.id,
      sku: input.sku,
      warehouse: input.warehouse,
      kind: movement!.kind,
      quantity: movement!.quantity,
      reason: movement!.reason,
      reference: movement!.reference,
      actor: movement!.actor,
      createdAt: movement!.createdAt.toISOString(),
      onHand: after!.onHand,
      reserved: after!.reserved,
      available: after!.onHand - after!.reserved,
    };
  });
}
