import { addDays } from "~/lib/dates";

/** Stock expected in a warehouse on a date (open purchase orders, transfers in transit). */
export type Inbound = { date: string; quantity: number };

/** What available-to-promise needs to know of one product in one warehouse. */
export type AtpLevel = {
  onHand: number;
  reserved: number;
  /** Units held back for demand classes other than the asking customer's. */
  heldBack: number;
  /** Units already promised to backordered lines waiting on this warehouse: inbound goes to them first. */
  backordered: number;
  inbound: Inbound[];
};

/**
 * Inbound that is overdue (its expected date has passed) is not on the shelf: it counts from tomorrow,
 * so nothing is promised for today on goods that have not arrived.
 */
export function effectiveInboundDate(date: string, today: string): string {
  return date < addDays(today, 1) ? addDays(today, 1) : date;
}

/**
 * atp(product, warehouse, date) = on hand − reserved − held back for other classes − backordered
 * + inbound expected by that date, never below zero. Backorders are subtracted because receiving
 * allocates arriving stock to them first (oldest first); without that, inbound would be promised twice.
 */
export function atp(level: AtpLevel, date: string, today: string): number {
  const inbound = level.inbound
    .filter((i) => effectiveInboundDate(i.date, today) <= date)
    .reduce((sum, i) => sum + i.quantity, 0);
  return Math.max(0, level.onHand - level.reserved - level.heldBack - level.backordered + inbound);
}

/** ATP today and at every date something arrives, within the horizon: the points of the timeline chart. */
export function atpTimeline(level: AtpLevel, today: string, horizonDays = 90): { date: string; atp: number; inbound: number }[] {
  const end = addDays(today, horizonDays);
  const byDate = new Map<string, number>();
  for (const i of level.inbound) {
    const date = effectiveInboundDate(i.date, today);
    if (date <= end) byDate.set(date, (byDate.get(date) ?? 0) + i.quantity);
  }
  const dates = [today, ...[...byDate.keys()].sort()];
  const points = dates.map((date) => ({ date, atp: atp(level, date, today), inbound: byDate.get(date) ?? 0 }));
  // Close the line at the horizon so the chart shows the level holding after the last receipt.
  points.push({ date: end, atp: atp(level, end, today), inbound: 0 });
  return points;
}

export type Promise = {
  /** The earliest date the full quantity can be promised. */
  date: string;
  /** stock: from what is on the shelf; inbound: when purchase orders or transfers arrive; lead_time: after a new order to the vendor. */
  basis: "stock" | "inbound" | "lead_time";
};

/**
 * The earliest date the whole quantity is available across warehouses (a line may be split): today when
 * it is in stock, else the first inbound date that covers it, else today plus the vendor's lead time.
 */
export function earliestPromise(quantity: number, levels: AtpLevel[], today: string, leadTimeDays: number): Promise {
  const total = (date: string) => levels.reduce((sum, level) => sum + atp(level, date, today), 0);
  if (total(today) >= quantity) return { date: today, basis: "stock" };
  const inboundDates = [...new Set(levels.flatMap((l) => l.inbound.map((i) => effectiveInboundDate(i.date, today))))].sort();
  const leadTimeDate = addDays(today, leadTimeDays);
  for (const date of inboundDates) {
    if (date >= leadTimeDate) break;
    if (total(date) >= quantity) return { date, basis: "inbound" };
  }
  return { date: leadTimeDate, basis: "lead_time" };
}
