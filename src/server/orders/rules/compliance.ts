import type { OrderRule } from "./order-rule";

/** The ship-to country or a product is on the admin's restricted list. */
export const complianceRule: OrderRule = {
  type: "compliance_hold",
  check: ({ restricted, order }) => {
    const { country, products } = restricted;
    if (!country && products.length === 0) return null;
    const reasons = [
      ...(country ? [`Ship-to country ${country.value} is restricted: ${country.reason}`] : []),
      ...products.map((p) => `${p.sku} is restricted: ${p.reason}`),
    ];
    return {
      type: "compliance_hold",
      severity: "high",
      reason: reasons.join("; "),
      details: { country: country?.value ?? null, skus: products.map((p) => p.sku) },
      cause: [country ? `country:${order.shipTo?.country}` : "", ...products.map((p) => p.sku).sort()].filter(Boolean).join(","),
    };
  },
};
