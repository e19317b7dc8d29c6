import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import type { Inbound } from "./atp";
import { INBOUND_PO_STATUSES } from "./constants";
import { purchaseOrderLines, purchaseOrders, stockLevels, stockTransfers, warehouses } from "./schema";
import type { TListStockInput, TStockLevel } from "./schemas";

/** Stock per SKU and warehouse, by SKU then warehouse code, with what is inbound to each level. */
export async function listStock(options: { db: DbOrTx; input: TListStockInput }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [];
  if (input.sku) conditions.push(eq(products.sku, input.sku));
  if (input.warehouse) conditions.push(eq(warehouses.code, input.warehouse));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    conditions.push(or(ilike(products.sku, pattern), ilike(products.name, pattern)));
  }
  if (input.cursor) {
    const [sku, warehouse] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${products.sku}, ${warehouses.code}) > (${String(sku)}, ${String(warehouse)})`);
  }
  const rows = await db
    .select({
      productId: stockLevels.productId,
      warehouseId: stockLevels.warehouseId,
      sku: products.sku,
      productName: products.name,
      warehouse: warehouses.code,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
    })
    .from(stockLevels)
    .innerJoin(products, eq(products.id, stockLevels.productId))
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(...conditions))
    .orderBy(asc(products.sku), asc(warehouses.code))
    .limit(input.limit + 1);
  const inbound = await loadInbound(db, rows.slice(0, input.limit).map((r) => r.productId));
  return toPage(
    rows,
    input.limit,
    ({ productId, warehouseId, ...r }): TStockLevel => ({
      ...r,
      available: r.onHand - r.reserved,
      inbound: inbound.get(inboundKey(productId, warehouseId)) ?? [],
    }),
    (r) => [r.sku, r.warehouse],
  );
}

export const inboundKey = (productId: string, warehouseId: string) => `${productId}:${warehouseId}`;

/**
 * What is expected per product and destination warehouse, by expected date (ascending): the remaining
 * quantity of lines on sent or partially received purchase orders, and transfers in transit. One query
 * for any number of products. Overdue dates are kept as they are (the ATP treats them as tomorrow).
 */
export async function loadInbound(db: DbOrTx, productIds: string[]): Promise<Map<string, Inbound[]>> {
  const result = new Map<string, Inbound[]>();
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return result;
  const fromPurchaseOrders = db
    .select({
      productId: purchaseOrderLines.productId,
      warehouseId: purchaseOrders.warehouseId,
      date: purchaseOrders.expectedDate,
      quantity: sql<number>`${purchaseOrderLines.quantity} - ${purchaseOrderLines.received}`.as("quantity"),
    })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .where(
      and(
        inArray(purchaseOrderLines.productId, ids),
        inArray(purchaseOrders.status, [...INBOUND_PO_STATUSES]),
        sql`${purchaseOrderLines.quantity} > ${purchaseOrderLines.received}`,
      ),
    );
  const fromTransfers = db
    .select({
      productId: stockTransfers.productId,
      warehouseId: stockTransfers.toWarehouseId,
      date: stockTransfers.expectedDate,
      quantity: sql<number>`${stockTransfers.quantity}`.as("quantity"),
    })
    .from(stockTransfers)
    .where(and(inArray(stockTransfers.productId, ids), eq(stockTransfers.status, "in_transit")));
  const both = fromPurchaseOrders.unionAll(fromTransfers).as("inbound");
  const rows = await db
    .select({
      productId: both.productId,
      warehouseId: both.warehouseId,
      date: both.date,
      quantity: sql<number>`sum(${both.quantity})`.mapWith(Number),
    })
    .from(both)
    .groupBy(both.productId, both.warehouseId, both.date)
    .orderBy(both.productId, both.warehouseId, both.date);
  for (const row of rows) {
    const key = inboundKey(row.productId, row.warehouseId);
    const list = result.get(key) ?? [];
    list.push({ date: row.date, quantity: row.quantity });
    result.set(key, list);
  }
  return result;
}
