import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError, isUniqueViolation } from "../errors";
import { resolveActiveCode } from "../settings";
import { categoryFor } from "./category-for";
import { toProductDto } from "./queries";
import { products } from "./schema";
import type { TCreateProductInput, TProduct } from "./schemas";

/** Creates a product; an unknown category is created on the way, as imports from other systems expect. */
export async function createProduct(options: { db: Db; actor: Actor; input: TCreateProductInput }): Promise<TProduct> {
  const { db, actor, input } = options;
  const { category: categoryKey, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const unit = await resolveActiveCode(tx, "units", input.unit, "unit");
      const taxCategory = await resolveActiveCode(tx, "tax-categories", input.taxCategory, "taxCategory");
      const category = await categoryFor(tx, categoryKey, actor);
      const [product] = await tx
        .insert(products)
        .values({ ...fields, unit, taxCategory, categoryId: category.id })
        .returning();
      const dto = toProductDto({ ...product!, category: category.name });
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
