import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { productColumns, toProductDto } from "./queries";
import { categories, products } from "./schema";
import type { TListProductsInput } from "./schemas";

/** Active (or archived) products by SKU, keyset-paginated; search matches SKU or name. */
export async function listProducts(options: { db: DbOrTx; input: TListProductsInput }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [input.status === "archived" ? isNotNull(products.archivedAt) : isNull(products.archivedAt)];
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    conditions.push(or(ilike(products.sku, pattern), ilike(products.name, pattern)));
  }
  if (input.category) {
    const key = input.category.toLowerCase();
    conditions.push(or(sql`lower(${categories.code}) = ${key}`, sql`lower(${categories.name}) = ${key}`));
  }
  if (input.cursor) {
    const [sku] = decodeCursor(input.cursor, 1);
    conditions.push(sql`${products.sku} > ${String(sku)}`);
  }
  const rows = await db
    .select(productColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(...conditions))
    .orderBy(asc(products.sku))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toProductDto, (r) => [r.sku]);
}
