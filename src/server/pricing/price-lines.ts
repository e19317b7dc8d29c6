import type { Role } from "../auth/roles";
import { productsBySku } from "../catalog";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { priceOrder, type PricedOrder } from "./engine";
import { loadPricingRules } from "./load-rules";
import * as clock from "../clock";

export type LineToPrice = { sku: string; quantity: number; unitPrice?: number; overrideReason?: string };

/**
 * Prices order lines with the rules in force today: validates the SKUs (naming the field of each bad
 * one), loads the rules and runs the engine. What orders, quotes and the simulator all call.
 */
export async function priceLines(
  db: DbOrTx,
  input: {
    lines: LineToPrice[];
    customer: { id: string; segment: string; taxExempt: boolean };
    currency: string;
    channel: string;
    shipTo: { country: string; region: string } | null;
    role: Role;
    at?: string;
  },
): Promise<{ priced: PricedOrder; productIds: Map<string, string> }> {
  const bySku = await productsBySku(db, input.lines.map((l) => l.sku));
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
  const rules = await loadPricingRules(db);
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
