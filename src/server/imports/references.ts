import { or } from "drizzle-orm";
import { categories, products } from "../catalog";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { anyOf } from "../db/bulk";
import { warehouses } from "../inventory";
import { priceLists } from "../pricing/schema";
import type { RowRefs } from "./kinds/kind";

export type RefSets = { [K in keyof RowRefs]-?: Set<string> };
export const emptyRefSets = (): RefSets => ({ customers: new Set(), skus: new Set(), warehouses: new Set(), priceLists: new Set(), categories: new Set() });

const NOUNS: Record<keyof RowRefs, (code: string) => string> = {
  customers: (c) => `customer: no customer with code "${c}"`,
  skus: (c) => `sku: no product with SKU "${c}"`,
  warehouses: (c) => `warehouse: no warehouse with code "${c}"`,
  priceLists: (c) => `price_list: no price list with code "${c}"`,
  categories: (c) => `category: no category with name or code "${c}"`,
};

/**
 * Which of the codes a chunk of rows names do not exist (one query per kind of reference): the preview shows
 * them as the row's errors. The use case checks again when the row runs: this is for telling early.
 */
export async function missingReferences(db: DbOrTx, wanted: RefSets): Promise<RefSets> {
  const found = async (values: Set<string>, query: (list: string[]) => Promise<string[][]>) => {
    if (values.size === 0) return new Set<string>();
    const there = new Set((await query([...values])).flat());
    return new Set([...values].filter((v) => !there.has(v) && !there.has(v.toLowerCase())));
  };
  // The codes as one array parameter: a list of hundreds of parameters was a new statement (described, planned)
  // for each length, and most of a chunk's check.
  const [c, s, w, p, k] = await Promise.all([
    found(wanted.customers, async (l) => (await db.select({ v: customers.code }).from(customers).where(anyOf(customers.code, l))).map((r) => [r.v])),
    found(wanted.skus, async (l) => (await db.select({ v: products.sku }).from(products).where(anyOf(products.sku, l))).map((r) => [r.v])),
    found(wanted.warehouses, async (l) => (await db.select({ v: warehouses.code }).from(warehouses).where(anyOf(warehouses.code, l))).map((r) => [r.v])),
    found(wanted.priceLists, async (l) => (await db.select({ v: priceLists.code }).from(priceLists).where(anyOf(priceLists.code, l))).map((r) => [r.v])),
    found(wanted.categories, async (l) =>
      (await db.select({ code: categories.code, name: categories.name }).from(categories).where(or(anyOf(categories.code, l), anyOf(categories.name, l)))).map((r) => [r.code, r.name, r.name.toLowerCase()]),
    ),
  ]);
  return { customers: c, skus: s, warehouses: w, priceLists: p, categories: k };
}

/** The messages for a row's references that do not exist. */
export function referenceErrors(refs: RowRefs, missing: RefSets): string[] {
  return (Object.keys(NOUNS) as (keyof RowRefs)[]).flatMap((key) => (refs[key] ?? []).filter((code) => missing[key].has(code)).map(NOUNS[key]));
}
