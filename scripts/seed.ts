/**
 * npm run seed -- [--orders 5000] [--seed 20261121] [--reset] [--concurrency 2]
 * npm run seed -- --append-orders 1000000 [--seed 20261121] [--concurrency 2]
 *
 * Seeds the demo distributor into the app's database: PostgreSQL at DATABASE_URL, or the embedded PGlite
 * in DATA_DIR. Refuses a database that already has data unless --reset, which empties every table first.
 * --append-orders adds orders for the customers and products already there (to grow a benchmark database).
 * On PostgreSQL, --concurrency order chunks are written at once over as many connections (default 2;
 * about the database server's core count is best). Progress goes to stderr; the summary to stdout as JSON.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { env } from "~/env";
import { connectPostgres, type Db } from "~/server/db/client";
import { appendDemoOrders, DEFAULT_ORDERS, DEFAULT_SEED, seedDemo } from "~/server/db/seed";
import { users } from "~/server/auth/schema";
import { products } from "~/server/catalog/schema";
import { executeRows } from "~/server/db/execute";
import { orders as orderTable } from "~/server/orders/schema";
import { fail, openScriptDb } from "./open-db";

const USAGE =
  "Usage: npm run seed -- [--orders N] [--seed N] [--reset] [--concurrency N]\n" +
  "       npm run seed -- --append-orders N [--seed N] [--concurrency N]";

const { values } = parseArgs({
  options: {
    orders: { type: "string" },
    "append-orders": { type: "string" },
    seed: { type: "string" },
    reset: { type: "boolean", default: false },
    concurrency: { type: "string" },
  },
});

/** A non-negative integer option; "1000000", "1_000_000" and "1,000,000" all read the same. */
function integerOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/[_,]/g, ""));
  if (!Number.isSafeInteger(parsed) || parsed < 0) fail(`--${name} must be a whole number, got "${value}"\n${USAGE}`);
  return parsed;
}

const seed = integerOption("seed", values.seed, DEFAULT_SEED);
const orders = integerOption("orders", values.orders, DEFAULT_ORDERS);
const concurrency = Math.max(1, integerOption("concurrency", values.concurrency, 2));
const appendOrders = values["append-orders"] === undefined ? undefined : integerOption("append-orders", values["append-orders"], 0);
if (appendOrders !== undefined && (values.reset || values.orders !== undefined)) {
  fail(`--append-orders adds to existing data: it cannot be combined with --reset or --orders\n${USAGE}`);
}

async function hasData(db: Db): Promise<boolean> {
  for (const table of [users, products, orderTable]) {
    const rows = await db.select({ one: sql`1` }).from(table).limit(1);
    if (rows.length > 0) return true;
  }
  return false;
}

/** A refusal to explain in one line, not a crash to debug. */
class Refusal extends Error {}

/** Empties every table the app owns (including users, API keys and document numbers). */
async function truncateAll(db: Db) {
  const tables = await executeRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public'`,
  );
  const names = tables.map((t) => sql.identifier(t.name));
  await db.execute(sql`truncate table ${sql.join(names, sql`, `)} restart identity cascade`);
}

const progress = (message: string) => console.error(`[seed] ${message}`);
const migrated = await openScriptDb().catch((error: Error) => fail(error.message));
// openScriptDb migrates over a single connection; concurrent chunks need a pool that size.
const handle =
  migrated.kind === "postgres" && env.DATABASE_URL && concurrency > 1 ? connectPostgres(env.DATABASE_URL, concurrency) : migrated;
if (handle !== migrated) await migrated.close();
// PGlite is one connection in this process: concurrent chunks would only queue.
const chunkConcurrency = handle.kind === "postgres" ? concurrency : 1;
try {
  const started = performance.now();
  const isPopulated = await hasData(handle.db);
  let summary: object;
  if (appendOrders !== undefined) {
    if (!isPopulated) throw new Refusal("There is nothing to append to: run `npm run seed` first.");
    summary = await appendDemoOrders(handle.db, { orders: appendOrders, seed, concurrency: chunkConcurrency, onProgress: progress });
  } else {
    if (isPopulated && !values.reset) {
      throw new Refusal("The database already has data. Add --reset to empty it and seed again, or --append-orders N to add orders.");
    }
    if (values.reset) {
      progress("emptying every table");
      await truncateAll(handle.db);
    }
    summary = await seedDemo(handle.db, { orders, seed, concurrency: chunkConcurrency, onProgress: progress });
  }
  // Fresh statistics, so the first queries on a large seed get good plans.
  progress("analyzing");
  await handle.db.execute(sql`analyze`);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(JSON.stringify({ database: handle.kind, seed, seconds, ...summary }, null, 2));
} catch (error) {
  console.error(error instanceof Refusal ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
