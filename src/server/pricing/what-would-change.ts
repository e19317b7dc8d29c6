import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { todayIn } from "~/lib/dates";
import type { Actor } from "../auth/actor";
import { products } from "../catalog/schema";
import { taxExemptionsOf } from "../customers";
import { customers } from "../customers/schema";
import type { DbOrTx } from "../db";
import { orderLines, orders } from "../orders/schema";
import { priceOrder, type PricingRules } from "./engine";
import { loadPricingRules, toEngineRule } from "./load-rules";
import { resolveReferences } from "./references";
import type { TDiscountRuleInput } from "./schemas";
import * as clock from "../clock";

const RECENT_DAYS = 30;
const MAX_ORDERS = 300;

/**
 * Before a rule is saved: which recent orders would price differently with it. Each recent order is
 * priced twice with today's rules, without and with the draft (replacing a saved rule of the same code).
 */
export async function whatWouldChange(options: { db: DbOrTx; actor: Actor; rule: TDiscountRuleInput; now?: Date }) {
  const { db, rule } = options;
  const now = options.now ?? clock.now();
  const refs = await resolveReferences(db, { customer: rule.conditions.customer, sku: rule.conditions.sku, category: rule.conditions.category }, "conditions.");
  const draft = toEngineRule({
    id: "draft",
    code: rule.code,
    name: rule.name,
    scope: rule.scope,
    percentOffBps: rule.percentOff === undefined ? null : Math.round(rule.percentOff * 100),
    amountOff: rule.amountOff ?? null,
    currency: rule.currency,
    buyQuantity: rule.buyQuantity ?? null,
    getQuantity: rule.getQuantity ?? null,
    ...refs,
    segment: rule.conditions.segment ?? null,
    minQuantity: rule.conditions.minQuantity ?? null,
    minOrderAmount: rule.conditions.minOrderAmount ?? null,
    channel: rule.conditions.channel ?? null,
    validFrom: rule.validFrom ?? null,
    validTo: rule.validTo ?? null,
    priority: rule.priority,
    stackable: rule.stackable,
    archivedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  const current = await loadPricingRules(db);
  const without: PricingRules = { ...current, discountRules: current.discountRules.filter((r) => r.code !== rule.code) };
  const withDraft: PricingRules = { ...without, discountRules: [...without.discountRules, draft] };

  const recent = await db
    .select({ order: orders, customerCode: customers.code, customerName: customers.name, segment: customers.segment })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.kind, "order"), gte(orders.createdAt, new Date(now.getTime() - RECENT_DAYS * 86_400_000))))
    .orderBy(desc(orders.createdAt))
    .limit(MAX_ORDERS);
  const lines = recent.length
    ? await db
        .select({ orderId: orderLines.orderId, line: orderLines, product: products })
        .from(orderLines)
        .innerJoin(products, eq(products.id, orderLines.productId))
        .where(inArray(orderLines.orderId, recent.map((r) => r.order.id)))
    : [];

  const exemptions = await taxExemptionsOf(db, [...new Set(recent.map((r) => r.order.customerId))]);
  const at = rule.validFrom && rule.validFrom > todayIn(undefined, now) ? rule.validFrom : todayIn(undefined, now);
  const changed = [];
  for (const r of recent) {
    const mine = lines.filter((l) => l.orderId === r.order.id).sort((a, b) => a.line.lineNo - b.line.lineNo);
    if (mine.length === 0) continue;
    const input = {
      currency: r.order.currency,
      channel: r.order.channel,
      customer: { id: r.order.customerId, segment: r.segment, taxExemptions: exemptions.get(r.order.customerId) ?? [] },
      shipTo: r.order.shipTo ? { country: r.order.shipTo.country, region: r.order.shipTo.region } : null,
      role: "admin" as const,
      lines: mine.map(({ line, product }) => ({
        sku: product.sku,
        productId: product.id,
        categoryId: product.categoryId,
        quantity: line.quantity,
        listPrice: product.listPrice,
        cost: product.cost,
        taxCategory: product.taxCategory,
      })),
    };
    const before = priceOrder(input, without, at).total;
    const after = priceOrder(input, withDraft, at).total;
    if (before !== after) changed.push({ number: r.order.number, customer: r.customerCode, customerName: r.customerName, currency: r.order.currency, before, after });
  }
  return { checked: recent.length, date: at, changed };
}
