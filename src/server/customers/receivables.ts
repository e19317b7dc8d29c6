import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { customers } from "./schema";

/**
 * Billing tells customers what a customer owes, in billing's transaction, so the credit check reads it with
 * the customer (no query into billing's tables on the order path): the unpaid total of issued invoices, and
 * why new orders must wait (an invoice overdue beyond the limit) or null.
 */
export async function recordReceivables(tx: DbOrTx, customerId: string, receivables: { unpaidInvoices: number; overdueHold: string | null }) {
  await tx.update(customers).set(receivables).where(eq(customers.id, customerId));
}

export type BillingTerms = { invoiceOnOrder: boolean; billFreight: boolean; paymentTermsDays: number };

/** How a customer is billed: on order or on shipment, whether freight is added, and the days to pay. */
export async function billingTermsOf(tx: DbOrTx, customerId: string): Promise<BillingTerms> {
  const [terms] = await tx
    .select({ invoiceOnOrder: customers.invoiceOnOrder, billFreight: customers.billFreight, paymentTermsDays: customers.paymentTermsDays })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!terms) throw new Error(`Customer ${customerId} does not exist`);
  return terms;
}
