import type { OrderRule } from "./order-rule";

/** The same lines for the same customer within 24 hours, or a customer PO number used on another order. */
export const duplicateRule: OrderRule = {
  type: "duplicate_order",
  check: ({ order, earlier }) => {
    const reference = order.customerReference?.trim().toLowerCase();
    const matches = earlier.flatMap((other) => {
      const why = [
        ...(other.isRecent && other.sameLines ? ["the same lines within 24 hours"] : []),
        ...(reference && other.customerReference?.trim().toLowerCase() === reference ? [`the same customer PO ${order.customerReference}`] : []),
      ];
      return why.length > 0 ? [{ number: other.number, why }] : [];
    });
    if (matches.length === 0) return null;
    return {
      type: "duplicate_order",
      severity: "medium",
      reason: matches.map((m) => `Looks like ${m.number}: ${m.why.join(" and ")}.`).join(" "),
      details: { orders: matches.map((m) => m.number) },
      cause: matches.map((m) => m.number).sort().join(","),
    };
  },
};
