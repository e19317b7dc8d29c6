import type { Actor } from "../auth/actor";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { loadOrderForFulfillment, type LineUnits } from "../orders";
import { eq } from "drizzle-orm";
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
  const [customer] = await tx.select({ invoiceOnOrder: customers.invoiceOnOrder, billFreight: customers.billFreight }).from(customers).where(eq(customers.id, loaded.order.customerId));
  const byId = new Map(loaded.lines.map((l) => [l.line.id, l.line]));
  const units = customer!.invoiceOnOrder
    ? []
    : input.lines.map((u) => {
        const line = byId.get(u.orderLineId)!;
        return { orderLineId: u.orderLineId, quantity: Math.max(0, Math.min(u.quantity, line.shipped - line.invoiced)) };
      });
  return billUnits(tx, {
    order: loaded.order,
    lines: loaded.lines,
    units,
    freight: customer!.billFreight ? (input.freightCost ?? 0) : 0,
    shipmentNumber: input.shipmentNumber,
    actor: input.actor,
    reason: `shipment ${input.shipmentNumber}`,
  });
}
