import { and, asc, eq, sql } from "drizzle-orm";
import { todayIn } from "~/lib/dates";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { openException } from "../exceptions";
import { earliestPromise, loadAtpLevels, productLeadTimes, releaseReservation, reserveStock } from "../inventory";
import { recordOrderEvent, type OrderRow } from "./queries";
import { orderAllocations, orderLines, orders } from "./schema";

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
 * Reserves what every line of a submitted order still needs (quantity − shipped − reserved) and
 * backorders the rest, then sets the order's promise date: today when everything is reserved, else the
 * date its backorders can be filled (inbound, else the vendor's lead time). Lines are taken in product-id
 * order so that concurrent orders lock stock rows in the same order and never deadlock.
 */
export async function reserveOrder(tx: DbOrTx, order: OrderRow, actor: Actor) {
  const [customer] = await tx.select({ demandClass: customers.demandClass }).from(customers).where(eq(customers.id, order.customerId));
  const lines = await tx
    .select({ line: orderLines, sku: products.sku })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.productId), asc(orderLines.lineNo));

  const backorders: { sku: string; productId: string; warehouseId: string | null; quantity: number }[] = [];
  for (const { line, sku } of lines) {
    const need = line.quantity - line.shipped - line.reserved;
    if (need <= 0) {
      if (line.backordered !== 0) await tx.update(orderLines).set({ backordered: 0 }).where(eq(orderLines.id, line.id));
      continue;
    }
    const plan = await reserveStock(tx, {
      productId: line.productId,
      quantity: need,
      region: order.shipTo?.region || null,
      demandClass: customer!.demandClass,
      reference: order.number,
      actor,
    });
    for (const take of plan.takes) await addAllocation(tx, order.id, line.productId, take.warehouseId, take.quantity);
    const taken = need - plan.short;
    const warehouseId = line.warehouseId ?? plan.homeWarehouseId;
    await tx
      .update(orderLines)
      .set({ reserved: line.reserved + taken, backordered: plan.short, warehouseId })
      .where(eq(orderLines.id, line.id));
    if (plan.short > 0) backorders.push({ sku, productId: line.productId, warehouseId, quantity: plan.short });
  }

  const promisedDate = await promiseDateFor(tx, backorders, customer!.demandClass);
  if (promisedDate !== order.promisedDate) await tx.update(orders).set({ promisedDate }).where(eq(orders.id, order.id));
  if (backorders.length > 0) {
    const summary = backorders.map((b) => `${b.quantity} × ${b.sku}`).join(", ");
    await recordOrderEvent(tx, order.id, "backordered", actor, { backordered: summary, promisedDate });
    await openException(tx, {
      type: "stockout",
      orderId: order.id,
      customerId: order.customerId,
      severity: "medium",
      actor,
      reason: `Backordered: ${summary}; promised for ${promisedDate}.`,
      details: { lines: backorders.map((b) => ({ sku: b.sku, quantity: b.quantity })) },
    });
  }
  return { backorders, promisedDate };
}

/**
 * The date every backorder of the order can be filled. Backorders are served oldest first, so this
 * order's own backorder is last in line: it is left out of the demand ahead of it.
 */
async function promiseDateFor(tx: DbOrTx, backorders: { productId: string; warehouseId: string | null; quantity: number }[], demandClass: "A" | "B" | "C") {
  const today = todayIn();
  if (backorders.length === 0) return today;
  const ids = [...new Set(backorders.map((b) => b.productId))];
  const [levels, leadTimes] = await Promise.all([loadAtpLevels(tx, ids, { demandClass }), productLeadTimes(tx, ids)]);
  let latest = today;
  for (const b of backorders) {
    const mine = (levels.get(b.productId) ?? []).map((w, i, all) => {
      const isHome = b.warehouseId ? w.warehouseId === b.warehouseId : i === 0 && all.length > 0;
      return isHome ? { ...w.level, backordered: Math.max(0, w.level.backordered - b.quantity) } : w.level;
    });
    const promise = earliestPromise(b.quantity, mine, today, leadTimes.get(b.productId) ?? 14);
    if (promise.date > latest) latest = promise.date;
  }
  return latest;
}

/**
 * Gives back `quantity` reserved units of a product from the order's allocations (the smallest first, so
 * a split line collapses towards its main warehouse), with "release" ledger rows.
 */
export async function releaseAllocations(tx: DbOrTx, order: { id: string; number: string }, productId: string, quantity: number, actor: Actor) {
  if (quantity <= 0) return;
  const allocations = await tx
    .select()
    .from(orderAllocations)
    .where(and(eq(orderAllocations.orderId, order.id), eq(orderAllocations.productId, productId)))
    .orderBy(asc(orderAllocations.quantity), asc(orderAllocations.warehouseId));
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
  }
  if (remaining > 0) throw new Error(`${order.number} has ${quantity - remaining} of the ${quantity} units to release allocated`);
}

/** Releases everything the order holds (cancel). */
export async function releaseOrder(tx: DbOrTx, order: { id: string; number: string }, actor: Actor) {
  const allocations = await tx.select().from(orderAllocations).where(eq(orderAllocations.orderId, order.id)).orderBy(asc(orderAllocations.productId));
  for (const a of allocations) {
    await releaseReservation(tx, { productId: a.productId, warehouseId: a.warehouseId, quantity: a.quantity, reference: order.number, actor });
  }
  await tx.delete(orderAllocations).where(eq(orderAllocations.orderId, order.id));
  await tx.update(orderLines).set({ reserved: 0, backordered: 0 }).where(eq(orderLines.orderId, order.id));
}
