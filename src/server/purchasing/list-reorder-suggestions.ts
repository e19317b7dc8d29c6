import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { stockLevels, warehouses } from "../inventory";
import { productVendors, purchaseOrders, reorderSuggestions, vendors } from "./schema";
import type { TListSuggestionsInput, TReorderSuggestion } from "./schemas";
import { loadStockPositions, stockPositionKey } from "./stock-positions";
import { noVendor, suggestionVendorJoin, vendorSort } from "./suggestion-vendor";

/**
 * Reorder suggestions, grouped by vendor (keyset pages; drafted ones newest purchase order first). Each row explains itself with the level's numbers
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
  const drafted = input.status === "drafted";
  if (input.cursor && drafted) {
    const [poCreated, poId, sku, warehouse, id] = decodeCursor(input.cursor, 5);
    const po = sql`(${purchaseOrders.createdAt}, ${purchaseOrders.id})`;
    const cursorPo = sql`(${String(poCreated)}::timestamptz, ${String(poId)}::uuid)`;
    conditions.push(
      sql`(${po} < ${cursorPo} or (${po} = ${cursorPo} and (${products.sku}, ${warehouses.code}, ${reorderSuggestions.id}) > (${String(sku)}, ${String(warehouse)}, ${String(id)}::uuid)))`,
    );
  } else if (input.cursor) {
    const [flag, vendor, sku, warehouse, id] = decodeCursor(input.cursor, 5);
    conditions.push(
      sql`(${noVendor}, ${vendorSort}, ${products.sku}, ${warehouses.code}, ${reorderSuggestions.id}) > (${Number(flag)}, ${String(vendor)}, ${String(sku)}, ${String(warehouse)}, ${String(id)})`,
    );
  }
  // Open: by vendor, as they will be drafted. Drafted (a history): the newest purchase order first, so what was
  // just drafted is on the first page; one PO has one vendor, so its rows still group under it.
  const order = drafted
    ? [desc(purchaseOrders.createdAt), desc(purchaseOrders.id), asc(products.sku), asc(warehouses.code), asc(reorderSuggestions.id)]
    : [asc(noVendor), asc(vendorSort), asc(products.sku), asc(warehouses.code), asc(reorderSuggestions.id)];
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
      // Text keeps the microseconds a JavaScript Date would drop, so the cursor matches the row exactly.
      poCreated: sql<string | null>`${purchaseOrders.createdAt}::text`,
      poId: purchaseOrders.id,
    })
    .from(reorderSuggestions)
    .innerJoin(products, eq(products.id, reorderSuggestions.productId))
    .innerJoin(warehouses, eq(warehouses.id, reorderSuggestions.warehouseId))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, reorderSuggestions.purchaseOrderId))
    .leftJoin(productVendors, eq(productVendors.productId, reorderSuggestions.productId))
    .leftJoin(vendors, suggestionVendorJoin)
    .leftJoin(stockLevels, and(eq(stockLevels.productId, reorderSuggestions.productId), eq(stockLevels.warehouseId, reorderSuggestions.warehouseId)))
    .where(and(...conditions))
    .orderBy(...order)
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
    (r) => (drafted ? [r.poCreated, r.poId, r.sku, r.warehouse, r.id] : [r.noVendor, r.vendorCode ?? "", r.sku, r.warehouse, r.id]),
  );
}
