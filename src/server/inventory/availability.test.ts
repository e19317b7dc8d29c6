import { describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import type { AtpLevel } from "./atp";
import { availabilityOf, sourcingOf, type WarehouseAtp } from "./availability";

const level = (onHand: number, reserved = 0, extra: Partial<AtpLevel> = {}): AtpLevel => ({ onHand, reserved, heldBack: 0, backordered: 0, inbound: [], ...extra });
const at = (warehouse: string, priority: number, l: AtpLevel): WarehouseAtp => ({ warehouseId: warehouse, warehouse, priority, region: "", level: l });

describe("availabilityOf", () => {
  const levels = [at("EAST", 10, level(4)), at("WEST", 20, level(12, 3)), at("CENTRAL", 15, level(0))];

  it("names the warehouse with most available and counts the total", () => {
    expect(availabilityOf({ sku: "A", quantity: 5 }, levels, 14, "2026-11-21")).toEqual({
      sku: "A",
      quantity: 5,
      bestWarehouse: "WEST",
      availableInBest: 9,
      availableTotal: 13,
      promiseDate: "2026-11-21",
      promiseBasis: "stock",
    });
  });

  it("promises after the vendor lead time when neither stock nor inbound covers the quantity", () => {
    expect(availabilityOf({ sku: "A", quantity: 20 }, levels, 14, "2026-11-21")).toMatchObject({ promiseDate: "2026-12-05", promiseBasis: "lead_time" });
  });

  it("promises on the inbound date that covers the quantity", () => {
    const withInbound = [...levels, at("NORTH", 30, level(0, 0, { inbound: [{ date: "2026-11-25", quantity: 10 }] }))];
    expect(availabilityOf({ sku: "A", quantity: 20 }, withInbound, 14, "2026-11-21")).toMatchObject({ promiseDate: "2026-11-25", promiseBasis: "inbound" });
  });

  it("does not count stock held back for other demand classes as available now", () => {
    const held = [at("EAST", 10, level(30, 0, { heldBack: 20 }))];
    expect(availabilityOf({ sku: "A", quantity: 15 }, held, 7, "2026-11-21")).toMatchObject({ availableTotal: 10, promiseBasis: "lead_time" });
  });

  it("breaks ties by warehouse priority and handles no stock at all", () => {
    const tie = [at("B", 20, level(5)), at("A", 10, level(5))];
    expect(availabilityOf({ sku: "A", quantity: 1 }, tie, 7, "2026-01-01").bestWarehouse).toBe("A");
    expect(availabilityOf({ sku: "A", quantity: 1 }, [], 7, "2026-01-01")).toMatchObject({ bestWarehouse: null, availableTotal: 0, promiseDate: "2026-01-08" });
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
  });
});

describe("sourcingOf (the plan reserveStock makes, by warehouse code)", () => {
  const region = (code: string, r: string, priority: number, l: AtpLevel): WarehouseAtp => ({ ...at(code, priority, l), region: r });
  const levels = [region("EAST", "NY", 10, level(50, 4)), region("CENTRAL", "IL", 20, level(30)), region("WEST", "CA", 30, level(2))];

  it("takes the whole line from one warehouse when one can fill it, the ship-to region's first", () => {
    expect(sourcingOf(20, levels, "IL")).toEqual({ takes: [{ warehouse: "CENTRAL", quantity: 20 }], short: 0 });
    expect(sourcingOf(20, levels, null)).toEqual({ takes: [{ warehouse: "EAST", quantity: 20 }], short: 0 });
  });

  it("splits most available first and backorders the rest", () => {
    expect(sourcingOf(100, levels, "IL")).toEqual({
      takes: [
        { warehouse: "EAST", quantity: 46 },
        { warehouse: "CENTRAL", quantity: 30 },
        { warehouse: "WEST", quantity: 2 },
      ],
      short: 22,
    });
  });

  it("leaves stock held back for other classes alone, and backorders everything when nothing is free", () => {
    expect(sourcingOf(10, [region("EAST", "NY", 10, level(10, 0, { heldBack: 10 }))], null)).toEqual({ takes: [], short: 10 });
  });
});
