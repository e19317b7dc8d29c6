import { WeightedTable } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Orders arrive in US business hours: 8 am to 7 pm Eastern (standard time), in UTC. */
const OPEN = 13 * HOUR;
const CLOSE = 24 * HOUR;
/** Sunday … Saturday: B2B orders come on weekdays, a trickle on weekends. */
const WEEKDAY_WEIGHT = [0.05, 1, 1.05, 1, 1, 0.85, 0.12];
/** The business grows: the last day of the window is this much busier than the first. */
const GROWTH = 0.35;

/**
 * Spreads documents over a time window like real order intake. `at(position)` is monotonic, so
 * documents generated in number order get increasing creation times (older = smaller number).
 */
export class OrderClock {
  private readonly hours: WeightedTable<{ from: number; to: number }>;

  constructor(from: Date, to: Date) {
    const start = from.getTime();
    const end = to.getTime();
    const span = Math.max(end - start, 1);
    const slots: [{ from: number; to: number }, number][] = [];
    for (let day = Math.floor(start / DAY) * DAY; day < end; day += DAY) {
      const slot = { from: Math.max(day + OPEN, start), to: Math.min(day + CLOSE, end) };
      if (slot.to <= slot.from) continue;
      const weekday = WEEKDAY_WEIGHT[new Date(day).getUTCDay()] ?? 1;
      const growth = 1 + GROWTH * ((day - start) / span);
      slots.push([slot, weekday * growth * ((slot.to - slot.from) / (CLOSE - OPEN))]);
    }
    // A window shorter than one business day still needs somewhere to put documents.
    if (slots.length === 0) slots.push([{ from: start, to: end }, 1]);
    this.hours = new WeightedTable(slots);
  }

  /** The moment at `position` in [0, 1) of the window's order intake. */
  at(position: number): Date {
    const { item, fraction } = this.hours.locate(position);
    return new Date(Math.floor(item.from + fraction * (item.to - item.from)));
  }
}
