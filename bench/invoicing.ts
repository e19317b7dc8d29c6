/**
 * Billing benchmark (issue 12): invoicing 10,000 shipments on PostgreSQL, beside pgbench tpcb-like in the same
 * run. Setup through the use cases: three-line orders, each planned, picked and shipped (shipping invoices
 * it), then every invoice voided, so the measured part is invoicing alone — `--workers` finance clerks
 * billing what has shipped (`invoiceOrder`: one transaction each, gapless numbers taken last). Prints JSON:
 * invoices and invoice lines per second, latency, whether the numbers are gapless and every order's standing
 * invoices sum to the order.
 *
 *   npx tsx bench/invoicing.ts [--orders 10000] [--workers 8] [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench_invoicing]
 */
import { sql } from "drizzle-orm";
import { invoiceOrder } from "~/server/billing/invoice-order";
import { voidInvoice } from "~/server/billing/void-invoice";
import { createCustomer } from "~/server/customers/create-customer";
import { connectPostgres } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { pickShipment } from "~/server/fulfillment/pick-shipment";
import { planShipments } from "~/server/fulfillment/plan-shipments";
import { shipShipment } from "~/server/fulfillment/ship-shipment";
import { createOrder } from "~/server/orders/create-order";
import { setTaxRate } from "~/server/pricing/tax-and-limits";
import { actors } from "~/test/fixtures";
import { BENCH_ADDRESS, freshDatabases, inParallel, log, machine, percentile, pgbenchTps, stockedWarehouse, caseBenchArgs } from "./support";

const { url, orderCount, workers } = caseBenchArgs("orderdesk_bench_invoicing");
const databases = await freshDatabases(url);
const handle = connectPostgres(url.toString(), workers + 2);
const { db } = handle;

log(`setting up ${orderCount.toLocaleString("en-US")} three-line orders, shipped (and invoiced), then voided…`);
const skus = await stockedWarehouse(db, { prefix: "INV", listPrice: 1999 });
await setTaxRate({ db, actor: actors.admin, input: { country: "US", region: "NJ", taxCategory: "standard", ratePercent: 6.625 } });
// 1,000 customers, each order of a customer different from its others (the duplicate rule would hold it).
const customers = Array.from({ length: 1000 }, (_, i) => `BILL-${i + 1}`);
for (const code of customers) {
  await createCustomer({
    db,
    actor: actors.admin,
    input: { code, name: code, segment: "wholesale", demandClass: "B", currency: "USD", creditLimit: 1_000_000_000_000, paymentTermsDays: 30, taxExempt: false, billingAddress: BENCH_ADDRESS },
  });
}
const numbers: string[] = [];
await inParallel(
  Array.from({ length: orderCount }, (_, i) => i),
  workers,
  async (i) => {
    const lines = [0, 1, 2].map((k) => ({ sku: skus[(i * 3 + k) % skus.length]!, quantity: k === 0 ? 1 + Math.floor(i / customers.length) : 1 + ((i + k) % 7) }));
    const order = await createOrder({ db, actor: actors.rep, input: { customer: customers[i % customers.length]!, channel: "api", lines, draft: false, customerReference: `B-${i}` } });
    const { shipments } = await planShipments({ db, actor: actors.warehouse, input: { number: order.number } });
    for (const s of shipments) {
      await pickShipment({ db, actor: actors.warehouse, input: { id: s.number, lines: [] } });
      await shipShipment({ db, actor: actors.warehouse, input: { id: s.number, carrier: "UPS", trackingNumber: `1Z${s.number}` } });
    }
    numbers.push(order.number);
  },
);
const toVoid = await executeRows<{ number: string }>(db, sql`select number from invoices where status = 'issued'`);
await inParallel(toVoid, workers, ({ number }) => voidInvoice({ db, actor: actors.finance, input: { number, reason: "bench: bill again" } }));
await db.execute(sql`analyze`);

log(`${workers} clerks invoicing ${numbers.length.toLocaleString("en-US")} shipped orders…`);
const latency: number[] = [];
let errors = 0;
let lines = 0;
const started = performance.now();
await inParallel(numbers, workers, async (number) => {
  try {
    const t0 = performance.now();
    const invoice = await invoiceOrder({ db, actor: actors.finance, input: { number, draft: false } });
    latency.push(performance.now() - t0);
    lines += invoice.lines.length;
  } catch (error) {
    errors++;
    if (errors <= 3) log(`error: ${(error as Error).message}`);
  }
});
const elapsed = (performance.now() - started) / 1000;
const [check] = await executeRows<{ issued: number; span: number; mismatched: number }>(
  db,
  sql`select count(*)::int as issued,
        (max(substr(number, 5)::int) - min(substr(number, 5)::int) + 1)::int as span,
        (select count(*) from orders o where o.kind = 'order' and o.total <> (select coalesce(sum(total), 0) from invoices i where i.order_id = o.id and i.status <> 'void'))::int as mismatched
      from invoices where number is not null`,
);
await handle.close();

log("pgbench tpcb-like on the same server…");
const pgbench = pgbenchTps(databases.pgbenchUrl, workers, 15);
await databases.dropAll();

const invoicesPerSecond = Math.round((latency.length / elapsed) * 10) / 10;
console.log(
  JSON.stringify(
    {
      benchmark: "invoicing",
      machine: machine(),
      orders: numbers.length,
      workers,
      seconds: Math.round(elapsed * 10) / 10,
      invoicesIssued: latency.length,
      invoicesPerSecond,
      invoiceLinesPerSecond: Math.round((lines / elapsed) * 10) / 10,
      latencyMs: { p50: percentile(latency, 0.5), p95: percentile(latency, 0.95), p99: percentile(latency, 0.99) },
      errors,
      // Every number from the first to the last is used once (voided ones included): no gaps.
      gapless: check!.issued === check!.span,
      ordersNotSummingToInvoices: check!.mismatched,
      pgbenchTpcbTps: Math.round(pgbench),
      ratioToPgbench: Math.round((invoicesPerSecond / pgbench) * 1000) / 1000,
    },
    null,
    2,
  ),
);
process.exit(0);
