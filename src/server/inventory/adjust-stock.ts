import type { Actor } from "../auth/actor";
import { findProductBySku } from "../catalog";
import type { Db } from "../db";
import { AppError } from "../errors";
import { currentLevel, moveOnHand } from "./move-stock";
import type { TAdjustStockInput, TStockMovement } from "./schemas";
import type { StockArrivalHandler } from "./stock-arrival";
import { findWarehouseByCode } from "./warehouses";

/**
 * A signed correction of on-hand stock (cycle count, damage, found goods) with its ledger row, in one
 * transaction (moveOnHand: concurrent adjustments and reservations can never take on hand below what
 * is reserved).
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

    const moved = await moveOnHand(tx, {
      productId: product.id,
      warehouseId: warehouse.id,
      quantity: input.quantity,
      kind: "adjustment",
      reason: input.reason,
      reference: input.reference ?? null,
      actor,
    });
    if (!moved) {
      const { onHand, reserved, available } = await currentLevel(tx, product.id, warehouse.id);
      throw AppError.conflict(
        "INSUFFICIENT_STOCK",
        `Cannot remove ${-input.quantity} of ${input.sku} in ${input.warehouse}: only ${available} available ` +
          `(on hand ${onHand}, reserved ${reserved}).`,
        { fields: { quantity: [`at most ${available} can be removed`] } },
      );
    }
    const { movement } = moved;
    let after = { onHand: moved.onHand, reserved: moved.reserved };
    if (input.quantity > 0 && onStockArrival) {
      await onStockArrival(tx, { productId: product.id, warehouseId: warehouse.id, reference: input.reference ?? `adjustment ${movement.id}`, actor });
      // Backorders may have taken some of it: answer with the level as it is now.
      after = await currentLevel(tx, product.id, warehouse.id);
    }
    return {
      id: movement.id,
      sku: input.sku,
      warehouse: input.warehouse,
      kind: movement.kind,
      quantity: movement.quantity,
      reason: movement.reason,
      reference: movement.reference,
      actor: movement.actor,
      createdAt: movement.createdAt.toISOString(),
      onHand: after.onHand,
      reserved: after.reserved,
      available: after.onHand - after.reserved,
    };
  });
}
