import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { findProductBySku, ZSku } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage, ZPageInput } from "../db/pagination";
import { AppError } from "../errors";
import { findWarehouseByCode, stockAllocations, warehouses } from "../inventory";
import { LIVE_ORDER_STATUSES, ORDER_STATUSES } from "./constants";
import { orders } from "./schema";


export const ZReservationsForSkuInput = ZPageInput.extend({
  /** Null on an infinite query's first page. */
  cursor: z.string().max(500).nullish(),
  sku: ZSku,
  warehouse: z.string().trim().min(1).max(20).optional(),
});
export type TReservationsForSkuInput = z.infer<typeof ZReservationsForSkuInput>;

export const ZSkuReservation = z.object({
  order: z.string(),
  status: z.enum(ORDER_STATUSES),
  customer: z.string(),
  customerName: z.string(),
  warehouse: z.string(),
  quantity: z.number().int(),
  /** When the order was placed (submitted; created for orders never submitted). */
  orderedAt: z.string(),
  requestedDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
});
export type TSkuReservation = z.infer<typeof ZSkuReservation>;

/**
 * Open reservations of one SKU with their orders: where its reserved units sit (order_allocations) for
 * orders that are submitted, on hold or open, oldest order first (keyset on the order's creation and id).
 */
export async function listReservationsForSku(options: { db: DbOrTx; input: TReservationsForSkuInput }) {
  const { db, input } = options;
  const product = await findProductBySku(db, input.sku);
  if (!product) throw AppError.notFound("product", input.sku);
  const conditions: (SQL | undefined)[] = [eq(stockAllocations.productId, product.id), inArray(orders.status, [...LIVE_ORDER_STATUSES])];
  if (input.warehouse) {
    const warehouse = await findWarehouseByCode(db, input.warehouse);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
    conditions.push(eq(stockAllocations.warehouseId, warehouse.id));
  }
  if (input.cursor) {
    const [createdAt, number, warehouse] = decodeCursor(input.cursor, 3);
    conditions.push(
      sql`(${orders.createdAt}, ${orders.number}, ${warehouses.code}) > (${String(createdAt)}::timestamptz, ${String(number)}, ${String(warehouse)})`,
    );
  }
  const rows = await db
    .select({
      order: orders.number,
      status: orders.status,
      customer: customers.code,
      customerName: customers.name,
      warehouse: warehouses.code,
      quantity: stockAllocations.quantity,
      createdAt: orders.createdAt,
      submittedAt: orders.submittedAt,
      requestedDate: orders.requestedDate,
      promisedDate: orders.promisedDate,
    })
    .from(stockAllocations)
    .innerJoin(orders, eq(orders.id, stockAllocations.orderId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(warehouses, eq(warehouses.id, stockAllocations.warehouseId))
    .where(and(...conditions))
    .orderBy(asc(orders.createdAt), asc(orders.number), asc(warehouses.code))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r): TSkuReservation => ({
      order: r.order,
      status: r.status,
      customer: r.customer,
      customerName: r.customerName,
      warehouse: r.warehouse,
      quantity: r.quantity,
      orderedAt: (r.submittedAt ?? r.createdAt).toISOString(),
      requestedDate: r.requestedDate,
      promisedDate: r.promisedDate,
    }),
    (r) => [r.createdAt.toISOString(), r.order, r.warehouse],
  );
}
