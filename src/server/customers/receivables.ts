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
