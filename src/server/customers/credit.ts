/**
 * Credit exposure (docs/architecture.md) = open orders + unpaid invoices. An order that would take exposure past
 * the limit still goes in, placed on a credit hold for a manager to release.
 */
export function creditExposure(parts: { openOrders: number; unpaidInvoices: number }): number {
  return parts.openOrders + parts.unpaidInvoices;
}

export function creditCheck(input: { creditLimit: number; exposureWithoutOrder: number; orderTotal: number }) {
  const exposure = input.exposureWithoutOrder + input.orderTotal;
  return { exposure, isOverLimit: exposure > input.creditLimit, overBy: Math.max(0, exposure - input.creditLimit) };
}
