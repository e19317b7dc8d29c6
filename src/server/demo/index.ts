import { runAt } from "~/server/clock";
import type { Db } from "~/server/db/client";
import { Agenda, DAY } from "./agenda";
import { type BillingSeedSummary, bookBilling } from "./billing";
import { castOf } from "./cast";
import { bookExceptionDesk, type ExceptionSeedSummary } from "./exceptions";
import { bookFulfillment, type FulfillmentSeedSummary } from "./fulfillment";
import { loadMarket } from "./market";
import { type MasterDataSummary, seedMasterData } from "./master-data";
import { bookOrders, type OrderSeedSummary } from "./orders";
import { type PricingSeedSummary, seedPricing } from "./pricing";
import { seedTaxExemptions, type TaxExemptionSeedSummary } from "./tax-exemptions";
import { bookPurchasing, type PurchasingSeedSummary } from "./purchasing";
import { deriveSeed, Random } from "./random";
import { loadParcelSpecs } from "./shipping";
import { bookJeopardyWatch, seedOrchestration } from "./orchestration";
import { bookStock, type StockSeedSummary } from "./stock";
import { seedVendors } from "./vendors";

export const DEFAULT_SEED = 20261121;
/**
 * Sales orders placed over the history. Through the use cases an order with its follow-ups costs about
 * 60 ms on the embedded database, so this keeps the first start at about half a minute.
 */
export const DEFAULT_ORDERS = 450;
/** Days of history before now. */
export const DEFAULT_DAYS = 60;

export type SeedOptions = {
  /** Sales orders placed over the history; quotes come on top, one for every eight orders. */
  orders?: number;
  /** Quotes (default: orders / 8). */
  quotes?: number;
  /** Same seed and `now`, same data. */
  seed?: number;
  /** The history ends just before this moment. */
  now?: Date;
  /** How many days of history before `now`. */
  days?: number;
  onProgress?: (message: string) => void;
};

export type SeedSummary = MasterDataSummary & {
  vendors: number;
  pricing: PricingSeedSummary;
  taxExemptions: TaxExemptionSeedSummary;
  history: OrderSeedSummary & PurchasingSeedSummary & StockSeedSummary & FulfillmentSeedSummary & ExceptionSeedSummary & BillingSeedSummary;
  /** Use-case actions run, and the time they took, by kind. */
  actions: Record<string, { count: number; seconds: number }>;
};

/**
 * Fills an empty, migrated database with a believable distributor. Master data (demo users,
 * warehouses, catalog, customers, opening stock in the ledger) is written in bulk; everything after
 * that is history, made only by calling the use cases — the admin's pricing set-up, orders, quotes, edits,
 * holds and releases, cancellations, purchase orders and receipts, transfers, counts, hold-backs,
 * replenishment — each with the domain clock set to the moment it happened (see Agenda). So every screen agrees with the
 * documents behind it, and nothing exists that the product could not have produced: the warehouse's
 * shipments become invoices, finance collects, chases and credits (billing.ts).
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  const orders = options.orders ?? DEFAULT_ORDERS;
  const quotes = options.quotes ?? Math.round(orders / 8);
  const days = options.days ?? DEFAULT_DAYS;
  // From midnight (UTC), not from this minute `days` ago: a seed run at 9 am and one at 1 pm the same day make the
  // same history up to this morning (the desk's hours decide what happens when; a shifted start shifted it all).
  const start = Math.floor(now.getTime() / DAY) * DAY - days * DAY;
  // The books open the day before the history starts.
  const openedAt = new Date(start - DAY);
  const progress = options.onProgress ?? (() => {});

  progress("master data: users, warehouses, catalog, customers, opening stock");
  // About 3.9 lines an order (see orders.ts), conversions and repeat orders on top.
  const { taxExempt, ...master } = await seedMasterData(db, { seed, now, openedAt, linesPerDay: ((orders + quotes) * 4) / days });
  const { cast, vendors } = await runAt(openedAt, async () => {
    const cast = await castOf(db);
    const vendors = await seedVendors(db, cast.admin, new Random(deriveSeed(seed, "vendors")));
    await seedOrchestration(db, cast);
    return { cast, vendors };
  });
  const market = await loadMarket(db);
  const parcels = await loadParcelSpecs(db);
  progress("pricing: state sales tax, price lists, discount rules, override limits");
  // Before the first order, so the history is priced (and taxed) by them.
  const pricing = await runAt(openedAt, () => seedPricing(db, cast, market, { start, end: now.getTime() }));
  progress("tax exemption certificates of the exempt accounts");
  const taxExemptions = await runAt(openedAt, () => seedTaxExemptions(db, cast, taxExempt, { start, end: now.getTime() }));

  const agenda = new Agenda(start, now.getTime());
  // Each summary fills in as the agenda runs.
  const desk = bookExceptionDesk(db, agenda, cast, { seed });
  const placed = bookOrders(db, agenda, cast, market, { orders, quotes, seed, desk });
  const shipping = bookFulfillment(db, agenda, cast, parcels, { seed });
  const billing = bookBilling(db, agenda, cast, { seed });
  const bought = bookPurchasing(db, agenda, cast, market, { seed, afterStockArrival: shipping.afterStockArrival });
  const stocked = bookStock(db, agenda, cast, market, { seed, afterStockArrival: shipping.afterStockArrival });
  const watched = bookJeopardyWatch(db, agenda, { days: 10 });
  progress(`history: ${days} days, ${orders} orders and ${quotes} quotes placed through the use cases`);
  const started = performance.now();
  let lastReport = started;
  await agenda.run((done, at) => {
    if (performance.now() - lastReport < 5_000) return;
    lastReport = performance.now();
    progress(`history: ${done} actions, up to ${new Date(at).toISOString().slice(0, 10)}`);
  });
  return { ...master, ...vendors, pricing, taxExemptions, history: { ...placed, ...bought, ...stocked, ...shipping.summary, ...desk.summary, ...billing, ...watched }, actions: agenda.timings() };
}
