import { COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import { runAt } from "~/server/clock";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
/** The desk works 8 am to 6 pm Eastern (standard time), in UTC. */
const OPENS = 13 * HOUR;
const CLOSES = 23 * HOUR;

type Entry = { at: number; seq: number; what: string; run: () => Promise<void> };

/**
 * The demo's history as an agenda: what people do, each at its moment, run in time order with the
 * domain clock set to that moment (`runAt`), so every row a use case writes carries the time it
 * "happened". Follow-ups are booked while earlier entries run (a hold is released the next morning,
 * a purchase order arrives after its lead time); anything booked at or after the end (now) has not
 * happened yet and is dropped. Same bookings in the same order, same history.
 */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;
  /** Entries run so far. */
  ran = 0;
  /** Entries run and milliseconds spent, per kind of action. */
  readonly spent = new Map<string, { count: number; ms: number }>();

  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  /** Books `what` (a name for progress and timings) at `at` (ms); false when that is not in the past yet. */
  book(at: number, what: string, run: () => Promise<unknown>): boolean {
    if (!(at < this.end) || at < this.start) return false;
    this.push({ at: Math.round(at), seq: this.seq++, what, run: async () => void (await run()) });
    return true;
  }

  /** Runs every booked entry in time order (bookings made meanwhile included). */
  async run(onProgress?: (done: number, at: number) => void): Promise<void> {
    for (let entry = this.pop(); entry; entry = this.pop()) {
      const { at, run, what } = entry;
      const started = performance.now();
      await runAt(new Date(at), run);
      const spent = this.spent.get(what) ?? { count: 0, ms: 0 };
      spent.count++;
      spent.ms += performance.now() - started;
      this.spent.set(what, spent);
      this.ran++;
      onProgress?.(this.ran, at);
    }
  }

  /** What ran, by kind: how many and how long, in seconds. */
  timings(): Record<string, { count: number; seconds: number }> {
    const sorted = [...this.spent].sort((a, b) => b[1].ms - a[1].ms);
    return Object.fromEntries(sorted.map(([what, { count, ms }]) => [what, { count, seconds: Math.round(ms / 100) / 10 }]));
  }

  private push(entry: Entry) {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/**
 * The first working moment at or after `ms`: inside business hours on a weekday, else the next
 * morning's opening plus `jitter` ms (so not everything queued overnight happens at 8:00 sharp).
 */
export function workingMoment(ms: number, jitter = 0): number {
  let day = Math.floor(ms / DAY) * DAY;
  let t = ms;
  for (let i = 0; i < 8; i++) {
    const weekday = new Date(day).getUTCDay();
    const isWorkday = weekday !== 0 && weekday !== 6;
    if (isWorkday && t < day + CLOSES) return Math.max(t, day + OPENS + (t < day + OPENS ? jitter : 0));
    day += DAY;
    t = day;
  }
  return t;
}

/** The first midnight (UTC) on or after `ms` that is the given weekday (0 = Sunday). */
export function nextWeekday(ms: number, weekday: number): number {
  let day = Math.ceil(ms / DAY) * DAY;
  while (new Date(day).getUTCDay() !== weekday) day += DAY;
  return day;
}

/** YYYY-MM-DD of a moment in the company's time zone: the day the desk calls it (clock.today() at that moment). */
export function isoDay(ms: number): string {
  return todayIn(COMPANY_TIME_ZONE, new Date(ms));
}

const MINUTE = 60_000;
export { DAY, HOUR, MINUTE };
