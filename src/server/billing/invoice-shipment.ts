import type { Actor } from "../auth/actor";
import { billingTermsOf } from "../customers";
import type { DbOrTx } from "../db";
import { loadOrderForFulfillment, type LineUnits } from "../orders";
import { billUnits } from "./create-invoice";

/**
 * A shipment left: its invoice, in the shipping transaction (the order row is locked by fulfillment). It
 * bills the units that left that are not invoiced yet — none for customers invoiced on order, who were
 * billed at submission — and the shipment's freight when the customer's terms are "prepay and add".
 */
export async function invoiceShipment(
  tx: DbOrTx,
  input: { orderId: string; shipmentNumber: string; lines: LineUnits[]; freightCost: number | null; actor: Actor },
) {
  const loaded = await loadOrderForFulfillment(tx, { id: input.orderId });
  if (!loaded) return null;
  const terms = await billingTermsOf(tx, loaded.order.customerId);
  const byId = new Map(loaded.lines.map((l) => [l.line.id, l.line]));
  const units = terms.invoiceOnOrder
    ? []
    : input.lines.map((u) => {
        const line = byId.get(u.orderLineId)!;
        return { orderLineId: u.orderLineId, quantity: Math.max(0, Math.min(u.quantity, line.shipped - line.invoiced)) };
      });
  return billUnits(tx, {
    order: loaded.order,
    terms,
    lines: loaded.lines,
    units,
    freight: terms.billFreight ? (input.freightCost ?? 0) : 0,
    shipmentNumber: input.shipmentNumber,
    actor: input.actor,
    reason: `shipment ${input.shipmentNumber}`,
  });
}
