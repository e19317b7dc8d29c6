import type { DemandClass } from "~/server/customers/constants";
import { hashUnit } from "./random";

/** Three distribution centres; a lower priority number is preferred when sourcing. */
export const WAREHOUSE_SPECS = [
  {
    code: "EAST",
    name: "East Coast DC",
    address: { line1: "600 Doremus Ave", city: "Newark", region: "NJ", postalCode: "07105", country: "US" },
    priority: 10,
    stockScale: 1,
  },
  {
    code: "CENTRAL",
    name: "Central DC",
    address: { line1: "4800 Mountain Creek Pkwy", city: "Dallas", region: "TX", postalCode: "75236", country: "US" },
    priority: 20,
    stockScale: 0.8,
  },
  {
    code: "WEST",
    name: "West DC",
    address: { line1: "2000 Electric Ave", city: "Reno", region: "NV", postalCode: "89502", country: "US" },
    priority: 30,
    stockScale: 0.6,
  },
] as const;
export type WarehouseCode = (typeof WAREHOUSE_SPECS)[number]["code"];

const WEST_STATES = new Set(["AK", "AZ", "CA", "CO", "HI", "ID", "MT", "NM", "NV", "OR", "UT", "WA", "WY"]);
const CENTRAL_STATES = new Set(["AL", "AR", "IA", "KS", "LA", "MN", "MO", "MS", "ND", "NE", "OK", "SD", "TN", "TX"]);

/** The distribution centre that ships to a US state by default. */
export function homeWarehouseCode(state: string): WarehouseCode {
  if (WEST_STATES.has(state)) return "WEST";
  if (CENTRAL_STATES.has(state)) return "CENTRAL";
  return "EAST";
}

/**
 * How often a product is ordered, in (0, 1]: a long tail where a few SKUs sell most. Derived from the
 * SKU, so the stock seeded for a product and the orders seeded later (even in another run) agree.
 */
export function productPopularity(sku: string): number {
  return (0.05 / (0.05 + hashUnit(sku))) ** 1.5;
}

/** Class A accounts order most often. */
export const ORDER_FREQUENCY_BY_CLASS: Record<DemandClass, number> = { A: 6, B: 2, C: 1 };
