import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agingBucket, allocateInOrder, daysSalesOutstanding, documentTotals, dunningStageDue, lineShare, paidStatus, taxByRate, taxRateOf } from "./amounts";

describe("lineShare", () => {
  const line = { quantity: 3, unitPrice: 1_000, discount: 100, tax: 209 };

  it("splits a line's discount and tax over its units, half-up, and the parts add up to the line", () => {
    const first = lineShare(line, 0, 1);
    const rest = lineShare(line, 1, 3);
    expect(first).toEqual({ quantity: 1, unitPrice: 1_000, discount: 33, lineTotal: 967, tax: 70 });
    expect(rest).toEqual({ quantity: 2, unitPrice: 1_000, discount: 67, lineTotal: 1_933, tax: 139 });
    expect(first.lineTotal + rest.lineTotal).toBe(3 * 1_000 - 100);
    expect(first.tax + rest.tax).toBe(209);
  });

  it("refuses units outside the line", () => {
    expect(() => lineShare(line, 2, 4)).toThrow(RangeError);
    expect(() => lineShare(line, 1, 1)).toThrow(RangeError);
  });

  it("any split of any line sums to the line to the cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 250_000 }),
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 }),
        (quantity, unitPrice, discountPct, ratePpm, cuts) => {
          const discount = Math.floor((quantity * unitPrice * discountPct) / 100);
          const tax = Math.round(((quantity * unitPrice - discount) * ratePpm) / 1_000_000);
          const points = [...new Set([0, ...cuts.map((c) => c % quantity), quantity])].sort((a, b) => a - b);
          const parts = points.slice(1).map((to, i) => lineShare({ quantity, unitPrice, discount, tax }, points[i]!, to));
          expect(parts.reduce((s, p) => s + p.quantity, 0)).toBe(quantity);
          expect(parts.reduce((s, p) => s + p.lineTotal, 0)).toBe(quantity * unitPrice - discount);
          expect(parts.reduce((s, p) => s + p.tax, 0)).toBe(tax);
          for (const p of parts) expect(p.lineTotal).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("taxRateOf", () => {
  it("takes the engine's rate, or derives the nearest basis point from older lines", () => {
    expect(taxRateOf([{ step: "list_price" }, { step: "tax", ratePpm: 82_500 }], 825, 10_000)).toBe(82_500);
    expect(taxRateOf([{ step: "tax", description: "Tax 8.25%" }], 8_250, 100_000)).toBe(82_500);
    expect(taxRateOf([], 0, 100)).toBe(0);
  });
});

describe("documentTotals and taxByRate", () => {
  it("totals like an order: subtotal − discounts + tax + freight", () => {
    const lines = [
      { quantity: 2, unitPrice: 500, discount: 100, tax: 90 },
      { quantity: 1, unitPrice: 300, discount: 0, tax: 0 },
    ];
    expect(documentTotals(lines, 1_250)).toEqual({ subtotal: 1_300, discountTotal: 100, taxTotal: 90, shippingTotal: 1_250, total: 2_540 });
  });

  it("groups tax per rate", () => {
    expect(
      taxByRate([
        { taxRatePpm: 82_500, lineTotal: 1_000, tax: 83 },
        { taxRatePpm: 0, lineTotal: 500, tax: 0 },
        { taxRatePpm: 82_500, lineTotal: 2_000, tax: 165 },
      ]),
    ).toEqual([
      { ratePpm: 82_500, taxable: 3_000, tax: 248 },
      { ratePpm: 0, taxable: 500, tax: 0 },
    ]);
  });
});

describe("allocation and status", () => {
  it("pays the items in order until the money runs out", () => {
    expect(allocateInOrder(1_500, [{ id: "a", balance: 1_000 }, { id: "b", balance: 0 }, { id: "c", balance: 800 }, { id: "d", balance: 10 }])).toEqual([
      { id: "a", amount: 1_000 },
      { id: "c", amount: 500 },
    ]);
    expect(allocateInOrder(50, [])).toEqual([]);
  });

  it("never allocates more than the money or than an item owes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 300_000 }), { maxLength: 15 }), (amount, balances) => {
        const items = balances.map((balance, i) => ({ id: String(i), balance }));
        const out = allocateInOrder(amount, items);
        const total = out.reduce((s, a) => s + a.amount, 0);
        expect(total).toBe(Math.min(amount, balances.reduce((s, b) => s + b, 0)));
        for (const a of out) expect(a.amount).toBeLessThanOrEqual(items[Number(a.id)]!.balance);
      }),
    );
  });

  it("names the paid state", () => {
    expect(paidStatus(1_000, 0)).toBe("issued");
    expect(paidStatus(1_000, 1)).toBe("partially_paid");
    expect(paidStatus(1_000, 1_000)).toBe("paid");
  });
});

describe("receivables", () => {
  it("buckets by days past due on a fixed date", () => {
    const asOf = "2026-06-30";
    expect(agingBucket("2026-07-01", asOf)).toBe("current");
    expect(agingBucket("2026-06-30", asOf)).toBe("current");
    expect(agingBucket("2026-06-29", asOf)).toBe("1-30");
    expect(agingBucket("2026-05-31", asOf)).toBe("1-30");
    expect(agingBucket("2026-05-30", asOf)).toBe("31-60");
    expect(agingBucket("2026-05-01", asOf)).toBe("31-60");
    expect(agingBucket("2026-04-30", asOf)).toBe("61-90");
    expect(agingBucket("2026-04-01", asOf)).toBe("61-90");
    expect(agingBucket("2026-03-31", asOf)).toBe("90+");
  });

  it("sends each dunning stage once, and only the latest one reached", () => {
    const schedule = [15, 3, 30];
    expect(dunningStageDue(2, schedule, 0)).toBeNull();
    expect(dunningStageDue(3, schedule, 0)).toBe(1);
    expect(dunningStageDue(10, schedule, 1)).toBeNull();
    expect(dunningStageDue(31, schedule, 1)).toBe(3);
    expect(dunningStageDue(40, schedule, 3)).toBeNull();
  });

  it("computes DSO from receivables and sales", () => {
    expect(daysSalesOutstanding(50_000, 150_000, 90)).toBe(30);
    expect(daysSalesOutstanding(10, 0, 90)).toBe(0);
  });
});
