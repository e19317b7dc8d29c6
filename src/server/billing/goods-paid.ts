import { type SQL, sql } from "drizzle-orm";
import { invoiceLines, invoices } from "./schema";

/**
 * SQL: every unit of the order (an id expression) is invoiced and no invoice billing its goods waits for money
 * (a draft, issued or partly paid one). A freight-only invoice added when the goods left does not count: the
 * goods were paid. What a prepaid order waits for before the warehouse picks it.
 */
export const goodsPaid = (orderId: SQL) =>
  sql`(not exists (select 1 from order_lines gl where gl.order_id = ${orderId} and gl.invoiced < gl.quantity)
      and not exists (select 1 from ${invoices} gi where gi.order_id = ${orderId} and gi.status in ('draft', 'issued', 'partially_paid')
                      and exists (select 1 from ${invoiceLines} gil where gil.invoice_id = gi.id)))`;
