import { eq, sql } from "drizzle-orm";
import { categories, products } from "../catalog/schema";
import { customers } from "../customers/schema";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";

/** Resolves the codes a rule names (customer, SKU, category) to ids, naming the field of any unknown one. */
export async function resolveReferences(db: DbOrTx, refs: { customer?: string | null; sku?: string | null; category?: string | null }, prefix = "") {
  const [customer] = refs.customer ? await db.select({ id: customers.id }).from(customers).where(eq(customers.code, refs.customer)) : [];
  if (refs.customer && !customer) throw AppError.invalidField(`${prefix}customer`, `no customer with code "${refs.customer}"`);
  const [product] = refs.sku ? await db.select({ id: products.id }).from(products).where(eq(products.sku, refs.sku)) : [];
  if (refs.sku && !product) throw AppError.invalidField(`${prefix}sku`, `no product with SKU "${refs.sku}"`);
  const key = refs.category?.toLowerCase();
  const [category] = key
    ? await db.select({ id: categories.id }).from(categories).where(sql`lower(${categories.code}) = ${key} or lower(${categories.name}) = ${key}`)
    : [];
  if (refs.category && !category) throw AppError.invalidField(`${prefix}category`, `no category "${refs.category}"`);
  return { customerId: customer?.id ?? null, productId: product?.id ?? null, categoryId: category?.id ?? null };
}

/** Names for ids, to show rules the way admins wrote them. */
export async function referenceNames(db: DbOrTx) {
  const [c, p, g] = await Promise.all([
    db.select({ id: customers.id, code: customers.code, name: customers.name }).from(customers),
    db.select({ id: products.id, sku: products.sku, name: products.name }).from(products),
    db.select({ id: categories.id, name: categories.name }).from(categories),
  ]);
  return {
    customer: new Map(c.map((x) => [x.id, x])),
    product: new Map(p.map((x) => [x.id, x])),
    category: new Map(g.map((x) => [x.id, x.name])),
  };
}
