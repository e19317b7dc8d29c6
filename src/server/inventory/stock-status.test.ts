import { describe, expect, it } from "vitest";
import { isAtOrBelowReorderPoint, matchesStatusFilter, stockStatusFilterHint, stockStatusFilterLabel, stockStatusOf } from "./stock-status";

const level = (onHand: number, reserved: number, reorderPoint: number | null = null, reorderQuantity: number | null = null) => ({
  onHand,
  reserved,
  reorderPoint,
  reorderQuantity,
});

describe("stockStatusOf", () => {
  it("is out when nothing is available, whatever the reorder point", () => {
    expect(stockStatusOf(level(0, 0))).toBe("out");
    expect(stockStatusOf(level(7, 7, 2, 5))).toBe("out");
  });

  it("is low when some is available but at or below the reorder point", () => {
    expect(stockStatusOf(level(10, 0, 10, 5))).toBe("low");
    expect(stockStatusOf(level(20, 15, 5, 10))).toBe("low");
    expect(stockStatusOf(level(11, 0, 10, 5))).toBe("ok");
  });

  it("is overstock above reorder point + 2 × reorder quantity (on hand), only with both values set", () => {
    expect(stockStatusOf(level(20, 0, 10, 5))).toBe("ok");
    expect(stockStatusOf(level(21, 0, 10, 5))).toBe("overstock");
    expect(stockStatusOf(level(21, 0, 10, null))).toBe("ok");
    expect(stockStatusOf(level(1000, 0))).toBe("ok");
  });

  it("calls a level low, not overstock, when reservations take it down to the reorder point", () => {
    expect(stockStatusOf(level(100, 95, 10, 20))).toBe("low");
  });
});

describe("isAtOrBelowReorderPoint (the low-stock count)", () => {
  it("counts out and low levels that have a reorder point", () => {
    expect(isAtOrBelowReorderPoint(level(0, 0, 5, 10))).toBe(true);
    expect(isAtOrBelowReorderPoint(level(5, 0, 5, 10))).toBe(true);
    expect(isAtOrBelowReorderPoint(level(6, 0, 5, 10))).toBe(false);
    expect(isAtOrBelowReorderPoint(level(0, 0))).toBe(false);
  });

  it("is the reorder filter; low is days of supply; the other filters are the status", () => {
    expect(matchesStatusFilter(level(0, 0, 5, 10), "reorder")).toBe(true);
    expect(matchesStatusFilter(level(0, 0, 5, 10), "out")).toBe(true);
    // Out, but nothing shipped in the window: no days-of-supply figure, not low.
    expect(matchesStatusFilter(level(0, 0, 5, 10), "low")).toBe(false);
    expect(matchesStatusFilter({ ...level(0, 0, 5, 10), shipped: 3 }, "low")).toBe(true);
    // 100 available, 300 shipped in 30 days: 10 days, low at N = 14 (the default) and 10, not at 9.
    const moving = { ...level(100, 0), shipped: 300 };
    expect(matchesStatusFilter(moving, "low")).toBe(true);
    expect(matchesStatusFilter(moving, "low", 10)).toBe(true);
    expect(matchesStatusFilter(moving, "low", 9)).toBe(false);
  });
});

describe("filter names", () => {
  it("fill in the days of the low filter", () => {
    expect(stockStatusFilterLabel("low")).toBe("Low (≤ 14 days of supply)");
    expect(stockStatusFilterLabel("low", 30)).toBe("Low (≤ 30 days of supply)");
    expect(stockStatusFilterLabel("reorder", 30)).toBe("Below reorder point");
    expect(stockStatusFilterHint("low", 7)).toMatch(/^Available \(on hand − reserved\) lasts 7 days or fewer/);
  });
});
