/**
 * The segments every database starts with (the migration seeds them). Admins keep the list at Admin →
 * Settings, so a customer's segment is any code of it (a string); the demo's customers use these.
 */
export type Segment = "wholesale" | "retail" | "contractor" | "industrial";

/** Demand classes drive allocation: stock can be held back for class A customers. */
export const DEMAND_CLASSES = ["A", "B", "C"] as const;
export type DemandClass = (typeof DEMAND_CLASSES)[number];

export const ADDRESS_KINDS = ["billing", "shipping"] as const;
