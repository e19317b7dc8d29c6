import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceOrder } from "./price-order";

describe("priceOrder", () => {
  it("prices at list price and explains it", () => {
    const priced = priceOrder({ lines: [{ sku: "A", quantity: 3, listPrice: 1999 }] });
    expect(priced.lines[0]).toMatchObject({ unitPrice: 1999, discount: 0, tax: 0, lineTotal: 5997 });
    expect(priced.lines[0]!.explanation.map((s) => s.step)).toEqual(["list_price"]);
    expect(priced).toMatchObject({ subtotal: 5997, discountTotal: 0, taxTotal: 0, total: 5997 });
  });

  it("applies a manual override with its reason in the explanation", () => {
    const priced = priceOrder({ lines: [{ sku: "A", quantity: 2, listPrice: 1000, override: { unitPrice: 900, reason: "matched competitor" } }] });
    expect(priced.lines[0]!.unitPrice).toBe(900);
    expect(priced.lines[0]!.explanation.at(-1)).toMatchObject({ step: "override", description: "Manual price: matched competitor" });
  });

  it("totals always equal the sum of the lines (plus shipping)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sku: fc.string(), quantity: fc.integer({ min: 1, max: 10_000 }), listPrice: fc.integer({ min: 0, max: 10_000_000 }) }), {
          minLength: 1,
          maxLength: 50,
        }),
        fc.integer({ min: 0, max: 100_000 }),
        (lines, shippingTotal) => {
          const priced = priceOrder({ lines, shippingTotal });
          const sum = priced.lines.reduce((s, l) => s + l.lineTotal + l.tax, 0);
          expect(priced.total).toBe(sum + shippingTotal);
          expect(priced.subtotal - priced.discountTotal).toBe(priced.lines.reduce((s, l) => s + l.lineTotal, 0));
        },
      ),
    );
  });
});
