import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Role } from "~/server/auth/roles";
import { customers } from "~/server/customers/schema";
import type { Db } from "~/server/db/client";
import { saveDiscountRule } from "~/server/pricing/discount-rules";
import { savePriceList } from "~/server/pricing/price-lists";
import { ZDiscountRuleInput, ZOverrideLimit, ZPriceListInput, ZTaxRateInput } from "~/server/pricing/schemas";
import { setOverrideLimit, setTaxRate } from "~/server/pricing/tax-and-limits";
import { DAY, isoDay } from "./agenda";
import type { Cast } from "./cast";
import type { Market } from "./market";
import { productPopularity } from "./market";

/**
 * General state sales tax, percent (the state's own rate, without county and city add-ons). The states
 * without a sales tax get an explicit 0%, so an order's explanation says "Tax 0%" rather than "no rate".
 */
export const STATE_SALES_TAX: Record<string, number> = {
  AL: 4, AK: 0, AZ: 5.6, AR: 6.5, CA: 7.25, CO: 2.9, CT: 6.35, DE: 0, DC: 6, FL: 6, GA: 4, HI: 4, ID: 6, IL: 6.25, IN: 7,
  IA: 6, KS: 6.5, KY: 6, LA: 4.45, ME: 5.5, MD: 6, MA: 6.25, MI: 6, MN: 6.875, MS: 7, MO: 4.225, MT: 0, NE: 5.5, NV: 6.85,
  NH: 0, NJ: 6.625, NM: 4.875, NY: 4, NC: 4.75, ND: 5, OH: 5.75, OK: 4.5, OR: 0, PA: 6, RI: 7, SC: 6, SD: 4.2, TN: 7, TX: 6.25,
  UT: 6.1, VT: 6, VA: 5.3, WA: 6.5, WV: 6, WI: 5, WY: 4,
};
/** First aid (tax category "reduced"): Illinois taxes medical supplies at 1%; elsewhere they pay the general rate. */
const REDUCED_RATE_EXCEPTIONS: Record<string, number> = { IL: 1 };

/** The segment price lists: percent of list price from each tier's quantity, for the best-selling SKUs. */
const SEGMENT_LISTS = [
  {
    code: "WHOLESALE",
    name: "Wholesale net prices",
    segment: "wholesale",
    skus: 150,
    // Resellers: a lower net price, and lower again by the case and the pallet (the order-wide quantity of the SKU).
    tiers: [
      { from: 1, percent: 85 },
      { from: 24, percent: 82 },
      { from: 96, percent: 79 },
    ],
  },
  {
    code: "CONTRACTOR",
    name: "Contractor job pricing",
    segment: "contractor",
    skus: 100,
    tiers: [
      { from: 1, percent: 95 },
      { from: 12, percent: 92 },
      { from: 48, percent: 88 },
    ],
  },
] as const;
/** Negotiated prices for a key account's regular items: one price whatever the quantity. */
const CONTRACT_PERCENT = 80;
const CONTRACT_SKUS = 60;

/** How far below the computed price each role may go before a manager approves (percent). */
const OVERRIDE_LIMITS: Record<Role, number> = { rep: 8, manager: 20, admin: 100, finance: 0, warehouse: 0 };

export type PricingSeedSummary = { taxRates: number; priceLists: number; priceListItems: number; discountRules: number; contractAccounts: string[] };

/**
 * The admin's pricing set-up before the first order, made through the pricing use cases: state sales tax
 * for every state (tax-exempt accounts pay none: their resale or exemption certificate is on file), the
 * wholesale and contractor price lists with quantity tiers, contract prices for two key accounts, discount
 * rules (a past and a running category promotion, a stackable loyalty rebate, a volume break on bolts and an
 * order-size break) and the override limit of each role. Dates are relative to the history, so the demo
 * always has a promotion that ended and one that runs now.
 */
export async function seedPricing(db: Db, cast: Cast, market: Market, history: { start: number; end: number }): Promise<PricingSeedSummary> {
  const actor = cast.admin;
  let taxRates = 0;
  for (const [region, rate] of Object.entries(STATE_SALES_TAX)) {
    for (const taxCategory of ["standard", "reduced"] as const) {
      const ratePercent = taxCategory === "reduced" ? (REDUCED_RATE_EXCEPTIONS[region] ?? rate) : rate;
      await setTaxRate({ db, actor, input: ZTaxRateInput.parse({ country: "US", region, taxCategory, ratePercent }) });
      taxRates++;
    }
  }

  // The best sellers first: the SKUs a buyer negotiates and a price list names.
  const bestSellers = [...market.skus].sort((a, b) => productPopularity(b) - productPopularity(a) || a.localeCompare(b));
  const listPrice = (sku: string) => market.listPrices.get(sku) ?? 0;
  const percentOf = (sku: string, percent: number) => Math.max(1, Math.round((listPrice(sku) * percent) / 100));
  let priceListItems = 0;
  for (const list of SEGMENT_LISTS) {
    const items = bestSellers.slice(0, list.skus).flatMap((sku) => list.tiers.map((tier) => ({ sku, minQuantity: tier.from, unitPrice: percentOf(sku, tier.percent) })));
    await savePriceList({
      db,
      actor,
      input: ZPriceListInput.parse({ code: list.code, name: list.name, segment: list.segment, tierBasis: "sku", validFrom: isoDay(history.start - 30 * DAY), items }),
    });
    priceListItems += items.length;
  }

  // Key accounts: the first class A industrial and contractor accounts, each with a one-year contract.
  const keyAccounts = await db
    .select({ code: customers.code, name: customers.name, segment: customers.segment })
    .from(customers)
    .where(and(eq(customers.demandClass, "A"), inArray(customers.segment, ["industrial", "contractor"]), isNull(customers.archivedAt)))
    .orderBy(asc(customers.code));
  const contractAccounts = (["industrial", "contractor"] as const).flatMap((segment) => keyAccounts.filter((c) => c.segment === segment).slice(0, 1));
  for (const [n, account] of contractAccounts.entries()) {
    // Each account's own assortment: every other best seller, starting at a different one.
    const skus = bestSellers.filter((_, i) => i % 2 === n % 2).slice(0, CONTRACT_SKUS);
    const items = skus.map((sku) => ({ sku, minQuantity: 1, unitPrice: percentOf(sku, CONTRACT_PERCENT) }));
    await savePriceList({
      db,
      actor,
      input: ZPriceListInput.parse({
        code: `CONTRACT-${account.code}`,
        name: `${account.name} contract`,
        customer: account.code,
        validFrom: isoDay(history.start - 60 * DAY),
        validTo: isoDay(history.start + 305 * DAY),
        items,
      }),
    });
    priceListItems += items.length;
  }

  const rules = [
    // A promotion that ran in the first weeks of the history, and one running now.
    {
      code: "PROMO-GLOVES",
      name: "Glove season promotion",
      percentOff: 10,
      conditions: { category: "GLV" },
      validFrom: isoDay(history.start + 7 * DAY),
      validTo: isoDay(history.start + 28 * DAY),
      priority: 10,
    },
    {
      code: "PROMO-POWER-TOOLS",
      name: "Year-end power tool event",
      percentOff: 8,
      conditions: { category: "PWT" },
      validFrom: isoDay(history.end - 14 * DAY),
      validTo: isoDay(history.end + 30 * DAY),
      priority: 10,
    },
    // Taken first and on top of any other rule.
    { code: "LOYALTY-INDUSTRIAL", name: "Industrial partner loyalty rebate", percentOff: 2, conditions: { segment: "industrial" }, priority: 20, stackable: true },
    { code: "VOLUME-BOLTS", name: "Bolts & screws volume break", percentOff: 5, conditions: { category: "BLT", minQuantity: 20 }, priority: 5 },
    { code: "ORDER-5000", name: "Large order discount", scope: "order", percentOff: 2, conditions: { minOrderAmount: 500_000 } },
  ];
  for (const rule of rules) await saveDiscountRule({ db, actor, input: ZDiscountRuleInput.parse(rule) });

  for (const [role, maxBelowPercent] of Object.entries(OVERRIDE_LIMITS)) {
    await setOverrideLimit({ db, actor, input: ZOverrideLimit.parse({ role, maxBelowPercent }) });
  }
  return { taxRates, priceLists: SEGMENT_LISTS.length + contractAccounts.length, priceListItems, discountRules: rules.length, contractAccounts: contractAccounts.map((c) => c.code) };
}
