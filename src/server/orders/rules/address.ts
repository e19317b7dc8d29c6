import type { TAddress } from "../../customers";
import type { OrderRule } from "./order-rule";

/** Postal code formats of the countries we ship to most (others: anything non-empty). */
export const POSTAL_CODE_FORMATS: Record<string, { pattern: RegExp; example: string }> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: "07102 or 07102-1234" },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, example: "K1A 0B1" },
  GB: { pattern: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i, example: "SW1A 1AA" },
  DE: { pattern: /^\d{5}$/, example: "10115" },
  FR: { pattern: /^\d{5}$/, example: "75008" },
  NL: { pattern: /^[1-9]\d{3} ?[A-Z]{2}$/i, example: "1012 AB" },
  AU: { pattern: /^\d{4}$/, example: "2000" },
};
/** Countries whose addresses need a state or province. */
const NEEDS_REGION = new Set(["US", "CA", "AU"]);

/** Pure: what is wrong with a ship-to address, or null when it can go on a label. */
export function addressProblem(address: TAddress | null): string | null {
  if (!address) return "The order has no ship-to address.";
  const missing = (["line1", "city", "postalCode", "country"] as const).filter((k) => !address[k]?.trim());
  if (NEEDS_REGION.has(address.country) && !address.region?.trim()) missing.push("region" as never);
  if (missing.length > 0) return `The ship-to address is incomplete: ${missing.map((m) => (m === "line1" ? "street" : m === "postalCode" ? "postal code" : m)).join(", ")} missing.`;
  const format = POSTAL_CODE_FORMATS[address.country];
  if (format && !format.pattern.test(address.postalCode.trim())) {
    return `Postal code "${address.postalCode}" does not match the ${address.country} format (e.g. ${format.example}).`;
  }
  return null;
}

export const addressRule: OrderRule = {
  type: "address_hold",
  check: ({ order }) => {
    const problem = addressProblem(order.shipTo);
    if (!problem) return null;
    return { type: "address_hold", severity: "medium", reason: problem, details: { shipTo: order.shipTo }, cause: JSON.stringify(order.shipTo) };
  },
};
