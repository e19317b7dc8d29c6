export const UNITS = ["each", "box", "case", "pallet", "kg", "m", "l"] as const;
export type Unit = (typeof UNITS)[number];

export const TAX_CATEGORIES = ["standard", "reduced", "zero", "exempt"] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];
