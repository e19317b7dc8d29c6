import { asc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { openException, resolveOrderExceptions } from "../exceptions";
import { earliestPromise, loadAtpLevels, productLeadTimes, reserveStock } from "../inventory";
import { purchasingSupply } from "../purchasing";
import { allocationRecorder } from "./allocations";
import { recordOrderEvent, type OrderRow } from "./queries";
import { orderLines, orders } from "./schema";
import * as clock from "../clock";

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
    }, allocationRecorder(order.id, line.productId));
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
  if (backorders.length === 0) {
    // Everything is reserved now: nothing left to chase.
    await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "stock_reserved", note: "All lines reserved.", types: ["stockout"] });
  } else {
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
  const today = clock.today();
  if (backorders.length === 0) return today;
  const ids = [...new Set(backorders.map((b) => b.productId))];
  const [levels, leadTimes] = await Promise.all([
    loadAtpLevels(tx, ids, { demandClass, supply: purchasingSupply }),
    productLeadTimes(tx, ids, purchasingSupply),
  ]);
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

