import { eq } from "drizzle-orm";
import { activeExceptionTypes, type ExceptionOrders, isBlocking } from "../exceptions";
import { cancelOrder } from "./cancel-order";
import { keptLine } from "./manual-price";
import { loadOrder, recordOrderEvent, toOrderDto } from "./queries";
import { orderLines, orders } from "./schema";
import type { OrderPlanning } from "./planning-hook";
import type { OrderShipments } from "./shipments-hook";
import { assertTransition } from "./state-machine";
import { updateOrder } from "./update-order";

/** What working an exception does to its order (exceptions/order-hook.ts), in the exception's transaction. */
export function exceptionOrders(shipments: OrderShipments, planning?: OrderPlanning): ExceptionOrders {
  return {
    async reconcileHold(tx, { orderId, actor, note }) {
      const order = await loadOrder(tx, { id: orderId }, { forUpdate: true });
      if (order.status !== "open" && order.status !== "on_hold") return;
      const active = await activeExceptionTypes(tx, orderId);
      const target = active.some(isBlocking) ? "on_hold" : "open";
      if (target === order.status) return;
      assertTransition(order.status, target, "system");
      await tx.update(orders).set({ status: target, version: order.version + 1 }).where(eq(orders.id, orderId));
      await recordOrderEvent(tx, orderId, target === "open" ? "hold_released" : "held", actor, {
        before: { status: order.status },
        after: { status: target },
        note: note ?? null,
        reasons: active.filter(isBlocking),
      });
    },

    async revertPrices(tx, { orderId, actor }) {
      const order = await loadOrder(tx, { id: orderId }, { forUpdate: true });
      const needApproval = new Set(
        (await tx.select({ lineNo: orderLines.lineNo, reason: orderLines.approvalReason }).from(orderLines).where(eq(orderLines.orderId, orderId)))
          .filter((l) => l.reason)
          .map((l) => l.lineNo),
      );
      const dto = await toOrderDto(tx, order);
      const lines = dto.lines.map((l) =>
        needApproval.has(l.lineNo) ? { sku: l.sku, quantity: l.quantity } : keptLine(l),
      );
      await updateOrder({ db: tx, actor, shipments, planning, input: { number: order.number, version: order.version, lines } });
    },

    async cancelOrder(tx, { orderId, actor, reason }) {
      await cancelOrder({ db: tx, actor, shipments, input: { number: (await loadOrder(tx, { id: orderId })).number, reason } });
    },
  };
}
