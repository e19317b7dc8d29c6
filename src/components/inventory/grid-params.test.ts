import { describe, expect, it } from "vitest";
import { gridHref, hasGridFilters, parseGridParams } from "./grid-params";

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

  it("writes filters in a fixed order and leaves empty ones out", () => {
    expect(gridHref({ search: "a b", status: "reorder" })).toBe("/inventory?status=reorder&search=a+b");
    expect(gridHref({})).toBe("/inventory");
    expect(hasGridFilters({})).toBe(false);
    expect(hasGridFilters({ category: "X" })).toBe(true);
  });
});
