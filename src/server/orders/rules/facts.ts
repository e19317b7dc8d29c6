import { type SQL, sql } from "drizzle-orm";
import { products } from "../../catalog";
import * as clock from "../../clock";
import type { DbOrTx } from "../../db";
import { executeRows } from "../../db/execute";
import { linesKey } from "../find-duplicates";
import { orderLines, orders } from "../schema";
import type { EarlierOrder } from "./order-rule";

const DAY = 86_400_000;
/** The customer's latest orders (of the last 365 days) a product's usual quantity is the median over. */
export const USUAL_QUANTITY_ORDERS = 50;

/** linesKey of a stored order's lines by product id (uuid text is lowercase hex: byte order is JavaScript's string order). */
const linesKeySql = (orderId: SQL) =>
  sql`(select string_agg(t.product_id::text || '|' || t.quantity, ',' order by t.product_id::text collate "C")
       from (select l.product_id, sum(l.quantity) as quantity from ${orderLines} l where l.order_id = ${orderId} group by l.product_id) t)`;

/**
 * Whether an order has a line of the product: an index probe that rules out almost every candidate before its
 * lines are aggregated into a linesKey (an order with the same lines has every product of this one).
 */
const sameProductSql = (orderId: SQL, productId: string | undefined) =>
  productId === undefined ? sql`true` : sql`exists (select 1 from ${orderLines} l where l.product_id = ${productId}::uuid and l.order_id = ${orderId})`;

/**
 * What the quantity and duplicate rules compare with, in one statement: per product its pack size and the
 * customer's usual quantity (median over their latest 50 orders of the last 365 days, at least two of them with
 * it: recent habits, and a read that stays the same size however long the customer's history gets); the customer's
 * orders created before this one in the last 24 hours with the same lines, or with the same customer PO number
 * (of the 20 latest such candidates, compared in the database: only the matches come back). The history is read
 * from the customer's own orders (bounded by what one customer buys in a year), not from every line of the
 * products, and its plan does not depend on the values (the statement is prepared once per connection).
 */
export async function loadReviewFacts(
  tx: DbOrTx,
  input: { orderId: string; customerId: string; createdAt: Date; customerReference: string | null; lines: { productId: string; quantity: number }[] },
) {
  const now = clock.now();
  const yearAgo = new Date(now.getTime() - 365 * DAY).toISOString();
  const dayBefore = new Date(input.createdAt.getTime() - DAY).toISOString();
  const reference = input.customerReference?.trim() || null;
  const productIds = [...new Set(input.lines.map((l) => l.productId))];
  const ids = productIds.length > 0 ? sql.join(productIds.map((id) => sql`${id}::uuid`), sql`, `) : sql`null::uuid`;
  const [row] = await executeRows<{ products: unknown; earlier: unknown }>(
    tx,
    sql`select
      (select json_agg(json_build_object('id', p.id, 'packSize', p.pack_size, 'usual', h.usual, 'times', coalesce(h.times, 0)))
       from ${products} p
       left join (
         select l.product_id, percentile_cont(0.5) within group (order by l.quantity) as usual, count(*) as times
         from (select o.id from ${orders} o
               where o.customer_id = ${input.customerId} and o.id <> ${input.orderId}
                 and o.kind = 'order' and o.status not in ('draft', 'canceled') and o.submitted_at >= ${yearAgo}::timestamptz
               order by o.created_at desc limit ${sql.raw(String(USUAL_QUANTITY_ORDERS))}) o
         -- Each order's lines by its own index, then filtered: probing (product, order) for every product of every
         -- order read ten times the pages.
         join lateral (select l.product_id, l.quantity from ${orderLines} l where l.order_id = o.id offset 0) l on true
         where l.product_id in (${ids})
         group by l.product_id
       ) h on h.product_id = p.id
       where p.id in (${ids})) as products,
      (select json_agg(json_build_object('number', e.number, 'customerReference', e.customer_reference, 'isRecent', e.is_recent, 'sameLines', e.same_lines))
       from (select c.number, c.customer_reference, c.is_recent,
                    c.is_recent and ${sameProductSql(sql`c.id`, productIds[0])} and ${linesKeySql(sql`c.id`)} = ${linesKey(input.lines, (l) => l.productId)} as same_lines
             from (select o.id, o.number, o.customer_reference, o.created_at >= ${dayBefore}::timestamptz as is_recent from ${orders} o
                   where o.customer_id = ${input.customerId} and o.id <> ${input.orderId} and o.kind = 'order' and o.status not in ('draft', 'canceled')
                     and o.created_at < ${input.createdAt.toISOString()}::timestamptz
                     and (o.created_at >= ${dayBefore}::timestamptz or (${reference}::text is not null and lower(trim(o.customer_reference)) = lower(${reference}::text)))
                   order by o.created_at desc limit 20) c) e
       where e.same_lines or (${reference}::text is not null and lower(trim(e.customer_reference)) = lower(${reference}::text))) as earlier`,
  );
  const parse = <T>(value: unknown): T[] => (value == null ? [] : typeof value === "string" ? JSON.parse(value) : (value as T[]));
  const productFacts = parse<{ id: string; packSize: number; usual: number | null; times: number }>(row?.products);
  return {
    products: new Map(productFacts.map((p) => [p.id, { packSize: p.packSize, usual: Number(p.times) >= 2 && p.usual != null ? Number(p.usual) : null }])),
    earlier: parse<EarlierOrder>(row?.earlier),
  };
}
