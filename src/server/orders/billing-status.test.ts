import { describe, expect, it } from "vitest";
import { billingStatusOf, isComplete } from "./billing-status";

const none = { anyOverdue: false, allPaid: false };

describe("billingStatusOf", () => {
  it("follows the lines and invoices", () => {
    expect(billingStatusOf([{ quantity: 5, invoiced: 0 }], none)).toBe("unbilled");
    expect(billingStatusOf([{ quantity: 5, invoiced: 2 }], none)).toBe("partially_invoiced");
    expect(billingStatusOf([{ quantity: 5, invoiced: 2 }], { anyOverdue: false, allPaid: true })).toBe("partially_invoiced");
    expect(billingStatusOf([{ quantity: 5, invoiced: 5 }], none)).toBe("invoiced");
    expect(billingStatusOf([{ quantity: 5, invoiced: 5 }], { anyOverdue: false, allPaid: true })).toBe("paid");
    expect(billingStatusOf([{ quantity: 5, invoiced: 2 }], { anyOverdue: true, allPaid: false })).toBe("overdue");
  });
});

describe("isComplete", () => {
  it("needs every unit shipped and invoiced", () => {
    expect(isComplete([{ quantity: 2, shipped: 2, invoiced: 2 }])).toBe(true);
    expect(isComplete([{ quantity: 2, shipped: 2, invoiced: 1 }])).toBe(false);
    expect(isComplete([{ quantity: 2, shipped: 1, invoiced: 2 }])).toBe(false);
    expect(isComplete([])).toBe(false);
  });
});
