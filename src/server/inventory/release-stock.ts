import { and, asc, eq, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { lockStock } from "./lock-stock";
import { stockAllocations, stockBackorders, stockLevels, stockMovements } from "./schema";

/** A stock row some reserved units went back to: waiting backorders may take them next. */
export type Released = { productId: string; warehouseId: string };

type Demand = { orderId: string; reference: string };

/**
 * Gives back `quantity` reserved units of a product from the demand's allocations (the smallest first,
 * so a split line collapses towards its main warehouse), each with its "release" ledger row, in the
 * caller's transaction. The product's rows are locked in the global order first, so this cannot deadlock
 * with a reservation.
 */
export async function releaseStock(tx: DbOrTx, input: { demand: Demand; productId: string; quantity: number; actor: Actor }): Promise<Released[]> {
  const { demand, productId, quantity, actor } = input;
  if (quantity <= 0) return [];
  await lockStock(tx, [productId]);
  const allocations = await tx
    .select()
    .from(stockAllocations)
    .where(and(eq(stockAllocations.orderId, demand.orderId), eq(stockAllocations.productId, productId)))
    .orderBy(asc(stockAllocations.quantity), asc(stockAllocations.warehouseId));
  const released: Released[] = [];
  let remaining = quantity;
  for (const allocation of allocations) {
    if (remaining === 0) break;
    const give = Math.min(allocation.quantity, remaining);
    await giveBack(tx, { productId, warehouseId: allocation.warehouseId, quantity: give, reference: demand.reference, actor });
    const where = and(
      eq(stockAllocations.orderId, demand.orderId),
      eq(stockAllocations.productId, productId),
      eq(stockAllocations.warehouseId, allocation.warehouseId),
    );
    if (give === allocation.quantity) await tx.delete(stockAllocations).where(where);
    else await tx.update(stockAllocations).set({ quantity: allocation.quantity - give }).where(where);
    remaining -= give;
    released.push({ productId, warehouseId: allocation.warehouseId });
  }
  if (remaining > 0) throw new Error(`${demand.reference} has ${quantity - remaining} of the ${quantity} units to release allocated`);
  return released;
}

/** Ends a demand (a canceled order): every reserved unit goes back and nothing waits as a backorder. */
export async function releaseDemand(tx: DbOrTx, input: { demand: Demand; actor: Actor }): Promise<Released[]> {
  const { demand, actor } = input;
  const allocations = await tx
    .select()
    .from(stockAllocations)
    .where(eq(stockAllocations.orderId, demand.orderId))
    .orderBy(asc(stockAllocations.productId), asc(stockAllocations.warehouseId));
  await lockStock(tx, allocations.map((a) => a.productId));
  for (const a of allocations) {
    await giveBack(tx, { productId: a.productId, warehouseId: a.warehouseId, quantity: a.quantity, reference: demand.reference, actor });
  }
  await tx.delete(stockAllocations).where(eq(stockAllocations.orderId, demand.orderId));
  await tx.delete(stockBackorders).where(eq(stockBackorders.orderId, demand.orderId));
  return allocations.map(({ productId, warehouseId }) => ({ productId, warehouseId }));
}

/** One guarded statement (reserved never below zero) plus its "release" ledger row. */
async function giveBack(tx: DbOrTx, input: { productId: string; warehouseId: string; quantity: number; reference: string; actor: Actor }) {
  const updated = await tx
    .update(stockLevels)
    .set({ reserved: sql`${stockLevels.reserved} - ${input.quantity}` })
    .where(
      and(
        eq(stockLevels.productId, input.productId),
        eq(stockLevels.warehouseId, input.warehouseId),
        sql`${stockLevels.reserved} >= ${input.quantity}`,
      ),
    )
    .returning({ reserved: stockLevels.reserved });
  if (updated.length === 0) throw new Error(`Cannot release ${input.quantity} reserved for ${input.reference}: the stock level holds less`);
  await tx.insert(stockMovements).values({
    productId: input.productId,
    warehouseId: input.warehouseId,
    kind: "release",
    quantity: input.quantity,
    reason: "order",
    reference: input.reference,
    actor: actorLabel(input.actor),
    createdAt: clock.now(),
  });
}
