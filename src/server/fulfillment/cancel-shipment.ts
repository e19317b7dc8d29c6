import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { reverseShipmentInvoice } from "../billing";
import { lockStock, returnToStock } from "../inventory";
import { AppError } from "../errors";
import { loadOrderCustomerClass, loadOrderForFulfillment, recordOrderEvents, recordShipment, type OrderShipments } from "../orders";
import { completePickListIfDone } from "./create-pick-list";
import { OPEN_SHIPMENT_STATUSES } from "./constants";
import { planInTx } from "./plan-shipments";
import { aggregateByLevel, allShipmentsDelivered, isShipped, lockShipmentWithOrder, toShipmentDto, type ShipmentRow } from "./queries";
import { shipmentLines, shipments } from "./schema";
import type { TCancelShipmentInput, TShipment } from "./schemas";
import { assertShipmentTransition } from "./shipment-states";

/**
 * Cancels a shipment with a reason. Before it left, its units simply stay reserved for the order (they
 * never left the reservation). After it left — it came back unopened — its units are restocked through the
 * ledger and reserved for the order again, the order's lines count them as not shipped, and its invoice is
 * voided (or credited, when money was applied to it).
 */
export async function cancelShipment(options: { db: Db; actor: Actor; input: TCancelShipmentInput }): Promise<TShipment> {
  const { db, actor, input } = options;
  const row = await db.transaction(async (tx) => {
    const { shipment, order, lines } = await lockShipmentWithOrder(tx, input.id);
    if (shipment.status === "canceled") return shipment;
    assertShipmentTransition(shipment.number, shipment.status, "canceled");
    if (isShipped(shipment.status)) {
      const shipLines = await tx.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, shipment.id));
      const back = shipLines.map((l) => ({ ...l, units: l.picked ?? l.quantity })).filter((l) => l.units > 0);
      await lockStock(tx, lines.map(({ line }) => line.productId));
      const demandClass = await loadOrderCustomerClass(tx, order.customerId);
      await returnToStock(tx, {
        demand: { orderId: order.id, reference: order.number, demandClass, queuedAt: order.submittedAt ?? order.createdAt },
        lines: aggregateByLevel(back.map((l) => ({ productId: l.productId, warehouseId: shipment.warehouseId, quantity: l.units }))),
        actor,
        reason: `${shipment.number} came back`,
      });
      const canceled = await markCanceled(tx, shipment, input.reason);
      await recordShipment(tx, {
        orderId: order.id,
        lines: back.map((l) => ({ orderLineId: l.orderLineId, quantity: l.units })),
        direction: -1,
        allShipmentsDelivered: await allShipmentsDelivered(tx, order.id),
        actor,
        event: { type: "shipment_returned", data: { shipment: shipment.number, reason: input.reason, units: back.reduce((sum, l) => sum + l.units, 0) } },
      });
      await reverseShipmentInvoice(tx, { orderId: order.id, shipmentNumber: shipment.number, actor, reason: input.reason });
      return canceled;
    }
    const canceled = await markCanceled(tx, shipment, input.reason);
    await recordOrderEvents(tx, order.id, actor, [{ type: "shipment_canceled", data: { shipment: shipment.number, reason: input.reason } }]);
    return canceled;
  });
  return toShipmentDto(db, row);
}

async function markCanceled(tx: DbOrTx, shipment: ShipmentRow, reason: string) {
  const [row] = await tx
    .update(shipments)
    .set({ status: "canceled", canceledAt: clock.now(), canceledReason: reason, version: shipment.version + 1 })
    .where(eq(shipments.id, shipment.id))
    .returning();
  await completePickListIfDone(tx, shipment.pickListId);
  return row!;
}

/**
 * What orders calls when an order is canceled or changed: its shipments that have not left are canceled
 * (the warehouse sees them canceled on its pick lists); their units stay reserved for the order.
 */
export const orderShipments: OrderShipments = {
  async cancelOpen(tx, order, actor, reason, options = {}) {
    const open = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.orderId, order.id), inArray(shipments.status, [...OPEN_SHIPMENT_STATUSES])))
      .orderBy(shipments.number)
      .for("update");
    for (const shipment of open) await markCanceled(tx, shipment, reason);
    if (open.length > 0 && !options.holdEvents) {
      await recordOrderEvents(tx, order.id, actor, open.map((s) => ({ type: "shipment_canceled", data: { shipment: s.number, reason } })));
    }
    return open.map((s) => s.number);
  },
  async replan(tx, orderId, actor) {
    const loaded = await loadOrderForFulfillment(tx, { id: orderId });
    if (!loaded || loaded.order.status !== "open") return [];
    try {
      return (await planInTx(tx, loaded, actor, { holdEvents: true })).map((s) => s.number);
    } catch (error) {
      // Nothing reserved is waiting (all of it backordered): the warehouse plans when stock arrives.
      if (error instanceof AppError && error.code === "NOTHING_TO_PLAN") return [];
      throw error;
    }
  },
  allDelivered: allShipmentsDelivered,
};
