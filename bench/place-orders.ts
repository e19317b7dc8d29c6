/**
 * Order placement through the REST door, as an integrator's clients would do it (issue 9). Prints JSON.
 *
 *   npm run build && npx tsx bench/place-orders.ts [--clients 32] [--seconds 20] [--warmup 5] [--instances 1]
 *                                                  [--url postgres://postgres@127.0.0.1:5432/orderdesk_bench_orders]
 *
 * A fresh PostgreSQL database with 32 customers, 200 SKUs in 3 warehouses (plenty of stock) and an API
 * key, all made through the use cases; then the production build (`next start`, one or more instances on
 * the same database), a warm-up, and `clients` concurrent clients placing 5-line orders with an
 * Idempotency-Key for `seconds`. Beside it, in the same run: bare `GET /products/{sku}` and
 * `GET /openapi.json` rates, the server's CPU time per order (from /proc), and pgbench tpcb-like (scale
 * 10, 8 clients, same duration) on the same server. Ends by checking the books: every 2xx order exists
 * once, and reserved stock equals the allocations and the reservation ledger.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { connectPostgres } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { createOrderMasterData, orderBody, requireProductionBuild, seededRandom, startProductionServer, stopProcessGroup, waitForServer } from "./rest-orders";
import { cpuSecondsOf, freshDatabases, log, machine, pgbenchTps, postgresCpuSeconds } from "./support";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/orderdesk_bench_orders" },
    clients: { type: "string", default: "32" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    instances: { type: "string", default: "1" },
    port: { type: "string", default: "3200" },
    "pgbench-clients": { type: "string", default: "8" },
    /** Write V8 CPU profiles of the server processes into this folder (node --cpu-prof). */
    "cpu-prof": { type: "string" },
    /** Skip the GET /products and GET /openapi.json rates (e.g. to profile order placement alone). */
    "orders-only": { type: "boolean", default: false },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const instances = Number(values.instances);
const basePort = Number(values.port);
const url = new URL(values.url!);

const CUSTOMERS = 32;
const SKUS = 200;
const LINES = 5;

requireProductionBuild("bench/place-orders.ts");

log("migrating and creating customers, products, stock and an API key through the use cases…");
const databases = await freshDatabases(url);
const handle = connectPostgres(url.toString(), 4);
const { db } = handle;
const { customerCodes, skus, key } = await createOrderMasterData(db, { customers: CUSTOMERS, skus: SKUS });
await db.execute(sql`analyze`);

log(`starting ${instances} production server instance(s)…`);
const servers: ChildProcess[] = [];
const ports = Array.from({ length: instances }, (_, i) => basePort + i);
for (const port of ports) {
  const profile = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
  servers.push(startProductionServer({ port, databaseUrl: url.toString(), nodeArgs: profile }));
}
const stopServers = () => servers.forEach((s) => stopProcessGroup(s));
process.on("exit", stopServers);
for (const port of ports) await waitForServer(`http://127.0.0.1:${port}/login`);

const bases = ports.map((p) => `http://127.0.0.1:${p}/api/v1`);
const authorization = `Bearer ${key}`;
const random = seededRandom(42);

type Outcome = { ok: boolean; status: number; ms: number; number?: string };
let requestCounter = 0;

async function placeOrder(client: number): Promise<Outcome> {
  const body = orderBody(random, { customer: customerCodes[client % CUSTOMERS]!, skus, lines: LINES, customerReference: `BENCH-${client}-${requestCounter}` });
  const t0 = performance.now();
  const response = await fetch(`${bases[client % bases.length]}/orders`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json", "idempotency-key": `bench-${process.pid}-${client}-${requestCounter++}` },
    body,
  });
  const json = (await response.json().catch(() => ({}))) as { number?: string };
  return { ok: response.ok, status: response.status, ms: performance.now() - t0, number: json.number };
}

async function get(client: number, pathname: string): Promise<Outcome> {
  const t0 = performance.now();
  const response = await fetch(`${bases[client % bases.length]}${pathname}`, { headers: { authorization } });
  await response.arrayBuffer();
  return { ok: response.ok, status: response.status, ms: performance.now() - t0 };
}

/** `clients` loops calling `request` until the time is up; latency percentiles, rate and errors. */
async function load(durationSeconds: number, request: (client: number) => Promise<Outcome>) {
  const outcomes: Outcome[] = [];
  const deadline = performance.now() + durationSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        try {
          outcomes.push(await request(client));
        } catch (error) {
          outcomes.push({ ok: false, status: 0, ms: 0 });
          if (outcomes.filter((o) => !o.ok).length <= 3) log(`request failed: ${(error as Error).message}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const ok = outcomes.filter((o) => o.ok);
  const latencies = ok.map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN);
  const failures = outcomes.filter((o) => !o.ok);
  return {
    outcomes,
    summary: {
      requests: outcomes.length,
      perSecond: Math.round((ok.length / elapsed) * 10) / 10,
      latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) },
      errors: failures.length,
      errorStatuses: [...new Set(failures.map((f) => f.status))],
    },
  };
}

/** Where the machine's CPU goes: the server processes, every PostgreSQL process, and this load generator. */
function cpuSeconds() {
  const self = process.cpuUsage();
  return { server: servers.reduce((sum, s) => sum + cpuSecondsOf(s.pid!), 0), postgres: postgresCpuSeconds(), loadGenerator: (self.user + self.system) / 1e6 };
}

log(`warm-up ${warmup}s…`);
await load(warmup, placeOrder);
log("GET /products/{sku} and GET /openapi.json, 5 s each…");
/** A GET's rate, with the server CPU each request cost. */
async function getRate(pathOf: (client: number) => string) {
  const before = cpuSeconds();
  const { summary } = await load(5, (c) => get(c, pathOf(c)));
  const serverMs = ((cpuSeconds().server - before.server) / Math.max(1, summary.requests)) * 1000;
  return { perSecond: summary.perSecond, p95Ms: summary.latencyMs.p95, serverCpuMsPerRequest: Math.round(serverMs * 100) / 100, errors: summary.errors };
}
const skipGets = values["orders-only"];
const productGet = skipGets ? null : await getRate((c) => `/products/${skus[c % skus.length]}`);
const openapiGet = skipGets ? null : await getRate(() => "/openapi.json");

log(`${clients} clients placing ${LINES}-line orders for ${seconds}s…`);
const cpuBefore = cpuSeconds();
const placed = await load(seconds, placeOrder);
const cpuAfter = cpuSeconds();
stopServers();

// The books: every acknowledged order exists once; reserved stock = allocations = reservation ledger.
const acknowledged = placed.outcomes.filter((o) => o.ok && o.number).map((o) => o.number!);
const [books] = await executeRows<{ found: number; oversold: number; reserved: number; allocated: number; ledger: number }>(
  db,
  sql`select
    (select count(*) from orders where number in (${sql.join(acknowledged.length ? acknowledged.map((n) => sql`${n}`) : [sql`null`], sql`, `)}))::int as found,
    (select count(*) from stock_levels where reserved > on_hand)::int as oversold,
    (select coalesce(sum(reserved), 0) from stock_levels)::bigint as reserved,
    (select coalesce(sum(quantity), 0) from stock_allocations)::bigint as allocated,
    (select coalesce(sum(case when kind = 'reservation' then quantity when kind = 'release' then -quantity end), 0) from stock_movements)::bigint as ledger`,
);
await handle.close();
const booksBalance =
  Number(books!.found) === new Set(acknowledged).size && books!.oversold === 0 && Number(books!.reserved) === Number(books!.allocated) && Number(books!.reserved) === Number(books!.ledger);

log("pgbench tpcb-like on the same server…");
const pgbenchClients = Number(values["pgbench-clients"]);
const pgbench = pgbenchTps(databases.pgbenchUrl, pgbenchClients, seconds);
await databases.dropAll();

const ordersPerSecond = placed.summary.perSecond;
const ok = placed.outcomes.filter((o) => o.ok).length;
console.log(
  JSON.stringify(
    {
      benchmark: "place-orders",
      machine: machine(),
      serverInstances: instances,
      clients,
      linesPerOrder: LINES,
      seconds,
      orders: ok,
      ordersPerSecond,
      latencyMs: placed.summary.latencyMs,
      errors: placed.summary.errors,
      errorStatuses: placed.summary.errorStatuses,
      cpuMsPerOrder: Object.fromEntries(
        (["server", "postgres", "loadGenerator"] as const).map((k) => [k, ok > 0 ? Math.round(((cpuAfter[k] - cpuBefore[k]) / ok) * 10_000) / 10 : null]),
      ),
      booksBalance,
      getProduct: productGet,
      getOpenApi: openapiGet,
      pgbenchTpcbTps: Math.round(pgbench),
      pgbenchClients,
      ratioToPgbench: Math.round((ordersPerSecond / pgbench) * 1000) / 1000,
      goal: "ordersPerSecond >= 75 (≈ 0.03 × pgbench), p95 <= 500 ms, 0 errors",
      met: ordersPerSecond >= 75 && placed.summary.latencyMs.p95 <= 500 && placed.summary.errors === 0 && booksBalance,
    },
    null,
    2,
  ),
);
process.exit(0);
