import type { OrderRule, ReviewLine } from "./order-rule";

/** How many times the customer's usual quantity of a SKU is suspicious. */
export const UNUSUAL_FACTOR = 5;

export type QuantityFlag = { lineNo: number; sku: string; quantity: number; problem: string };

/** Pure: lines whose quantity is far above the customer's usual for the SKU, or not a multiple of the pack size. */
export function flagQuantities(lines: ReviewLine[], products: Map<string, { packSize: number; usual: number | null }>): QuantityFlag[] {
  return lines.flatMap((line) => {
    const product = products.get(line.productId);
    if (!product) return [];
    if (product.packSize > 1 && line.quantity % product.packSize !== 0) {
      return [{ lineNo: line.lineNo, sku: line.sku, quantity: line.quantity, problem: `${line.quantity} is not a multiple of the pack size ${product.packSize}` }];
    }
    if (product.usual !== null && line.quantity > UNUSUAL_FACTOR * product.usual) {
      return [{ lineNo: line.lineNo, sku: line.sku, quantity: line.quantity, problem: `${line.quantity} is over ${UNUSUAL_FACTOR}× the customer's usual ${product.usual}` }];
    }
    return [];
  });
}

export const quantityRule: OrderRule = {
  type: "suspicious_quantity",
  check: ({ lines, products }) => {
    const flags = flagQuantities(lines, products);
    if (flags.length === 0) return null;
    return {
      type: "suspicious_quantity",
      severity: "medium",
      reason: flags.map((f) => `Line ${f.lineNo} (${f.sku}): ${f.problem}`).join("; "),
      details: { lines: flags.map((f) => f.lineNo), skus: flags.map((f) => f.sku) },
      cause: flags.map((f) => `${f.sku}x${f.quantity}`).sort().join(","),
    };
  },
};
