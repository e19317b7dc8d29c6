import { describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import { availabilityOf } from "./availability";

describe("availability", () => {
  const levels = [
    { warehouse: "EAST", priority: 10, available: 4 },
    { warehouse: "WEST", priority: 20, available: 9 },
    { warehouse: "CENTRAL", priority: 15, available: -1 },
  ];

  it("names the warehouse with most available and counts the total without negatives", () => {
    expect(availabilityOf({ sku: "A", quantity: 5 }, levels, 14, "2026-11-21")).toEqual({
      sku: "A",
      quantity: 5,
      bestWarehouse: "WEST",
      availableInBest: 9,
      availableTotal: 13,
      promiseDate: "2026-11-21",
    });
  });

  it("promises after the vendor lead time when stock cannot cover the quantity", () => {
    expect(availabilityOf({ sku: "A", quantity: 20 }, levels, 14, "2026-11-21").promiseDate).toBe("2026-12-05");
  });

  it("breaks ties by warehouse priority and handles no stock at all", () => {
    const tie = [
      { warehouse: "B", priority: 20, available: 5 },
      { warehouse: "A", priority: 10, available: 5 },
    ];
    expect(availabilityOf({ sku: "A", quantity: 1 }, tie, 7, "2026-01-01").bestWarehouse).toBe("A");
    expect(availabilityOf({ sku: "A", quantity: 1 }, [], 7, "2026-01-01")).toMatchObject({ bestWarehouse: null, availableTotal: 0, promiseDate: "2026-01-08" });
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
  });
});
