/**
 * Exception dashboard and queue benchmark (issue 11): each dashboard tile's query and the queue's first page on
 * the million-order database of bench/orders-list.ts, timed as the server sees them. Prints JSON.
 *
 *   npx tsx bench/orders-list.ts          # once: builds orderdesk_bench (a million orders)
 *   npx tsx bench/exceptions-dashboard.ts [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench] [--runs 7]
 *
 * On first use it adds SYNTHETIC exceptions to that database with set-based SQL (opened_by 'bench'), --exceptions
 * of them (150,000: a million orders' worth, one in seven with an exception), spread over the database's orders
 * and the past year, of a type drawn per row; those of the last week are partly still active (a few breached),
 * the rest resolved within two days. With fewer orders than a million, orders carry several each. A pgbench tpcb-like run
 * on a sibling database gives the machine's own scale.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { connectPostgres } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { exceptionDashboard } from "~/server/exceptions/dashboard";
import { exceptionCounts, listExceptions, ZListExceptionsInput } from "~/server/exceptions/list-exceptions";
import { log, machine, pgbenchTps } from "./support";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/orderdesk_bench" },
    runs: { type: "string", default: "7" },
    /** Synthetic exceptions to add: a million orders' worth by default (one order in seven has one). */
    exceptions: { type: "string", default: "150000" },
  },
});
const url = new URL(values.url!);
const runs = Number(values.runs);
const handle = connectPostgres(url.toString(), 4);
const { db } = handle;

const [{ orders = 0 } = {}] = await executeRows<{ orders: number }>(db, sql`select count(*)::int as orders from orders where kind = 'order'`);
if (orders < 10_000) {
  console.error(`Run bench/orders-list.ts first: ${url.pathname.slice(1)} has ${orders} orders.`);
  process.exit(1);
}

const [{ bench = 0 } = {}] = await executeRows<{ bench: number }>(db, sql`select count(*)::int as bench from exceptions where opened_by = 'bench'`);
if (bench === 0) {
  // Each order draws an exception one time in seven per copy.
  const copies = Math.max(1, Math.ceil((Number(values.exceptions) * 7) / orders));
  log(`adding about ${values.exceptions} synthetic exceptions (once)…`);
  await db.execute(sql`
    insert into exceptions (type, severity, status, team, order_id, customer_id, reason, details, cause, due_at, breached_at, opened_by,
      resolved_by, resolved_at, resolution, created_at, updated_at)
    select k.type::exception_type, (array['low', 'medium', 'medium', 'high', 'critical'])[1 + k.h % 5]::exception_severity,
      (case when k.active then (case when k.h % 2 = 0 then 'open' else 'in_progress' end) else 'resolved' end)::exception_status,
      (case k.type when 'credit_hold' then 'finance' when 'price_approval' then 'manager' when 'stockout' then 'warehouse'
        when 'delivery_failure' then 'warehouse' else 'rep' end)::role,
      k.id, k.customer_id, 'Synthetic exception for the benchmark', jsonb_build_object('skus', jsonb_build_array(k.sku)), k.sku,
      k.created_at + interval '4 hours', case when k.active and k.h % 5 = 0 then k.created_at + interval '4 hours' end, 'bench',
      case when k.active then null else (array['Fran Finance', 'Morgan Manager', 'Riley Rep', 'Wes Warehouse'])[1 + k.h % 4] end,
      case when k.active then null else k.created_at + (k.h % 48) * interval '1 hour' end,
      case when k.active then null else 'release' end, k.created_at, k.created_at
    from (
      select o.id, o.customer_id, now() - (abs(hashtext(o.id::text || c.copy)) % (365 * 24)) * interval '1 hour' as created_at, p.sku, h.h,
        (array['credit_hold', 'price_approval', 'stockout', 'stockout', 'address_hold', 'duplicate_order', 'suspicious_quantity', 'delivery_failure'])[1 + h.h % 8] as type,
        (abs(hashtext(o.id::text || c.copy)) % (365 * 24)) < 7 * 24 and h.h % 3 = 0 as active
      from orders o
      cross join generate_series(1, ${copies}) as c(copy)
      cross join lateral (select abs(hashtext(o.id::text || c.copy)) as h) h
      cross join lateral (select p.sku from order_lines l join products p on p.id = l.product_id where l.order_id = o.id order by l.line_no limit 1) p
      where o.kind = 'order' and h.h % 7 = 0
    ) k`);
  await db.execute(sql`analyze exceptions`);
}

const [counts] = await executeRows<{ exceptions: number; active: number; on_hold: number }>(
  db,
  sql`select (select count(*)::int from exceptions) as exceptions, (select count(*)::int from exceptions where status in ('open', 'in_progress')) as active,
    (select count(*)::int from orders where status = 'on_hold') as on_hold`,
);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const tiles: Record<string, number[]> = {};
const totals: number[] = [];
for (let i = 0; i < runs + 1; i++) {
  const timings: Record<string, number> = {};
  const started = performance.now();
  await exceptionDashboard({ db, timings });
  if (i === 0) continue; // warm-up
  totals.push(performance.now() - started);
  for (const [name, ms] of Object.entries(timings)) (tiles[name] ??= []).push(ms);
}
const manager = { ...SYSTEM_ACTOR, role: "manager" as const };
const queue: Record<string, number[]> = {};
for (const [name, input] of [
  ["all, first page", { view: "all" }],
  ["team, breached", { view: "team", sla: "breached" }],
  ["type and age", { type: "stockout", age: "gt_3d" }],
  ["by customer", { customer: "C-10001" }],
] as const) {
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    await listExceptions({ db, actor: manager, input: ZListExceptionsInput.parse({ ...input, limit: 50 }) });
    if (i > 0) (queue[name] ??= []).push(performance.now() - started);
  }
}
const countTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  await exceptionCounts({ db, actor: manager });
  countTimes.push(performance.now() - started);
}
await handle.close();

log("pgbench tpcb-like, 8 clients, 10 s…");
const pgbenchUrl = new URL(url);
pgbenchUrl.pathname = `${url.pathname}_pgbench`;
const admin = postgres(new URL("/postgres", url).toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${pgbenchUrl.pathname.slice(1)}" with (force)`);
await admin.unsafe(`create database "${pgbenchUrl.pathname.slice(1)}"`);
const tps = pgbenchTps(pgbenchUrl, 8, 10);
await admin.unsafe(`drop database if exists "${pgbenchUrl.pathname.slice(1)}" with (force)`);
await admin.end();

const ms = (xs: number[]) => ({ p50: Math.round(quantile(xs, 0.5) * 10) / 10, max: Math.round(Math.max(...xs) * 10) / 10 });
console.log(
  JSON.stringify(
    {
      benchmark: "exceptions-dashboard",
      machine: machine(),
      data: { orders, ...counts },
      runs,
      dashboardTilesMs: Object.fromEntries(Object.entries(tiles).map(([k, v]) => [k, ms(v)])),
      dashboardTotalMs: ms(totals),
      queueFirstPageMs: Object.fromEntries(Object.entries(queue).map(([k, v]) => [k, ms(v)])),
      tabCountsMs: ms(countTimes),
      pgbenchTps: Math.round(tps),
    },
    null,
    2,
  ),
);
