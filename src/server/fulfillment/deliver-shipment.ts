import { eq } from "drizzle-orm";
import { recordWebhookEvent } from "../integration";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { openException, resolveOrderExceptions } from "../exceptions";
import { recordDelivery } from "../orders";
import { notifyCustomer } from "./notify-customer";
import { allShipmentsDelivered, lockShipmentWithOrder, toShipmentDto } from "./queries";
import { shipments } from "./schema";
import type { TDeliverShipmentInput, TShipment } from "./schemas";
import { assertShipmentTransition } from "./shipment-states";

/**
 * The carrier delivered (the desk, or a carrier integration through the API), on a day; or the delivery
 * failed, with a reason, which opens a delivery_failure exception for the order. The order is delivered
 * once every shipment that left has arrived. Saying the same again changes nothing.
 */
export async function deliverShipment(options: { db: Db; actor: Actor; input: TDeliverShipmentInput }): Promise<TShipment> {
  const { db, actor, input } = options;
  const row = await db.transaction(async (tx) => {
    const { shipment, order } = await lockShipmentWithOrder(tx, input.id);
    const target = input.outcome === "failed" ? "delivery_failed" : "delivered";
    if (shipment.status === target && (target === "delivery_failed" || !input.deliveredOn || input.deliveredOn === shipment.deliveredOn)) return shipment;
    assertShipmentTransition(shipment.number, shipment.status, target);
    const deliveredOn = input.deliveredOn ?? clock.today();
    const [updated] = await tx
      .update(shipments)
      .set(target === "delivered" ? { status: target, deliveredOn, failureReason: null, version: shipment.version + 1 } : { status: target, failureReason: input.reason!, version: shipment.version + 1 })
      .where(eq(shipments.id, shipment.id))
      .returning();
    if (target === "delivery_failed") {
      await openException(tx, {
        type: "delivery_failure",
        orderId: order.id,
        customerId: order.customerId,
        severity: "high",
        actor,
        reason: `${shipment.number} could not be delivered: ${input.reason}`,
        details: { shipment: shipment.number, carrier: shipment.carrierCode, trackingNumber: shipment.trackingNumber, warehouse: shipment.warehouseId },
        cause: `${shipment.number}: ${input.reason}`,
      });
    } else {
      await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "delivered", note: `${shipment.number} delivered on ${deliveredOn}.`, types: ["delivery_failure"] });
    }
    await recordDelivery(tx, {
      orderId: order.id,
      allShipmentsDelivered: await allShipmentsDelivered(tx, order.id),
      actor,
      event: target === "delivered" ? { type: "delivered", data: { shipment: shipment.number, deliveredOn } } : { type: "delivery_failed", data: { shipment: shipment.number, reason: input.reason } },
    });
    if (target === "delivered") {
      await recordWebhookEvent(tx, { type: "shipment.delivered", orderingKey: order.id, data: () => toShipmentDto(tx, updated!) });
      await notifyCustomer(tx, order, "email.delivery", {
        subject: `Your order ${order.number} was delivered`,
        body: `Shipment ${shipment.number} of your order ${order.number} was delivered on ${deliveredOn}.`,
        payload: { order: order.number, shipment: shipment.number, deliveredOn },
      });
    }
    return updated!;
  });
  return toShipmentDto(db, row);
}
