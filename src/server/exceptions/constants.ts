export const EXCEPTION_TYPES = [
  "credit_hold",
  "price_approval",
  "address_hold",
  "suspicious_quantity",
  "stockout",
  "jeopardy",
  "overdue",
  "return",
  "delivery_failure",
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

export const EXCEPTION_STATUSES = ["open", "resolved"] as const;
export const EXCEPTION_SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** Types that hold an order until resolved (docs/architecture.md, order state machine: holds on credit, address, price override, quantity). */
export const BLOCKING_TYPES: readonly ExceptionType[] = ["credit_hold", "price_approval", "address_hold", "suspicious_quantity"];

export const EXCEPTION_LABELS: Record<ExceptionType, string> = {
  credit_hold: "Credit hold",
  price_approval: "Price approval",
  address_hold: "Address hold",
  suspicious_quantity: "Suspicious quantity",
  stockout: "Stockout",
  jeopardy: "Jeopardy",
  overdue: "Overdue",
  return: "Return",
  delivery_failure: "Delivery failure",
};
