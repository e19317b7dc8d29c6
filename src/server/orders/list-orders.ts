import { and, asc, desc, eq, exists, gte, ilike, inArray, isNull, like, lt, or, sql, type SQL } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";
import { products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { decodeCursor, encodeCursor } from "../db/pagination";
import { escapeLike } from "../db/search";
import { SEQUENCED_DOCUMENTS } from "../db/sequences";
import { addDays } from "~/lib/dates";
import { ORDER_STATUSES } from "./constants";
import { orderLines, orders } from "./schema";
import type { TListOrdersInput, TOrderSummary } from "./schemas";
import { isUuid } from "~/lib/uuid";

/** What a list row carries for sorting and its cursor. */
type KeyRow = { id: string; createdAt: Date; total: number; status: string; customerSortName: string };
type SortPart = { expr: SQL; cast: string; value: (r: KeyRow) => string | number; rank?: (r: KeyRow) => string | number };

const created: SortPart = { expr: sql`${orders.createdAt}`, cast: "timestamptz", value: (r) => r.createdAt.toISOString() };
/**
 * Each sort is a list of keys; the order id always follows as the unique tiebreak, so (keys…, id) is a keyset.
 * Numbers are handed out in creation order, so "by number" is "by creation": sorting the text itself would put
 * SO-1000000 before SO-999999. Customer names compare in the "C" collation, so the merge of search branches in
 * JavaScript orders them as the database does.
 */
const SORTS: Record<TListOrdersInput["sort"], SortPart[]> = {
  created: [created],
  number: [created],
  total: [{ expr: sql`${orders.total}`, cast: "bigint", value: (r) => r.total }],
  status: [{ expr: sql`${orders.status}`, cast: "order_status", value: (r) => r.status, rank: (r) => ORDER_STATUSES.indexOf(r.status as never) }, created],
  customer: [{ expr: sql`lower(${customers.name}) collate "C"`, cast: "text", value: (r) => r.customerSortName }],
};


/** The most orders the list counts exactly; beyond it the count says "10,000+". */
export const COUNT_CAP = 10_000;

/** The list's filters (everything but search, sort and page) as conditions on orders joined to customers. */
function filterConditions(input: TListOrdersInput, actorId: string | undefined): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [eq(orders.kind, input.kind)];
  if (input.status) conditions.push(eq(orders.status, input.status));
  if (input.fulfillmentStatus) conditions.push(eq(orders.fulfillmentStatus, input.fulfillmentStatus));
  if (input.billingStatus) conditions.push(eq(orders.billingStatus, input.billingStatus));
  if (input.channel) conditions.push(eq(orders.channel, input.channel));
  if (input.customer) conditions.push(eq(customers.code, input.customer));
  if (input.createdBy === "me") conditions.push(eq(orders.createdById, actorId ?? "-"));
  if (input.assignedTo === "none") conditions.push(isNull(orders.assignedToId));
  else if (input.assignedTo) {
    const userId = input.assignedTo === "me" ? actorId : input.assignedTo;
    // An API key is nobody's assignee: "me" matches nothing rather than comparing a uuid to a key id.
    conditions.push(userId && isUuid(userId) ? eq(orders.assignedToId, userId) : sql`false`);
  }
  if (input.from) conditions.push(gte(orders.createdAt, new Date(`${input.from}T00:00:00Z`)));
  if (input.to) conditions.push(lt(orders.createdAt, new Date(`${addDays(input.to, 1)}T00:00:00Z`)));
  return conditions;
}

/**
 * The order list: every filter of the list page, sorted, keyset-paginated on (sort keys, id) so page 1000
 * costs what page 1 does. `cursor` pages forward (rows after it), `before` pages back (rows before it);
 * the answer carries both a nextCursor and a prevCursor. Search matches order number, customer PO,
 * customer name, SKU or product name.
 */
export async function listOrders(options: { db: DbOrTx; input: TListOrdersInput; actorId?: string }) {
  const { db, input } = options;
  const conditions = filterConditions(input, options.actorId);

  const parts = SORTS[input.sort];
  const exprs = [...parts.map((p) => p.expr), sql`${orders.id}`];
  const isDesc = input.direction === "desc";
  const backward = !input.cursor && !!input.before;
  /** The direction rows are fetched in: paging back reads the list backwards from the cursor. */
  const readDesc = backward ? !isDesc : isDesc;
  const anchor = input.cursor ?? (backward ? input.before : undefined);
  if (anchor) {
    const key = decodeCursor(anchor, parts.length + 1);
    const typed = sql.join(
      [...parts.map((p, i) => sql`${key[i]}::${sql.raw(p.cast)}`), sql`${String(key.at(-1))}::uuid`],
      sql`, `,
    );
    const tuple = sql.join(exprs, sql`, `);
    conditions.push(readDesc ? sql`(${tuple}) < (${typed})` : sql`(${tuple}) > (${typed})`);
    // The same bound on the first key alone (implied by the tuple): the planner cannot start an index scan
    // from a tuple that spans two tables (customer name, order id), but it can from this one.
    const first = sql`${key[0]}::${sql.raw(parts[0]!.cast)}`;
    conditions.push(readDesc ? sql`${exprs[0]} <= ${first}` : sql`${exprs[0]} >= ${first}`);
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
        customerSortName: input.sort === "customer" ? sql<string>`lower(${customers.name}) collate "C"` : sql<string>`''`,
        customerReference: orders.customerReference,
        currency: orders.currency,
        total: orders.total,
        validUntil: orders.validUntil,
        lineCount: sql<number>`(select count(*) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`.mapWith(Number),
        createdAt: orders.createdAt,
        assignedToId: orders.assignedToId,
        assignedToName: users.name,
      })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .leftJoin(users, eq(users.id, orders.assignedToId))
      .where(where)
      .orderBy(...exprs.map((e) => (readDesc ? desc(e) : asc(e))))
      .limit(input.limit + 1);

  type Row = Awaited<ReturnType<typeof selectPage>>[number];
  const ranks = (r: Row) => [...parts.map((p) => (p.rank ?? p.value)(r)), r.id];
  let rows: Row[];
  if (!input.search) {
    rows = await selectPage(and(...conditions));
  } else {
    // An OR across number, PO, customer, SKU and product name would defeat every index; instead each way of
    // matching runs as its own indexed query for one page, and the pages are merged in the list's order.
    const branches = await searchBranches(db, input.search, input.kind);
    const pages = await Promise.all(branches.map((branch) => selectPage(and(...conditions, branch))));
    const seen = new Set<string>();
    rows = pages
      .flat()
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .sort((a, b) => {
        const [x, y] = [ranks(a), ranks(b)];
        let byKey = 0;
        for (let i = 0; i < x.length && byKey === 0; i++) byKey = x[i]! < y[i]! ? -1 : x[i]! > y[i]! ? 1 : 0;
        return readDesc ? -byKey : byKey;
      })
      .slice(0, input.limit + 1);
  }

  const more = rows.length > input.limit;
  let page = rows.slice(0, input.limit);
  if (backward) page = page.reverse();
  const keyOf = (r: Row) => [...parts.map((p) => p.value(r)), r.id];
  const first = page[0];
  const last = page.at(-1);
  return {
    items: page.map(
      ({ id: _id, customerCode, customerName, customerSortName: _s, createdAt, assignedToId, assignedToName, ...row }): TOrderSummary => ({
        ...row,
        customer: { code: customerCode, name: customerName },
        createdAt: createdAt.toISOString(),
        assignedTo: assignedToId ? { id: assignedToId, name: assignedToName ?? "" } : null,
      }),
    ),
    // Forward: a next page if a row beyond this one came back; a previous one whenever we started from a cursor.
    // Backward: the reverse — and the row the "before" cursor named is always a next page.
    nextCursor: last && (backward || more) ? encodeCursor(keyOf(last)) : null,
    prevCursor: first && (backward ? more : !!input.cursor) ? encodeCursor(keyOf(first)) : null,
  };
}

/**
 * How many orders match the list's filters and search: exact up to COUNT_CAP, "more" beyond. Each search
 * branch counts at most COUNT_CAP + 1 ids through its own index, and the union drops the duplicates.
 */
export async function countOrders(options: { db: DbOrTx; input: TListOrdersInput; actorId?: string }): Promise<{ count: number; capped: boolean }> {
  const { db, input } = options;
  const conditions = filterConditions(input, options.actorId);
  const idsWhere = (where: SQL | undefined) => {
    const q = db.select({ id: orders.id }).from(orders);
    return (input.customer ? q.innerJoin(customers, eq(customers.id, orders.customerId)) : q).where(where).limit(COUNT_CAP + 1);
  };
  let matching;
  if (!input.search) {
    matching = idsWhere(and(...conditions));
  } else {
    const branches = await searchBranches(db, input.search, input.kind);
    const [firstBranch, ...rest] = branches.map((branch) => idsWhere(and(...conditions, branch)));
    matching = rest.length ? union(firstBranch!, rest[0]!, ...rest.slice(1)) : firstBranch!;
  }
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(matching.as("matching"));
  const n = row?.n ?? 0;
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Up to this many matching customers are searched one by one, each through its own index. */
const MAX_CUSTOMER_BRANCHES = 10;
/** A SKU on fewer order lines than this is found from its lines; a more popular one by walking the newest orders. */
const RARE_SKU_LINES = 2_000;

/**
 * The ways a search text can match, each a narrow condition one index can serve: the order number by
 * prefix ("SO-1042…", or just the digits), the customer PO by prefix, the customers whose name contains
 * the text, and the orders with a product whose SKU starts with the text or whose name contains it
 * (3 characters or more) — found from the catalog first, then through order_lines_product_idx.
 */
async function searchBranches(db: DbOrTx, text: string, kind: "order" | "quote"): Promise<SQL[]> {
  const [customerIds, skuProductIds, namedProductIds] = await Promise.all([
    db.select({ id: customers.id }).from(customers).where(ilike(customers.name, `%${escapeLike(text)}%`)).limit(200),
    db.select({ id: products.id }).from(products).where(ilike(products.sku, `${escapeLike(text)}%`)).limit(50),
    // Product names: a word or phrase anywhere in the name ("washer" finds "Flat washer M8"); the catalog is
    // small next to the orders, and the orders are then found through order_lines_product_idx.
    text.length >= 3
      ? db.select({ id: products.id }).from(products).where(ilike(products.name, `%${escapeLike(text)}%`)).limit(50)
      : Promise.resolve([]),
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

  const ids = [...new Set([...skuProductIds, ...namedProductIds].map((p) => p.id))];
  if (ids.length) {
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
    .select({ number: orders.number, kind: orders.kind, status: orders.status, customerName: customers.name })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(or(ilike(orders.number, `${escapeLike(number)}%`), ilike(orders.number, `%-${escapeLike(number)}%`)))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}
