import type { OrderRule } from "./order-rule";

/** A manual price beyond the role's limit or below cost (the line says why, set when it was priced). */
export const priceRule: OrderRule = {
  type: "price_approval",
  check: ({ lines }) => {
    const flagged = lines.filter((l) => l.approvalReason);
    if (flagged.length === 0) return null;
    return {
      type: "price_approval",
      severity: "medium",
      reason: flagged.map((l) => `Line ${l.lineNo}: ${l.approvalReason}`).join("; "),
      details: { lines: flagged.map((l) => l.lineNo), skus: flagged.map((l) => l.sku) },
      // The net unit price: the same manual price stays approved whatever the quantity.
      cause: flagged.map((l) => `${l.sku}@${Math.round((l.quantity * l.unitPrice - l.discount) / l.quantity)}`).sort().join(","),
    };
  },
};
