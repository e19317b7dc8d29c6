import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { products } from "../catalog";
import type { DemandClass } from "../customers/constants";
import type { DbOrTx } from "../db";
import { earliestPromise, type AtpLevel, type Promise as StockPromise } from "./atp";
import { heldBackFrom } from "./holdback-sql";
import { planSourcing } from "./sourcing";
import { inboundKey, loadInbound } from "./inbound";
import { stockBackorders, stockHoldbacks, stockLevels, warehouses } from "./schema";
import type { SupplySource } from "./supply";
import * as clock from "../clock";

export type WarehouseAtp = { warehouseId: string; warehouse: string; priority: number; region: string; level: AtpLevel };

/**
 * Everything available-to-promise needs, per product and active warehouse, in set-based queries: levels,
 * hold-backs for classes other than `demandClass` (all of them when no class is given), backorders, and
 * inbound by expected date: what `supply` brings (purchasing: open purchase orders) and transfers in transit.
 */
export async function loadAtpLevels(
  db: DbOrTx,
  productIds: string[],
  options: { demandClass?: DemandClass; supply: SupplySource },
): Promise<Map<string, WarehouseAtp[]>> {
  const result = new Map<string, WarehouseAtp[]>();
  if (productIds.length === 0) return result;
  const ids = [...new Set(productIds)];
  const [activeWarehouses, levels, holdbacks, backorders, inbound] = await Promise.all([
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
        productId: stockBackorders.productId,
        warehouseId: stockBackorders.warehouseId,
        quantity: sql<number>`sum(${stockBackorders.quantity})`.mapWith(Number),
      })
      .from(stockBackorders)
      .where(inArray(stockBackorders.productId, ids))
      .groupBy(stockBackorders.productId, stockBackorders.warehouseId),
    loadInbound(db, ids, options.supply),
  ]);

  // Keyed like loadInbound's map (inboundKey), so its lists drop straight in.
  const cells = new Map<string, AtpLevel>();
  const cell = (key: string) => {
    let level = cells.get(key);
    if (!level) {
      level = { onHand: 0, reserved: 0, heldBack: 0, backordered: 0, inbound: [] };
      cells.set(key, level);
    }
    return level;
  };
  for (const l of levels) Object.assign(cell(inboundKey(l.productId, l.warehouseId)), { onHand: l.onHand, reserved: l.reserved });
  for (const h of holdbacks) cell(inboundKey(h.productId, h.warehouseId)).heldBack = h.quantity;
  for (const b of backorders) {
    // A backorder not yet placed in a warehouse waits on the first one.
    const warehouseId = b.warehouseId ?? activeWarehouses[0]?.id;
    if (warehouseId) cell(inboundKey(b.productId, warehouseId)).backordered += b.quantity;
  }
  for (const [key, list] of inbound) cell(key).inbound = list;
  for (const productId of ids) {
    result.set(
      productId,
      activeWarehouses.map((w) => ({
        warehouseId: w.id,
        warehouse: w.code,
        priority: w.priority,
        region: w.region,
        level: cells.get(inboundKey(productId, w.id)) ?? { onHand: 0, reserved: 0, heldBack: 0, backordered: 0, inbound: [] },
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

/** Where a line's units would come from if it were reserved now, by warehouse code, and what would be backordered. */
export type LineSourcing = { takes: { warehouse: string; quantity: number }[]; short: number };

/**
 * Pure: the plan reservation would make for `quantity` of one product now — the same `planSourcing` over the
 * same free stock `reserveStock` locks and reads (on hand − reserved − held back for other classes, per active
 * warehouse; the ship-to region first) — so order entry can say before submission how a line will be split
 * or backordered.
 */
export function sourcingOf(quantity: number, levels: WarehouseAtp[], region: string | null): LineSourcing {
  const plan = planSourcing(
    quantity,
    levels.map((l) => ({
      warehouseId: l.warehouseId,
      priority: l.priority,
      inRegion: !!region && l.region === region,
      available: l.level.onHand - l.level.reserved - l.level.heldBack,
    })),
  );
  const codes = new Map(levels.map((l) => [l.warehouseId, l.warehouse]));
  return { takes: plan.takes.map((t) => ({ warehouse: codes.get(t.warehouseId) ?? t.warehouseId, quantity: t.quantity })), short: plan.short };
}

/**
 * Availability for order-entry lines, for a customer's demand class when given. Inbound and lead times come
 * from `supply` (purchasing's; the router passes it): lead time is the usual supplier's when the product
 * has one, else the product's own. Without a supply, only inventory's own transfers count as inbound.
 */
export async function getAvailability(
  db: DbOrTx,
  lines: { sku: string; quantity: number }[],
  options: { demandClass?: DemandClass; today?: string; supply: SupplySource; /** The ship-to region, for `sourcing`. */ region?: string | null },
): Promise<((LineAvailability & { sourcing: LineSourcing }) | null)[]> {
  if (lines.length === 0) return [];
  const today = options.today ?? clock.today();
  const { supply } = options;
  const found = await db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(inArray(products.sku, [...new Set(lines.map((l) => l.sku))]));
  const ids = found.map((p) => p.id);
  const [atpLevels, leadTimes] = await Promise.all([loadAtpLevels(db, ids, { demandClass: options.demandClass, supply }), productLeadTimes(db, ids, supply)]);
  return lines.map((line) => {
    const product = found.find((p) => p.sku === line.sku);
    if (!product) return null;
    const levels = atpLevels.get(product.id) ?? [];
    return { ...availabilityOf(line, levels, leadTimes.get(product.id) ?? 14, today), sourcing: sourcingOf(line.quantity, levels, options.region ?? null) };
  });
}

/** Days to get more of each product: its usual supplier's lead time (from `supply`), else the product's own. */
export async function productLeadTimes(db: DbOrTx, productIds: string[], supply: SupplySource): Promise<Map<string, number>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const [rows, supplierDays] = await Promise.all([
    db.select({ id: products.id, days: products.leadTimeDays }).from(products).where(inArray(products.id, ids)),
    supply.leadTimes(db, ids),
  ]);
  return new Map(rows.map((r) => [r.id, supplierDays.get(r.id) ?? r.days]));
}
