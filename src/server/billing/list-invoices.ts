import { and, asc, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import * as clock from "../clock";
import { customers } from "../customers";
import type { Db } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { orders } from "../orders";
import { loadInvoice, toInvoiceDto, toInvoiceDtos } from "./queries";
import { invoices } from "./schema";
import type { TInvoice, TListInvoicesInput } from "./schemas";

/**
 * Invoices, newest first (drafts, which have no number yet, by creation), by customer, order, status
 * (`open`: issued or partly paid; `overdue`: open past the due date) or a search on invoice number, order
 * number or customer PO.
 */
export async function listInvoices(options: { db: Db; input: TListInvoicesInput }) {
  const { db, input } = options;
  const today = clock.today();
  const conditions = [];
  if (input.customer) conditions.push(sql`${invoices.customerId} = (select id from ${customers} where code = ${input.customer})`);
  if (input.order) conditions.push(sql`${invoices.orderId} = (select id from ${orders} where number = ${input.order.toUpperCase()})`);
  if (input.status === "open") conditions.push(inArray(invoices.status, ["issued", "partially_paid"]));
  else if (input.status === "overdue") conditions.push(and(inArray(invoices.status, ["issued", "partially_paid"]), lt(invoices.dueDate, today)));
  else if (input.status) conditions.push(eq(invoices.status, input.status));
  if (input.search) {
    const prefix = `${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(invoices.number, prefix),
        ilike(invoices.customerReference, prefix),
        sql`${invoices.orderId} in (select id from ${orders} where number ilike ${prefix})`,
      ),
    );
  }
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [string, string];
    conditions.push(or(lt(invoices.createdAt, new Date(at)), and(eq(invoices.createdAt, new Date(at)), lt(invoices.id, id))));
  }
  const rows = await db
    .select()
    .from(invoices)
    .where(and(...conditions))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => r, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await toInvoiceDtos(db, page.items), nextCursor: page.nextCursor };
}

export async function getInvoice(options: { db: Db; number: string }): Promise<TInvoice> {
  return toInvoiceDto(options.db, await loadInvoice(options.db, options.number));
}

/** An order's invoices, oldest first (the order page's Billing section). */
export async function invoicesOfOrder(options: { db: Db; number: string }) {
  const rows = await options.db
    .select({ invoice: invoices })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .where(eq(orders.number, options.number.trim().toUpperCase()))
    .orderBy(asc(invoices.createdAt));
  return toInvoiceDtos(options.db, rows.map((r) => r.invoice));
}
