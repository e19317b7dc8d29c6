import { describe, expect, it } from "vitest";
import { gridHref, gridInputOf, hasGridFilters, parseGridParams, supplyDaysOf } from "./grid-params";

describe("inventory grid URL params", () => {
  it("reads known filters and drops bad values", () => {
    expect(parseGridParams({ status: "low", warehouse: "EAST", category: "FASTENERS", search: " bolt " })).toEqual({
      status: "low",
      warehouse: "EAST",
      category: "FASTENERS",
      search: "bolt",
    });
    expect(parseGridParams({ status: "nope", warehouse: "bad code!", search: "", cursor: "x" })).toEqual({});
    expect(parseGridParams({ status: ["out", "low"] })).toEqual({ status: "out" });
  });

  it("keeps the low filter's days of supply: a whole number from 1 to 365", () => {
    expect(parseGridParams({ status: "low", days: "7" })).toEqual({ status: "low", days: 7 });
    expect(parseGridParams({ days: "365" })).toEqual({ days: 365 });
    for (const bad of ["0", "366", "1.5", "x", "", "-3"]) expect(parseGridParams({ days: bad }), bad).toEqual({});
    expect(gridHref({ warehouse: "EAST", days: 7, status: "low" })).toBe("/inventory?status=low&days=7&warehouse=EAST");
    expect(gridInputOf({ status: "low", days: 30 })).toEqual({ status: "low", days: 30, allWarehouses: false });
    expect(supplyDaysOf({})).toBe(14);
    expect(supplyDaysOf({ days: 3 })).toBe(3);
    expect(hasGridFilters({ days: 3 })).toBe(false);
  });

  it("writes filters in a fixed order and leaves empty ones out", () => {
    expect(gridHref({ search: "a b", status: "reorder" })).toBe("/inventory?status=reorder&search=a+b");
    expect(gridHref({})).toBe("/inventory");
    expect(hasGridFilters({})).toBe(false);
    expect(hasGridFilters({ category: "X" })).toBe(true);
  });

  it("shows the warehouses that never stocked a SKU only when asked", () => {
    expect(parseGridParams({ show: "all" })).toEqual({ show: "all" });
    expect(parseGridParams({ show: "some" })).toEqual({});
    expect(gridInputOf({ warehouse: "EAST" })).toEqual({ warehouse: "EAST", allWarehouses: false });
    expect(gridInputOf({ show: "all" })).toEqual({ allWarehouses: true });
    expect(gridHref({ status: "out", show: "all" })).toBe("/inventory?status=out&show=all");
  });
});
