import { and, asc, desc, eq, exists, gte, ilike, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { SEQUENCED_DOCUMENTS } from "../db/sequences";
import { addDays } from "~/lib/dates";
import { orderLines, orders } from "./schema";
import type { TListOrdersInput, TOrderSummary } from "./schemas";

/**
 * Numbers are handed out in creation order, so "by number" is "by creation": sorting the text itself
 * would put SO-1000000 before SO-999999.
 */
const SORT_COLUMNS = { created: orders.createdAt, total: orders.total, number: orders.createdAt } as const;

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

  const column = SORT_COLUMNS[input.sort];
  const isDesc = input.direction === "desc";
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor, 2);
    const typed = input.sort === "total" ? sql`${Number(value)}` : sql`${String(value)}::timestamptz`;
    conditions.push(isDesc ? sql`(${column}, ${orders.id}) < (${typed}, ${String(id)}::uuid)` : sql`(${column}, ${orders.id}) > (${typed}, ${String(id)}::uuid)`);
  }

  const selectPage = (where: SQL | undefined) =>
    db
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
      .where(where)
      .orderBy(isDesc ? desc(column) : asc(column), isDesc ? desc(orders.id) : asc(orders.id))
      .limit(input.limit + 1);

  type Row = Awaited<ReturnType<typeof selectPage>>[number];
  const sortKey = (r: Row): number => (input.sort === "total" ? r.total : r.createdAt.getTime());
  let rows: Row[];
  if (!input.search) {
    rows = await selectPage(and(...conditions));
  } else {
    // An OR across number, PO, customer and SKU would defeat every index; instead each way of matching
    // runs as its own indexed query for one page, and the pages are merged in the list's order.
    const branches = await searchBranches(db, input.search, input.kind);
    const pages = await Promise.all(branches.map((branch) => selectPage(and(...conditions, branch))));
    const seen = new Set<string>();
    rows = pages
      .flat()
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .sort((a, b) => {
        const [x, y] = [sortKey(a), sortKey(b)];
        const byKey = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        return isDesc ? -byKey : byKey;
      })
      .slice(0, input.limit + 1);
  }

  return toPage(
    rows,
    input.limit,
    ({ id: _id, customerCode, customerName, createdAt, ...row }): TOrderSummary => ({
      ...row,
      customer: { code: customerCode, name: customerName },
      createdAt: createdAt.toISOString(),
    }),
    (r) => [input.sort === "total" ? r.total : r.createdAt.toISOString(), r.id],
  );
}

/** Up to this many matching customers are searched one by one, each through its own index. */
const MAX_CUSTOMER_BRANCHES = 10;
/** A SKU on fewer order lines than this is found from its lines; a more popular one by walking the newest orders. */
const RARE_SKU_LINES = 2_000;

/**
 * The ways a search text can match, each a narrow condition one index can serve: the order number by
 * prefix ("SO-1042…", or just the digits), the customer PO by prefix, the customers whose name contains
 * the text, and the orders with a SKU starting with it.
 */
async function searchBranches(db: DbOrTx, text: string, kind: "order" | "quote"): Promise<SQL[]> {
  const [customerIds, productIds] = await Promise.all([
    db.select({ id: customers.id }).from(customers).where(ilike(customers.name, `%${escapeLike(text)}%`)).limit(200),
    db.select({ id: products.id }).from(products).where(ilike(products.sku, `${escapeLike(text)}%`)).limit(50),
  ]);
  const upper = text.toUpperCase();
  const numberPrefix = /^\d+$/.test(upper) ? `${SEQUENCED_DOCUMENTS[kind].prefix}${upper}` : upper;
  const branches: SQL[] = [
    like(orders.number, `${escapeLike(numberPrefix)}%`),
    like(sql`lower(${orders.customerReference})`, `${escapeLike(text.toLowerCase())}%`),
  ];
  // A few customers: one (customer_id, created_at) index scan each. Many: they cover much of the table anyway.
  if (customerIds.length > MAX_CUSTOMER_BRANCHES) branches.push(inArray(orders.customerId, customerIds.map((c) => c.id)));
  else for (const { id } of customerIds) branches.push(eq(orders.customerId, id));

  if (productIds.length) {
    const ids = productIds.map((p) => p.id);
    const linesOfSku = db.select({ orderId: orderLines.orderId }).from(orderLines).where(inArray(orderLines.productId, ids));
    const [sample] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(linesOfSku.limit(RARE_SKU_LINES).as("sample"));
    branches.push(
      (sample?.n ?? 0) < RARE_SKU_LINES
        ? inArray(orders.id, linesOfSku)
        : exists(db.select({ one: sql`1` }).from(orderLines).where(and(eq(orderLines.orderId, orders.id), inArray(orderLines.productId, ids)))),
    );
  }
  return branches;
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
