/**
 * Fulfillment benchmark (issue 10): planning + picking + shipping 10,000 one-line orders through the use
 * cases on PostgreSQL, with `--workers` concurrent warehouse clerks, beside pgbench tpcb-like in the same
 * run. Prints JSON: shipments per second (plan → pick → ship, three transactions each), latency of each
 * step, and whether the books balance afterwards.
 *
 *   npx tsx bench/shipments.ts [--orders 10000] [--workers 8] [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench_shipments]
 */
import { sql } from "drizzle-orm";
import { createCustomer } from "~/server/customers/create-customer";
import { connectPostgres } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { pickShipment } from "~/server/fulfillment/pick-shipment";
import { planShipments } from "~/server/fulfillment/plan-shipments";
import { shipShipment } from "~/server/fulfillment/ship-shipment";
import { createOrder } from "~/server/orders/create-order";
import { bookMismatches } from "~/test/books";
import { actors } from "~/test/fixtures";
import { BENCH_ADDRESS, freshDatabases, log, machine, percentile, pgbenchTps, stockedWarehouse, caseBenchArgs } from "./support";

const { url, orderCount, workers } = caseBenchArgs("orderdesk_bench_shipments");

const databases = await freshDatabases(url);
const handle = connectPostgres(url.toString(), workers + 2);
const { db } = handle;

log(`setting up 100 SKUs in one warehouse and ${orderCount.toLocaleString("en-US")} one-line orders through the use cases…`);
const skus = await stockedWarehouse(db, { prefix: "SHP", listPrice: 1000 });
await createCustomer({
  db,
  actor: actors.admin,
  input: { code: "BENCH", name: "Bench Co", segment: "wholesale", demandClass: "B", currency: "USD", creditLimit: 1_000_000_000_000, paymentTermsDays: 30, taxExempt: false, billingAddress: BENCH_ADDRESS },
});
const numbers: string[] = [];
await Promise.all(
  Array.from({ length: workers }, async (_, w) => {
    for (let i = w; i < orderCount; i += workers) {
      const order = await createOrder({ db, actor: actors.rep, input: { customer: "BENCH", channel: "api", lines: [{ sku: skus[i % skus.length]!, quantity: 1 + (i % 5) }], draft: false } });
      numbers.push(order.number);
    }
  }),
);
await db.execute(sql`analyze`);

log(`${workers} clerks planning, picking and shipping ${numbers.length.toLocaleString("en-US")} orders…`);
const timings = { plan: [] as number[], pick: [] as number[], ship: [] as number[] };
let errors = 0;
const queue = [...numbers];
const started = performance.now();
await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let number = queue.shift(); number; number = queue.shift()) {
      try {
        let t0 = performance.now();
        const { shipments } = await planShipments({ db, actor: actors.warehouse, input: { number } });
        timings.plan.push(performance.now() - t0);
        for (const s of shipments) {
          t0 = performance.now();
          await pickShipment({ db, actor: actors.warehouse, input: { id: s.number, lines: [] } });
          timings.pick.push(performance.now() - t0);
          t0 = performance.now();
          await shipShipment({ db, actor: actors.warehouse, input: { id: s.number, carrier: "UPS", trackingNumber: `1Z${s.number}` } });
          timings.ship.push(performance.now() - t0);
        }
      } catch (error) {
        errors++;
        if (errors <= 3) log(`error: ${(error as Error).message}`);
      }
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const [counts] = await executeRows<{ shipped: number; lines: number }>(
  db,
  sql`select (select count(*) from shipments where status = 'shipped')::int as shipped, (select count(*) from shipment_lines)::int as lines`,
);
const books = await bookMismatches(db);
await handle.close();

log("pgbench tpcb-like on the same server…");
const pgbench = pgbenchTps(databases.pgbenchUrl, workers, 15);
await databases.dropAll();

const shipmentsPerSecond = Math.round((counts!.shipped / elapsed) * 10) / 10;
console.log(
  JSON.stringify(
    {
      benchmark: "shipments",
      machine: machine(),
      orders: numbers.length,
      workers,
      seconds: Math.round(elapsed * 10) / 10,
      shipmentsShipped: counts!.shipped,
      shipmentsPerSecond,
      transactionsPerSecond: Math.round(((timings.plan.length + timings.pick.length + timings.ship.length) / elapsed) * 10) / 10,
      latencyMs: Object.fromEntries(Object.entries(timings).map(([step, list]) => [step, { p50: percentile(list, 0.5), p95: percentile(list, 0.95) }])),
      errors,
      booksBalance: books.length === 0,
      pgbenchTpcbTps: Math.round(pgbench),
      ratioToPgbench: Math.round((shipmentsPerSecond / pgbench) * 1000) / 1000,
    },
    null,
    2,
  ),
);
process.exit(0);
