/**
 * Reservation benchmark (issue 5): reservations per second with 32 concurrent clients on 20 hot SKUs,
 * beside this machine's pgbench tpcb-like TPS measured in the same run. Prints JSON.
 *
 *   npx tsx bench/reservations.ts [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench_reservations]
 *                                 [--clients 32] [--skus 20] [--seconds 15]
 *
 * One reservation is what submitting an order line does: one transaction that locks the SKU's stock rows,
 * picks the warehouse across 3 (hold-backs included), reserves with a guarded UPDATE, writes the ledger
 * row and the allocation (one statement when one warehouse can fill the line, else plan and split). Stock is tight on purpose (SKUs run out during the run), and
 * the run ends by checking zero oversell: reserved ≤ on hand everywhere, reserved = Σ allocations =
 * Σ reservation ledger rows, and = what the clients were told they got.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { categories, products } from "~/server/catalog/schema";
import { customers } from "~/server/customers/schema";
import { connectPostgres } from "~/server/db/client";
import { reserveStock } from "~/server/inventory/reserve-stock";
import { stockLevels, warehouses } from "~/server/inventory/schema";
import { orders } from "~/server/orders/schema";
import { actors } from "~/test/fixtures";
import { freshDatabases, log, machine, pgbenchTps } from "./support";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/orderdesk_bench_reservations" },
    clients: { type: "string", default: "32" },
    skus: { type: "string", default: "20" },
    seconds: { type: "string", default: "15" },
  },
});
const clients = Number(values.clients);
const skuCount = Number(values.skus);
const seconds = Number(values.seconds);
const url = new URL(values.url!);

const databases = await freshDatabases(url);
const handle = connectPostgres(url.toString(), clients);
const { db } = handle;

// 20 hot SKUs in 3 warehouses, 1,500 units each: enough for most of the run, not for all of it.
const [category] = await db.insert(categories).values({ code: "HOT", name: "Hot sellers" }).returning({ id: categories.id });
const productRows = await db
  .insert(products)
  .values(
    Array.from({ length: skuCount }, (_, i) => ({
      sku: `HOT-${String(i + 1).padStart(3, "0")}`,
      name: `Hot seller ${i + 1}`,
      categoryId: category!.id,
      unit: "each" as const,
      currency: "USD",
      listPrice: 1000,
      cost: 500,
      weightGrams: 100,
      taxCategory: "standard" as const,
    })),
  )
  .returning({ id: products.id });
const warehouseRows = await db
  .insert(warehouses)
  .values(["EAST", "WEST", "CENTRAL"].map((code, i) => ({ code, name: code, line1: "1 Dock Rd", city: code, region: ["NJ", "CA", "IL"][i]!, postalCode: "00000", country: "US", priority: (i + 1) * 10 })))
  .returning({ id: warehouses.id });
await db.insert(stockLevels).values(productRows.flatMap((p) => warehouseRows.map((w) => ({ productId: p.id, warehouseId: w.id, onHand: 1500 }))));
await db.execute(sql`
  insert into stock_movements (product_id, warehouse_id, kind, quantity, reason, actor)
  select product_id, warehouse_id, 'adjustment', on_hand, 'initial_stock', 'bench' from stock_levels`);
const [customer] = await db
  .insert(customers)
  .values({ code: "BENCH", name: "Bench Co", segment: "wholesale", demandClass: "B", currency: "USD", creditLimit: 0, paymentTermsDays: 30 })
  .returning({ id: customers.id });
// Each client reserves for an order of its own (allocations are per order, product and warehouse).
const orderRows = await db
  .insert(orders)
  .values(Array.from({ length: clients }, (_, i) => ({ number: `BENCH-${i + 1}`, customerId: customer!.id, channel: "api" as const, currency: "USD", status: "open" as const, createdBy: "bench" })))
  .returning({ id: orders.id, number: orders.number });
await db.execute(sql`analyze`);

log(`${clients} clients × ${skuCount} hot SKUs for ${seconds}s…`);
let reservations = 0;
let unitsReserved = 0;
let shortUnits = 0;
let errors = 0;
const latencies: number[] = [];
const deadline = performance.now() + seconds * 1000;
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const started = performance.now();
await Promise.all(
  orderRows.map(async (order) => {
    while (performance.now() < deadline) {
      const productId = productRows[Math.floor(random() * productRows.length)]!.id;
      const quantity = 1 + Math.floor(random() * 5);
      const t0 = performance.now();
      try {
        const plan = await db.transaction(async (tx) => {
          return reserveStock(tx, { demand: { orderId: order.id, reference: order.number, demandClass: "B", queuedAt: new Date() }, productId, quantity, region: "NJ", actor: actors.rep });
        });
        reservations++;
        unitsReserved += quantity - plan.short;
        shortUnits += plan.short;
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errors <= 3) log(`error: ${(error as Error).message}`);
      }
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;

const [check] = (await db.execute(sql`
  select
    (select count(*) from stock_levels where reserved > on_hand)::int as oversold_levels,
    (select coalesce(sum(reserved), 0) from stock_levels)::int as reserved,
    (select coalesce(sum(quantity), 0) from stock_allocations)::int as allocated,
    (select coalesce(sum(quantity), 0) from stock_movements where kind = 'reservation')::int as ledger_reserved,
    (select count(*) from stock_levels where reserved = on_hand)::int as sold_out_levels`)) as unknown as {
  oversold_levels: number;
  reserved: number;
  allocated: number;
  ledger_reserved: number;
  sold_out_levels: number;
}[];
await handle.close();

log("pgbench tpcb-like on the same server…");
const pgbench = pgbenchTps(databases.pgbenchUrl, clients, seconds);
await databases.dropAll();

latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN) * 100) / 100;
const reservationsPerSecond = Math.round(reservations / elapsed);
const zeroOversell =
  check!.oversold_levels === 0 && check!.reserved === check!.allocated && check!.reserved === check!.ledger_reserved && check!.reserved === unitsReserved;
console.log(
  JSON.stringify(
    {
      benchmark: "reservations",
      machine: machine(),
      clients,
      hotSkus: skuCount,
      warehouses: warehouseRows.length,
      seconds: Math.round(elapsed * 10) / 10,
      reservations,
      reservationsPerSecond,
      latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) },
      unitsReserved,
      unitsShort: shortUnits,
      errors,
      soldOutLevels: check!.sold_out_levels,
      zeroOversell,
      pgbenchTpcbTps: Math.round(pgbench),
      ratioToPgbench: Math.round((reservationsPerSecond / pgbench) * 1000) / 1000,
      goal: "ratioToPgbench >= 0.30 with zeroOversell",
      met: zeroOversell && reservationsPerSecond / pgbench >= 0.3,
    },
    null,
    2,
  ),
);
