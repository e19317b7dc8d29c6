/** A unit of an import as a lane runs it: an order's rows (or one row), and what it touches. */
export type DispatchUnit = {
  groupNo: number;
  /** Rows it weighs in a batch. */
  rows: number;
  /** What it locks (an order's SKUs and customer): units of two lanes never share one at the same time. */
  keys: string[];
};

/**
 * Hands an import's units to lanes (concurrent batch transactions) in file order, except that a lane never gets
 * a unit touching a key another lane's batch holds: two orders reserving the same SKU would wait on each other's
 * stock rows (and could deadlock). A lane with nothing it may take waits for another to finish. Units come from
 * `load` (the pending ones after a group number) a window at a time. Pure bookkeeping, no database.
 */
export class UnitDispatcher<U extends DispatchUnit> {
  private queue: U[] = [];
  // Units are numbered from 1 (a row refused at upload has a negative number, and is never pending).
  private lastGroupNo = 0;
  private exhausted = false;
  private readonly busy = new Map<number, Set<string>>();
  private waiters: (() => void)[] = [];
  private loading: Promise<void> | null = null;

  constructor(
    private readonly load: (afterGroupNo: number) => Promise<U[]>,
    /** How far past the queue's head a lane looks for a unit it may take. */
    private readonly lookahead = 64,
  ) {}

  /** The next units for `lane`, up to `maxRows` rows (at least one unit); null when every unit has been handed out and run. */
  async take(lane: number, maxRows: number): Promise<U[] | null> {
    for (;;) {
      if (this.queue.length < this.lookahead && !this.exhausted) await this.refill();
      const blocked = new Set<string>();
      for (const [other, keys] of this.busy) if (other !== lane) keys.forEach((k) => blocked.add(k));
      const picked: U[] = [];
      let rows = 0;
      for (let i = 0; i < this.queue.length && i < this.lookahead && rows < maxRows; i++) {
        const unit = this.queue[i]!;
        if (unit.keys.some((k) => blocked.has(k))) continue;
        picked.push(unit);
        rows += unit.rows;
      }
      if (picked.length > 0) {
        const taken = new Set(picked);
        this.queue = this.queue.filter((u) => !taken.has(u));
        this.busy.set(lane, new Set(picked.flatMap((u) => u.keys)));
        return picked;
      }
      this.busy.delete(lane);
      if (this.queue.length === 0 && this.exhausted && this.busy.size === 0) return null;
      // Everything left conflicts with what other lanes run, or they may hand units back: wait for one to finish.
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The lane's batch is over; `retry` goes back to the head of the queue (a batch rolled back by a transient error). */
  release(lane: number, retry: U[] = []) {
    this.busy.delete(lane);
    if (retry.length > 0) this.queue.unshift(...retry);
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((wake) => wake());
  }

  /** One load at a time (two lanes running low together must not read the same window twice). */
  private refill() {
    this.loading ??= this.loadNext().finally(() => (this.loading = null));
    return this.loading;
  }

  private async loadNext() {
    const units = await this.load(this.lastGroupNo);
    if (units.length === 0) {
      this.exhausted = true;
      return;
    }
    this.lastGroupNo = units.at(-1)!.groupNo;
    this.queue.push(...units);
  }
}
