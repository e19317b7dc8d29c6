import { roundHalfUp } from "~/lib/money";

/**
 * Prices an order's lines. Deterministic and pure: the same input and time give the same result.
 * Today the steps are the product's list price and a rep's manual override; price lists, discount rules
 * and taxes join here as the pricing module grows, each adding its step to the explanation.
 */
export type PricingLineInput = {
  sku: string;
  quantity: number;
  listPrice: number;
  /** A manual unit price with its reason. */
  override?: { unitPrice: number; reason: string };
};

export type ExplanationStep = { step: string; description: string; unitPrice?: number; amount?: number };

export type PricedLine = {
  sku: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  tax: number;
  lineTotal: number;
  explanation: ExplanationStep[];
};

export type PricedOrder = { lines: PricedLine[]; subtotal: number; discountTotal: number; taxTotal: number; total: number };

export function priceOrder(input: { lines: PricingLineInput[]; shippingTotal?: number }): PricedOrder {
  const lines = input.lines.map(priceLine);
  return { lines, ...totalsOf(lines, input.shippingTotal ?? 0) };
}

function priceLine(line: PricingLineInput): PricedLine {
  const explanation: ExplanationStep[] = [{ step: "list_price", description: "List price of the product", unitPrice: line.listPrice }];
  let unitPrice = line.listPrice;
  if (line.override) {
    unitPrice = roundHalfUp(line.override.unitPrice);
    explanation.push({ step: "override", description: `Manual price: ${line.override.reason}`, unitPrice });
  }
  const discount = 0;
  const tax = 0;
  return { sku: line.sku, quantity: line.quantity, unitPrice, discount, tax, lineTotal: line.quantity * unitPrice - discount, explanation };
}

/** API.md totals: subtotal = Σ qty × unitPrice, total = subtotal − discounts + tax + shipping. */
export function totalsOf(lines: Pick<PricedLine, "quantity" | "unitPrice" | "discount" | "tax">[], shippingTotal: number) {
  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  const discountTotal = lines.reduce((sum, l) => sum + l.discount, 0);
  const taxTotal = lines.reduce((sum, l) => sum + l.tax, 0);
  return { subtotal, discountTotal, taxTotal, total: subtotal - discountTotal + taxTotal + shippingTotal };
}
