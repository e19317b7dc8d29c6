import { and, asc, desc, eq, exists, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { addDays } from "../inventory/availability";
import { orderLines, orders } from "./schema";
import type { TListOrdersInput, TOrderSummary } from "./schemas";

const SORT_COLUMNS = { created: orders.createdAt, total: orders.total, number: orders.number } as const;

/**
 * The order list: every filter of the list page, sorted, keyset-paginated on (sort column, id) so page 1000
 * costs what page 1 does. Search matches order number, customer PO, customer name or SKU.
 */
export async function listOrders(options: { db: DbOrTx; input: TListOrdersInput; actorId?: string }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [eq(orders.kind, input.kind)];
  if (input.status) conditions.push(eq(orders.status, input.status));
  if (input.fulfillmentStatus) conditions.push(eq(orders.fulfillmentStatus, input.fulfillmentStatus));
  if (input.billingStatus) conditions.push(eq(orders.billingStatus, input.billingStatus));
  if (input.channel) conditions.push(eq(orders.channel, input.channel));
  if (input.customer) conditions.push(eq(customers.code, input.customer));
  if (input.createdBy === "me") conditions.push(eq(orders.createdById, options.actorId ?? "-"));
  if (input.from) conditions.push(gte(orders.createdAt, new Date(`${input.from}T00:00:00Z`)));
  if (input.to) conditions.push(lt(orders.createdAt, new Date(`${addDays(input.to, 1)}T00:00:00Z`)));
  if (input.search) conditions.push(await searchCondition(db, input.search));

  const column = SORT_COLUMNS[input.sort];
  const isDesc = input.direction === "desc";
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor, 2);
    const typed = input.sort === "created" ? sql`${String(value)}::timestamptz` : input.sort === "total" ? sql`${Number(value)}` : sql`${String(value)}`;
    conditions.push(isDesc ? sql`(${column}, ${orders.id}) < (${typed}, ${String(id)}::uuid)` : sql`(${column}, ${orders.id}) > (${typed}, ${String(id)}::uuid)`);
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
      validUntil: orders.validUntil,
      lineCount: sql<number>`(select count(*) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`.mapWith(Number),
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(...conditions))
    .orderBy(isDesc ? desc(column) : asc(column), isDesc ? desc(orders.id) : asc(orders.id))
    .limit(input.limit + 1);

  return toPage(
    rows,
    input.limit,
    ({ id: _id, customerCode, customerName, createdAt, ...row }): TOrderSummary => ({
      ...row,
      customer: { code: customerCode, name: customerName },
      createdAt: createdAt.toISOString(),
    }),
    (r) => [input.sort === "created" ? r.createdAt.toISOString() : input.sort === "total" ? r.total : r.number, r.id],
  );
}

/**
 * Search is resolved to narrow, indexed conditions: customers and products matching the text are looked
 * up first (small tables), so the orders query filters by ids instead of scanning names.
 */
async function searchCondition(db: DbOrTx, text: string): Promise<SQL> {
  const pattern = `%${escapeLike(text)}%`;
  const [customerIds, productIds] = await Promise.all([
    db.select({ id: customers.id }).from(customers).where(ilike(customers.name, pattern)).limit(200),
    db.select({ id: products.id }).from(products).where(ilike(products.sku, `${escapeLike(text)}%`)).limit(50),
  ]);
  const number = text.toUpperCase();
  return or(
    eq(orders.number, number),
    ilike(orders.number, `${escapeLike(number)}%`),
    ilike(orders.customerReference, pattern),
    customerIds.length ? inArray(orders.customerId, customerIds.map((c) => c.id)) : undefined,
    productIds.length
      ? exists(
          db
            .select({ one: sql`1` })
            .from(orderLines)
            .where(and(eq(orderLines.orderId, orders.id), inArray(orderLines.productId, productIds.map((p) => p.id)))),
        )
      : undefined,
  )!;
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
