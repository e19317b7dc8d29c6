/**
 * Order list benchmark (issue 3): the first page of each filter combination on a million orders, timed as
 * the server sees it (the use case, database round trips included). Prints JSON.
 *
 *   npx tsx bench/orders-list.ts [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench] [--orders 1000000] [--runs 7] [--http]
 *
 * With --http (after `npm run build`), each filter's first page is also fetched as an integrator gets it:
 * GET /api/v1/orders on `next start` of the production build against the same database, beside the floor of
 * that path (GET /api/health through the same server, and `select 1` straight to PostgreSQL).
 *
 * The database is created on first use and kept: the demo is seeded through the use cases (a few hundred
 * orders with their whole history), then its orders are multiplied with set-based SQL copies up to
 * --orders (a few minutes). The copies are SYNTHETIC, for this list benchmark only: new ids, numbers and
 * creation dates spread over the past year, lines copied without reservations; no events, exceptions or
 * stock behind them, so the books do not balance in this database and it is no demo data.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { count, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { users } from "~/server/auth/schema";
import { connectPostgres, type Db } from "~/server/db/client";
import { migrate } from "~/server/db/migrate";
import { SEQUENCED_DOCUMENTS } from "~/server/db/sequences";
import { seedDemo } from "~/server/demo";
import { customers } from "~/server/customers/schema";
import { countOrders, listOrders } from "~/server/orders/list-orders";
import { ZListOrdersInput } from "~/server/orders/schemas";
import { orderLines, orders } from "~/server/orders/schema";
import { products } from "~/server/catalog/schema";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration/api-keys";
import { freePort, requireProductionBuild, startProductionServer, stopProcessGroup, waitForServer } from "./rest-orders";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/orderdesk_bench" },
    orders: { type: "string", default: "1000000" },
    runs: { type: "string", default: "7" },
    http: { type: "boolean", default: false },
  },
});
const target = Number(values.orders);
const runs = Number(values.runs);
const url = new URL(values.url!);
const log = (message: string) => console.error(`[bench] ${message}`);

// Create the benchmark database when missing.
const adminUrl = new URL(url);
adminUrl.pathname = "/postgres";
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
const dbName = url.pathname.slice(1);
const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
if (!exists) await admin.unsafe(`create database "${dbName.replace(/"/g, '""')}"`);
await admin.end();

const migrator = connectPostgres(url.toString(), 1);
await migrate(migrator);
await migrator.close();
const handle = connectPostgres(url.toString(), 4);
const { db } = handle;

const [{ n: existing } = { n: 0 }] = await db.select({ n: count() }).from(orders).where(eq(orders.kind, "order"));
if (existing === 0) {
  log("seeding the demo through the use cases (once)…");
  await seedDemo(db, { onProgress: log });
}
const [{ n: seeded } = { n: 0 }] = await db.select({ n: count() }).from(orders).where(eq(orders.kind, "order"));
if (seeded < target * 0.95) {
  log(`copying orders up to ${target} (synthetic, once)…`);
  await multiplyOrders(db, target);
  await db.execute(sql`analyze`);
}
// Statistics for indexes a migration may just have added (expression indexes need their own).
await db.execute(sql`analyze orders`);
await db.execute(sql`analyze order_lines`);
const [{ n: total } = { n: 0 }] = await db.select({ n: count() }).from(orders);

const [someCustomer] = await db.select({ code: customers.code, name: customers.name }).from(customers).limit(1).offset(17);
const [rep] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep@demo.orderdesk"));
const [somePo] = await db.select({ ref: orders.customerReference }).from(orders).where(sql`${orders.customerReference} is not null`).limit(1).offset(5000);
const [someNumber] = await db.select({ number: orders.number }).from(orders).limit(1).offset(Math.floor(total / 2));
const [someSku] = await db.select({ sku: products.sku, name: products.name }).from(products).limit(1).offset(100);
// Two words out of a product's name ("Disposable Gloves"): the product-name search (issue 15).
const productWords = someSku?.name.split(/[^A-Za-z]+/).filter((w) => w.length >= 3).slice(1, 3).join(" ") ?? "Gloves";
// The SKU on the fewest order lines: the search path that starts from the lines.
const [rareSku] = (await db.execute(
  sql`select p.sku from products p left join order_lines l on l.product_id = p.id group by p.sku order by count(l.*) asc limit 1`,
)) as unknown as { sku: string }[];

const combos: Record<string, Record<string, unknown>> = {
  "no filter": {},
  "status=open": { status: "open" },
  "status=on_hold": { status: "on_hold" },
  "status=draft": { status: "draft" },
  "status=canceled": { status: "canceled" },
  // Nothing has shipped yet (no fulfillment in the product): a filter that matches no order.
  "fulfillment=partially_shipped": { fulfillmentStatus: "partially_shipped" },
  "channel=edi&status=open": { channel: "edi", status: "open" },
  "customer": { customer: someCustomer?.code },
  "customer&status=canceled": { customer: someCustomer?.code, status: "canceled" },
  "date range (one month)": { from: "2026-06-01", to: "2026-06-30" },
  "search: order number": { search: someNumber?.number },
  "search: customer PO": { search: somePo?.ref },
  "search: customer name": { search: someCustomer?.name.split(" ")[0] },
  "search: SKU": { search: someSku?.sku },
  "search: rare SKU": { search: rareSku?.sku },
  "search: common word": { search: "Supply" },
  "search: product name": { search: productWords },
  "search: product word (common)": { search: "gloves" },
  "sort=total desc": { sort: "total", direction: "desc" },
  "sort=total asc&status=open": { sort: "total", direction: "asc", status: "open" },
  "sort=number asc": { sort: "number", direction: "asc" },
  "sort=customer asc": { sort: "customer", direction: "asc" },
  "sort=customer desc&status=open": { sort: "customer", direction: "desc", status: "open" },
  "sort=status asc": { sort: "status", direction: "asc" },
  "createdBy=me&status=open": { createdBy: "me", status: "open" },
  // Issue 15: the assignee filter (5 % of the copies are the rep's).
  "assignedTo=me": { assignedTo: "me" },
  "assignedTo=me&status=open": { assignedTo: "me", status: "open" },
  "assignedTo=none&status=on_hold": { assignedTo: "none", status: "on_hold" },
  "quotes": { kind: "quote" },
};

const results = [];
for (const [name, filter] of Object.entries(combos)) {
  const input = ZListOrdersInput.parse({ limit: 50, ...filter });
  const times: number[] = [];
  let rows = 0;
  let secondPageMs = 0;
  let previousPageMs = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const page = await listOrders({ db, input, actorId: rep?.id });
    times.push(performance.now() - started);
    rows = page.items.length;
    if (i === 0 && page.nextCursor) {
      const s2 = performance.now();
      const second = await listOrders({ db, input: { ...input, cursor: page.nextCursor }, actorId: rep?.id });
      secondPageMs = performance.now() - s2;
      if (second.prevCursor) {
        const s3 = performance.now();
        await listOrders({ db, input: { ...input, before: second.prevCursor }, actorId: rep?.id });
        previousPageMs = performance.now() - s3;
      }
    }
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  results.push({ filter: name, rows, medianMs: round(times[Math.floor(times.length / 2)]!), maxMs: round(times.at(-1)!), secondPageMs: round(secondPageMs), previousPageMs: round(previousPageMs) });
}

// The list's count (exact up to 10,000, "10,000+" beyond), per filter: it streams in after the rows.
const counts = [];
for (const [name, filter] of Object.entries(combos)) {
  if (filter.sort) continue;
  const input = ZListOrdersInput.parse({ limit: 50, ...filter });
  const times: number[] = [];
  let counted = { count: 0, capped: false };
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    counted = await countOrders({ db, input, actorId: rep?.id });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  counts.push({ filter: name, count: counted.capped ? `${counted.count}+` : counted.count, medianMs: round(times[Math.floor(times.length / 2)]!), maxMs: round(times.at(-1)!) });
}

const http = values.http ? await overHttp() : undefined;

const goalMs = 100;
console.log(
  JSON.stringify(
    {
      benchmark: "orders-list first page",
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      orders: total,
      runsPerFilter: runs,
      goalMs,
      allMedianUnderGoal: results.every((r) => r.medianMs < goalMs),
      allCountsUnderGoal: counts.every((r) => r.medianMs < goalMs),
      results,
      counts,
      ...(http ? { http } : {}),
    },
    null,
    2,
  ),
);
await handle.close();

/**
 * The same first pages through the REST door of the production build (an API key, as an integrator calls
 * it): what a client waits for, serialisation and the HTTP stack included. Filters that name "me" are left
 * out (an API key is nobody's "me").
 */
async function overHttp() {
  requireProductionBuild("bench/orders-list.ts --http");
  const port = await freePort();
  const { key } = await createApiKey({ db, actor: SYSTEM_ACTOR, input: { name: `orders-list bench ${Date.now()}`, role: "manager" } });
  const server = startProductionServer({ port, databaseUrl: url.toString() });
  process.on("exit", () => stopProcessGroup(server));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/api/health`, { status: 200 });
    const headers = { authorization: `Bearer ${key}` };
    const timed = async (target: string, init?: RequestInit) => {
      const started = performance.now();
      const response = await fetch(target, init);
      const body = await response.arrayBuffer();
      if (!response.ok) throw new Error(`${target}: ${response.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };
    const median = (list: number[]) => Math.round([...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]! * 10) / 10;
    const repeat = async (work: () => Promise<number>) => {
      await work(); // warm: the first call compiles the route
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await work());
      return { medianMs: median(times), maxMs: Math.round(Math.max(...times) * 10) / 10 };
    };
    const floor = {
      health: await repeat(async () => (await timed(`${base}/api/health`)).ms),
      selectOne: await repeat(async () => {
        const started = performance.now();
        await db.execute(sql`select 1`);
        return performance.now() - started;
      }),
    };
    const pages = [];
    for (const [name, filter] of Object.entries(combos)) {
      if (Object.values(filter).includes("me")) continue;
      const query = new URLSearchParams({ limit: "50" });
      for (const [k, v] of Object.entries(filter)) if (v !== undefined) query.set(k, String(v));
      let bytes = 0;
      const timing = await repeat(async () => {
        const result = await timed(`${base}/api/v1/orders?${query}`, { headers });
        bytes = result.bytes;
        return result.ms;
      });
      pages.push({ filter: name, ...timing, bytes });
    }
    return { goalMs: 200, allMedianUnderGoal: pages.every((p) => p.medianMs < 200), floor, pages };
  } finally {
    stopProcessGroup(server);
  }
}

/**
 * Grows the orders table to `target` orders with SYNTHETIC copies of the seeded orders (never demo data):
 * per batch, a map of (source order, copy) with a new id and a creation date moved back by up to a year
 * (setseed: the same copies on every run), then one INSERT … SELECT for the orders (numbers from the
 * order sequence, in date order) and one for their lines (no reservations or backorders: nothing stands
 * behind a copy). Quotes and their links are not copied.
 */
async function multiplyOrders(db: Db, target: number) {
  // The seeded orders only (copies have no timeline), so a batch never copies the copies of an earlier one.
  const sources = sql`select o.id from orders o where o.kind = 'order' and exists (select 1 from order_events e where e.order_id = o.id)`;
  const [{ n: base } = { n: 0 }] = (await db.execute(sql`select count(*)::int as n from (${sources}) s`)) as unknown as { n: number }[];
  if (base === 0) throw new Error("Nothing to copy: the demo has no orders");
  const batchCopies = Math.max(1, Math.floor(50_000 / base));
  await db.execute(sql`select setseed(0.42)`);
  const columnsOf = (table: PgTable, value: (name: string) => SQL | undefined) => {
    const names = Object.values(getTableColumns(table)).map((c) => c.name);
    return { names: sql.join(names.map((n) => sql.identifier(n)), sql`, `), values: sql.join(names.map((n) => value(n) ?? sql`src.${sql.identifier(n)}`), sql`, `) };
  };
  const orderColumns = columnsOf(orders, (name) => {
    if (name === "id") return sql`m.new_id`;
    if (name === "number") return sql`${SEQUENCED_DOCUMENTS.order.prefix} || nextval(${SEQUENCED_DOCUMENTS.order.sequence}::regclass)`;
    if (["created_at", "updated_at", "submitted_at", "canceled_at"].includes(name)) return sql`src.${sql.identifier(name)} - m.shift`;
    if (name === "converted_from_id" || name === "converted_to_id") return sql`null`;
    if (name === "version") return sql`1`;
    // One copy in twenty is looked after by the demo rep (the "Assigned to" filter has something to find).
    if (name === "assigned_to_id") return sql`case when random() < 0.05 then (select id from users where email = 'rep@demo.orderdesk') else src.assigned_to_id end`;
    return undefined;
  });
  const lineColumns = columnsOf(orderLines, (name) => {
    if (name === "id") return sql`gen_random_uuid()`;
    if (name === "order_id") return sql`m.new_id`;
    if (name === "reserved" || name === "backordered") return sql`0`;
    if (name === "created_at" || name === "updated_at") return sql`src.${sql.identifier(name)} - m.shift`;
    return undefined;
  });
  const [{ n: present } = { n: 0 }] = await db.select({ n: count() }).from(orders).where(eq(orders.kind, "order"));
  for (let total = present; total < target; ) {
    const copies = Math.min(batchCopies, Math.ceil((target - total) / base));
    await db.transaction(async (tx) => {
      await tx.execute(sql`create temp table copy_map on commit drop as
        select s.id as src_id, gen_random_uuid() as new_id, random() * interval '365 days' as shift
        from (${sources}) s cross join generate_series(1, ${copies}) k order by s.id, k`);
      await tx.execute(sql`insert into orders (${orderColumns.names})
        select ${orderColumns.values} from copy_map m join orders src on src.id = m.src_id order by src.created_at - m.shift`);
      await tx.execute(sql`insert into order_lines (${lineColumns.names})
        select ${lineColumns.values} from copy_map m join order_lines src on src.order_id = m.src_id`);
    });
    total += copies * base;
    log(`orders: ${total.toLocaleString("en-US")} / ${target.toLocaleString("en-US")}`);
  }
}
