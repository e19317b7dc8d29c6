import { eq, inArray, sql } from "drizzle-orm";
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

type Ids = (string | null)[];
const present = (ids: Ids) => [...new Set(ids.filter((id): id is string => id !== null))];

/** Names for the ids rules refer to, to show rules the way admins wrote them (only those rows are read). */
export async function referenceNames(db: DbOrTx, ids: { customerIds: Ids; productIds: Ids; categoryIds: Ids }) {
  const [customerIds, productIds, categoryIds] = [present(ids.customerIds), present(ids.productIds), present(ids.categoryIds)];
  const [c, p, g] = await Promise.all([
    customerIds.length
      ? db.select({ id: customers.id, code: customers.code, name: customers.name }).from(customers).where(inArray(customers.id, customerIds))
      : [],
    productIds.length ? db.select({ id: products.id, sku: products.sku, name: products.name }).from(products).where(inArray(products.id, productIds)) : [],
    categoryIds.length ? db.select({ id: categories.id, name: categories.name }).from(categories).where(inArray(categories.id, categoryIds)) : [],
  ]);
  return {
    customer: new Map(c.map((x) => [x.id, x])),
    product: new Map(p.map((x) => [x.id, x])),
    category: new Map(g.map((x) => [x.id, x.name])),
  };
}
