/**
 * Days of supply of a stock level (one SKU in one warehouse): how long what is available (on hand −
 * reserved) lasts at the rate the level shipped over the last DEMAND_WINDOW_DAYS days.
 *
 * - Demand is the net of the ledger's `shipment` movements in the window (goods out are negative; a shipped
 *   shipment canceled puts them back, positive), never below 0, ÷ the window's days.
 * - No demand in the window: no figure (`null`), and never low by this measure — a slow mover with one unit
 *   left is not "running out".
 * - Nothing available with demand: 0 days.
 *
 * The grid's `low` filter (stock-grid.ts, `supplyPredicate`) is the SQL twin of `isLowOnSupply`; both compare
 * in whole numbers (available × window ≤ N × shipped) so they cannot disagree by rounding. An integration
 * test checks that they agree.
 */
export const DEMAND_WINDOW_DAYS = 30;
export const SUPPLY_DAYS = { default: 14, min: 1, max: 365 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first moment of the demand window ending at `now` (the app clock's, never Date.now). */
export function demandWindowStart(now: Date): Date {
  return new Date(now.getTime() - DEMAND_WINDOW_DAYS * DAY_MS);
}

export type SupplyLevel = {
  onHand: number;
  reserved: number;
  /** Net units shipped from the level in the demand window (may be ≤ 0 when returns outweigh shipments). */
  shipped: number;
};

/** Units a day, or 0 when the level shipped nothing (net) in the window. */
export function dailyDemandOf(level: Pick<SupplyLevel, "shipped">): number {
  return Math.max(0, level.shipped) / DEMAND_WINDOW_DAYS;
}

/** Exact days of supply, or null without demand. */
export function daysOfSupplyOf(level: SupplyLevel): number | null {
  const demand = dailyDemandOf(level);
  if (demand === 0) return null;
  return Math.max(0, level.onHand - level.reserved) / demand;
}

/**
 * Whole days of supply, rounded up: "≤ N days" holds for the exact figure exactly when it holds for this one
 * (N is whole), so the number a cell shows agrees with the filter.
 */
export function wholeDaysOfSupplyOf(level: SupplyLevel): number | null {
  if (level.shipped <= 0) return null;
  const available = Math.max(0, level.onHand - level.reserved);
  // Integer ceiling: no floating-point rounding at the boundary.
  return Math.floor((available * DEMAND_WINDOW_DAYS + level.shipped - 1) / level.shipped);
}

/** The `low` filter: demand in the window, and what is available lasts `days` days or fewer. */
export function isLowOnSupply(level: SupplyLevel, days: number): boolean {
  if (level.shipped <= 0) return false;
  return Math.max(0, level.onHand - level.reserved) * DEMAND_WINDOW_DAYS <= days * level.shipped;
}

/** A `days` value from outside (a URL): a whole number in range, else undefined. */
export function parseSupplyDays(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= SUPPLY_DAYS.min && n <= SUPPLY_DAYS.max ? n : undefined;
}
