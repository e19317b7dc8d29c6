/**
 * Order list benchmark (issue 3): the first page of each filter combination on a seeded million orders,
 * timed as the server sees it (the use case, database round trips included). Prints JSON.
 *
 *   npx tsx bench/orders-list.ts [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench] [--orders 1000000] [--runs 7]
 *
 * The database is created and seeded on first use (a million orders take several minutes), then reused.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { users } from "~/server/auth/schema";
import { connectPostgres } from "~/server/db/client";
import { migrate } from "~/server/db/migrate";
import { appendDemoOrders, seedDemo } from "~/server/db/seed";
import { customers } from "~/server/customers/schema";
import { listOrders } from "~/server/orders/list-orders";
import { ZListOrdersInput } from "~/server/orders/schemas";
import { orders } from "~/server/orders/schema";
import { products } from "~/server/catalog/schema";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/orderdesk_bench" },
    orders: { type: "string", default: "1000000" },
    runs: { type: "string", default: "7" },
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
  log(`seeding ${target} orders (once)…`);
  await seedDemo(db, { orders: target, concurrency: 2, onProgress: log });
  await db.execute(sql`analyze`);
} else if (existing < target * 0.95) {
  log(`appending ${target - existing} orders (once)…`);
  await appendDemoOrders(db, { orders: target - existing, concurrency: 2, onProgress: log });
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
const [someSku] = await db.select({ sku: products.sku }).from(products).limit(1).offset(100);
// The SKU on the fewest order lines: the search path that starts from the lines.
const [rareSku] = (await db.execute(
  sql`select p.sku from products p left join order_lines l on l.product_id = p.id group by p.sku order by count(l.*) asc limit 1`,
)) as unknown as { sku: string }[];

const combos: Record<string, Record<string, unknown>> = {
  "no filter": {},
  "status=open": { status: "open" },
  "status=on_hold": { status: "on_hold" },
  "status=draft": { status: "draft" },
  "status=completed&billing=paid": { status: "completed", billingStatus: "paid" },
  "fulfillment=partially_shipped": { fulfillmentStatus: "partially_shipped" },
  "channel=edi&status=open": { channel: "edi", status: "open" },
  "customer": { customer: someCustomer?.code },
  "customer&status=completed": { customer: someCustomer?.code, status: "completed" },
  "date range (one month)": { from: "2026-06-01", to: "2026-06-30" },
  "search: order number": { search: someNumber?.number },
  "search: customer PO": { search: somePo?.ref },
  "search: customer name": { search: someCustomer?.name.split(" ")[0] },
  "search: SKU": { search: someSku?.sku },
  "search: rare SKU": { search: rareSku?.sku },
  "search: common word": { search: "Supply" },
  "sort=total desc": { sort: "total", direction: "desc" },
  "sort=total asc&status=open": { sort: "total", direction: "asc", status: "open" },
  "sort=number asc": { sort: "number", direction: "asc" },
  "createdBy=me&status=open": { createdBy: "me", status: "open" },
  "quotes": { kind: "quote" },
};

const results = [];
for (const [name, filter] of Object.entries(combos)) {
  const input = ZListOrdersInput.parse({ limit: 50, ...filter });
  const times: number[] = [];
  let rows = 0;
  let secondPageMs = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const page = await listOrders({ db, input, actorId: rep?.id });
    times.push(performance.now() - started);
    rows = page.items.length;
    if (i === 0 && page.nextCursor) {
      const s2 = performance.now();
      await listOrders({ db, input: { ...input, cursor: page.nextCursor }, actorId: rep?.id });
      secondPageMs = performance.now() - s2;
    }
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  results.push({ filter: name, rows, medianMs: round(times[Math.floor(times.length / 2)]!), maxMs: round(times.at(-1)!), secondPageMs: round(secondPageMs) });
}

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
      results,
    },
    null,
    2,
  ),
);
await handle.close();
