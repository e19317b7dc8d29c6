import { and, asc, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { anyOf } from "../db/bulk";
import { escapeLike } from "../db/search";
import { products } from "./schema";

const lookupColumns = {
  id: products.id,
  categoryId: products.categoryId,
  taxCategory: products.taxCategory,
  sku: products.sku,
  name: products.name,
  unit: products.unit,
  currency: products.currency,
  listPrice: products.listPrice,
  cost: products.cost,
  leadTimeDays: products.leadTimeDays,
  packSize: products.packSize,
  archivedAt: products.archivedAt,
};

/** Type-ahead for order lines: SKUs starting with the text first, then names containing it. */
export async function lookupProducts(db: DbOrTx, text: string, limit = 10) {
  const q = text.trim();
  const rows = await db
    .select(lookupColumns)
    .from(products)
    .where(and(isNull(products.archivedAt), or(sql`${products.sku} ilike ${`${escapeLike(q)}%`}`, sql`${products.name} ilike ${`%${escapeLike(q)}%`}`)))
    .orderBy(sql`case when ${products.sku} ilike ${`${escapeLike(q)}%`} then 0 else 1 end`, asc(products.sku))
    .limit(limit);
  return rows.map(({ id: _id, archivedAt: _a, cost: _c, categoryId: _g, taxCategory: _t, ...r }) => r);
}

/** Products by SKU (case-sensitive, exact), for pricing and validating lines. */
export async function productsBySku(db: DbOrTx, skus: string[]) {
  if (skus.length === 0) return new Map<string, Awaited<ReturnType<typeof loadProducts>>[number]>();
  const rows = await loadProducts(db, skus);
  return new Map(rows.map((r) => [r.sku, r]));
}

function loadProducts(db: DbOrTx, skus: string[]) {
  // One array parameter: an order's SKUs as a list were planned again at every order.
  return db.select(lookupColumns).from(products).where(anyOf(products.sku, [...new Set(skus)]));
}
