import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import { findCategory, toProductDto } from "./queries";
import { categories, products } from "./schema";
import type { TCreateProductInput, TProduct } from "./schemas";

/** Creates a product; an unknown category is created on the way, as imports from other systems expect. */
export async function createProduct(options: { db: Db; actor: Actor; input: TCreateProductInput }): Promise<TProduct> {
  const { db, actor, input } = options;
  const { category: categoryKey, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      let category = await findCategory(tx, categoryKey);
      if (!category) {
        const code = categoryKey.toUpperCase().replace(/[^A-Z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "GENERAL";
        [category] = await tx.insert(categories).values({ code, name: categoryKey }).returning();
        await recordAudit(tx, { entityType: "category", entityId: code, action: "created", actor, after: category });
      }
      const [product] = await tx
        .insert(products)
        .values({ ...fields, categoryId: category!.id })
        .returning();
      const dto = toProductDto({ ...product!, category: category!.name });
      await recordAudit(tx, { entityType: "product", entityId: dto.sku, action: "created", actor, after: dto });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, "products_sku_uq")) {
      throw new AppError("conflict", "SKU_TAKEN", `sku: a product with SKU "${input.sku}" already exists.`, {
        fields: { sku: ["is already used by another product"] },
      });
    }
    throw error;
  }
}
