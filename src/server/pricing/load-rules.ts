import { asc, eq, isNull } from "drizzle-orm";
import type { Role } from "../auth/roles";
import type { DbOrTx } from "../db";
import type { DiscountRule, PriceListRule, PricingRules } from "./engine";
import { discountRules, overrideLimits, priceListItems, priceLists, pricingRevision, taxRates } from "./schema";

/** Defaults until an admin sets them: reps may go 10% below the computed price, managers 25%. */
export const DEFAULT_OVERRIDE_LIMITS_BPS: Record<Role, number> = { rep: 1000, warehouse: 0, finance: 0, manager: 2500, admin: 10_000 };

/** Rules already loaded, by revision (a new random value per rule change): a few, the newest last. */
const cache = new Map<string, PricingRules>();
const CACHE_SIZE = 4;

/**
 * Every active rule, in the engine's shape. Archived rules never price anything. Reads the pricing
 * revision (one tiny row) and loads the rules only when this process has not seen that revision yet, so
 * orders do not reload every price list and rule; a rule change in any process shows at once.
 */
export async function loadPricingRules(db: DbOrTx): Promise<PricingRules> {
  const [current] = await db.select({ revision: pricingRevision.revision }).from(pricingRevision);
  const cached = current && cache.get(current.revision);
  if (cached) return cached;
  const rules = await readPricingRules(db);
  if (current) {
    cache.set(current.revision, rules);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return rules;
}

async function readPricingRules(db: DbOrTx): Promise<PricingRules> {
  const [lists, items, rules, rates, limits] = await Promise.all([
    db.select().from(priceLists).where(isNull(priceLists.archivedAt)),
    db.select().from(priceListItems).innerJoin(priceLists, eq(priceLists.id, priceListItems.priceListId)).where(isNull(priceLists.archivedAt)),
    db.select().from(discountRules).where(isNull(discountRules.archivedAt)).orderBy(asc(discountRules.code)),
    db.select().from(taxRates),
    db.select().from(overrideLimits),
  ]);
  const priceListRules: PriceListRule[] = lists.map((l) => ({
    code: l.code,
    name: l.name,
    currency: l.currency,
    customerId: l.customerId,
    segment: l.segment,
    validFrom: l.validFrom,
    validTo: l.validTo,
    priority: l.priority,
    tierBasis: l.tierBasis,
    items: items
      .filter((i) => i.price_list_items.priceListId === l.id)
      .map(({ price_list_items: i }) => ({ productId: i.productId, categoryId: i.categoryId, minQuantity: i.minQuantity, unitPrice: i.unitPrice })),
  }));
  return {
    priceLists: priceListRules,
    discountRules: rules.map(toEngineRule),
    taxRates: rates.map((r) => ({ country: r.country, region: r.region, taxCategory: r.taxCategory, ratePpm: r.ratePpm })),
    overrideLimitsBps: { ...DEFAULT_OVERRIDE_LIMITS_BPS, ...Object.fromEntries(limits.map((l) => [l.role, l.maxBelowBps])) },
  };
}

export function toEngineRule(r: typeof discountRules.$inferSelect): DiscountRule {
  return {
    code: r.code,
    name: r.name,
    scope: r.scope,
    percentOffBps: r.percentOffBps,
    amountOff: r.amountOff,
    currency: r.currency,
    buyQuantity: r.buyQuantity,
    getQuantity: r.getQuantity,
    conditions: {
      customerId: r.customerId,
      segment: r.segment,
      productId: r.productId,
      categoryId: r.categoryId,
      minQuantity: r.minQuantity,
      minOrderAmount: r.minOrderAmount,
      channel: r.channel,
    },
    validFrom: r.validFrom,
    validTo: r.validTo,
    priority: r.priority,
    stackable: r.stackable,
  };
}
