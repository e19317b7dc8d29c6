import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { resolveOrderExceptions } from "../exceptions";
import { fillBackorders, type BackorderFill, type LockDemands, type Released } from "../inventory";
import { LIVE_ORDER_STATUSES } from "./constants";
import { recordOrderEvent } from "./queries";
import { orderLines, orders } from "./schema";

export type BackorderAllocation = { orderNumber: string; sku: string; quantity: number };

/**
 * Live orders among these that nobody is changing right now, locked for the rest of the transaction.
 * Orders being edited or canceled are skipped (SKIP LOCKED) rather than waited for: their own transaction
 * re-reserves, and waiting while the caller holds a stock row could deadlock with it.
 */
const lockLiveOrders: LockDemands = async (tx, orderIds) => {
  const rows = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(inArray(orders.id, orderIds), inArray(orders.status, [...LIVE_ORDER_STATUSES])))
    .orderBy(asc(orders.id))
    .for("update", { skipLocked: true });
  return rows.map((r) => r.id);
};

/**
 * Stock just arrived in a warehouse (a receipt, a transfer, an adjustment, stock another order gave back):
 * inventory hands it to the oldest backorders of that product, and each order that got some records it
 * on its lines and timeline; one with nothing left backordered has no stockout left to chase and can ship
 * today. Runs in the caller's transaction (the StockArrivalHandler of receipts, transfers and adjustments).
 */
export async function allocateBackorders(
  tx: DbOrTx,
  input: { productId: string; warehouseId: string; reference: string; actor: Actor },
): Promise<BackorderAllocation[]> {
  const fills = await fillBackorders(tx, { productId: input.productId, warehouseId: input.warehouseId, actor: input.actor, lockDemands: lockLiveOrders });
  if (fills.length === 0) return [];
  const [product] = await tx.select({ sku: products.sku }).from(products).where(eq(products.id, input.productId));
  for (const fill of fills) {
    await applyFill(tx, fill);
    await recordOrderEvent(tx, fill.orderId, "backorder_allocated", input.actor, { sku: product!.sku, quantity: fill.quantity, reference: input.reference });
    if (fill.stillShort > 0) continue;
    const [left] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, fill.orderId), gt(orderLines.backordered, 0)));
    if (left?.n === 0) {
      await resolveOrderExceptions(tx, { orderId: fill.orderId, actor: input.actor, resolution: "stock_allocated", note: `Stock arrived (${input.reference}).`, types: ["stockout"] });
      // Fully reserved: it can ship now, so that is its promise.
      await tx.update(orders).set({ promisedDate: clock.today() }).where(eq(orders.id, fill.orderId));
    }
  }
  return fills.map((f) => ({ orderNumber: f.reference, sku: product!.sku, quantity: f.quantity }));
}

/** The order's lines of the product take the filled units: backordered becomes reserved, first line first. */
async function applyFill(tx: DbOrTx, fill: BackorderFill) {
  const lines = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, fill.orderId), eq(orderLines.productId, fill.productId), gt(orderLines.backordered, 0)))
    .orderBy(asc(orderLines.lineNo));
  let left = fill.quantity;
  for (const line of lines) {
    if (left === 0) break;
    const take = Math.min(left, line.backordered);
    await tx
      .update(orderLines)
      .set({ reserved: line.reserved + take, backordered: line.backordered - take, warehouseId: line.warehouseId ?? fill.warehouseId })
      .where(eq(orderLines.id, line.id));
    left -= take;
  }
}

/** Stock a cancel or a shorter line gave back goes to waiting backorders first, oldest order first. */
export async function offerToBackorders(tx: DbOrTx, released: Released[], reference: string, actor: Actor) {
  const seen = new Set<string>();
  const sorted = [...released].sort((a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId));
  for (const r of sorted) {
    const key = `${r.productId}:${r.warehouseId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await allocateBackorders(tx, { ...r, reference, actor });
  }
}
