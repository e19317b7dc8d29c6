import type { Role } from "../auth/roles";
import { productsBySku } from "../catalog";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { priceOrder, type PricedOrder } from "./engine";
import { loadPricingRules } from "./load-rules";
import * as clock from "../clock";

export type LineToPrice = { sku: string; quantity: number; unitPrice?: number; overrideReason?: string };

type PriceInput = {
  lines: LineToPrice[];
  customer: { id: string; segment: string; taxExempt: boolean };
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
  return { priced, productIds: new Map([...bySku].map(([sku, p]) => [sku, p.id])) };
}
