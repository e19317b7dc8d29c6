import { and, eq, inArray, sql } from "drizzle-orm";
import { OPEN_TRANSFER_STATUSES } from "./constants";
import type { DbOrTx } from "../db";
import type { Inbound } from "./atp";
import { stockTransferLines, stockTransfers } from "./schema";
import type { SupplySource } from "./supply";

/** Map key of a (product, warehouse) pair. */
export const inboundKey = (productId: string, warehouseId: string) => `${productId}:${warehouseId}`;

type InboundRow = { productId: string; warehouseId: string; date: string; quantity: number };

/** What transfers still have in transit (shipped − received) per product and destination warehouse, summed per expected date. */
export async function loadTransfersInTransit(db: DbOrTx, productIds: string[]): Promise<InboundRow[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  return db
    .select({
      productId: stockTransferLines.productId,
      warehouseId: stockTransfers.toWarehouseId,
      date: stockTransfers.expectedDate,
      quantity: sql<number>`sum(${stockTransferLines.quantity} - ${stockTransferLines.received})`.mapWith(Number),
    })
    .from(stockTransferLines)
    .innerJoin(stockTransfers, eq(stockTransfers.id, stockTransferLines.transferId))
    .where(and(inArray(stockTransferLines.productId, ids), inArray(stockTransfers.status, [...OPEN_TRANSFER_STATUSES])))
    .groupBy(stockTransferLines.productId, stockTransfers.toWarehouseId, stockTransfers.expectedDate);
}

/** Inbound per product and warehouse (inboundKey), summed per date, dates ascending; rows of 0 or less are left out. */
export function groupInbound(rows: Iterable<InboundRow>): Map<string, Inbound[]> {
  const byKey = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.quantity <= 0) continue;
    const key = inboundKey(row.productId, row.warehouseId);
    const dates = byKey.get(key) ?? new Map<string, number>();
    dates.set(row.date, (dates.get(row.date) ?? 0) + row.quantity);
    byKey.set(key, dates);
  }
  const result = new Map<string, Inbound[]>();
  for (const [key, dates] of byKey) {
    result.set(
      key,
      [...dates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, quantity]) => ({ date, quantity })),
    );
  }
  return result;
}

/**
 * What is expected per product and destination warehouse (inboundKey), by expected date (ascending): what
 * the supply source brings (purchasing: the unreceived rest of sent and partially received purchase
 * orders) and transfers in transit. Overdue dates are kept as they are (the ATP treats them as tomorrow).
 */
export async function loadInbound(db: DbOrTx, productIds: string[], supply: SupplySource): Promise<Map<string, Inbound[]>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const [supplied, transfers] = await Promise.all([supply.inbound(db, ids), loadTransfersInTransit(db, ids)]);
  return groupInbound([...supplied, ...transfers]);
}
