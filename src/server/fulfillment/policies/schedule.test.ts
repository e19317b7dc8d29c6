import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import { DEFAULT_POLICIES } from "./policy";
import { addBusinessDays, addDuration, arrivalDate, projectSteps, promiseDate } from "./schedule";

const policy = (code: string) => DEFAULT_POLICIES.find((p) => p.code === code)!.steps;
const HOUR = 3_600_000;
// Tuesday 1 December 2026, 09:00 in New York (the company's time zone).
const TUESDAY_9AM = new Date("2026-12-01T14:00:00Z");

describe("business days", () => {
  it("skip the weekend, and a weekend start counts from Monday", () => {
    expect(addBusinessDays("2026-12-04", 1)).toBe("2026-12-07"); // Friday → Monday
    expect(addBusinessDays("2026-12-05", 1)).toBe("2026-12-07"); // Saturday → Monday
    expect(addBusinessDays("2026-12-01", 5)).toBe("2026-12-08"); // Tuesday → next Tuesday
    expect(addBusinessDays("2026-12-01", 0)).toBe("2026-12-01");
  });

  it("are what walking the calendar a day at a time gives, for any start and count", () => {
    const walk = (start: string, days: number) => {
      let date = start;
      for (let left = Math.ceil(days); left > 0; ) {
        date = addDays(date, 1);
        if (![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) left--;
      }
      return date;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.double({ min: -2, max: 400, noNaN: true }), (offset, days) => {
        const start = addDays("2024-01-01", offset);
        expect(addBusinessDays(start, days)).toBe(walk(start, days));
      }),
      { numRuns: 2_000 },
    );
  });

  it("keep the time of day when a duration is in business days; hours run on the clock", () => {
    const fridayMorning = new Date("2026-12-04T15:00:00Z");
    expect(addDuration(fridayMorning, { amount: 1, unit: "business_days" }).toISOString()).toBe("2026-12-07T15:00:00.000Z");
    expect(addDuration(fridayMorning, { amount: 20, unit: "hours" }).toISOString()).toBe("2026-12-05T11:00:00.000Z");
  });
});

describe("promise dates", () => {
  it("are the hand-over step's day plus transit business days", () => {
    // Standard: reserve 1 h, pick 8 h, pack 4 h, ship 8 h → leaves Wednesday 06:00; 2 days in transit → Friday.
    expect(promiseDate(policy("STANDARD"), { now: TUESDAY_9AM, transitDays: 2 })).toBe("2026-12-04");
    expect(promiseDate(policy("STANDARD"), { now: TUESDAY_9AM, transitDays: 0 })).toBe("2026-12-02");
  });

  it("move past a weekend in transit", () => {
    // Friday 15:00: leaves Saturday 12:00 (hours run on the clock); 2 business days of transit → Tuesday.
    expect(promiseDate(policy("STANDARD"), { now: new Date("2026-12-04T20:00:00Z"), transitDays: 2 })).toBe("2026-12-08");
  });

  it("wait for what a step waits for: a backordered line's reserve waits for the inbound date", () => {
    const inbound = new Date("2026-12-10T14:00:00Z"); // Thursday 09:00
    // Reserved Thursday 09:00, leaves Friday 05:00, 2 business days → Tuesday.
    expect(promiseDate(policy("STANDARD"), { now: TUESDAY_9AM, transitDays: 2, notBefore: { reserve: inbound } })).toBe("2026-12-15");
  });

  it("are the collection day for will-call (no transit), and include payment before picking for prepaid", () => {
    // Will-call: reserve 1 h, pick 8 h (Tuesday 18:00), collect within 5 business days → the next Tuesday.
    expect(promiseDate(policy("WILL_CALL"), { now: TUESDAY_9AM, transitDays: 3 })).toBe("2026-12-08");
    // Prepaid: invoiced 10:00, paid within 3 business days (Friday 10:00), then 21 h of warehouse work → leaves Saturday 07:00 → +2 → Tuesday.
    expect(promiseDate(policy("PREPAID"), { now: TUESDAY_9AM, transitDays: 2 })).toBe("2026-12-08");
  });
});

describe("projection", () => {
  const steps = policy("STANDARD");
  const promised = promiseDate(steps, { now: TUESDAY_9AM, transitDays: 2 });

  it("keeps a plan that is on time: the step in progress is current and not late", () => {
    const now = new Date(TUESDAY_9AM.getTime() + 3 * HOUR);
    const projection = projectSteps(steps, { start: TUESDAY_9AM, now, progress: { reserve: { completedAt: new Date(TUESDAY_9AM.getTime() + 0.5 * HOUR), by: "Riley Rep" } } });
    expect(projection.current).toBe("pick");
    expect(projection.steps.map((s) => s.state)).toEqual(["done", "current", "pending", "pending", "pending", "pending"]);
    expect(projection.steps[0]).toMatchObject({ by: "Riley Rep", lateMs: 0 });
    expect(projection.steps[1]!.lateMs).toBe(0);
    expect(arrivalDate(projection, steps, 2)).toBe(promised);
  });

  it("sees a late pick push the arrival past the promise, naming how late the step is", () => {
    const reserved = new Date(TUESDAY_9AM.getTime() + 0.5 * HOUR);
    const now = new Date("2026-12-02T18:00:00Z"); // Wednesday 13:00: the pick was due Tuesday 17:30
    const projection = projectSteps(steps, { start: TUESDAY_9AM, now, progress: { reserve: { completedAt: reserved } } });
    expect(projection.current).toBe("pick");
    expect(projection.steps[1]!.lateMs).toBe(19.5 * HOUR);
    // Picked now, packed 17:00, leaves Thursday 01:00, two business days → Monday.
    expect(arrivalDate(projection, steps, 2)).toBe("2026-12-07");
    expect(arrivalDate(projection, steps, 2) > promised).toBe(true);
  });

  it("follows what really happened once steps are done, early or late", () => {
    const progress = {
      reserve: { completedAt: new Date("2026-12-01T14:10:00Z") },
      pick: { completedAt: new Date("2026-12-01T16:00:00Z") },
      pack: { completedAt: new Date("2026-12-01T17:00:00Z") },
      ship: { completedAt: new Date("2026-12-01T18:00:00Z"), by: "Wes Warehouse" },
    };
    const projection = projectSteps(steps, { start: TUESDAY_9AM, now: new Date("2026-12-01T19:00:00Z"), progress });
    expect(projection.current).toBe("invoice");
    expect(projection.steps[3]).toMatchObject({ state: "done", by: "Wes Warehouse" });
    expect(projection.steps[3]!.end.toISOString()).toBe("2026-12-01T18:00:00.000Z");
    expect(projection.steps[3]!.plannedEnd.toISOString()).toBe("2026-12-02T11:00:00.000Z");
    expect(arrivalDate(projection, steps, 2)).toBe("2026-12-03");
  });

  it("ends when the last step ends; a finished order has no current step", () => {
    const done = Object.fromEntries(steps.map((s, i) => [s.kind, { completedAt: new Date(TUESDAY_9AM.getTime() + (i + 1) * HOUR) }]));
    const projection = projectSteps(steps, { start: TUESDAY_9AM, now: new Date("2026-12-20T00:00:00Z"), progress: done });
    expect(projection.current).toBeNull();
    expect(projection.end.toISOString()).toBe(new Date(TUESDAY_9AM.getTime() + 6 * HOUR).toISOString());
  });
});
