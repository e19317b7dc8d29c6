import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { roleEnum } from "../auth/schema";
import { categories, products } from "../catalog/schema";
import { customers } from "../customers/schema";
import { archivedAt, id, moneyMinor, timestamps, version } from "../db/columns";
import { channelEnum } from "../orders/schema";
import { customerSegments, taxCategories } from "../settings/schema";
import { DISCOUNT_SCOPES, TIER_BASES } from "./constants";

export const tierBasisEnum = pgEnum("tier_basis", TIER_BASES);
export const discountScopeEnum = pgEnum("discount_scope", DISCOUNT_SCOPES);

export const priceLists = pgTable(
  "price_lists",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    currency: text("currency").notNull().default("USD"),
    segment: text("segment").references(() => customerSegments.code),
    customerId: uuid("customer_id").references(() => customers.id),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    priority: integer("priority").notNull().default(0),
    tierBasis: tierBasisEnum("tier_basis").notNull().default("line"),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("price_lists_code_uq").on(t.code),
    check("price_lists_dates", sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`),
  ],
);

export const priceListItems = pgTable(
  "price_list_items",
  {
    id: id(),
    priceListId: uuid("price_list_id")
      .notNull()
      .references(() => priceLists.id),
    productId: uuid("product_id").references(() => products.id),
    categoryId: uuid("category_id").references(() => categories.id),
    minQuantity: integer("min_quantity").notNull().default(1),
    unitPrice: moneyMinor("unit_price").notNull(),
  },
  (t) => [
    index("price_list_items_list_idx").on(t.priceListId),
    check("price_list_items_target", sql`(${t.productId} is null) <> (${t.categoryId} is null)`),
    check("price_list_items_min_qty", sql`${t.minQuantity} >= 1`),
    check("price_list_items_price", sql`${t.unitPrice} >= 0`),
  ],
);

export const discountRules = pgTable(
  "discount_rules",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    scope: discountScopeEnum("scope").notNull().default("line"),
    percentOffBps: integer("percent_off_bps"),
    amountOff: moneyMinor("amount_off"),
    /** The currency of amountOff and minOrderAmount: such a rule applies only to orders in it. */
    currency: text("currency").notNull().default("USD"),
    buyQuantity: integer("buy_quantity"),
    getQuantity: integer("get_quantity"),
    customerId: uuid("customer_id").references(() => customers.id),
    segment: text("segment").references(() => customerSegments.code),
    productId: uuid("product_id").references(() => products.id),
    categoryId: uuid("category_id").references(() => categories.id),
    minQuantity: integer("min_quantity"),
    minOrderAmount: moneyMinor("min_order_amount"),
    channel: channelEnum("channel"),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    priority: integer("priority").notNull().default(0),
    stackable: boolean("stackable").notNull().default(false),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("discount_rules_code_uq").on(t.code),
    check(
      "discount_rules_one_benefit",
      sql`(${t.percentOffBps} is not null)::int + (${t.amountOff} is not null)::int + (${t.buyQuantity} is not null)::int = 1`,
    ),
    check("discount_rules_percent", sql`${t.percentOffBps} is null or (${t.percentOffBps} > 0 and ${t.percentOffBps} <= 10000)`),
    check("discount_rules_dates", sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`),
  ],
);

export const taxRates = pgTable(
  "tax_rates",
  {
    id: id(),
    country: text("country").notNull(),
    /** "" = the whole country. */
    region: text("region").notNull().default(""),
    taxCategory: text("tax_category")
      .notNull()
      .references(() => taxCategories.code),
    /** Parts per million: 6.625% = 66250 (basis points cannot hold rates like 6.625%). */
    ratePpm: integer("rate_ppm").notNull().default(0),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("tax_rates_place_category_uq").on(t.country, t.region, t.taxCategory),
    check("tax_rates_rate_ppm", sql`${t.ratePpm} >= 0 and ${t.ratePpm} <= 1000000`),
  ],
);

/** How far below the computed price each role may set a manual price before a manager must approve. */
export const overrideLimits = pgTable("override_limits", {
  role: roleEnum("role").primaryKey(),
  maxBelowBps: integer("max_below_bps").notNull(),
  ...timestamps,
});

/**
 * One row whose value changes (to a new random one, never reused) with every change to a pricing rule,
 * in the rule change's transaction. Order pricing keeps the loaded rules per revision, so it reads this
 * row instead of every rule, and every process sees a change at once.
 */
export const pricingRevision = pgTable(
  "pricing_revision",
  {
    id: integer("id").primaryKey().default(1),
    revision: uuid("revision").notNull().defaultRandom(),
  },
  (t) => [check("pricing_revision_single_row", sql`${t.id} = 1`)],
);
