/**
 * Inventory grid benchmark (inventory views issue): 10,000 SKUs × 10 warehouses = 100,000 stock levels,
 * timed as the server sees it (the use case, database round trips included): the grid's first page, every
 * filter, a deep keyset page, the sidebar's low-stock count, GET /stock with inbound, the SKU page and its
 * ledger. Prints JSON { median, p95, max } per case. Goal: every page under 100 ms.
 *
 *   npx tsx bench/inventory-grid.ts [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench_inventory] [--runs 15] [--reseed]
 *
 * The database is created, migrated and seeded (set-based INSERT … SELECT, a few seconds) on first use, then reused.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { count, sql } from "drizzle-orm";
import postgres from "postgres";
import { products } from "~/server/catalog/schema";
import { connectPostgres } from "~/server/db/client";
import { migrate } from "~/server/db/migrate";
import { listStock } from "~/server/inventory/list-stock";
import { countLowStock } from "~/server/inventory/low-stock";
import { ZLedgerInput, ZListStockInput, ZStockGridInput } from "~/server/inventory/schemas";
import { getStockDetail } from "~/server/inventory/stock-detail";
import { listStockGrid } from "~/server/inventory/stock-grid";
import { listStockLedger } from "~/server/inventory/stock-ledger";
import { purchasingSupply } from "~/server/purchasing";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/orderdesk_bench_inventory" },
    runs: { type: "string", default: "15" },
    reseed: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const url = new URL(values.url!);
const log = (message: string) => console.error(`[bench] ${message}`);
const PRODUCTS = 10_000;
const WAREHOUSES = 10;

// Create the benchmark database when missing (or drop it first with --reseed).
const adminUrl = new URL(url);
adminUrl.pathname = "/postgres";
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
const dbName = url.pathname.slice(1);
if (values.reseed) await admin.unsafe(`drop database if exists "${dbName.replace(/"/g, '""')}" with (force)`);
const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
if (!exists) await admin.unsafe(`create database "${dbName.replace(/"/g, '""')}"`);
await admin.end();

const migrator = connectPostgres(url.toString(), 1);
await migrate(migrator);
await migrator.close();
const handle = connectPostgres(url.toString(), 4);
const { db } = handle;

const [{ n: existing } = { n: 0 }] = await db.select({ n: count() }).from(products);
if (existing === 0) {
  log(`seeding ${PRODUCTS} products × ${WAREHOUSES} warehouses (once)…`);
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    await tx.execute(sql`
      insert into warehouses (code, name, line1, city, region, postal_code, country, priority)
      select 'W' || lpad(i::text, 2, '0'), 'Warehouse ' || i, i || ' Dock Rd', 'City ' || i, 'NJ', '0710' || i, 'US', i * 10
      from generate_series(1, ${WAREHOUSES}) i`);
    await tx.execute(sql`
      insert into categories (code, name)
      select 'CAT-' || lpad(i::text, 2, '0'), 'Category ' || lpad(i::text, 2, '0') from generate_series(1, 40) i`);
    await tx.execute(sql`
      insert into products (sku, name, category_id, list_price, cost)
      select 'SKU-' || lpad(i::text, 5, '0'),
             (array['Hex bolt','Anchor','Bracket','Hinge','Clamp','Washer','Rivet','Gasket','Valve','Fitting'])[1 + i % 10]
               || ' ' || (array['steel','zinc','brass','nylon','alloy'])[1 + (i / 10) % 5] || ' ' || i,
             c.id, 1000 + i % 5000, 500 + i % 2500
      from generate_series(1, ${PRODUCTS}) i
      join (select id, row_number() over (order by code) - 1 as n from categories) c on c.n = i % 40`);
    // Statuses: ~5% out, ~10% low, ~5% overstock, the rest ok; reserved up to a third of on hand.
    await tx.execute(sql`
      insert into stock_levels (product_id, warehouse_id, on_hand, reserved, reorder_point, reorder_quantity)
      select pid, wid, on_hand, floor(random() * (on_hand / 3 + 1))::int, rp, rp * 2
      from (
        select pid, wid, rp, case
            when roll < 0.05 then 0
            when roll < 0.15 then 1 + floor(random() * rp)::int
            when roll < 0.20 then rp * 6 + floor(random() * 100)::int
            else rp + 1 + floor(random() * rp * 3)::int end as on_hand
        from (select p.id as pid, w.id as wid, (5 + floor(random() * 50))::int as rp, random() as roll
              from products p cross join warehouses w) draws
      ) levels`);
    // The ledger's opening receipts: on hand = Σ on-hand movements.
    await tx.execute(sql`
      insert into stock_movements (product_id, warehouse_id, kind, quantity, reason, reference, actor)
      select product_id, warehouse_id, 'receipt', on_hand, 'initial_stock', 'OPENING-BALANCE', 'bench'
      from stock_levels where on_hand > 0`);
    await tx.execute(sql`
      insert into stock_holdbacks (product_id, warehouse_id, demand_class, quantity, updated_by)
      select product_id, warehouse_id, 'A', 1 + floor(random() * 20)::int, 'bench'
      from stock_levels where random() < 0.02`);
    await tx.execute(sql`insert into vendors (code, name) select 'V' || i, 'Vendor ' || i from generate_series(1, 20) i`);
    await tx.execute(sql`
      insert into purchase_orders (number, vendor_id, warehouse_id, status, expected_date, created_by)
      select 'PO-' || lpad(i::text, 6, '0'), (select id from vendors order by code offset i % 20 limit 1),
             (select id from warehouses order by code offset i % ${WAREHOUSES} limit 1),
             (array['sent','partially_received','draft','received'])[1 + i % 4]::purchase_order_status,
             current_date + (i % 60), 'bench'
      from generate_series(1, 2000) i`);
    await tx.execute(sql`
      insert into purchase_order_lines (purchase_order_id, line_no, product_id, quantity, received)
      select po.id, l, p.id, 50, case when po.status = 'partially_received' then 20 else 0 end
      from (select id, status, row_number() over (order by number) as n from purchase_orders) po
      cross join generate_series(1, 5) l
      join (select id, row_number() over (order by sku) - 1 as n from products) p on p.n = (po.n * 7 + l * 131) % ${PRODUCTS}`);
  });
  await db.execute(sql`analyze`);
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const [{ n: levels } = { n: 0 }] = (await db.execute(sql`select count(*)::int as n from stock_levels`)) as unknown as { n: number }[];

const deepSku = `SKU-${String(PRODUCTS - 150).padStart(5, "0")}`;
const { encodeCursor } = await import("~/server/db/pagination");
const grid = (filter: Record<string, unknown>) => () => listStockGrid({ db, input: ZStockGridInput.parse(filter) });

const cases: Record<string, () => Promise<unknown>> = {
  "grid: first page": grid({}),
  "grid: status=low": grid({ status: "low" }),
  "grid: status=out": grid({ status: "out" }),
  "grid: status=overstock": grid({ status: "overstock" }),
  "grid: status=reorder": grid({ status: "reorder" }),
  "grid: category": grid({ category: "CAT-07" }),
  "grid: warehouse": grid({ warehouse: "W05" }),
  "grid: warehouse&status=out": grid({ warehouse: "W05", status: "out" }),
  "grid: category&status=overstock&warehouse": grid({ category: "CAT-07", status: "overstock", warehouse: "W03" }),
  "grid: search SKU prefix": grid({ search: "SKU-04" }),
  "grid: search name": grid({ search: "brass" }),
  "grid: search no match": grid({ search: "nothing-like-this" }),
  "grid: deep keyset page": grid({ cursor: encodeCursor([deepSku]) }),
  "grid: deep keyset page, status=low": grid({ status: "low", cursor: encodeCursor([deepSku]) }),
  "low-stock count": () => countLowStock({ db }),
  "GET /stock page (50, with inbound)": () => listStock({ db, input: ZListStockInput.parse({}), supply: purchasingSupply }),
  "GET /stock?sku=": () => listStock({ db, input: ZListStockInput.parse({ sku: "SKU-00042" }), supply: purchasingSupply }),
  "SKU page detail": () => getStockDetail({ db, sku: "SKU-00042", supply: purchasingSupply }),
  "SKU ledger page": () => listStockLedger({ db, input: ZLedgerInput.parse({ sku: "SKU-00042" }) }),
};

const round = (n: number) => Math.round(n * 10) / 10;
const results = [];
for (const [name, run] of Object.entries(cases)) {
  await run(); // warm-up (plan cache, buffers)
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = (await run()) as { items?: unknown[] };
    times.push(performance.now() - started);
    rows = Array.isArray(result?.items) ? result.items.length : 1;
  }
  times.sort((a, b) => a - b);
  results.push({
    case: name,
    rows,
    median: round(times[Math.floor(times.length / 2)]!),
    p95: round(times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!),
    max: round(times.at(-1)!),
  });
}

const goalMs = 100;
console.log(
  JSON.stringify(
    {
      benchmark: "inventory grid",
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      products: PRODUCTS,
      stockLevels: levels,
      runsPerCase: runs,
      unit: "ms",
      goalMs,
      allUnderGoal: results.every((r) => r.max < goalMs),
      results,
    },
    null,
    2,
  ),
);
await handle.close();
