import { and, eq, inArray, isNull } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { addDays } from "~/lib/dates";
import { stockLevels, warehouses } from "./schema";

export type LineAvailability = {
  sku: string;
  quantity: number;
  /** The warehouse with the most available stock (ties: lower priority number), and what it has. */
  bestWarehouse: string | null;
  availableInBest: number;
  availableTotal: number;
  /** The earliest date the full quantity can be promised: today when in stock, else after the vendor lead time. */
  promiseDate: string;
};

/** Pure: picks the best warehouse and the promise date for one line. */
export function availabilityOf(
  line: { sku: string; quantity: number },
  levels: { warehouse: string; priority: number; available: number }[],
  leadTimeDays: number,
  today: string,
): LineAvailability {
  const sorted = [...levels].sort((a, b) => b.available - a.available || a.priority - b.priority);
  const best = sorted[0];
  const availableTotal = levels.reduce((sum, l) => sum + Math.max(0, l.available), 0);
  const promiseDate = availableTotal >= line.quantity ? today : addDays(today, leadTimeDays);
  return {
    sku: line.sku,
    quantity: line.quantity,
    bestWarehouse: best?.warehouse ?? null,
    availableInBest: Math.max(0, best?.available ?? 0),
    availableTotal,
    promiseDate,
  };
}


/** Availability for order lines, read in one query. Inbound purchase orders join with the inventory issue. */
export async function getAvailability(db: DbOrTx, lines: { sku: string; quantity: number }[], today = new Date().toISOString().slice(0, 10)) {
  if (lines.length === 0) return [];
  const rows = await db
    .select({
      sku: products.sku,
      leadTimeDays: products.leadTimeDays,
      warehouse: warehouses.code,
      priority: warehouses.priority,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
    })
    .from(products)
    .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
    .leftJoin(warehouses, and(eq(warehouses.id, stockLevels.warehouseId), eq(warehouses.isActive, true), isNull(warehouses.archivedAt)))
    .where(inArray(products.sku, [...new Set(lines.map((l) => l.sku))]));
  return lines.map((line) => {
    const mine = rows.filter((r) => r.sku === line.sku);
    const levels = mine
      .filter((r) => r.warehouse !== null)
      .map((r) => ({ warehouse: r.warehouse!, priority: r.priority ?? 100, available: (r.onHand ?? 0) - (r.reserved ?? 0) }));
    return mine.length === 0 ? null : availabilityOf(line, levels, mine[0]!.leadTimeDays, today);
  });
}
