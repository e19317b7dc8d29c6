export const SEGMENTS = ["wholesale", "retail", "contractor", "industrial"] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Demand classes drive allocation: stock can be held back for class A customers. */
export const DEMAND_CLASSES = ["A", "B", "C"] as const;
export type DemandClass = (typeof DEMAND_CLASSES)[number];

export const ADDRESS_KINDS = ["billing", "shipping"] as const;
