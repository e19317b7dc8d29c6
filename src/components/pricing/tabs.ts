export const PRICING_TABS = [
  { id: "price-lists", label: "Price lists" },
  { id: "discount-rules", label: "Discount rules" },
  { id: "tax-rates", label: "Tax rates" },
  { id: "override-limits", label: "Override limits" },
  { id: "simulator", label: "Simulator" },
] as const;

export type PricingTab = (typeof PRICING_TABS)[number]["id"];

/** The `?tab=` of /admin/pricing; anything unknown is the first tab. */
export function pricingTabOf(value: string | undefined): PricingTab {
  return PRICING_TABS.find((t) => t.id === value)?.id ?? "price-lists";
}
