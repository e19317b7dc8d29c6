import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { orderLines, orders } from "./schema";
import type { TListOrdersInput, TOrderSummary } from "./schemas";

/** Orders newest first, keyset-paginated on (created_at, id) so deep pages stay as fast as the first. */
export async function listOrders(options: { db: DbOrTx; input: TListOrdersInput }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [eq(orders.kind, input.kind)];
  if (input.status) conditions.push(eq(orders.status, input.status));
  if (input.customer) conditions.push(eq(customers.code, input.customer));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    conditions.push(or(ilike(orders.number, pattern), ilike(orders.customerReference, pattern), ilike(customers.name, pattern)));
  }
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${orders.createdAt}, ${orders.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      kind: orders.kind,
      status: orders.status,
      fulfillmentStatus: orders.fulfillmentStatus,
      billingStatus: orders.billingStatus,
      channel: orders.channel,
      customerCode: customers.code,
      customerName: customers.name,
      customerReference: orders.customerReference,
      currency: orders.currency,
      total: orders.total,
      lineCount: sql<number>`(select count(*) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`.mapWith(Number),
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    ({ id: _id, customerCode, customerName, createdAt, ...row }): TOrderSummary => ({
      ...row,
      customer: { code: customerCode, name: customerName },
      createdAt: createdAt.toISOString(),
    }),
    (r) => [r.createdAt.toISOString(), r.id],
  );
}

/** Orders whose number starts with the text: the command palette's "find an order by number". */
export async function findOrdersByNumber(db: DbOrTx, text: string, limit = 5) {
  const number = text.trim().toUpperCase();
  return db
    .select({ number: orders.number, status: orders.status, customerName: customers.name })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(or(ilike(orders.number, `${escapeLike(number)}%`), ilike(orders.number, `%-${escapeLike(number)}%`)))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}
