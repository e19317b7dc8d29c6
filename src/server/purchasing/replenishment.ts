/**
 * Reorder suggestions, pure: no database, no clock. The run (run-replenishment.ts) loads the levels in
 * set-based queries and hands them here; the unit tests pin the edge cases.
 */

/** One product in one warehouse, with everything its stock position is made of. */
export type ReorderLevel = {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  /** Expected in: the unreceived rest of sent / partially received purchase orders, plus transfers in transit. */
  inbound: number;
  /** Units of open orders waiting on this warehouse (backordered lines): they take inbound first. */
  backordered: number;
  /** No reorder point: the level is never replenished automatically. */
  reorderPoint: number | null;
  /** The lot the buyer orders in; null or 0 means "just enough to clear the point". */
  reorderQuantity: number | null;
};

export type ReorderSuggestion = {
  productId: string;
  warehouseId: string;
  position: number;
  reorderPoint: number;
  quantity: number;
};

/** Stock position = on hand − reserved + inbound − backordered. What will be free once everything expected arrives. */
export function stockPosition(level: Pick<ReorderLevel, "onHand" | "reserved" | "inbound" | "backordered">): number {
  return level.onHand - level.reserved + level.inbound - level.backordered;
}

/**
 * How much to buy for a position at or below its reorder point (0 when above it): whole lots of the reorder
 * quantity, as many as it takes to lift the position above the point; without a lot size, exactly enough
 * to reach the point + 1.
 */
export function reorderQuantityFor(position: number, reorderPoint: number, reorderQuantity: number | null): number {
  if (position > reorderPoint) return 0;
  const shortfall = reorderPoint - position; // ≥ 0: the position must rise by shortfall + 1
  if (!reorderQuantity || reorderQuantity <= 0) return shortfall + 1;
  const lots = Math.floor(shortfall / reorderQuantity) + 1;
  return lots * reorderQuantity;
}

/** The levels to replenish: those with a reorder point whose stock position is at or below it. */
export function suggestReorders(levels: Iterable<ReorderLevel>): ReorderSuggestion[] {
  const suggestions: ReorderSuggestion[] = [];
  for (const level of levels) {
    if (level.reorderPoint === null || level.reorderPoint < 0) continue;
    const position = stockPosition(level);
    const quantity = reorderQuantityFor(position, level.reorderPoint, level.reorderQuantity);
    if (quantity > 0) {
      suggestions.push({ productId: level.productId, warehouseId: level.warehouseId, position, reorderPoint: level.reorderPoint, quantity });
    }
  }
  return suggestions;
}
