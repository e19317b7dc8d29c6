import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { atp, atpTimeline, earliestPromise, type AtpLevel } from "./atp";

const today = "2026-11-22";
const level = (extra: Partial<AtpLevel> = {}): AtpLevel => ({ onHand: 0, reserved: 0, heldBack: 0, backordered: 0, inbound: [], ...extra });

describe("atp", () => {
  it("is on hand − reserved + inbound expected by the date", () => {
    const l = level({ onHand: 50, reserved: 20, inbound: [{ date: "2026-11-25", quantity: 10 }, { date: "2026-12-10", quantity: 40 }] });
    expect(atp(l, today, today)).toBe(30);
    expect(atp(l, "2026-11-24", today)).toBe(30);
    expect(atp(l, "2026-11-25", today)).toBe(40);
    expect(atp(l, "2026-12-31", today)).toBe(80);
  });

  it("subtracts units held back for other demand classes, never going below zero", () => {
    expect(atp(level({ onHand: 30, heldBack: 20 }), today, today)).toBe(10);
    expect(atp(level({ onHand: 30, reserved: 15, heldBack: 20 }), today, today)).toBe(0);
    // Inbound tops the free stock up again above what is held back.
    expect(atp(level({ onHand: 30, reserved: 15, heldBack: 20, inbound: [{ date: "2026-11-30", quantity: 30 }] }), "2026-11-30", today)).toBe(25);
  });

  it("gives inbound to backorders first", () => {
    const l = level({ onHand: 0, backordered: 40, inbound: [{ date: "2026-11-25", quantity: 30 }, { date: "2026-12-05", quantity: 30 }] });
    expect(atp(l, "2026-11-25", today)).toBe(0);
    expect(atp(l, "2026-12-05", today)).toBe(20);
  });

  it("counts overdue inbound from tomorrow, never today", () => {
    const l = level({ onHand: 5, inbound: [{ date: "2026-11-18", quantity: 10 }] });
    expect(atp(l, today, today)).toBe(5);
    expect(atp(l, "2026-11-23", today)).toBe(15);
  });

  it("never decreases over time (inbound only adds)", () => {
    const inbound = fc.array(fc.record({ day: fc.integer({ min: -10, max: 60 }), quantity: fc.integer({ min: 1, max: 100 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.nat(50), fc.nat(50), inbound, (onHand, reserved, heldBack, backordered, arrivals) => {
        const l = level({
          onHand: Math.max(onHand, reserved),
          reserved,
          heldBack,
          backordered,
          inbound: arrivals.map((a) => ({ date: new Date(Date.UTC(2026, 10, 22 + a.day)).toISOString().slice(0, 10), quantity: a.quantity })),
        });
        const points = atpTimeline(l, today, 90);
        for (let i = 1; i < points.length; i++) expect(points[i]!.atp).toBeGreaterThanOrEqual(points[i - 1]!.atp);
        expect(points[0]!.atp).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("atpTimeline", () => {
  it("has a point today, one per arrival date and one at the horizon", () => {
    const l = level({ onHand: 10, inbound: [{ date: "2026-12-01", quantity: 5 }, { date: "2026-11-25", quantity: 3 }, { date: "2026-11-25", quantity: 2 }] });
    expect(atpTimeline(l, today, 30)).toEqual([
      { date: "2026-11-22", atp: 10, inbound: 0 },
      { date: "2026-11-25", atp: 15, inbound: 5 },
      { date: "2026-12-01", atp: 20, inbound: 5 },
      { date: "2026-12-22", atp: 20, inbound: 0 },
    ]);
  });
});

describe("earliestPromise", () => {
  const east = level({ onHand: 6, inbound: [{ date: "2026-11-28", quantity: 10 }] });
  const west = level({ onHand: 4, reserved: 4, inbound: [{ date: "2026-12-02", quantity: 20 }] });

  it("is today when the warehouses together have it", () => {
    expect(earliestPromise(6, [east, west], today, 14)).toEqual({ date: today, basis: "stock" });
  });

  it("is the first arrival date that covers the quantity across warehouses", () => {
    expect(earliestPromise(16, [east, west], today, 14)).toEqual({ date: "2026-11-28", basis: "inbound" });
    expect(earliestPromise(30, [east, west], today, 14)).toEqual({ date: "2026-12-02", basis: "inbound" });
  });

  it("falls back to the vendor lead time when inbound is not enough or comes later", () => {
    expect(earliestPromise(100, [east, west], today, 14)).toEqual({ date: "2026-12-06", basis: "lead_time" });
    expect(earliestPromise(30, [east, west], today, 5)).toEqual({ date: "2026-11-27", basis: "lead_time" });
  });
});
