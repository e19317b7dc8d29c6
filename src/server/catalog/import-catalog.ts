import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { insertRows } from "../db/bulk";
import { AppError, isUniqueViolation } from "../errors";
import { resolveActiveCodes } from "../settings";
import { categories, products } from "./schema";

export type CategoryImport = typeof categories.$inferInsert;
export type ProductImport = typeof products.$inferInsert;

/**
 * Categories and products in bulk, as another system (or the demo) hands them over, ids included: a few
 * statements whatever their number, in one transaction. Units may come as their aliases (EA, KGM: stored as
 * each, kg); a unit or tax category that is not an active one refuses the load (400 naming `products.N.unit`). Every row of a kind sets the same fields
 * (db/bulk.ts); rows without timestamps take the domain clock's time. Not audited, unlike createProduct:
 * a load of master data, not an edit. A SKU or category that exists already refuses the whole load.
 */
export async function importCatalog(
  db: DbOrTx,
  input: { categories: CategoryImport[]; products: ProductImport[] },
): Promise<{ categories: number; products: number }> {
  const at = clock.now();
  try {
    await db.transaction(async (tx) => {
      if (input.categories.length > 0) {
        await insertRows(tx, categories, input.categories.map((row) => ({ createdAt: at, updatedAt: at, ...row })));
      }
      if (input.products.length > 0) {
        const [units, taxCategories] = await Promise.all([
          resolveActiveCodes(tx, "units", input.products.map((row) => row.unit ?? "each"), (i) => `products.${i}.unit`),
          resolveActiveCodes(tx, "tax-categories", input.products.map((row) => row.taxCategory ?? "standard"), (i) => `products.${i}.taxCategory`),
        ]);
        await insertRows(
          tx,
          products,
          input.products.map((row, i) => ({ createdAt: at, updatedAt: at, ...row, unit: units[i]!, taxCategory: taxCategories[i]! })),
        );
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "products_sku_uq")) throw AppError.conflict("SKU_TAKEN", "sku: a product with one of these SKUs already exists.");
    if (isUniqueViolation(error, "categories_code_uq") || isUniqueViolation(error, "categories_name_uq")) {
      throw AppError.conflict("CATEGORY_TAKEN", "category: a category with one of these codes or names already exists.");
    }
    throw error;
  }
  return { categories: input.categories.length, products: input.products.length };
}
