import { describe, expect, it } from "vitest";
import { creditCheck, creditExposure } from "./credit";

describe("credit", () => {
  it("adds open orders and unpaid invoices", () => {
    expect(creditExposure({ openOrders: 1000, unpaidInvoices: 250 })).toBe(1250);
  });

  it("is over the limit only when the order takes exposure past it", () => {
    expect(creditCheck({ creditLimit: 10_000, exposureWithoutOrder: 6_000, orderTotal: 4_000 })).toEqual({ exposure: 10_000, isOverLimit: false, overBy: 0 });
    expect(creditCheck({ creditLimit: 10_000, exposureWithoutOrder: 6_000, orderTotal: 4_001 })).toEqual({ exposure: 10_001, isOverLimit: true, overBy: 1 });
    expect(creditCheck({ creditLimit: 0, exposureWithoutOrder: 0, orderTotal: 1 }).isOverLimit).toBe(true);
  });
});
