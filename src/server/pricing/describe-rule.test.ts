import { describe, expect, it } from "vitest";
import { describeRule } from "./describe-rule";

const none = { segment: null, customer: null, sku: null, category: null, minQuantity: null, minOrderAmount: null, channel: null };

describe("describeRule", () => {
  it("reads like a sentence", () => {
    expect(
      describeRule({
        scope: "line",
        percentOff: 10,
        amountOff: null,
        currency: "USD",
        buyQuantity: null,
        getQuantity: null,
        conditions: { ...none, category: "Fasteners", segment: "wholesale", minQuantity: 100 },
        validFrom: "2026-01-01",
        validTo: "2026-03-31",
        stackable: false,
      }),
    ).toBe("10% off category Fasteners for segment wholesale when quantity ≥ 100, Jan 1, 2026 – Mar 31, 2026");
    expect(
      describeRule({ scope: "order", percentOff: null, amountOff: 2500, currency: "USD", buyQuantity: null, getQuantity: null, conditions: { ...none, minOrderAmount: 100000 }, validFrom: null, validTo: null, stackable: true }),
    ).toBe("$25.00 off the order when order ≥ $1,000.00 (stacks)");
  });

  it("writes amounts in the rule's currency, with its own minor units", () => {
    expect(
      describeRule({ scope: "line", percentOff: null, amountOff: 500, currency: "JPY", buyQuantity: null, getQuantity: null, conditions: none, validFrom: null, validTo: null, stackable: false }),
    ).toBe("¥500 off each everything");
  });
});
