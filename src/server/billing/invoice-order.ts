import type { Actor } from "../auth/actor";
import { billingTermsOf, type BillingTerms } from "../customers";
import type { Db, DbOrTx } from "../db";
import { AppError } from "../errors";
import { loadOrderForFulfillment, type OrderRow } from "../orders";
import { billUnits, type BillableLine } from "./create-invoice";
import { loadInvoice, toInvoiceDto } from "./queries";
import type { TInvoice, TInvoiceOrderInput } from "./schemas";

/**
 * Finance bills what is left to bill on an order: units shipped (or ordered, for customers invoiced on order)
 * and not invoiced yet — after a void, or for shipments made before invoicing was switched on. 409 when
 * there is nothing left.
 */
export async function invoiceOrder(options: { db: Db; actor: Actor; input: TInvoiceOrderInput }): Promise<TInvoice> {
  const { db, actor, input } = options;
  const row = await db.transaction(async (tx) => {
    const loaded = await loadOrderForFulfillment(tx, { number: input.number.trim().toUpperCase() }, { forUpdate: true });
    if (!loaded || loaded.order.kind !== "order") throw AppError.notFound("order", input.number);
    const invoice = await billRemaining(tx, loaded.order, loaded.lines, actor, { draft: input.draft, reason: "invoiced by hand" });
    if (!invoice) {
      throw AppError.conflict("NOTHING_TO_INVOICE", `Nothing left to invoice on ${loaded.order.number}: every ${loaded.order.status === "draft" ? "line" : "shipped unit"} is invoiced.`);
    }
    return invoice;
  });
  return toInvoiceDto(db, await loadInvoice(db, row.id));
}

async function billRemaining(
  tx: DbOrTx,
  order: OrderRow,
  lines: BillableLine[],
  actor: Actor,
  options: { terms?: BillingTerms; draft?: boolean; reason: string },
) {
  if (order.status === "draft" || order.status === "canceled") return null;
  const terms = options.terms ?? (await billingTermsOf(tx, order.customerId));
  const units = lines.map(({ line }) => ({ orderLineId: line.id, quantity: (terms.invoiceOnOrder ? line.quantity : line.shipped) - line.invoiced }));
  return billUnits(tx, { order, terms, lines, units, actor, draft: options.draft, reason: options.reason });
}

/**
 * Orders' hook at submission (in the submitting transaction): customers invoiced on order ("prepaid") get
 * their invoice for the ordered units now; for everyone else this does nothing.
 */
export async function invoiceOnSubmit(tx: DbOrTx, order: OrderRow, actor: Actor, options: { invoiceNow?: boolean } = {}) {
  const customerTerms = await billingTermsOf(tx, order.customerId);
  // A prepaid policy bills the ordered units now, due at once, whatever the customer's usual terms.
  const terms = options.invoiceNow ? { ...customerTerms, invoiceOnOrder: true, paymentTermsDays: 0 } : customerTerms;
  if (!terms.invoiceOnOrder) return;
  const loaded = await loadOrderForFulfillment(tx, { id: order.id });
  await billRemaining(tx, loaded!.order, loaded!.lines, actor, { terms, reason: "invoiced on order" });
}
