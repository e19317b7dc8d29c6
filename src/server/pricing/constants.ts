export const TIER_BASES = ["line", "sku", "category"] as const;
export const DISCOUNT_SCOPES = ["line", "order"] as const;
