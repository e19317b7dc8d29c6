import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { lockStock, releaseReservation } from "../inventory";
import { orderAllocations, orderLines } from "./schema";

/** A stock row some reserved units went back to: waiting backorders may take them next. */
export type Released = { productId: string; warehouseId: string };

/** Adds reserved units to the order's allocation in one warehouse (one row per order, product, warehouse). */
export async function addAllocation(tx: DbOrTx, orderId: string, productId: string, warehouseId: string, quantity: number) {
  if (quantity <= 0) return;
  await tx
    .insert(orderAllocations)
    .values({ orderId, productId, warehouseId, quantity })
    .onConflictDoUpdate({
      target: [orderAllocations.orderId, orderAllocations.productId, orderAllocations.warehouseId],
      set: { quantity: sql`${orderAllocations.quantity} + excluded.quantity` },
    });
}

/**
 * Gives back `quantity` reserved units of a product from the order's allocations (the smallest first, so
 * a split line collapses towards its main warehouse), with "release" ledger rows.
 */
export async function releaseAllocations(
  tx: DbOrTx,
  order: { id: string; number: string },
  productId: string,
  quantity: number,
  actor: Actor,
): Promise<Released[]> {
  if (quantity <= 0) return [];
  // The product's rows are locked in the global order first; releasing smallest-first then cannot deadlock.
  await lockStock(tx, [productId]);
  const allocations = await tx
    .select()
    .from(orderAllocations)
    .where(and(eq(orderAllocations.orderId, order.id), eq(orderAllocations.productId, productId)))
    .orderBy(asc(orderAllocations.quantity), asc(orderAllocations.warehouseId));
  const released: Released[] = [];
  let remaining = quantity;
  for (const allocation of allocations) {
    if (remaining === 0) break;
    const give = Math.min(allocation.quantity, remaining);
    await releaseReservation(tx, { productId, warehouseId: allocation.warehouseId, quantity: give, reference: order.number, actor });
    const where = and(
      eq(orderAllocations.orderId, order.id),
      eq(orderAllocations.productId, productId),
      eq(orderAllocations.warehouseId, allocation.warehouseId),
    );
    if (give === allocation.quantity) await tx.delete(orderAllocations).where(where);
    else await tx.update(orderAllocations).set({ quantity: allocation.quantity - give }).where(where);
    remaining -= give;
    released.push({ productId, warehouseId: allocation.warehouseId });
  }
  if (remaining > 0) throw new Error(`${order.number} has ${quantity - remaining} of the ${quantity} units to release allocated`);
  return released;
}

/** Releases everything the order holds (cancel), locking its stock rows in the global order first. */
export async function releaseOrder(tx: DbOrTx, order: { id: string; number: string }, actor: Actor): Promise<Released[]> {
  const allocations = await tx
    .select()
    .from(orderAllocations)
    .where(eq(orderAllocations.orderId, order.id))
    .orderBy(asc(orderAllocations.productId), asc(orderAllocations.warehouseId));
  await lockStock(tx, allocations.map((a) => a.productId));
  for (const a of allocations) {
    await releaseReservation(tx, { productId: a.productId, warehouseId: a.warehouseId, quantity: a.quantity, reference: order.number, actor });
  }
  await tx.delete(orderAllocations).where(eq(orderAllocations.orderId, order.id));
  await tx.update(orderLines).set({ reserved: 0, backordered: 0 }).where(eq(orderLines.orderId, order.id));
  return allocations.map(({ productId, warehouseId }) => ({ productId, warehouseId }));
}
