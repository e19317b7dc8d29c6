import { DEMAND_WINDOW_DAYS, isLowOnSupply, SUPPLY_DAYS, type SupplyLevel } from "./days-of-supply";

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
 * The grid's `out` and `overstock` filters (stock-grid.ts) use exactly these predicates; an integration test
 * checks that both agree. The cell status `low` is this reorder-point one; the grid's `low` filter is days of
 * supply (see STOCK_STATUS_FILTERS).
 */
export const STOCK_STATUSES = ["out", "low", "ok", "overstock"] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

/**
 * Grid filters: `out` and `overstock` are statuses; `reorder` is at or below the reorder point (out
 * included), what the sidebar's low-stock count counts; `low` is days of supply (days-of-supply.ts): what is
 * available lasts N days or fewer at the last 30 days' shipping rate.
 */
export const STOCK_STATUS_FILTERS = ["low", "out", "overstock", "reorder"] as const;
export type StockStatusFilter = (typeof STOCK_STATUS_FILTERS)[number];

/** Names that tell the two "low" filters apart; `N` in the `low` one is the chosen days (stockStatusFilterLabel). */
export const STOCK_STATUS_FILTER_LABELS: Record<StockStatusFilter, string> = {
  low: "Low (≤ N days of supply)",
  out: "Out of stock",
  overstock: "Overstock",
  reorder: "Below reorder point",
};

/** A filter's name, with the days of the `low` filter filled in. */
export function stockStatusFilterLabel(filter: StockStatusFilter, days: number = SUPPLY_DAYS.default): string {
  return STOCK_STATUS_FILTER_LABELS[filter].replace("N", String(days));
}

/** What each filter selects, for titles beside the short names. */
export const STOCK_STATUS_FILTER_HINTS: Record<StockStatusFilter, string> = {
  low: `Available (on hand − reserved) lasts N days or fewer at the rate shipped over the last ${DEMAND_WINDOW_DAYS} days; levels that shipped nothing are never low here`,
  out: "Nothing available (on hand − reserved ≤ 0)",
  overstock: "More than two reorder quantities above the reorder point",
  reorder: "Available at or below the reorder point, out of stock included",
};

/** A filter's hint, with the days of the `low` filter filled in. */
export function stockStatusFilterHint(filter: StockStatusFilter, days: number = SUPPLY_DAYS.default): string {
  return STOCK_STATUS_FILTER_HINTS[filter].replace(" N ", ` ${days} `);
}

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

/**
 * A warehouse has never stocked a SKU when its level (if any) is all zero — on hand, reserved and
 * inbound — and the ledger has no movement of it there. The SKU page and the grid hide such warehouses
 * unless asked for all (stock-grid.ts has the SQL twin, `stockedLevel`).
 */
export function isNeverStocked(level: { onHand: number; reserved: number; inbound: number; hasMovements: boolean }): boolean {
  return level.onHand === 0 && level.reserved === 0 && level.inbound === 0 && !level.hasMovements;
}

/** Whether a level matches a grid filter; `low` needs the level's net units shipped in the demand window. */
export function matchesStatusFilter(level: ClassifiableLevel & Partial<SupplyLevel>, filter: StockStatusFilter, days: number = SUPPLY_DAYS.default): boolean {
  switch (filter) {
    case "reorder":
      return isAtOrBelowReorderPoint(level);
    case "low":
      return isLowOnSupply({ onHand: level.onHand, reserved: level.reserved, shipped: level.shipped ?? 0 }, days);
    default:
      return stockStatusOf(level) === filter;
  }
}
