/**
 * npm run seed -- [--orders 500] [--days 60] [--seed 20261121] [--reset]
 *
 * Seeds the demo distributor into the app's database: PostgreSQL at DATABASE_URL, or the embedded PGlite
 * in DATA_DIR. The history (orders, quotes, purchase orders, receipts, transfers, counts…) is made by the
 * use cases, in time order, so it takes about as long as placing that many orders by hand would take the
 * server. Refuses a database that already has data unless --reset, which empties every table first.
 * Progress goes to stderr; the summary to stdout as JSON.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { DEFAULT_DAYS, DEFAULT_ORDERS, DEFAULT_SEED, seedDemo } from "~/server/demo";
import { users } from "~/server/auth/schema";
import { products } from "~/server/catalog/schema";
import { executeRows } from "~/server/db/execute";
import { SEQUENCED_DOCUMENTS } from "~/server/db/sequences";
import { orders as orderTable } from "~/server/orders/schema";
import { fail, openScriptDb } from "./open-db";

const USAGE = "Usage: npm run seed -- [--orders N] [--days N] [--seed N] [--reset]";

const { values } = parseArgs({
  options: {
    orders: { type: "string" },
    days: { type: "string" },
    seed: { type: "string" },
    reset: { type: "boolean", default: false },
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
const days = Math.max(1, integerOption("days", values.days, DEFAULT_DAYS));

async function hasData(db: Db): Promise<boolean> {
  for (const table of [users, products, orderTable]) {
    const rows = await db.select({ one: sql`1` }).from(table).limit(1);
    if (rows.length > 0) return true;
  }
  return false;
}

/** A refusal to explain in one line, not a crash to debug. */
class Refusal extends Error {}

/** Reference data the migrations insert (and the seed does not make again): kept by --reset. */
const REFERENCE_TABLES = ["carriers", "policies", "policy_versions", "customer_segments", "tax_categories", "units", "unit_aliases"];

/** Empties every table the app owns (including users, API keys and document numbers, which start again). */
async function truncateAll(db: Db) {
  const tables = await executeRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename not in (${sql.join(REFERENCE_TABLES.map((t) => sql`${t}`), sql`, `)})`,
  );
  const names = tables.map((t) => sql.identifier(t.name));
  await db.execute(sql`truncate table ${sql.join(names, sql`, `)} restart identity cascade`);
  for (const { sequence, start } of Object.values(SEQUENCED_DOCUMENTS)) {
    await db.execute(sql`alter sequence ${sql.identifier(sequence)} restart with ${sql.raw(String(start))}`);
  }
}

const progress = (message: string) => console.error(`[seed] ${message}`);
const handle = await openScriptDb().catch((error: Error) => fail(error.message));
try {
  const started = performance.now();
  if ((await hasData(handle.db)) && !values.reset) {
    throw new Refusal("The database already has data. Add --reset to empty it and seed again.");
  }
  if (values.reset) {
    progress("emptying every table");
    await truncateAll(handle.db);
  }
  const summary = await seedDemo(handle.db, { orders, days, seed, onProgress: progress });
  // Fresh statistics, so the first queries get good plans.
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
