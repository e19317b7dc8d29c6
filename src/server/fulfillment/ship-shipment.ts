import { eq } from "drizzle-orm";
import { recordWebhookEvent } from "../integration";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { AppError } from "../errors";
import { invoiceShipment } from "../billing";
import { shipFromStock } from "../inventory";
import { recordShipment } from "../orders";
import { EMAIL_TOPICS, shipmentEmail } from "../integration";
import { completePickListIfDone } from "./create-pick-list";
import { writePackages } from "./pack-shipment";
import { notifyCustomer } from "./notify-customer";
import { aggregateByLevel, isShipped, lockShipmentWithOrder, toShipmentDto, trackingUrl } from "./queries";
import { carriers, shipmentLines, shipments } from "./schema";
import type { TShipment, TShipShipmentInput } from "./schemas";
import { assertPaidIfPrepaid } from "./plans/payment-gate";
import { assertShipmentTransition } from "./shipment-states";

/**
 * The goods leave: with a carrier and tracking number (packages too, when it was not packed before). Stock
 * goes out through the ledger (reserved units of the order, `shipment` movements), the order's lines count
 * them as shipped, the timeline says "shipped with UPS 1Z…", and the customer's confirmation with the
 * tracking link waits in the outbox, and the shipment's invoice is issued (billing) — all in one transaction. Shipping again with the same carrier and
 * tracking number (a retry, a double click) answers the shipment as it is and moves nothing.
 */
export async function shipShipment(options: { db: Db; actor: Actor; input: TShipShipmentInput }): Promise<TShipment> {
  const { db, actor, input } = options;
  const row = await db.transaction(async (tx) => {
    const { shipment, order, lines } = await lockShipmentWithOrder(tx, input.id);
    const carrierCode = input.carrier.trim().toUpperCase();
    await assertPaidIfPrepaid(tx, order, "shipped");
    if (isShipped(shipment.status) && shipment.carrierCode === carrierCode && shipment.trackingNumber === input.trackingNumber) {
      return shipment; // already shipped with these details: a retry
    }
    assertShipmentTransition(shipment.number, shipment.status, "shipped");
    const [carrier] = await tx.select().from(carriers).where(eq(carriers.code, carrierCode));
    if (!carrier || !carrier.isActive) throw AppError.invalidField("carrier", `no active carrier "${input.carrier}"`);
    const skuOfLine = new Map(lines.map(({ line, sku }) => [line.id, sku]));
    if (input.packages) {
      if (shipment.status === "packed") throw AppError.invalidField("packages", `${shipment.number} is packed already`);
      await writePackages(tx, shipment, input.packages, skuOfLine, "packages");
    }

    const shipLines = await tx.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, shipment.id));
    const leaving = shipLines.map((l) => ({ ...l, units: l.picked ?? l.quantity })).filter((l) => l.units > 0);
    await shipFromStock(tx, {
      demand: { orderId: order.id, reference: order.number },
      lines: aggregateByLevel(leaving.map((l) => ({ productId: l.productId, warehouseId: shipment.warehouseId, quantity: l.units }))),
      actor,
      reason: shipment.number,
    });
    const link = trackingUrl(carrier.trackingUrlTemplate, input.trackingNumber);
    const now = clock.now();
    const [updated] = await tx
      .update(shipments)
      .set({
        status: "shipped",
        carrierCode,
        service: input.service ?? null,
        trackingNumber: input.trackingNumber,
        freightCost: input.freightCost ?? null,
        packedAt: shipment.packedAt ?? (input.packages ? now : null),
        shippedAt: now,
        shippedBy: actorLabel(actor),
        version: shipment.version + 1,
      })
      .where(eq(shipments.id, shipment.id))
      .returning();
    const units = leaving.reduce((sum, l) => sum + l.units, 0);
    await recordShipment(tx, {
      orderId: order.id,
      lines: leaving.map((l) => ({ orderLineId: l.orderLineId, quantity: l.units })),
      direction: 1,
      allShipmentsDelivered: false,
      actor,
      event: {
        type: "shipped",
        data: { shipment: shipment.number, carrier: carrier.name, service: input.service ?? null, trackingNumber: input.trackingNumber, trackingUrl: link, units },
      },
    });
    await notifyCustomer(tx, order, EMAIL_TOPICS.shipment, (customerName) => {
      const email = shipmentEmail({
        customerName,
        order: order.number,
        customerReference: order.customerReference,
        shipment: shipment.number,
        carrierName: carrier.name,
        service: input.service ?? null,
        trackingNumber: input.trackingNumber,
        trackingUrl: link ?? null,
        lines: leaving.map((l) => ({ sku: skuOfLine.get(l.orderLineId) ?? "", units: l.units })),
      });
      return { ...email, payload: { ...email.payload, carrier: carrier.code } };
    });
    await completePickListIfDone(tx, shipment.pickListId);
    await recordWebhookEvent(tx, { type: "shipment.shipped", orderingKey: order.id, data: () => toShipmentDto(tx, updated!) });
    // Last: the invoice takes its gapless number at the end of the transaction.
    await invoiceShipment(tx, {
      orderId: order.id,
      shipmentNumber: shipment.number,
      lines: leaving.map((l) => ({ orderLineId: l.orderLineId, quantity: l.units })),
      freightCost: input.freightCost ?? null,
      actor,
    });
    return updated!;
  });
  return toShipmentDto(db, row);
}
