import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { products } from "../catalog";
import type { DemandClass } from "../customers/constants";
import type { DbOrTx } from "../db";
// Backorders are demand on stock: read from the order tables directly (orders imports inventory, not the reverse).
import { orderLines, orders } from "../orders/schema";
import { earliestPromise, type AtpLevel, type Promise as StockPromise } from "./atp";
import { INBOUND_PO_STATUSES } from "./constants";
import { heldBackFrom } from "./holdback-sql";
import { productVendors, purchaseOrderLines, purchaseOrders, stockHoldbacks, stockLevels, stockTransfers, vendors, warehouses } from "./schema";
import * as clock from "../clock";

export type WarehouseAtp = { warehouseId: string; warehouse: string; priority: number; region: string; level: AtpLevel };

/** Order statuses whose backordered lines wait for stock. */
export const DEMAND_STATUSES = ["submitted", "on_hold", "open"] as const;

/**
 * Everything available-to-promise needs, per product and active warehouse, in five set-based queries:
 * levels, hold-backs for classes other than `demandClass` (all of them when no class is given),
 * backorders, and inbound from sent purchase orders and transfers in transit, by expected date.
 */
export async function loadAtpLevels(
  db: DbOrTx,
  productIds: string[],
  options: { demandClass?: DemandClass } = {},
): Promise<Map<string, WarehouseAtp[]>> {
  const result = new Map<string, WarehouseAtp[]>();
  if (productIds.length === 0) return result;
  const ids = [...new Set(productIds)];
  const [activeWarehouses, levels, holdbacks, backorders, poInbound, transferInbound] = await Promise.all([
    db
      .select({ id: warehouses.id, code: warehouses.code, priority: warehouses.priority, region: warehouses.region })
      .from(warehouses)
      .where(and(eq(warehouses.isActive, true), isNull(warehouses.archivedAt)))
      .orderBy(warehouses.priority, warehouses.code),
    db
      .select({ productId: stockLevels.productId, warehouseId: stockLevels.warehouseId, onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .where(inArray(stockLevels.productId, ids)),
    db
      .selectDistinct({
        productId: stockHoldbacks.productId,
        warehouseId: stockHoldbacks.warehouseId,
        quantity: heldBackFrom(sql`${stockHoldbacks.productId}`, sql`${stockHoldbacks.warehouseId}`, options.demandClass),
      })
      .from(stockHoldbacks)
      .where(inArray(stockHoldbacks.productId, ids)),
    db
      .select({
        productId: orderLines.productId,
        warehouseId: orderLines.warehouseId,
        quantity: sql<number>`sum(${orderLines.backordered})`.mapWith(Number),
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(and(inArray(orderLines.productId, ids), gt(orderLines.backordered, 0), inArray(orders.status, [...DEMAND_STATUSES])))
      .groupBy(orderLines.productId, orderLines.warehouseId),
    db
      .select({
        productId: purchaseOrderLines.productId,
        warehouseId: purchaseOrders.warehouseId,
        date: purchaseOrders.expectedDate,
        quantity: sql<number>`sum(${purchaseOrderLines.quantity} - ${purchaseOrderLines.received})`.mapWith(Number),
      })
      .from(purchaseOrderLines)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
      .where(and(inArray(purchaseOrderLines.productId, ids), inArray(purchaseOrders.status, [...INBOUND_PO_STATUSES])))
      .groupBy(purchaseOrderLines.productId, purchaseOrders.warehouseId, purchaseOrders.expectedDate),
    db
      .select({
        productId: stockTransfers.productId,
        warehouseId: stockTransfers.toWarehouseId,
        date: stockTransfers.expectedDate,
        quantity: sql<number>`sum(${stockTransfers.quantity})`.mapWith(Number),
      })
      .from(stockTransfers)
      .where(and(inArray(stockTransfers.productId, ids), eq(stockTransfers.status, "in_transit")))
      .groupBy(stockTransfers.productId, stockTransfers.toWarehouseId, stockTransfers.expectedDate),
  ]);

  const key = (productId: string, warehouseId: string) => `${productId}:${warehouseId}`;
  const cells = new Map<string, AtpLevel>();
  const cell = (productId: string, warehouseId: string) => {
    let level = cells.get(key(productId, warehouseId));
    if (!level) {
      level = { onHand: 0, reserved: 0, heldBack: 0, backordered: 0, inbound: [] };
      cells.set(key(productId, warehouseId), level);
    }
    return level;
  };
  for (const l of levels) Object.assign(cell(l.productId, l.warehouseId), { onHand: l.onHand, reserved: l.reserved });
  for (const h of holdbacks) cell(h.productId, h.warehouseId).heldBack = h.quantity;
  for (const b of backorders) {
    // A backorder not yet placed in a warehouse waits on the first one.
    const warehouseId = b.warehouseId ?? activeWarehouses[0]?.id;
    if (warehouseId) cell(b.productId, warehouseId).backordered += b.quantity;
  }
  for (const i of [...poInbound, ...transferInbound]) {
    if (i.quantity > 0) cell(i.productId, i.warehouseId).inbound.push({ date: i.date, quantity: i.quantity });
  }
  for (const productId of ids) {
    result.set(
      productId,
      activeWarehouses.map((w) => ({
        warehouseId: w.id,
        warehouse: w.code,
        priority: w.priority,
        region: w.region,
        level: cells.get(key(productId, w.id)) ?? { onHand: 0, reserved: 0, heldBack: 0, backordered: 0, inbound: [] },
      })),
    );
  }
  return result;
}

export type LineAvailability = {
  sku: string;
  quantity: number;
  /** The warehouse with the most available stock (ties: lower priority number), and what it has. */
  bestWarehouse: string | null;
  availableInBest: number;
  /** Available now across warehouses for this customer: on hand − reserved − held back for other classes. */
  availableTotal: number;
  /** The earliest date the full quantity can be promised, and why. */
  promiseDate: string;
  promiseBasis: StockPromise["basis"];
};

/** Available right now in one warehouse for the asking customer (inbound and backorders aside). */
export function availableNow(level: AtpLevel): number {
  return Math.max(0, level.onHand - level.reserved - level.heldBack);
}

/** Pure: availability now, the best warehouse and the promise date of one line. */
export function availabilityOf(line: { sku: string; quantity: number }, levels: WarehouseAtp[], leadTimeDays: number, today: string): LineAvailability {
  const now = levels.map((l) => ({ warehouse: l.warehouse, priority: l.priority, available: availableNow(l.level) }));
  const best = [...now].sort((a, b) => b.available - a.available || a.priority - b.priority)[0];
  const promise = earliestPromise(
    line.quantity,
    levels.map((l) => l.level),
    today,
    leadTimeDays,
  );
  return {
    sku: line.sku,
    quantity: line.quantity,
    bestWarehouse: best?.warehouse ?? null,
    availableInBest: best?.available ?? 0,
    availableTotal: now.reduce((sum, l) => sum + l.available, 0),
    promiseDate: promise.date,
    promiseBasis: promise.basis,
  };
}

/**
 * Availability for order-entry lines, for a customer's demand class when given. Lead time is the usual
 * vendor's when the product has one, else the product's own.
 */
export async function getAvailability(
  db: DbOrTx,
  lines: { sku: string; quantity: number }[],
  options: { demandClass?: DemandClass; today?: string } = {},
): Promise<(LineAvailability | null)[]> {
  if (lines.length === 0) return [];
  const today = options.today ?? clock.today();
  const found = await db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(inArray(products.sku, [...new Set(lines.map((l) => l.sku))]));
  const ids = found.map((p) => p.id);
  const [atpLevels, leadTimes] = await Promise.all([loadAtpLevels(db, ids, { demandClass: options.demandClass }), productLeadTimes(db, ids)]);
  return lines.map((line) => {
    const product = found.find((p) => p.sku === line.sku);
    return product ? availabilityOf(line, atpLevels.get(product.id) ?? [], leadTimes.get(product.id) ?? 14, today) : null;
  });
}

/** Days to get more of each product: its usual vendor's lead time, else the product's own. */
export async function productLeadTimes(db: DbOrTx, productIds: string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({ id: products.id, days: sql<number>`coalesce(${vendors.leadTimeDays}, ${products.leadTimeDays})`.mapWith(Number) })
    .from(products)
    .leftJoin(productVendors, eq(productVendors.productId, products.id))
    .leftJoin(vendors, eq(vendors.id, productVendors.vendorId))
    .where(inArray(products.id, [...new Set(productIds)]));
  return new Map(rows.map((r) => [r.id, r.days]));
}
