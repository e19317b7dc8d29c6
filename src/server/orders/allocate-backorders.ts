import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { resolveOrderExceptions } from "../exceptions";
import { DEMAND_STATUSES, heldBackFrom, stockLevels, stockMovements } from "../inventory";
import { recordOrderEvent } from "./queries";
import { addAllocation, type Released } from "./allocations";
import { orderLines, orders } from "./schema";
import * as clock from "../clock";

export type BackorderAllocation = { orderNumber: string; sku: string; quantity: number };

/**
 * Stock just arrived in a warehouse (a receipt, a transfer): backordered lines of that product take it,
 * oldest order first, in the caller's transaction. Orders someone is editing or canceling right now are
 * skipped (SKIP LOCKED) rather than waited for: their own transaction re-reserves, and waiting here while
 * holding the stock row could deadlock with it.
 */
export async function allocateBackorders(
  tx: DbOrTx,
  input: { productId: string; warehouseId: string; reference: string; actor: Actor },
): Promise<BackorderAllocation[]> {
  const waiting = await tx
    .select({
      lineId: orderLines.id,
      orderId: orders.id,
      orderNumber: orders.number,
      backordered: orderLines.backordered,
      reserved: orderLines.reserved,
      warehouseId: orderLines.warehouseId,
      demandClass: customers.demandClass,
      sku: products.sku,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(and(eq(orderLines.productId, input.productId), gt(orderLines.backordered, 0), inArray(orders.status, [...DEMAND_STATUSES])))
    .orderBy(asc(orders.submittedAt), asc(orders.number), asc(orderLines.lineNo))
    .for("update", { of: orders, skipLocked: true });
  if (waiting.length === 0) return [];

  const [level] = await tx
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.productId, input.productId), eq(stockLevels.warehouseId, input.warehouseId)))
    .for("update");
  if (!level) return [];
  let free = level.onHand - level.reserved;
  const allocated: BackorderAllocation[] = [];
  // What is held back from each class, asked once per class; a class taking stock changes it for the others.
  const heldByClass = new Map<string, number>();
  const heldFrom = async (demandClass: (typeof waiting)[number]["demandClass"]) => {
    if (!heldByClass.has(demandClass)) {
      const [row] = await executeRows<{ quantity: number }>(tx, sql`select ${heldBackFrom(input.productId, input.warehouseId, demandClass)} as quantity`);
      heldByClass.set(demandClass, Number(row?.quantity ?? 0));
    }
    return heldByClass.get(demandClass)!;
  };
  for (const line of waiting) {
    if (free <= 0) break;
    // Stock held back for other demand classes stays out of this customer's reach here too.
    const held = await heldFrom(line.demandClass);
    const take = Math.min(line.backordered, free - held);
    if (take <= 0) continue;
    await tx
      .update(stockLevels)
      .set({ reserved: sql`${stockLevels.reserved} + ${take}` })
      .where(and(eq(stockLevels.productId, input.productId), eq(stockLevels.warehouseId, input.warehouseId)));
    await tx.insert(stockMovements).values({
      productId: input.productId,
      warehouseId: input.warehouseId,
      kind: "reservation",
      quantity: take,
      reason: "backorder",
      reference: line.orderNumber,
      actor: actorLabel(input.actor),
    });
    await addAllocation(tx, line.orderId, input.productId, input.warehouseId, take);
    await tx
      .update(orderLines)
      .set({ reserved: line.reserved + take, backordered: line.backordered - take, warehouseId: line.warehouseId ?? input.warehouseId })
      .where(eq(orderLines.id, line.lineId));
    await recordOrderEvent(tx, line.orderId, "backorder_allocated", input.actor, { sku: line.sku, quantity: take, reference: input.reference });
    free -= take;
    for (const other of [...heldByClass.keys()]) if (other !== line.demandClass) heldByClass.delete(other);
    allocated.push({ orderNumber: line.orderNumber, sku: line.sku, quantity: take });
  }
  // An order with nothing left backordered has no stockout to chase.
  for (const orderId of new Set(waiting.filter((w) => allocated.some((a) => a.orderNumber === w.orderNumber)).map((w) => w.orderId))) {
    const [left] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, orderId), gt(orderLines.backordered, 0)));
    if (left?.n === 0) {
      await resolveOrderExceptions(tx, { orderId, actor: input.actor, resolution: "stock_allocated", note: `Stock arrived (${input.reference}).`, types: ["stockout"] });
      // Fully reserved: it can ship now, so that is its promise.
      await tx.update(orders).set({ promisedDate: clock.today() }).where(eq(orders.id, orderId));
    }
  }
  return allocated;
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
