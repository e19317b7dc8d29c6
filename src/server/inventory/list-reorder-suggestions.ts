import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import type { TListSuggestionsInput, TReorderSuggestion, TReplenishmentOverview } from "./replenishment-schemas";
import { lastReplenishmentRun } from "./run-replenishment";
import { productVendors, purchaseOrders, reorderSuggestions, stockLevels, vendors, warehouses } from "./schema";
import { loadStockPositions, stockPositionKey } from "./stock-positions";

/**
 * The vendor a suggestion is bought from: a drafted one's purchase order vendor; an open one's current usual
 * vendor (so a vendor assigned after the run counts at once), else the one the run found. An archived
 * vendor takes no new purchase orders: an open suggestion shows none.
 */
const vendorJoin = and(
  eq(vendors.id, sql`coalesce(${purchaseOrders.vendorId}, ${productVendors.vendorId}, ${reorderSuggestions.vendorId})`),
  or(isNotNull(reorderSuggestions.purchaseOrderId), isNull(vendors.archivedAt)),
);

/** Vendors first by code, suggestions without a usual vendor last; then SKU and warehouse. */
const noVendor = sql<number>`(case when ${vendors.code} is null then 1 else 0 end)`.mapWith(Number);
const vendorSort = sql<string>`coalesce(${vendors.code}, '')`;

/**
 * Reorder suggestions, grouped by vendor (keyset pages). Each row explains itself with the level's numbers
 * as they are now (on hand, reserved, inbound, backordered → position) beside the position that triggered
 * it, and the estimated cost at the product's cost.
 */
export async function listReorderSuggestions(options: { db: DbOrTx; input: TListSuggestionsInput }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [
    input.status === "open" ? isNull(reorderSuggestions.purchaseOrderId) : isNotNull(reorderSuggestions.purchaseOrderId),
  ];
  if (input.vendor === "none") conditions.push(isNull(vendors.id));
  else if (input.vendor) conditions.push(eq(vendors.code, input.vendor));
  if (input.warehouse) conditions.push(eq(warehouses.code, input.warehouse));
  if (input.cursor) {
    const [flag, vendor, sku, warehouse, id] = decodeCursor(input.cursor, 5);
    conditions.push(
      sql`(${noVendor}, ${vendorSort}, ${products.sku}, ${warehouses.code}, ${reorderSuggestions.id}) > (${Number(flag)}, ${String(vendor)}, ${String(sku)}, ${String(warehouse)}, ${String(id)})`,
    );
  }
  const rows = await db
    .select({
      id: reorderSuggestions.id,
      productId: reorderSuggestions.productId,
      warehouseId: reorderSuggestions.warehouseId,
      sku: products.sku,
      productName: products.name,
      unitCost: products.cost,
      currency: products.currency,
      warehouse: warehouses.code,
      vendorCode: vendors.code,
      vendorName: vendors.name,
      noVendor,
      computedPosition: reorderSuggestions.position,
      reorderPoint: reorderSuggestions.reorderPoint,
      reorderQuantity: stockLevels.reorderQuantity,
      quantity: reorderSuggestions.quantity,
      computedAt: reorderSuggestions.computedAt,
      poNumber: purchaseOrders.number,
      poStatus: purchaseOrders.status,
    })
    .from(reorderSuggestions)
    .innerJoin(products, eq(products.id, reorderSuggestions.productId))
    .innerJoin(warehouses, eq(warehouses.id, reorderSuggestions.warehouseId))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, reorderSuggestions.purchaseOrderId))
    .leftJoin(productVendors, eq(productVendors.productId, reorderSuggestions.productId))
    .leftJoin(vendors, vendorJoin)
    .leftJoin(stockLevels, and(eq(stockLevels.productId, reorderSuggestions.productId), eq(stockLevels.warehouseId, reorderSuggestions.warehouseId)))
    .where(and(...conditions))
    .orderBy(asc(noVendor), asc(vendorSort), asc(products.sku), asc(warehouses.code), asc(reorderSuggestions.id))
    .limit(input.limit + 1);

  const live = new Map(
    (await loadStockPositions(db, { productIds: [...new Set(rows.map((r) => r.productId))] })).map((p) => [stockPositionKey(p), p]),
  );
  return toPage(
    rows,
    input.limit,
    (r): TReorderSuggestion => {
      const now = live.get(stockPositionKey(r));
      const level = { onHand: now?.onHand ?? 0, reserved: now?.reserved ?? 0, inbound: now?.inbound ?? 0, backordered: now?.backordered ?? 0 };
      return {
        id: r.id,
        sku: r.sku,
        productName: r.productName,
        warehouse: r.warehouse,
        vendor: r.vendorCode ? { code: r.vendorCode, name: r.vendorName ?? r.vendorCode } : null,
        ...level,
        position: level.onHand - level.reserved + level.inbound - level.backordered,
        computedPosition: r.computedPosition,
        reorderPoint: r.reorderPoint,
        reorderQuantity: r.reorderQuantity,
        quantity: r.quantity,
        unitCost: r.unitCost,
        estimatedCost: r.quantity * r.unitCost,
        currency: r.currency,
        computedAt: r.computedAt.toISOString(),
        purchaseOrder: r.poNumber && r.poStatus ? { number: r.poNumber, status: r.poStatus } : null,
      };
    },
    (r) => [r.noVendor, r.vendorCode ?? "", r.sku, r.warehouse, r.id],
  );
}

/** The page's header: last run, and the open suggestions per vendor with what drafting them would make. */
export async function replenishmentOverview(options: { db: DbOrTx }): Promise<TReplenishmentOverview> {
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
      .leftJoin(vendors, vendorJoin)
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
