import { describe, expect, it } from "vitest";
import { dailyDemandOf, daysOfSupplyOf, demandWindowStart, isLowOnSupply, parseSupplyDays, wholeDaysOfSupplyOf } from "./days-of-supply";

const level = (onHand: number, reserved: number, shipped: number) => ({ onHand, reserved, shipped });

describe("days of supply", () => {
  it("is available ÷ the window's daily shipments", () => {
    // 60 shipped in 30 days = 2 a day; 20 available lasts 10 days.
    expect(dailyDemandOf(level(0, 0, 60))).toBe(2);
    expect(daysOfSupplyOf(level(25, 5, 60))).toBe(10);
    expect(wholeDaysOfSupplyOf(level(25, 5, 60))).toBe(10);
  });

  it("has no figure without demand, and never counts as low then", () => {
    for (const shipped of [0, -3]) {
      expect(daysOfSupplyOf(level(1, 0, shipped))).toBeNull();
      expect(wholeDaysOfSupplyOf(level(0, 0, shipped))).toBeNull();
      expect(isLowOnSupply(level(0, 0, shipped), 365)).toBe(false);
    }
    expect(dailyDemandOf(level(0, 0, -3))).toBe(0);
  });

  it("is 0 days when nothing is available and something shipped", () => {
    expect(daysOfSupplyOf(level(5, 5, 1))).toBe(0);
    expect(wholeDaysOfSupplyOf(level(5, 5, 1))).toBe(0);
    expect(isLowOnSupply(level(5, 5, 1), 1)).toBe(true);
  });

  it("is low at exactly N days, not a unit above", () => {
    // 30 shipped = 1 a day: 14 available is 14 days, 15 is 15.
    expect(isLowOnSupply(level(14, 0, 30), 14)).toBe(true);
    expect(isLowOnSupply(level(15, 0, 30), 14)).toBe(false);
    expect(isLowOnSupply(level(20, 6, 30), 14)).toBe(true);
    // 7 shipped: 3 available is 12.86 days (≤ 14, > 12); 4 is 17.1.
    expect(isLowOnSupply(level(3, 0, 7), 14)).toBe(true);
    expect(isLowOnSupply(level(3, 0, 7), 12)).toBe(false);
    expect(isLowOnSupply(level(4, 0, 7), 14)).toBe(false);
    expect(isLowOnSupply(level(365, 0, 30), 365)).toBe(true);
  });

  it("rounds the shown figure up, so it is ≤ N exactly when the filter says low", () => {
    expect(wholeDaysOfSupplyOf(level(3, 0, 7))).toBe(13);
    expect(wholeDaysOfSupplyOf(level(1, 0, 3000))).toBe(1);
    for (let available = 0; available <= 40; available++) {
      for (const shipped of [1, 3, 7, 29, 30, 31, 90]) {
        for (const days of [1, 7, 13, 14, 15, 30]) {
          const l = level(available, 0, shipped);
          expect(wholeDaysOfSupplyOf(l)! <= days, `${available}/${shipped}/${days}`).toBe(isLowOnSupply(l, days));
        }
      }
    }
  });

  it("counts the window back 30 days from the clock's moment", () => {
    expect(demandWindowStart(new Date("2026-12-04T12:00:00Z")).toISOString()).toBe("2026-11-04T12:00:00.000Z");
  });

  it("reads N from a URL: a whole number from 1 to 365, else nothing", () => {
    expect(parseSupplyDays("14")).toBe(14);
    expect(parseSupplyDays(" 7 ")).toBe(7);
    expect(parseSupplyDays(365)).toBe(365);
    for (const bad of ["0", "366", "-1", "1.5", "abc", "", undefined, 2.5]) expect(parseSupplyDays(bad)).toBeUndefined();
  });
});
