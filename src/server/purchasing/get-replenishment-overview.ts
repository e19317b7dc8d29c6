import { asc, eq, isNull, sql } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { lastReplenishmentRun } from "./run-replenishment";
import { productVendors, purchaseOrders, reorderSuggestions, vendors } from "./schema";
import type { TReplenishmentOverview } from "./schemas";
import { noVendor, suggestionVendorJoin, vendorSort } from "./suggestion-vendor";

/** The page's header: last run, and the open suggestions per vendor with what drafting them would make. */
export async function getReplenishmentOverview(options: { db: DbOrTx }): Promise<TReplenishmentOverview> {
  const { db } = options;
  const [lastRun, groups] = await Promise.all([
    lastReplenishmentRun(db),
    db
      .select({
        vendorCode: vendors.code,
        vendorName: vendors.name,
        suggestions: sql<number>`count(*)::int`.mapWith(Number),
        purchaseOrders: sql<number>`count(distinct ${reorderSuggestions.warehouseId})::int`.mapWith(Number),
        estimatedCost: sql<number>`coalesce(sum(${reorderSuggestions.quantity}::bigint * ${products.cost}), 0)::bigint`.mapWith(Number),
        currency: sql<string>`min(${products.currency})`,
      })
      .from(reorderSuggestions)
      .innerJoin(products, eq(products.id, reorderSuggestions.productId))
      .leftJoin(purchaseOrders, eq(purchaseOrders.id, reorderSuggestions.purchaseOrderId))
      .leftJoin(productVendors, eq(productVendors.productId, reorderSuggestions.productId))
      .leftJoin(vendors, suggestionVendorJoin)
      .where(isNull(reorderSuggestions.purchaseOrderId))
      .groupBy(vendors.code, vendors.name)
      .orderBy(asc(noVendor), asc(vendorSort)),
  ]);
  const vendorGroups = groups.map((g) => ({
    vendor: g.vendorCode ? { code: g.vendorCode, name: g.vendorName ?? g.vendorCode } : null,
    suggestions: g.suggestions,
    purchaseOrders: g.vendorCode ? g.purchaseOrders : 0,
    estimatedCost: g.estimatedCost,
    currency: g.currency ?? "USD",
  }));
  return {
    lastRun,
    open: vendorGroups.reduce((sum, g) => sum + g.suggestions, 0),
    withoutVendor: vendorGroups.find((g) => !g.vendor)?.suggestions ?? 0,
    vendors: vendorGroups,
  };
}
