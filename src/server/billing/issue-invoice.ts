import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { loadOrderForFulfillment } from "../orders";
import { issueInTx } from "./create-invoice";
import { loadInvoice, toInvoiceDto } from "./queries";
import type { TInvoice } from "./schemas";

/** A draft invoice is issued: it gets its gapless number, issue and due dates, and goes to the customer. */
export async function issueInvoice(options: { db: Db; actor: Actor; id: string }): Promise<TInvoice> {
  const { db, actor } = options;
  const row = await db.transaction(async (tx) => {
    const seen = await loadInvoice(tx, options.id);
    await loadOrderForFulfillment(tx, { id: seen.orderId }, { forUpdate: true });
    const invoice = await loadInvoice(tx, seen.id, { forUpdate: true });
    if (invoice.status !== "draft") throw AppError.conflict("INVOICE_ISSUED", `${invoice.number ?? "The invoice"} is ${invoice.status}, not a draft.`);
    return issueInTx(tx, invoice, { actor, reason: "draft issued" });
  });
  return toInvoiceDto(db, await loadInvoice(db, row.id));
}
