import { asc, eq, isNull } from "drizzle-orm";
import { categories, products } from "~/server/catalog/schema";
import type { DemandClass, Segment } from "~/server/customers/constants";
import { customers } from "~/server/customers/schema";
import type { Db } from "~/server/db/client";
import { CATEGORY_SPECS } from "./catalog-data";
import { hashUnit, WeightedTable } from "./random";

/** Three distribution centres; a lower priority number is preferred when sourcing. */
export const WAREHOUSE_SPECS = [
  {
    code: "EAST",
    name: "East Coast DC",
    address: { line1: "600 Doremus Ave", city: "Newark", region: "NJ", postalCode: "07105", country: "US" },
    priority: 10,
    stockScale: 1,
  },
  {
    code: "CENTRAL",
    name: "Central DC",
    address: { line1: "4800 Mountain Creek Pkwy", city: "Dallas", region: "TX", postalCode: "75236", country: "US" },
    priority: 20,
    stockScale: 0.8,
  },
  {
    code: "WEST",
    name: "West DC",
    address: { line1: "2000 Electric Ave", city: "Reno", region: "NV", postalCode: "89502", country: "US" },
    priority: 30,
    stockScale: 0.6,
  },
] as const;
export type WarehouseCode = (typeof WAREHOUSE_SPECS)[number]["code"];

/**
 * How often a product is ordered, in (0, 1]: a long tail where a few SKUs sell most. Derived from the
 * SKU, so the stock seeded for a product and the orders placed for it agree.
 */
export function productPopularity(sku: string): number {
  return (0.05 / (0.05 + hashUnit(sku))) ** 1.5;
}

/** Class A accounts order most often. */
export const ORDER_FREQUENCY_BY_CLASS: Record<DemandClass, number> = { A: 6, B: 2, C: 1 };

export type MarketCustomer = { code: string; segment: Segment; demandClass: DemandClass };
export type MarketProduct = { sku: string; listPrice: number; cost: number; qty: readonly [number, number] };

/** Who buys and what sells, read from the master data: what order intake draws from. */
export type Market = {
  customers: WeightedTable<MarketCustomer>;
  products: WeightedTable<MarketProduct>;
  listPrices: Map<string, number>;
  /** Every SKU, in SKU order. */
  skus: string[];
};

export async function loadMarket(db: Db): Promise<Market> {
  const productRows = await db
    .select({ sku: products.sku, listPrice: products.listPrice, cost: products.cost, category: categories.code })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(isNull(products.archivedAt))
    .orderBy(asc(products.sku));
  const customerRows = await db
    .select({ code: customers.code, segment: customers.segment, demandClass: customers.demandClass })
    .from(customers)
    .where(isNull(customers.archivedAt))
    .orderBy(asc(customers.code));
  if (productRows.length === 0 || customerRows.length === 0) throw new Error("The demo's history needs products and customers");
  const qtyByCategory = new Map(CATEGORY_SPECS.map((spec) => [spec.code, spec.qty]));
  return {
    listPrices: new Map(productRows.map((p) => [p.sku, p.listPrice])),
    skus: productRows.map((p) => p.sku),
    // The demo made its customers with the segments every database starts with.
    customers: new WeightedTable(customerRows.map((c) => [{ ...c, segment: c.segment as Segment }, ORDER_FREQUENCY_BY_CLASS[c.demandClass]] as const)),
    products: new WeightedTable(
      productRows.map(
        (p) =>
          [
            { sku: p.sku, listPrice: p.listPrice, cost: p.cost, qty: qtyByCategory.get(p.category) ?? ([1, 10] as const) },
            productPopularity(p.sku),
          ] as const,
      ),
    ),
  };
}
