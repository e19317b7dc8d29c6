import { and, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { escapeLike } from "../db/search";
import { categories, products } from "./schema";
import type { TCategory, TListCategoriesInput } from "./schemas";

/**
 * Active categories whose name or code holds the text (all of them without one), those starting with it
 * first, then by name; each with its number of active products.
 */
export async function listCategories(options: { db: DbOrTx; input: TListCategoriesInput }): Promise<TCategory[]> {
  const { db, input } = options;
  const search = input.search?.trim();
  const pattern = search ? `%${escapeLike(search)}%` : null;
  const startsWith = search ? `${escapeLike(search)}%` : null;
  const rows = await db
    .select({ code: categories.code, name: categories.name, products: count(products.id) })
    .from(categories)
    .leftJoin(products, and(eq(products.categoryId, categories.id), isNull(products.archivedAt)))
    .where(and(isNull(categories.archivedAt), pattern ? or(ilike(categories.name, pattern), ilike(categories.code, pattern)) : undefined))
    .groupBy(categories.id)
    // Without a text, by name alone: PostgreSQL refuses a constant (`order by true`) as a sort key.
    .orderBy(...(startsWith ? [sql`(${categories.name} ilike ${startsWith} or ${categories.code} ilike ${startsWith}) desc`] : []), asc(categories.name))
    .limit(input.limit);
  return rows.map((r) => ({ code: r.code, name: r.name, products: Number(r.products) }));
}
