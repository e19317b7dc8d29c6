import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reorderQuantityFor, stockPosition, suggestReorders, type ReorderLevel } from "./replenishment";

const level = (extra: Partial<ReorderLevel>): ReorderLevel => ({
  productId: "p1",
  warehouseId: "w1",
  onHand: 0,
  reserved: 0,
  inbound: 0,
  backordered: 0,
  reorderPoint: 10,
  reorderQuantity: 50,
  ...extra,
});

describe("stockPosition", () => {
  it("is on hand − reserved + inbound − backordered", () => {
    expect(stockPosition({ onHand: 30, reserved: 12, inbound: 20, backordered: 5 })).toBe(33);
  });
});

describe("suggestReorders", () => {
  it("suggests a level exactly at its reorder point", () => {
    expect(suggestReorders([level({ onHand: 10 })])).toEqual([{ productId: "p1", warehouseId: "w1", position: 10, reorderPoint: 10, quantity: 50 }]);
  });

  it("leaves a level one above its point alone", () => {
    expect(suggestReorders([level({ onHand: 11 })])).toEqual([]);
  });

  it("counts reserved stock as gone", () => {
    expect(suggestReorders([level({ onHand: 15, reserved: 5 })])).toEqual([expect.objectContaining({ position: 10, quantity: 50 })]);
  });

  it("counts inbound: an open purchase order or transfer lifts the position above the point", () => {
    expect(suggestReorders([level({ onHand: 4, inbound: 7 })])).toEqual([]);
    expect(suggestReorders([level({ onHand: 4, inbound: 6 })])).toEqual([expect.objectContaining({ position: 10 })]);
  });

  it("counts backorders: they push a comfortable level below its point", () => {
    expect(suggestReorders([level({ onHand: 40 })])).toEqual([]);
    expect(suggestReorders([level({ onHand: 40, backordered: 35 })])).toEqual([expect.objectContaining({ position: 5, quantity: 50 })]);
  });

  it("buys whole lots of the reorder quantity, as many as it takes to clear the point", () => {
    // position −95, point 10: must rise by 106 → 3 lots of 50 (2 lots = 100 would leave it at 5).
    expect(suggestReorders([level({ onHand: 0, backordered: 95 })])).toEqual([expect.objectContaining({ position: -95, quantity: 150 })]);
    // position −40: must rise by 51 → 2 lots (1 lot leaves it exactly at the point, which is not above it).
    expect(suggestReorders([level({ backordered: 40 })])[0]!.quantity).toBe(100);
    expect(suggestReorders([level({ backordered: 39 })])[0]!.quantity).toBe(50);
  });

  it("without a lot size buys just enough to reach the point + 1", () => {
    expect(suggestReorders([level({ onHand: 3, reorderQuantity: null })])[0]!.quantity).toBe(8);
    expect(suggestReorders([level({ onHand: 10, reorderQuantity: 0 })])[0]!.quantity).toBe(1);
    expect(suggestReorders([level({ backordered: 20, reorderQuantity: null })])[0]!.quantity).toBe(31);
  });

  it("skips levels without a reorder point, and handles a point of zero", () => {
    expect(suggestReorders([level({ reorderPoint: null })])).toEqual([]);
    expect(suggestReorders([level({ reorderPoint: 0, onHand: 0, reorderQuantity: 12 })])).toEqual([expect.objectContaining({ quantity: 12 })]);
    expect(suggestReorders([level({ reorderPoint: 0, onHand: 1 })])).toEqual([]);
  });

  it("keeps the identity of every level it suggests", () => {
    const result = suggestReorders([
      level({ productId: "a", warehouseId: "east", onHand: 100 }),
      level({ productId: "b", warehouseId: "east", onHand: 2 }),
      level({ productId: "b", warehouseId: "west", onHand: 1 }),
    ]);
    expect(result.map((s) => `${s.productId}@${s.warehouseId}`)).toEqual(["b@east", "b@west"]);
  });

  it("always lifts the position above the point, by less than one extra lot (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
        (position, point, lot) => {
          const quantity = reorderQuantityFor(position, point, lot);
          if (position > point) return quantity === 0;
          const step = lot && lot > 0 ? lot : 1;
          return quantity > 0 && quantity % step === 0 && position + quantity > point && position + quantity - step <= point;
        },
      ),
    );
  });
});
