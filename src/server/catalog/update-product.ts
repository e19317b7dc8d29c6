import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { resolveActiveCode } from "../settings";
import { categoryFor } from "./category-for";
import { lockProduct } from "./lock-product";
import { toProductDto } from "./queries";
import { products } from "./schema";
import type { TProduct, TUpdateProductInput } from "./schemas";

/**
 * Edits a product: name, category (an unknown one is created), unit, list price, cost, weight, tax category, vendor
 * lead time, pack size. Orders, quotes and invoices already made keep their prices; new ones are priced from the new
 * list price. An edit based on an older version is refused (409 STALE_VERSION). Audited with what changed.
 */
export async function updateProduct(options: { db: Db; actor: Actor; input: TUpdateProductInput }): Promise<TProduct> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await lockProduct(tx, input.sku, input.version);
    const { sku: _sku, version: _version, category: categoryKey, ...fields } = input;
    // An archived unit or tax category may stay on the products that have it, not be chosen anew.
    if (fields.unit !== undefined) fields.unit = await resolveActiveCode(tx, "units", fields.unit, "unit", { current: before.unit });
    if (fields.taxCategory !== undefined) fields.taxCategory = await resolveActiveCode(tx, "tax-categories", fields.taxCategory, "taxCategory", { current: before.taxCategory });
    const category = categoryKey === undefined ? undefined : await categoryFor(tx, categoryKey, actor);

    const after = toProductDto({ ...before, ...stripUndefined(fields), category: category?.name ?? before.category, version: before.version + 1 });
    const was = toProductDto(before);
    const changed = (Object.keys(was) as (keyof TProduct)[]).filter((k) => k !== "version" && was[k] !== after[k]);
    if (changed.length === 0) return was;
    await Promise.all([
      tx
        .update(products)
        .set({ ...stripUndefined(fields), ...(category ? { categoryId: category.id } : {}), version: after.version })
        .where(eq(products.id, before.id)),
      recordAudit(tx, { entityType: "product", entityId: before.sku, action: "updated", actor, before: pick(was, changed), after: pick(after, changed) }),
    ]);
    return after;
  });
}

const stripUndefined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]-?: Exclude<T[K], undefined> };
const pick = (product: TProduct, fields: (keyof TProduct)[]) => Object.fromEntries(fields.map((f) => [f, product[f]]));
