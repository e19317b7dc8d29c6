import { and, eq } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import { findProductBySku } from "../catalog";
import { DEMAND_CLASSES } from "../customers/constants";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { stockHoldbacks } from "./schema";
import type { THeldBackByClass, THoldbacks, TSetHoldbackInput } from "./schemas";
import { findWarehouseByCode } from "./warehouses";
import * as clock from "../clock";

/** Hold-backs per demand class of one product in one warehouse (0 for classes without one). */
export async function heldBackByClass(db: DbOrTx, productId: string, warehouseId: string): Promise<THeldBackByClass> {
  const rows = await db
    .select({ demandClass: stockHoldbacks.demandClass, quantity: stockHoldbacks.quantity })
    .from(stockHoldbacks)
    .where(and(eq(stockHoldbacks.productId, productId), eq(stockHoldbacks.warehouseId, warehouseId)));
  return toByClass(rows);
}

export function toByClass(rows: { demandClass: (typeof DEMAND_CLASSES)[number]; quantity: number }[]): THeldBackByClass {
  const byClass: THeldBackByClass = { A: 0, B: 0, C: 0 };
  for (const row of rows) byClass[row.demandClass] += row.quantity;
  return byClass;
}

/**
 * Keeps `quantity` units of a SKU in a warehouse for one demand class (customers of other classes see them
 * as unavailable); 0 clears it. One upsert (or delete) and its audit row, in one transaction. A hold-back
 * may exceed what is on hand: it is a policy, and ATP never goes below zero.
 */
export async function setHoldback(options: { db: Db; actor: Actor; input: TSetHoldbackInput }): Promise<THoldbacks> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const product = await findProductBySku(tx, input.sku);
    if (!product) throw AppError.invalidField("sku", `no product with SKU "${input.sku}"`);
    const warehouse = await findWarehouseByCode(tx, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);

    const key = and(
      eq(stockHoldbacks.productId, product.id),
      eq(stockHoldbacks.warehouseId, warehouse.id),
      eq(stockHoldbacks.demandClass, input.demandClass),
    );
    const [before] = await tx.select({ quantity: stockHoldbacks.quantity }).from(stockHoldbacks).where(key).for("update");
    if (input.quantity === 0) {
      await tx.delete(stockHoldbacks).where(key);
    } else {
      await tx
        .insert(stockHoldbacks)
        .values({
          productId: product.id,
          warehouseId: warehouse.id,
          demandClass: input.demandClass,
          quantity: input.quantity,
          updatedBy: actorLabel(actor),
        })
        .onConflictDoUpdate({
          target: [stockHoldbacks.productId, stockHoldbacks.warehouseId, stockHoldbacks.demandClass],
          set: { quantity: input.quantity, updatedBy: actorLabel(actor), updatedAt: clock.now() },
        });
    }
    const beforeQuantity = before?.quantity ?? 0;
    if (beforeQuantity !== input.quantity) {
      await recordAudit(tx, {
        entityType: "stock_holdback",
        entityId: `${input.sku}@${input.warehouse}/${input.demandClass}`,
        action: input.quantity === 0 ? "cleared" : before ? "updated" : "created",
        actor,
        before: { sku: input.sku, warehouse: input.warehouse, demandClass: input.demandClass, quantity: beforeQuantity },
        after: { sku: input.sku, warehouse: input.warehouse, demandClass: input.demandClass, quantity: input.quantity },
      });
    }
    return { sku: product.sku, warehouse: warehouse.code, heldBack: await heldBackByClass(tx, product.id, warehouse.id) };
  });
}
