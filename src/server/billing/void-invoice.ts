import { and, eq, isNull } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { AppError } from "../errors";
import { loadOrderForFulfillment } from "../orders";
import { type InvoiceRow, loadInvoice, recordOrderBilling, toInvoiceDto } from "./queries";
import { refreshReceivables } from "./refresh-receivables";
import { allocations, invoiceLines, invoices } from "./schema";
import type { TInvoice, TVoidInvoiceInput } from "./schemas";

/**
 * Voids an invoice that has no money applied, with a reason. Its number stays used (the PDF says VOID); the
 * units it billed become billable again on the order. Payments must be un-allocated first, credits too.
 */
export async function voidInvoice(options: { db: Db; actor: Actor; input: TVoidInvoiceInput }): Promise<TInvoice> {
  const { db, actor, input } = options;
  const row = await db.transaction(async (tx) => {
    const seen = await loadInvoice(tx, input.number);
    await loadOrderForFulfillment(tx, { id: seen.orderId }, { forUpdate: true });
    const invoice = await loadInvoice(tx, seen.id, { forUpdate: true });
    if (input.version !== undefined && input.version !== invoice.version) {
      throw AppError.conflict("STALE_VERSION", `${invoice.number ?? "The draft invoice"} changed since you opened it: reload and try again.`);
    }
    return voidInTx(tx, invoice, actor, input.reason);
  });
  return toInvoiceDto(db, row);
}

/** The void itself, in the caller's transaction (the order and the invoice locked). */
export async function voidInTx(tx: DbOrTx, invoice: InvoiceRow, actor: Actor, reason: string) {
  const name = invoice.number ?? "This draft invoice";
  if (invoice.status === "void") throw AppError.conflict("INVOICE_VOID", `${name} is void already.`);
  const [applied] = await tx.select({ id: allocations.id }).from(allocations).where(and(eq(allocations.invoiceId, invoice.id), isNull(allocations.reversedAt))).limit(1);
  if (applied || invoice.amountPaid > 0) {
    throw AppError.conflict("INVOICE_HAS_PAYMENTS", `${name} has money applied: un-allocate its payments and credits first, then void it.`);
  }
  const lines = await tx.select({ orderLineId: invoiceLines.orderLineId, quantity: invoiceLines.quantity }).from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
  const [voided] = await tx
    .update(invoices)
    .set({ status: "void", voidReason: reason, voidedAt: clock.now(), voidedBy: actorLabel(actor), version: invoice.version + 1 })
    .where(eq(invoices.id, invoice.id))
    .returning();
  await recordOrderBilling(tx, {
    orderId: invoice.orderId,
    actor,
    invoiced: lines.map((l) => ({ orderLineId: l.orderLineId, quantity: -l.quantity })),
    freight: -invoice.shippingTotal,
    events: [{ type: "invoice_voided", data: { invoice: invoice.number, total: invoice.total, reason } }],
  });
  await refreshReceivables(tx, invoice.customerId);
  return voided!;
}
