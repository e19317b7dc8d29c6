import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { categories, products } from "./schema";
import type { TProduct } from "./schemas";

export const productColumns = {
  id: products.id,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  lengthMm: products.lengthMm,
  widthMm: products.widthMm,
  heightMm: products.heightMm,
  sku: products.sku,
  name: products.name,
  category: categories.name,
  unit: products.unit,
  currency: products.currency,
  listPrice: products.listPrice,
  cost: products.cost,
  weightGrams: products.weightGrams,
  taxCategory: products.taxCategory,
  leadTimeDays: products.leadTimeDays,
  packSize: products.packSize,
  archivedAt: products.archivedAt,
  version: products.version,
};

type ProductRow = Omit<typeof products.$inferSelect, "categoryId"> & { category: string };

export function toProductDto(row: ProductRow): TProduct {
  return {
    sku: row.sku,
    name: row.name,
    category: row.category,
    unit: row.unit,
    currency: row.currency,
    listPrice: row.listPrice,
    cost: row.cost,
    weightGrams: row.weightGrams,
    taxCategory: row.taxCategory,
    leadTimeDays: row.leadTimeDays,
    packSize: row.packSize,
    isArchived: row.archivedAt !== null,
    version: row.version,
  };
}

export async function findProductBySku(db: DbOrTx, sku: string) {
  const [row] = await db
    .select(productColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.sku, sku))
    .limit(1);
  return row;
}

/** Finds a category by code or name (any case). */
export async function findCategory(db: DbOrTx, codeOrName: string) {
  const key = codeOrName.toLowerCase();
  const [row] = await db
    .select()
    .from(categories)
    .where(sql`lower(${categories.code}) = ${key} or lower(${categories.name}) = ${key}`)
    .limit(1);
  return row;
}
