import { count } from "drizzle-orm";
import { orders } from "~/server/orders/schema";
import type { Db } from "../client";
import { type MasterDataSummary, seedMasterData } from "./master-data";
import { loadOrderSeedContext } from "./order-context";
import { type OrderSeedSummary, seedOrders } from "./orders";
import { seedHoldbacks } from "./holdbacks";
import { type PurchasingSeedSummary, seedPurchasing } from "./purchasing";

export const DEFAULT_SEED = 20261121;
export const DEFAULT_ORDERS = 5_000;

export type SeedOptions = {
  /** Sales orders to generate; quotes come on top, one for every twenty orders. */
  orders?: number;
  /** Same seed and `now`, same data. */
  seed?: number;
  /** History is generated for the year before this moment. */
  now?: Date;
  /** Order chunks written at once (PostgreSQL with a connection pool at least this big). */
  concurrency?: number;
  onProgress?: (message: string) => void;
};

export type SeedSummary = MasterDataSummary & PurchasingSeedSummary & OrderSeedSummary & { holdbacks: number };

const quotesFor = (orderCount: number) => Math.round(orderCount / 20);

/**
 * Fills an empty, migrated database with a believable distributor: demo users, warehouses, catalog,
 * customers, opening stock and a year of orders and quotes in every state.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  const orderCount = options.orders ?? DEFAULT_ORDERS;
  options.onProgress?.("master data: users, warehouses, catalog, customers, stock");
  const master = await seedMasterData(db, { seed, now });
  options.onProgress?.("purchasing: vendors, purchase orders, receipts");
  const purchasing = await seedPurchasing(db, { seed, now });
  const context = await loadOrderSeedContext(db);
  const documents = await seedOrders(db, context, {
    orders: orderCount,
    quotes: quotesFor(orderCount),
    seed,
    batch: "initial",
    now,
    concurrency: options.concurrency,
    onProgress: options.onProgress,
  });
  const holdbacks = await seedHoldbacks(db);
  return { ...master, ...purchasing, ...documents, ...holdbacks };
}

/**
 * Adds orders (and their quotes) for the customers and products already in the database, e.g. to grow
 * a seeded database to benchmark size. Numbers continue the sequences, so unlike the first batch they
 * are not in creation order relative to the existing orders.
 */
export async function appendDemoOrders(db: Db, options: SeedOptions & { orders: number }): Promise<OrderSeedSummary> {
  const [existing] = await db.select({ n: count() }).from(orders);
  const context = await loadOrderSeedContext(db);
  return seedOrders(db, context, {
    orders: options.orders,
    quotes: quotesFor(options.orders),
    seed: options.seed ?? DEFAULT_SEED,
    // Each batch draws its own stream, or its ids would repeat the ones already inserted.
    batch: `append-${existing?.n ?? 0}`,
    now: options.now ?? new Date(),
    concurrency: options.concurrency,
    onProgress: options.onProgress,
  });
}
