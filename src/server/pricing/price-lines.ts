import type { TaxExemption } from "~/lib/tax-exemptions";
import type { Role } from "../auth/roles";
import { productsBySku } from "../catalog";
import type { DbOrTx } from "../db";
import { formatMoney } from "~/lib/money";
import { AppError } from "../errors";
import { priceOrder, type PricedOrder } from "./engine";
import { loadPricingRules } from "./load-rules";
import * as clock from "../clock";

export type LineToPrice = { sku: string; quantity: number; unitPrice?: number; overrideReason?: string };

type PriceInput = {
  lines: LineToPrice[];
  customer: { id: string; segment: string; taxExemptions: readonly TaxExemption[] };
  currency: string;
  channel: string;
  shipTo: { country: string; region: string } | null;
  role: Role;
  at?: string;
};

/** What pricing reads from the database for some lines: their products and the rules in force. */
export type PricingContext = { bySku: Awaited<ReturnType<typeof productsBySku>>; rules: Awaited<ReturnType<typeof loadPricingRules>> };

/** Reads the products of these SKUs and the rules, at once (a caller may read its own things beside it). */
export async function loadPricingContext(db: DbOrTx, skus: string[]): Promise<PricingContext> {
  const [bySku, rules] = await Promise.all([productsBySku(db, skus), loadPricingRules(db)]);
  return { bySku, rules };
}

/**
 * Prices order lines with the rules in force today: validates the SKUs (naming the field of each bad
 * one), loads the rules and runs the engine. What orders, quotes and the simulator all call.
 */
export async function priceLines(db: DbOrTx, input: PriceInput): Promise<{ priced: PricedOrder; productIds: Map<string, string> }> {
  return priceWith(await loadPricingContext(db, input.lines.map((l) => l.sku)), input);
}

/** priceLines on what loadPricingContext read: SKU checks and the engine, no database. */
export function priceWith(context: PricingContext, input: PriceInput): { priced: PricedOrder; productIds: Map<string, string> } {
  const { bySku, rules } = context;
  const fields: Record<string, string[]> = {};
  input.lines.forEach((line, i) => {
    const product = bySku.get(line.sku);
    if (!product) fields[`lines.${i}.sku`] = [`no product with SKU "${line.sku}"`];
    else if (product.archivedAt) fields[`lines.${i}.sku`] = [`${line.sku} is archived and can no longer be ordered`];
  });
  if (Object.keys(fields).length > 0) {
    const summary = Object.entries(fields).map(([f, m]) => `${f}: ${m.join(", ")}`).join("; ");
    throw new AppError("invalid", "INVALID_INPUT", `Invalid input — ${summary}`, { fields });
  }
  const priced = priceOrder(
    {
      currency: input.currency,
      channel: input.channel,
      customer: input.customer,
      shipTo: input.shipTo,
      role: input.role,
      lines: input.lines.map((line) => {
        const product = bySku.get(line.sku)!;
        return {
          sku: line.sku,
          productId: product.id,
          categoryId: product.categoryId,
          quantity: line.quantity,
          listPrice: product.listPrice,
          cost: product.cost,
          taxCategory: product.taxCategory,
          override: line.unitPrice !== undefined ? { unitPrice: line.unitPrice, reason: line.overrideReason ?? "" } : undefined,
        };
      }),
    },
    rules,
    input.at ?? clock.today(),
  );
  assertWithinLimit(priced, input);
  return { priced, productIds: new Map([...bySku].map(([sku, p]) => [sku, p.id])) };
}

/**
 * The most an order may come to, in minor units. Above it the sums stop being exact in JavaScript numbers
 * (and reach bigint's end): the database would refuse the totals with a 500, so the input is refused with a 400.
 */
export const MAX_ORDER_AMOUNT = 10_000_000_000_000;

function assertWithinLimit(priced: PricedOrder, input: PriceInput) {
  const limit = formatMoney(MAX_ORDER_AMOUNT, input.currency);
  priced.lines.forEach((line, i) => {
    const amounts = [line.quantity * line.unitPrice, line.discount, line.lineTotal, line.tax];
    if (!amounts.every((amount) => Math.abs(amount) <= MAX_ORDER_AMOUNT)) {
      const field = input.lines[i]?.unitPrice !== undefined ? "unitPrice" : "quantity";
      throw AppError.invalidField(`lines.${i}.${field}`, `the line comes to more than ${limit}`);
    }
  });
  if (![priced.subtotal, priced.discountTotal, priced.taxTotal, priced.total].every((amount) => Math.abs(amount) <= MAX_ORDER_AMOUNT)) {
    throw AppError.invalidField("lines", `the order comes to more than ${limit}`);
  }
}
