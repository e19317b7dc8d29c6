import { and, desc, eq, exists, ilike, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { SEQUENCED_DOCUMENTS } from "../db/sequences";
import { warehouses } from "../inventory";
import { INBOUND_PO_STATUSES } from "./constants";
import { isPurchaseOrderOverdue } from "./queries";
import type { TListPurchaseOrdersInput, TPurchaseOrderSummary } from "./schemas";
import { purchaseOrderLines, purchaseOrders, vendors } from "./schema";
import * as clock from "../clock";

/**
 * Purchase orders, newest first, keyset-paginated on (created at, id). Filters: status, vendor, delivery
 * warehouse, SKU on a line, overdue; search matches the number (or its digits) or a SKU by prefix.
 */
export async function listPurchaseOrders(options: { db: DbOrTx; input: Partial<TListPurchaseOrdersInput> & { limit: number } }) {
  const { db, input } = options;
  const today = clock.today();
  const conditions: (SQL | undefined)[] = [];
  if (input.status) conditions.push(eq(purchaseOrders.status, input.status));
  if (input.vendor) conditions.push(eq(vendors.code, input.vendor));
  if (input.warehouse) conditions.push(eq(warehouses.code, input.warehouse));
  if (input.overdue) conditions.push(and(inArray(purchaseOrders.status, [...INBOUND_PO_STATUSES]), lt(purchaseOrders.expectedDate, today)));
  const hasLineWith = (productCondition: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(purchaseOrderLines)
        .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
        .where(and(eq(purchaseOrderLines.purchaseOrderId, purchaseOrders.id), productCondition)),
    );
  if (input.sku) conditions.push(hasLineWith(eq(products.sku, input.sku)));
  if (input.search) {
    const text = input.search.toUpperCase();
    const numberPrefix = /^\d+$/.test(text) ? `${SEQUENCED_DOCUMENTS.purchase_order.prefix}${text}` : text;
    conditions.push(or(like(purchaseOrders.number, `${escapeLike(numberPrefix)}%`), hasLineWith(ilike(products.sku, `${escapeLike(input.search)}%`))));
  }
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${purchaseOrders.createdAt}, ${purchaseOrders.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await db
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      vendorCode: vendors.code,
      vendorName: vendors.name,
      warehouseCode: warehouses.code,
      warehouseName: warehouses.name,
      currency: purchaseOrders.currency,
      expectedDate: purchaseOrders.expectedDate,
      createdAt: purchaseOrders.createdAt,
      lineCount: sql<number>`(select count(*) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
      quantity: sql<number>`(select coalesce(sum(${purchaseOrderLines.quantity}), 0) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
      received: sql<number>`(select coalesce(sum(${purchaseOrderLines.received}), 0) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
      total: sql<number>`(select coalesce(sum(${purchaseOrderLines.quantity} * ${purchaseOrderLines.unitCost}), 0) from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`.mapWith(Number),
    })
    .from(purchaseOrders)
    .innerJoin(vendors, eq(vendors.id, purchaseOrders.vendorId))
    .innerJoin(warehouses, eq(warehouses.id, purchaseOrders.warehouseId))
    .where(and(...conditions))
    .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r): TPurchaseOrderSummary => ({
      number: r.number,
      status: r.status,
      vendor: { code: r.vendorCode, name: r.vendorName },
      warehouse: { code: r.warehouseCode, name: r.warehouseName },
      currency: r.currency,
      expectedDate: r.expectedDate,
      isOverdue: isPurchaseOrderOverdue(r, today),
      lineCount: r.lineCount,
      quantity: r.quantity,
      received: r.received,
      total: r.total,
      createdAt: r.createdAt.toISOString(),
    }),
    (r) => [r.createdAt.toISOString(), r.id],
  );
}
