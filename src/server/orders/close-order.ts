import { asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { resolveOrderExceptions } from "../exceptions";
import { releaseDemand } from "../inventory";
import { roundHalfUp } from "~/lib/money";
import { offerToBackorders } from "./allocate-backorders";
import { fulfillmentStatusOf } from "./fulfillment-status";
import { assertVersion, loadOrder, recordOrderEvent, toOrderDto } from "./queries";
import { orderLines, orders } from "./schema";
import type { TOrder } from "./schemas";
import type { OrderShipments } from "./shipments-hook";

/**
 * "Ship what we have, cancel the rest": a partly shipped order keeps what shipped and drops the rest.
 * Shipments that have not left are canceled, what was still reserved or backordered is released (to
 * waiting backorders first), each line comes down to what shipped — its discount and tax in proportion,
 * rounded half-up — and a line that shipped nothing goes. The order stays open until it is billed.
 */
export async function closeOrder(options: { db: Db; actor: Actor; input: { number: string; reason: string; version?: number }; shipments: OrderShipments }): Promise<TOrder> {
  const { db, actor, input, shipments } = options;
  const closed = await db.transaction(async (tx) => {
    const order = await loadOrder(tx, input.number, { forUpdate: true });
    await assertVersion(tx, order, input.version);
    if (order.kind !== "order" || (order.status !== "open" && order.status !== "on_hold")) {
      throw new AppError("conflict", "ORDER_NOT_CLOSABLE", `Only an open or held order can be closed; ${order.number} is ${order.status}.`, { status: order.status });
    }
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.lineNo));
    if (lines.every((l) => l.shipped === 0)) {
      throw new AppError("conflict", "NOTHING_SHIPPED", `Nothing of ${order.number} has shipped: cancel it instead.`);
    }
    if (lines.every((l) => l.shipped >= l.quantity)) {
      throw new AppError("conflict", "NOTHING_TO_CLOSE", `Everything on ${order.number} has shipped: there is nothing left to cancel.`);
    }
    await shipments.cancelOpen(tx, order, actor, `Order closed: ${input.reason}`);
    const released = await releaseDemand(tx, { demand: { orderId: order.id, reference: order.number }, actor });

    const kept = lines.filter((l) => l.shipped > 0);
    const dropped = lines.filter((l) => l.shipped === 0);
    if (dropped.some((l) => l.invoiced > 0)) throw new AppError("conflict", "LINE_INVOICED", `A line of ${order.number} was invoiced but not shipped: credit it before closing.`);
    const after = kept.map((l) => {
      const share = l.shipped / l.quantity;
      const discount = roundHalfUp(l.discount * share);
      return { ...l, quantity: l.shipped, discount, tax: roundHalfUp(l.tax * share), lineTotal: l.shipped * l.unitPrice - discount };
    });
    for (const l of after) {
      await tx
        .update(orderLines)
        .set({ quantity: l.quantity, discount: l.discount, tax: l.tax, lineTotal: l.lineTotal, reserved: 0, backordered: 0 })
        .where(eq(orderLines.id, l.id));
    }
    if (dropped.length > 0) await tx.delete(orderLines).where(inArray(orderLines.id, dropped.map((l) => l.id)));
    const subtotal = after.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    const discountTotal = after.reduce((sum, l) => sum + l.discount, 0);
    const taxTotal = after.reduce((sum, l) => sum + l.tax, 0);
    const [updated] = await tx
      .update(orders)
      .set({
        subtotal,
        discountTotal,
        taxTotal,
        total: subtotal - discountTotal + taxTotal + order.shippingTotal,
        fulfillmentStatus: fulfillmentStatusOf(after, await shipments.allDelivered(tx, order.id)),
        version: order.version + 1,
      })
      .where(eq(orders.id, order.id))
      .returning();
    await offerToBackorders(tx, released, order.number, actor);
    await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "order_closed", note: input.reason, types: ["stockout"] });
    await recordOrderEvent(tx, order.id, "closed", actor, {
      reason: input.reason,
      before: { total: order.total, lines: lines.length, units: lines.reduce((sum, l) => sum + l.quantity, 0) },
      after: { total: updated!.total, lines: after.length, units: after.reduce((sum, l) => sum + l.quantity, 0) },
      linesDropped: dropped.length,
    });
    return updated!;
  });
  return toOrderDto(db, closed);
}
