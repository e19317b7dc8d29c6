import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { lockStock, releaseReservation } from "../inventory";
import { orderAllocations, orderLines } from "./schema";

/** A stock row some reserved units went back to: waiting backorders may take them next. */
export type Released = { productId: string; warehouseId: string };

/**
 * Records reserved units in the order's allocations from `source` rows `(warehouse_id, quantity)`: one
 * row per order, product and warehouse, added to when it exists. Reservation writes it in the same
 * statement as the take (reserveStock's recordTakes).
 */
export const allocationRecorder = (orderId: string, productId: string) => (source: SQL) =>
  sql`insert into ${orderAllocations} (order_id, product_id, warehouse_id, quantity)
      select ${orderId}::uuid, ${productId}::uuid, warehouse_id, quantity from ${source}
      on conflict (order_id, product_id, warehouse_id) do update set quantity = ${orderAllocations}.quantity + excluded.quantity`;

/** Adds reserved units to the order's allocation in one warehouse. */
export async function addAllocation(tx: DbOrTx, orderId: string, productId: string, warehouseId: string, quantity: number) {
  if (quantity <= 0) return;
  await tx.execute(allocationRecorder(orderId, productId)(sql`(values (${warehouseId}::uuid, ${quantity}::int)) as take(warehouse_id, quantity)`));
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
