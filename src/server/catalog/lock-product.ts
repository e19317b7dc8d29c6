import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { productColumns } from "./queries";
import { categories, products } from "./schema";

/**
 * The product (with its category's name), its row locked until the caller's transaction ends. With `version` (what
 * the editor read), a product changed since is 409 STALE_VERSION.
 */
export async function lockProduct(tx: DbOrTx, sku: string, version?: number) {
  const [row] = await tx
    .select(productColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.sku, sku))
    .for("update", { of: products });
  if (!row) throw AppError.notFound("product", sku);
  if (version !== undefined && version !== row.version) {
    throw AppError.conflict("STALE_VERSION", `${row.sku} changed since you opened it (version ${row.version}, you sent ${version}): reload and make your change again.`, {
      currentVersion: row.version,
      yourVersion: version,
    });
  }
  return row;
}
