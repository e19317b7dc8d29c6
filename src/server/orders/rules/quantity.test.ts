import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flagQuantities, UNUSUAL_FACTOR } from "./quantity";

const line = (quantity: number, productId = "p1") => ({ lineNo: 1, productId, sku: "SKU-1", quantity, unitPrice: 100, discount: 0, approvalReason: null });

describe("flagQuantities", () => {
  it("flags a quantity that is not a multiple of the pack size", () => {
    const products = new Map([["p1", { packSize: 12, usual: null }]]);
    expect(flagQuantities([line(24)], products)).toEqual([]);
    expect(flagQuantities([line(10)], products)).toEqual([{ lineNo: 1, sku: "SKU-1", quantity: 10, problem: "10 is not a multiple of the pack size 12" }]);
  });

  it("flags more than five times the customer's usual quantity, and nothing for a new SKU", () => {
    expect(flagQuantities([line(50)], new Map([["p1", { packSize: 1, usual: 10 }]]))).toEqual([]);
    expect(flagQuantities([line(51)], new Map([["p1", { packSize: 1, usual: 10 }]]))[0]?.problem).toBe("51 is over 5× the customer's usual 10");
    expect(flagQuantities([line(10_000)], new Map([["p1", { packSize: 1, usual: null }]]))).toEqual([]);
    expect(flagQuantities([line(10_000, "unknown")], new Map())).toEqual([]);
  });

  it("flags exactly the quantities above the factor or off the pack (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 24 }), fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }), (quantity, packSize, usual) => {
        const flagged = flagQuantities([line(quantity)], new Map([["p1", { packSize, usual }]])).length === 1;
        expect(flagged).toBe(quantity % packSize !== 0 || (usual !== null && quantity > UNUSUAL_FACTOR * usual));
      }),
    );
  });
});
