/**
 * Torture test (issue 14): orders placed through the REST door of the production build while PostgreSQL is
 * stopped the hard way and started again, then the books checked. Not part of `npm test`. Prints JSON and
 * exits non-zero when anything failed.
 *
 *   npm run build && npm run torture -- [--seconds 60] [--clients 8] [--lines 3] [--chaos-every 10]
 *                                       [--down-min 1] [--down-max 3] [--attempts 6] [--timeout 10]
 *
 * 1. Its own throwaway PostgreSQL (initdb into a temporary folder, a free port, trust auth; run as the
 *    `postgres` OS user when this runs as root), never the machine's server; removed at the end, also on
 *    failure or Ctrl-C.
 * 2. Master data through the use cases (bench/rest-orders.ts: 3 warehouses, customers, products — a few of
 *    them short so orders split and backorder — and an API key), then `next start` on a free port.
 * 3. `clients` concurrent clients place orders for `seconds`, each with its own Idempotency-Key (also its
 *    customer reference); on a network error, a 503 or no answer within `timeout` seconds a client sends the
 *    same request with the same key again, up to `attempts` times in all, backing off (and honouring
 *    Retry-After). Meanwhile, every ~`chaos-every` seconds, `pg_ctl stop -m immediate` and, `down-min`–
 *    `down-max` seconds later, `pg_ctl start`.
 * 4. With the database up again: `/api/ready` must answer 200 and one more order must be placed; then, in
 *    SQL, every acknowledged order exists exactly once under its number and its key, no key made two orders,
 *    unacknowledged orders are absent or there once, and the stock books balance (src/test/books.ts: on hand
 *    and reserved = the ledger = the allocations, each live order's lines = its allocations and backorders).
 *    Any answer other than 2xx, 4xx or 503, any request without an answer within `timeout` seconds and any
 *    dropped connection is a failure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { connectPostgres } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { migrate } from "~/server/db/migrate";
import { bookMismatches } from "~/test/books";
import { createOrderMasterData, freePort, orderBody, requireProductionBuild, seededRandom, startProductionServer, stopProcessGroup, waitForServer } from "./rest-orders";
import { log, machine } from "./support";
import { ThrowawayPostgres } from "./throwaway-postgres";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "8" },
    lines: { type: "string", default: "3" },
    customers: { type: "string", default: "16" },
    skus: { type: "string", default: "100" },
    /** Seconds between two stops of PostgreSQL (each one ±20 %). */
    "chaos-every": { type: "string", default: "10" },
    /** How long PostgreSQL stays down, in seconds: a random time between the two. */
    "down-min": { type: "string", default: "1" },
    "down-max": { type: "string", default: "3" },
    /** Requests per order at most (the first and its retries with the same Idempotency-Key). */
    attempts: { type: "string", default: "6" },
    /** Seconds without an answer after which a request counts as a hang (and is retried). */
    timeout: { type: "string", default: "10" },
    /** The folder holding initdb, pg_ctl and postgres (default: the newest /usr/lib/postgresql/N/bin, or pg_config --bindir). */
    "pg-bin": { type: "string" },
    seed: { type: "string", default: "14" },
    /** Print what happened when (stops, starts, hangs) and keep the logs even when the run passes. */
    verbose: { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const lines = Number(values.lines);
const chaosEveryMs = Number(values["chaos-every"]) * 1000;
const downMinMs = Number(values["down-min"]) * 1000;
const downMaxMs = Number(values["down-max"]) * 1000;
const maxAttempts = Number(values.attempts);
const timeoutMs = Number(values.timeout) * 1000;

requireProductionBuild("bench/torture.ts (npm run torture)");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------------
// Set-up, with clean-up on every way out.

const pg = new ThrowawayPostgres(await freePort(), { binDir: values["pg-bin"], database: "orderdesk_torture" });
const running: { server?: ReturnType<typeof startProductionServer> } = {};
const serverLog = path.join(pg.dir, "server.log");
const cleanUp = () => {
  if (running.server) stopProcessGroup(running.server, "SIGKILL");
  pg.remove();
};
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the server and the throwaway PostgreSQL…`);
    process.exit(130);
  });
}

log(`throwaway PostgreSQL in ${pg.dir} on port ${pg.port}…`);
pg.init();
await pg.start();
{
  await pg.createDatabase();
  const migrator = connectPostgres(pg.url, 1);
  await migrate(migrator);
  await migrator.close();
}

log("customers, products, stock and an API key through the use cases…");
const setup = connectPostgres(pg.url, 2);
// One SKU in ten is short (40 units per warehouse): orders split across warehouses and backorder.
const { customerCodes, skus, key } = await createOrderMasterData(setup.db, {
  customers: Number(values.customers),
  skus: Number(values.skus),
  stockOf: (i) => (i % 10 === 9 ? 40 : 1_000_000),
  keyName: "torture",
});
await setup.db.execute(sql`analyze`);
await setup.close();

const appPort = await freePort();
log(`next start on port ${appPort} (log: ${serverLog})…`);
const serverOut = fs.openSync(serverLog, "a");
const server = (running.server = startProductionServer({ port: appPort, databaseUrl: pg.url, stdio: ["ignore", serverOut, serverOut] }));
let serverExit: string | null = null;
server.on("exit", (code, signal) => (serverExit = `code ${code}, signal ${signal}`));
const appUrl = `http://127.0.0.1:${appPort}`;
await waitForServer(`${appUrl}/api/ready`, { status: 200 });

// ---------------------------------------------------------------------------------------------------------------
// Clients placing orders, with retries of the same key.

type Answer = { kind: "status"; status: number; code?: string; number?: string; retryAfterMs?: number } | { kind: "network"; message: string } | { kind: "timeout" };
type OrderAttempt = { key: string; customer: string; attempts: number; answers: Answer[]; number?: string; trace: string[] };

const authorization = `Bearer ${key}`;
const runId = Date.now().toString(36);
const latencies: number[] = [];
/** What happened when (seconds since the clients started), for the log when something fails. */
const timeline: string[] = [];
let clock0 = performance.now();
const at = (t = performance.now()) => `+${((t - clock0) / 1000).toFixed(1)}s`;

/** One POST /orders: its answer, within `timeoutMs` (the body read included) or a timeout. */
async function post(body: string, idempotencyKey: string): Promise<Answer> {
  const t0 = performance.now();
  try {
    const response = await fetch(`${appUrl}/api/v1/orders`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", "idempotency-key": idempotencyKey },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = (await response.json().catch(() => ({}))) as { number?: string; error?: { code?: string } };
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      kind: "status",
      status: response.status,
      code: json.error?.code,
      number: json.number,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
    };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      timeline.push(`${at(t0)} request with key ${idempotencyKey} sent, no answer within ${timeoutMs / 1000} s`);
      return { kind: "timeout" };
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message = cause?.code ?? cause?.message ?? (error as Error).message;
    timeline.push(`${at(t0)} request with key ${idempotencyKey} sent, connection failed: ${message}`);
    return { kind: "network", message };
  } finally {
    latencies.push(performance.now() - t0);
  }
}

const retryable = (a: Answer) => a.kind !== "status" || a.status === 503;

/** Places one order as an integrator would: the same body and key again on no answer or a 503, backing off. */
async function placeOrder(random: () => number, client: number, n: number): Promise<OrderAttempt> {
  const key = `T-${runId}-${client}-${n}`;
  const customer = customerCodes[(client + n) % customerCodes.length]!;
  const body = orderBody(random, { customer, skus, lines, customerReference: key });
  const order: OrderAttempt = { key, customer, attempts: 0, answers: [], trace: [] };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const t0 = performance.now();
    const answer = await post(body, key);
    const what = answer.kind === "status" ? `${answer.status}${answer.code ? ` ${answer.code}` : ""}` : answer.kind === "network" ? `connection failed (${answer.message})` : "no answer";
    order.trace.push(`${at(t0)} ${what} in ${Math.round(performance.now() - t0)} ms`);
    order.attempts = attempt;
    order.answers.push(answer);
    if (answer.kind === "status" && answer.status >= 200 && answer.status < 300) {
      order.number = answer.number;
      break;
    }
    if (!retryable(answer) || attempt === maxAttempts) break;
    const backoff = Math.min(8_000, 250 * 2 ** attempt) * (0.75 + random() / 2);
    await sleep(Math.max(backoff, answer.kind === "status" ? (answer.retryAfterMs ?? 0) : 0));
  }
  return order;
}

// ---------------------------------------------------------------------------------------------------------------
// The run: clients and the chaos loop side by side.

const restarts: { downMs: number; startMs: number }[] = [];
const chaosErrors: string[] = [];
const deadline = performance.now() + seconds * 1000;

/** Stops PostgreSQL every ~`chaos-every` seconds (stop to stop, ±20 %) and starts it `down-min`–`down-max` s later. */
async function chaos() {
  let nextStop = performance.now();
  for (;;) {
    nextStop += chaosEveryMs * (0.8 + Math.random() * 0.4);
    await sleep(Math.min(nextStop, deadline) - performance.now());
    if (performance.now() >= deadline) return;
    try {
      timeline.push(`${at()} stopping PostgreSQL`);
      await pg.stopImmediately();
      timeline.push(`${at()} PostgreSQL stopped`);
      const downMs = downMinMs + Math.random() * (downMaxMs - downMinMs);
      log(`${at()} PostgreSQL stopped (immediate); starting it again in ${(downMs / 1000).toFixed(1)} s`);
      await sleep(downMs);
      const t0 = performance.now();
      await pg.start();
      restarts.push({ downMs: Math.round(downMs), startMs: Math.round(performance.now() - t0) });
      timeline.push(`${at()} PostgreSQL started again`);
    } catch (error) {
      chaosErrors.push((error as Error).message.split("\n")[0]!);
      await pg.start().catch(() => {});
    }
  }
}

log(`${clients} clients placing ${lines}-line orders for ${seconds} s; PostgreSQL stopped every ~${chaosEveryMs / 1000} s…`);
const placed: OrderAttempt[] = [];
const started = (clock0 = performance.now());
const startedAt = new Date();
await Promise.all([
  chaos(),
  ...Array.from({ length: clients }, async (_, client) => {
    const random = seededRandom(Number(values.seed) * 100 + client);
    for (let n = 0; performance.now() < deadline; n++) placed.push(await placeOrder(random, client, n));
  }),
]);
const elapsedSeconds = (performance.now() - started) / 1000;

// ---------------------------------------------------------------------------------------------------------------
// After the last restart: the app answers, and the books.

log("checking: /api/ready, one more order, then the books…");
const readyStarted = performance.now();
let readyAfterMs: number | null = null;
try {
  await waitForServer(`${appUrl}/api/ready`, { status: 200, timeoutMs: 30_000 });
  readyAfterMs = Math.round(performance.now() - readyStarted);
} catch {
  // stays null: a failure
}
const last = await placeOrder(seededRandom(7), clients, 1_000_000);
const lastOrderStatus = last.answers.map((a) => (a.kind === "status" ? a.status : a.kind)).join(" → ");
placed.push(last);

// The server must not have thrown outside a request (Next logs such an error as "uncaughtException").
const serverUncaughtExceptions = (fs.readFileSync(serverLog, "utf8").match(/uncaughtException|unhandledRejection/g) ?? []).length;

const check = connectPostgres(pg.url, 2);
const rows = await executeRows<{ number: string; reference: string | null; key: string | null }>(
  check.db,
  sql`select o.number, o.customer_reference as reference, k.key
      from orders o left join idempotency_keys k on k.order_id = o.id
      where o.customer_reference like ${`T-${runId}-%`} or k.key like ${`T-${runId}-%`}`,
);
const [keyCount] = await executeRows<{ keys: number; distinctOrders: number }>(
  check.db,
  sql`select count(*)::int as keys, count(distinct order_id)::int as "distinctOrders" from idempotency_keys where key like ${`T-${runId}-%`}`,
);
const mismatches = await bookMismatches(check.db);
await check.close();

const ordersByReference = new Map<string, string[]>();
const ordersByKey = new Map<string, string[]>();
for (const row of rows) {
  if (row.reference) ordersByReference.set(row.reference, [...(ordersByReference.get(row.reference) ?? []), row.number]);
  if (row.key) ordersByKey.set(row.key, [...(ordersByKey.get(row.key) ?? []), row.number]);
}

let foundOnce = 0;
let missing = 0;
let duplicates = 0;
let createdButUnacknowledged = 0;
let absentUnacknowledged = 0;
let keyMismatches = 0;
const examples: Record<string, string[]> = {};
const note = (kind: string, text: string) => {
  const list = (examples[kind] ??= []);
  if (list.length < 5) list.push(text);
};
for (const order of placed) {
  const byReference = ordersByReference.get(order.key) ?? [];
  const byKey = ordersByKey.get(order.key) ?? [];
  if (byReference.length > 1 || byKey.length > 1) {
    duplicates++;
    note("duplicates", `${order.key}: ${byReference.join(", ")}`);
  }
  // The key maps to the order that carries it as its reference (written in the same transaction).
  if (byReference.length !== byKey.length || byReference.some((n) => !byKey.includes(n))) {
    keyMismatches++;
    note("keyMismatches", `${order.key}: by reference ${byReference.join(", ") || "none"}, by key ${byKey.join(", ") || "none"}`);
  }
  if (order.number) {
    if (byReference.length === 1 && byReference[0] === order.number && byKey.length === 1 && byKey[0] === order.number) foundOnce++;
    else if (byReference.length === 0) {
      missing++;
      note("missing", `${order.key} acknowledged as ${order.number}`);
    } else note("wrongNumber", `${order.key} acknowledged as ${order.number}, found ${byReference.join(", ")}`);
  } else if (byReference.length === 1) {
    createdButUnacknowledged++;
    note("createdButUnacknowledged", `${order.key} (${byReference[0]}): ${order.trace.join(", ")}`);
  }
  else if (byReference.length === 0) {
    absentUnacknowledged++;
    note("absentUnacknowledged", `${order.key}: ${order.trace.join(", ")}`);
  }
}

const answers = placed.flatMap((o) => o.answers);
const statusCount = (test: (status: number) => boolean) => answers.filter((a) => a.kind === "status" && test(a.status)).length;
const clientErrors: Record<string, number> = {};
for (const a of answers) if (a.kind === "status" && a.status >= 400 && a.status < 500) clientErrors[`${a.status} ${a.code}`] = (clientErrors[`${a.status} ${a.code}`] ?? 0) + 1;
const networkErrors: Record<string, number> = {};
for (const a of answers) if (a.kind === "network") networkErrors[a.message] = (networkErrors[a.message] ?? 0) + 1;
const acknowledged = placed.filter((o) => o.number);
const acknowledgedNumbers = new Set(acknowledged.map((o) => o.number));
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);

const result = {
  ordersAttempted: placed.length,
  acknowledged: acknowledged.length,
  unacknowledged: placed.length - acknowledged.length,
  retried: placed.filter((o) => o.attempts > 1).length,
  retries: placed.reduce((sum, o) => sum + o.attempts - 1, 0),
  acknowledgedAfterRetry: acknowledged.filter((o) => o.attempts > 1).length,
  requests: answers.length,
  responses: {
    "2xx": statusCount((s) => s >= 200 && s < 300),
    "4xx": statusCount((s) => s >= 400 && s < 500),
    "503": statusCount((s) => s === 503),
    "500": statusCount((s) => s >= 500 && s !== 503),
    other: statusCount((s) => s < 200 || (s >= 300 && s < 400)),
  },
  clientErrors,
  networkErrors,
  hangs: answers.filter((a) => a.kind === "timeout").length,
  latencyMs: { p50: pct(0.5), p99: pct(0.99), max: Math.round(sorted.at(-1) ?? 0) },
  restarts: restarts.length,
  downSeconds: restarts.length ? { min: Math.min(...restarts.map((r) => r.downMs)) / 1000, max: Math.max(...restarts.map((r) => r.downMs)) / 1000 } : null,
  restartMs: restarts.length ? { max: Math.max(...restarts.map((r) => r.startMs)) } : null,
  foundOnce,
  duplicates,
  missing,
  keyMismatches,
  createdButUnacknowledged,
  absentUnacknowledged,
  ledgerMismatches: mismatches.length,
  serverUncaughtExceptions,
  readyAfterLastRestartMs: readyAfterMs,
  orderAfterLastRestart: lastOrderStatus,
};

const failures: string[] = [];
if (result.responses["500"] > 0) failures.push(`${result.responses["500"]} answers 5xx other than 503`);
if (result.responses.other > 0) failures.push(`${result.responses.other} answers neither 2xx, 4xx nor 503`);
if (result.hangs > 0) failures.push(`${result.hangs} requests without an answer within ${timeoutMs / 1000} s`);
const networkErrorCount = Object.values(networkErrors).reduce((a, b) => a + b, 0);
if (networkErrorCount > 0) failures.push(`${networkErrorCount} requests whose connection failed (the app must answer even with its database down)`);
if (duplicates > 0) failures.push(`${duplicates} keys with more than one order`);
if (missing > 0) failures.push(`${missing} acknowledged orders missing`);
if (foundOnce !== acknowledged.length) failures.push(`${acknowledged.length - foundOnce} acknowledged orders not found exactly once under their number and key`);
if (acknowledgedNumbers.size !== acknowledged.length) failures.push("two keys were acknowledged with the same order number");
if (keyMismatches > 0) failures.push(`${keyMismatches} orders whose idempotency key and reference disagree`);
if (keyCount && keyCount.keys !== keyCount.distinctOrders) failures.push("an order is held by two idempotency keys");
if (mismatches.length > 0) failures.push(`${mismatches.length} stock book rows do not balance`);
if (readyAfterMs === null) failures.push("/api/ready did not answer 200 within 30 s of the last restart");
if (!last.number) failures.push(`the order after the last restart was not placed (${lastOrderStatus})`);
if (serverUncaughtExceptions > 0) failures.push(`${serverUncaughtExceptions} uncaught exceptions in the server's log`);
if (serverExit) failures.push(`the server exited (${serverExit})`);
if (chaosErrors.length > 0) failures.push(`chaos loop: ${chaosErrors.join("; ")}`);
if (acknowledged.length === 0) failures.push("no order was acknowledged");
if (restarts.length === 0 && seconds * 1000 > chaosEveryMs * 1.2) failures.push("PostgreSQL was never restarted");
const passed = failures.length === 0;

// What the clients saw of the orders they never got an answer for (the first five of each kind).
for (const kind of ["createdButUnacknowledged", "absentUnacknowledged"]) if (examples[kind]) log(`${kind}:\n${examples[kind].join("\n")}`);
if (!passed || values.verbose) {
  log(`timeline (+0s = ${startedAt.toISOString()}):\n${timeline.sort((a, b) => parseFloat(a.slice(1)) - parseFloat(b.slice(1))).join("\n")}`);
  if (Object.keys(examples).length) log(`examples: ${JSON.stringify(examples)}`);
  if (mismatches.length) log(`stock book rows that do not balance (first 5): ${JSON.stringify(mismatches.slice(0, 5))}`);
  // The folder goes away with the throwaway server: keep its logs.
  const kept = path.join(os.tmpdir(), `orderdesk-torture-${runId}`);
  fs.mkdirSync(kept, { recursive: true });
  for (const file of [serverLog, pg.logFile]) fs.copyFileSync(file, path.join(kept, path.basename(file)));
  log(`the server's and PostgreSQL's logs are kept in ${kept}`);
}

console.log(
  JSON.stringify(
    {
      benchmark: "torture",
      machine: machine(),
      seconds: Math.round(elapsedSeconds),
      clients,
      linesPerOrder: lines,
      ...result,
      failures,
      passed,
    },
    null,
    2,
  ),
);
process.exit(passed ? 0 : 1);
