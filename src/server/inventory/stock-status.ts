/**
 * How a stock level (one SKU in one warehouse) is classified on the inventory grid. Available is
 * on hand − reserved (hold-backs are shown beside it, never subtracted: they depend on who asks).
 *
 * - `out`: nothing available (available ≤ 0).
 * - `low`: some available, but at or below the reorder point (needs a reorder point).
 * - `overstock`: above the reorder point and on hand > reorder point + 2 × reorder quantity, i.e. more
 *   than two full reorders above the point at which we would buy again (needs both values).
 * - `ok`: everything else, including levels without a reorder point.
 *
 * The SQL filters of the grid (stock-grid.ts) use exactly these predicates; an integration test checks
 * that both agree.
 */
export const STOCK_STATUSES = ["out", "low", "ok", "overstock"] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

/**
 * Grid filters: the three statuses, plus `reorder` (at or below the reorder point, out included) which is
 * what the sidebar's low-stock count counts.
 */
export const STOCK_STATUS_FILTERS = ["low", "out", "overstock", "reorder"] as const;
export type StockStatusFilter = (typeof STOCK_STATUS_FILTERS)[number];

export const STOCK_STATUS_FILTER_LABELS: Record<StockStatusFilter, string> = {
  low: "Low",
  out: "Out of stock",
  overstock: "Overstock",
  reorder: "At or below reorder point",
};

export type ClassifiableLevel = {
  onHand: number;
  reserved: number;
  reorderPoint: number | null;
  reorderQuantity: number | null;
};

export function stockStatusOf(level: ClassifiableLevel): StockStatus {
  const available = level.onHand - level.reserved;
  if (available <= 0) return "out";
  if (level.reorderPoint === null) return "ok";
  if (available <= level.reorderPoint) return "low";
  if (level.reorderQuantity !== null && level.onHand > level.reorderPoint + 2 * level.reorderQuantity) return "overstock";
  return "ok";
}

/** The low-stock count and the `reorder` filter: available at or below a set reorder point. */
export function isAtOrBelowReorderPoint(level: ClassifiableLevel): boolean {
  return level.reorderPoint !== null && level.onHand - level.reserved <= level.reorderPoint;
}

export function matchesStatusFilter(level: ClassifiableLevel, filter: StockStatusFilter): boolean {
  return filter === "reorder" ? isAtOrBelowReorderPoint(level) : stockStatusOf(level) === filter;
}
