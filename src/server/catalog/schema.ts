import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, id, moneyMinor, timestamps, version } from "../db/columns";
import { taxCategories, units } from "../settings/schema";

export const categories = pgTable(
  "categories",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    archivedAt: archivedAt(),
    ...timestamps,
  },
  (t) => [uniqueIndex("categories_code_uq").on(t.code), uniqueIndex("categories_name_uq").on(t.name)],
);

export const products = pgTable(
  "products",
  {
    id: id(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id),
    unit: text("unit")
      .notNull()
      .default("each")
      .references(() => units.code),
    currency: text("currency").notNull().default("USD"),
    listPrice: moneyMinor("list_price").notNull(),
    cost: moneyMinor("cost").notNull(),
    weightGrams: integer("weight_grams").notNull().default(0),
    lengthMm: integer("length_mm"),
    widthMm: integer("width_mm"),
    heightMm: integer("height_mm"),
    taxCategory: text("tax_category")
      .notNull()
      .default("standard")
      .references(() => taxCategories.code),
    /** Days a vendor needs to deliver; used for promise dates when nothing is inbound. */
    leadTimeDays: integer("lead_time_days").notNull().default(14),
    /** Sold in multiples of this (a case of 12): other quantities are checked with the customer. */
    packSize: integer("pack_size").notNull().default(1),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("products_sku_uq").on(t.sku),
    index("products_name_idx").on(sql`lower(${t.name})`),
    index("products_category_idx").on(t.categoryId),
    check("products_list_price_nonneg", sql`${t.listPrice} >= 0`),
    check("products_cost_nonneg", sql`${t.cost} >= 0`),
    check("products_weight_nonneg", sql`${t.weightGrams} >= 0`),
    check("products_pack_size_positive", sql`${t.packSize} >= 1`),
  ],
);
