import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { issueCreditNote } from "./create-credit-note";
import { recordOrderBilling } from "./queries";
import { invoiceLines, invoices } from "./schema";
import { voidInTx } from "./void-invoice";

/**
 * A shipped shipment came back unopened (fulfillment's cancel, in its transaction, the order locked): its
 * invoice no longer stands. Unpaid, it is voided; with money applied, a credit note gives back exactly what
 * it billed. Either way its units become billable again for when they ship.
 */
export async function reverseShipmentInvoice(tx: DbOrTx, input: { orderId: string; shipmentNumber: string; actor: Actor; reason: string }) {
  const billed = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.orderId, input.orderId), eq(invoices.shipmentNumber, input.shipmentNumber), inArray(invoices.status, ["draft", "issued", "partially_paid", "paid"])))
    .for("update");
  for (const invoice of billed) {
    if (invoice.amountPaid === 0) {
      await voidInTx(tx, invoice, input.actor, `${input.shipmentNumber} came back: ${input.reason}`);
      continue;
    }
    const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    await recordOrderBilling(tx, {
      orderId: invoice.orderId,
      actor: input.actor,
      invoiced: lines.map((l) => ({ orderLineId: l.orderLineId, quantity: -l.quantity })),
      freight: -invoice.shippingTotal,
    });
    await issueCreditNote(tx, {
      kind: "return",
      customerId: invoice.customerId,
      orderId: invoice.orderId,
      invoiceId: invoice.id,
      currency: invoice.currency,
      reason: `${input.shipmentNumber} came back: ${input.reason}`,
      lines: [
        ...lines.map((l) => ({ orderLineId: l.orderLineId, invoiceLineId: l.id, sku: l.sku, description: `Returned unopened: ${l.description}`, quantity: l.quantity, amount: l.lineTotal, tax: l.tax, taxRatePpm: l.taxRatePpm })),
        ...(invoice.shippingTotal > 0 ? [{ sku: null, description: "Freight", quantity: null, amount: invoice.shippingTotal, tax: 0, taxRatePpm: 0 }] : []),
      ],
      actor: input.actor,
    });
  }
}
