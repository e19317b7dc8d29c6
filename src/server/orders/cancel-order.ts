import { eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import type { OrderShipments } from "./shipments-hook";
import { resolveOrderExceptions } from "../exceptions";
import { EXCEPTION_TYPES } from "../exceptions/constants";
import { assertVersion, loadOrder, recordOrderEvent, toOrderDto } from "./queries";
import { offerToBackorders } from "./allocate-backorders";
import { releaseDemand } from "../inventory";
import { orderLines, orders } from "./schema";
import type { TOrder } from "./schemas";
import { assertTransition } from "./state-machine";
import * as clock from "../clock";

/**
 * Cancels an order with a reason: shipments that have not left are canceled, its reserved stock is
 * released and its open exceptions close with it. An order with goods already shipped cannot be canceled
 * (cancel or return those shipments first, or close the order to keep what shipped).
 */
export async function cancelOrder(options: {
  db: DbOrTx;
  actor: Actor;
  input: { number: string; reason: string; version?: number };
  shipments: OrderShipments;
}): Promise<TOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const order = await loadOrder(tx, input.number, { forUpdate: true });
    await assertVersion(tx, order, input.version);
    assertTransition(order.status, "canceled", actor.role);
    const [shipped] = await tx
      .select({ units: sql<number>`coalesce(sum(${orderLines.shipped}), 0)`.mapWith(Number) })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id));
    if ((shipped?.units ?? 0) > 0) {
      throw AppError.conflict(
        "ORDER_HAS_SHIPPED",
        `${order.number} has ${shipped!.units} unit${shipped!.units === 1 ? "" : "s"} shipped: cancel or return those shipments first, or close the order to keep what shipped.`,
      );
    }
    await options.shipments.cancelOpen(tx, order, actor, `Order canceled: ${input.reason}`);
    await tx
      .update(orders)
      .set({ status: "canceled", canceledReason: input.reason, canceledAt: clock.now(), version: order.version + 1 })
      .where(eq(orders.id, order.id));
    // Its reserved stock goes back, to waiting backorders first; nothing of it waits on a backorder any more.
    const released = await releaseDemand(tx, { demand: { orderId: order.id, reference: order.number }, actor });
    await tx.update(orderLines).set({ reserved: 0, backordered: 0 }).where(eq(orderLines.orderId, order.id));
    await offerToBackorders(tx, released, order.number, actor);
    await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "order_canceled", note: input.reason, types: EXCEPTION_TYPES });
    await recordOrderEvent(tx, order.id, "canceled", actor, { before: { status: order.status }, after: { status: "canceled" }, reason: input.reason });
    return toOrderDto(tx, await loadOrder(tx, order.number));
  });
}
