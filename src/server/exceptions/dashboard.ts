import { sql } from "drizzle-orm";
import { z } from "zod";
import { COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import { products } from "../catalog";
import * as clock from "../clock";
import { customers } from "../customers/schema";
import type { DbOrTx } from "../db";
import { executeRows } from "../db/execute";
import { warehouses } from "../inventory";
import { LIVE_ORDER_STATUSES } from "../orders";
import { orderLines, orders } from "../orders/schema";
import { productVendors, vendors } from "../purchasing/schema";
import { EXCEPTION_TYPES } from "./constants";
import { AGE_BUCKETS } from "./list-exceptions";
import { exceptions } from "./schema";

const ZTop = z.array(z.object({ key: z.string(), label: z.string(), count: z.number() }));
export const ZDashboard = z.object({
  generatedAt: z.string(),
  open: z.object({ total: z.number(), breached: z.number(), dueSoon: z.number(), unassigned: z.number() }),
  openByTypeAndAge: z.array(z.object({ type: z.enum(EXCEPTION_TYPES), age: z.enum(AGE_BUCKETS), count: z.number() })),
  trend: z.array(z.object({ day: z.string(), opened: z.number(), resolved: z.number(), breached: z.number() })),
  timeToResolveByType: z.array(z.object({ type: z.enum(EXCEPTION_TYPES), count: z.number(), meanHours: z.number(), p90Hours: z.number() })),
  timeToResolveByPerson: z.array(z.object({ person: z.string(), count: z.number(), meanHours: z.number(), p90Hours: z.number() })),
  topCustomers: ZTop,
  topSkus: ZTop,
  topWarehouses: ZTop,
  topVendors: ZTop,
  holds: z.object({ count: z.number(), value: z.array(z.object({ currency: z.string(), total: z.number() })), orders: z.array(z.object({ number: z.string(), customer: z.string(), customerName: z.string(), total: z.number(), currency: z.string(), since: z.string(), types: z.array(z.string()) })) }),
  atRisk: z.array(z.object({ number: z.string(), customer: z.string(), customerName: z.string(), total: z.number(), currency: z.string(), requestedDate: z.string().nullable(), promisedDate: z.string().nullable(), types: z.array(z.string()), dueAt: z.string() })),
});
export type TDashboard = z.infer<typeof ZDashboard>;

const DAYS = 30;
/** One row per SKU an exception `e` names (rules put the lines' SKUs in `details.skus`). */
const skusOf = sql.raw(
  `cross join lateral jsonb_array_elements_text(case when jsonb_typeof(e.details -> 'skus') = 'array' then e.details -> 'skus' else '[]'::jsonb end) as s(sku)`,
);
const active = sql`${exceptions.status} in ('open', 'in_progress')`;

/**
 * The manager's dashboard, one query per tile, each bounded by the active exceptions (status index) or the last
 * 30 days (created_at / resolved_at / breached_at indexes). Every number links to the queue filtered the same way.
 */
export async function exceptionDashboard(options: {
  db: DbOrTx;
  now?: Date;
  /** Filled with each tile's query time in ms (the benchmark reads it); the queries then run one after another so each time is that query alone. */
  timings?: Record<string, number>;
}): Promise<TDashboard> {
  const { db } = options;
  const now = options.now ?? clock.now();
  const nowIso = now.toISOString();
  const since = new Date(now.getTime() - DAYS * 86_400_000).toISOString();
  const soon = new Date(now.getTime() + 3_600_000).toISOString();
  // At-risk orders are live ones (orders' list: submitted, on hold, open), not drafts, completed or canceled.
  const live = sql.join(LIVE_ORDER_STATUSES.map((status) => sql`${status}`), sql`, `);
  const hours = (column: unknown) => sql`extract(epoch from (${column} - ${exceptions.createdAt})) / 3600`;
  let tile = 0;
  const TILES = ["open", "byTypeAge", "trend", "timeByType", "timeByPerson", "topCustomers", "topSkus", "topWarehouses", "topVendors", "holdValue", "heldOrders", "atRisk"];
  let previous: Promise<unknown> = Promise.resolve();
  const q = <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const timings = options.timings;
    if (!timings) return executeRows<T>(db, query);
    const name = TILES[tile++]!;
    const run = previous.then(async () => {
      const started = performance.now();
      const rows = await executeRows<T>(db, query);
      timings[name] = Math.round((performance.now() - started) * 10) / 10;
      return rows;
    });
    previous = run;
    return run;
  };
  const num = (v: unknown) => Number(v ?? 0);

  const [open, byTypeAge, trend, byType, byPerson, topCustomers, topSkus, topWarehouses, topVendors, holdValue, heldOrders, atRisk] = await Promise.all([
    q<{ total: number; breached: number; due_soon: number; unassigned: number }>(sql`
      select count(*)::int as total, count(*) filter (where ${exceptions.dueAt} < ${nowIso}::timestamptz)::int as breached,
        count(*) filter (where ${exceptions.dueAt} >= ${nowIso}::timestamptz and ${exceptions.dueAt} <= ${soon}::timestamptz)::int as due_soon,
        count(*) filter (where ${exceptions.assigneeId} is null)::int as unassigned
      from ${exceptions} where ${active}`),
    q<{ type: string; age: string; count: number }>(sql`
      select ${exceptions.type} as type, case
          when ${exceptions.createdAt} > ${nowIso}::timestamptz - interval '1 hour' then 'lt_1h'
          when ${exceptions.createdAt} > ${nowIso}::timestamptz - interval '4 hours' then '1h_4h'
          when ${exceptions.createdAt} > ${nowIso}::timestamptz - interval '24 hours' then '4h_24h'
          when ${exceptions.createdAt} > ${nowIso}::timestamptz - interval '72 hours' then '1d_3d'
          else 'gt_3d' end as age, count(*)::int as count
      from ${exceptions} where ${active} group by 1, 2`),
    q<{ day: string; opened: number; resolved: number; breached: number }>(sql`
      with days as (select generate_series(((${nowIso}::timestamptz at time zone ${COMPANY_TIME_ZONE})::date - ${DAYS - 1}::int)::timestamp, (${nowIso}::timestamptz at time zone ${COMPANY_TIME_ZONE})::date::timestamp, interval '1 day')::date as day),
      o as (select (${exceptions.createdAt} at time zone ${COMPANY_TIME_ZONE})::date as day, count(*)::int as n from ${exceptions} where ${exceptions.createdAt} >= ${since}::timestamptz group by 1),
      r as (select (${exceptions.resolvedAt} at time zone ${COMPANY_TIME_ZONE})::date as day, count(*)::int as n from ${exceptions} where ${exceptions.resolvedAt} >= ${since}::timestamptz group by 1),
      b as (select (${exceptions.breachedAt} at time zone ${COMPANY_TIME_ZONE})::date as day, count(*)::int as n from ${exceptions} where ${exceptions.breachedAt} >= ${since}::timestamptz group by 1)
      select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(o.n, 0) as opened, coalesce(r.n, 0) as resolved, coalesce(b.n, 0) as breached
      from days left join o using (day) left join r using (day) left join b using (day) order by days.day`),
    q<{ type: string; count: number; mean: number; p90: number }>(sql`
      select ${exceptions.type} as type, count(*)::int as count, avg(${hours(exceptions.resolvedAt)}) as mean,
        percentile_cont(0.9) within group (order by ${hours(exceptions.resolvedAt)}) as p90
      from ${exceptions} where ${exceptions.resolvedAt} >= ${since}::timestamptz group by 1 order by 1`),
    q<{ person: string; count: number; mean: number; p90: number }>(sql`
      select ${exceptions.resolvedBy} as person, count(*)::int as count, avg(${hours(exceptions.resolvedAt)}) as mean,
        percentile_cont(0.9) within group (order by ${hours(exceptions.resolvedAt)}) as p90
      from ${exceptions} where ${exceptions.resolvedAt} >= ${since}::timestamptz and ${exceptions.resolution} <> 'cause_gone'
        and ${exceptions.resolvedBy} is not null group by 1 order by 2 desc limit 20`),
    q<{ key: string; label: string; count: number }>(sql`
      select c.code as key, c.name as label, count(*)::int as count from ${exceptions} e join ${customers} c on c.id = e.customer_id
      where e.created_at >= ${since}::timestamptz group by 1, 2 order by 3 desc, 1 limit 10`),
    q<{ key: string; label: string; count: number }>(sql`
      select s.sku as key, p.name as label, count(*)::int as count
      from ${exceptions} e ${skusOf}
      join ${products} p on p.sku = s.sku
      where e.created_at >= ${since}::timestamptz group by 1, 2 order by 3 desc, 1 limit 10`),
    q<{ key: string; label: string; count: number }>(sql`
      select w.code as key, w.name as label, count(distinct e.id)::int as count
      from ${exceptions} e join ${orderLines} l on l.order_id = e.order_id join ${warehouses} w on w.id = l.warehouse_id
      where e.created_at >= ${since}::timestamptz group by 1, 2 order by 3 desc, 1 limit 10`),
    q<{ key: string; label: string; count: number }>(sql`
      select v.code as key, v.name as label, count(distinct e.id)::int as count
      from ${exceptions} e ${skusOf}
      join ${products} p on p.sku = s.sku join ${productVendors} pv on pv.product_id = p.id join ${vendors} v on v.id = pv.vendor_id
      where e.created_at >= ${since}::timestamptz and e.type = 'stockout' group by 1, 2 order by 3 desc, 1 limit 10`),
    q<{ currency: string; total: string; count: number }>(sql`
      select ${orders.currency} as currency, sum(${orders.total})::bigint as total, count(*)::int as count from ${orders} where ${orders.status} = 'on_hold' group by 1 order by 2 desc`),
    q<{ number: string; customer: string; customer_name: string; total: string; currency: string; since: string; types: string[] }>(sql`
      select o.number, c.code as customer, c.name as customer_name, o.total, o.currency,
        min(e.created_at) as since, array_agg(distinct e.type::text) as types
      from ${orders} o join ${customers} c on c.id = o.customer_id
      join ${exceptions} e on e.order_id = o.id and e.status in ('open', 'in_progress')
      where o.status = 'on_hold' group by o.id, c.code, c.name order by o.total desc limit 10`),
    q<{ number: string; customer: string; customer_name: string; total: string; currency: string; requested_date: string | null; promised_date: string | null; types: string[]; due_at: string }>(sql`
      select o.number, c.code as customer, c.name as customer_name, o.total, o.currency, o.requested_date::text as requested_date, o.promised_date::text as promised_date,
        array_agg(distinct e.type::text) as types, min(e.due_at) as due_at
      from ${exceptions} e join ${orders} o on o.id = e.order_id join ${customers} c on c.id = o.customer_id
      where e.status in ('open', 'in_progress') and o.status in (${live})
        and (e.due_at < ${nowIso}::timestamptz or o.requested_date <= ${todayIn(COMPANY_TIME_ZONE, now)}::date + 1)
      group by o.id, c.code, c.name order by min(e.due_at) limit 20`),
  ]);

  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
  const round = (v: unknown) => Math.round(num(v) * 10) / 10;
  const top = (rows: { key: string; label: string; count: number }[]) => rows.map((r) => ({ key: r.key, label: r.label, count: num(r.count) }));
  return {
    generatedAt: nowIso,
    open: { total: num(open[0]?.total), breached: num(open[0]?.breached), dueSoon: num(open[0]?.due_soon), unassigned: num(open[0]?.unassigned) },
    openByTypeAndAge: byTypeAge.map((r) => ({ type: r.type as (typeof EXCEPTION_TYPES)[number], age: r.age as (typeof AGE_BUCKETS)[number], count: num(r.count) })),
    trend: trend.map((r) => ({ day: r.day, opened: num(r.opened), resolved: num(r.resolved), breached: num(r.breached) })),
    timeToResolveByType: byType.map((r) => ({ type: r.type as (typeof EXCEPTION_TYPES)[number], count: num(r.count), meanHours: round(r.mean), p90Hours: round(r.p90) })),
    timeToResolveByPerson: byPerson.map((r) => ({ person: r.person, count: num(r.count), meanHours: round(r.mean), p90Hours: round(r.p90) })),
    topCustomers: top(topCustomers),
    topSkus: top(topSkus),
    topWarehouses: top(topWarehouses),
    topVendors: top(topVendors),
    holds: {
      count: holdValue.reduce((n, r) => n + num(r.count), 0),
      value: holdValue.map((r) => ({ currency: r.currency, total: num(r.total) })),
      orders: heldOrders.map((r) => ({ number: r.number, customer: r.customer, customerName: r.customer_name, total: num(r.total), currency: r.currency, since: iso(r.since), types: r.types })),
    },
    atRisk: atRisk.map((r) => ({
      number: r.number,
      customer: r.customer,
      customerName: r.customer_name,
      total: num(r.total),
      currency: r.currency,
      requestedDate: r.requested_date,
      promisedDate: r.promised_date,
      types: r.types,
      dueAt: iso(r.due_at),
    })),
  };
}
