import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { lockProduct } from "./lock-product";
import { toProductDto } from "./queries";
import { products } from "./schema";
import type { TProduct, TSetProductArchivedInput } from "./schemas";

/**
 * Archives a product no longer sold: it leaves the product lists, the type-ahead and the stock views, and new orders
 * refuse it, while documents that name it keep it. Or restores one. Changing nothing writes nothing. Audited.
 */
export async function setProductArchived(options: { db: Db; actor: Actor; input: TSetProductArchivedInput }): Promise<TProduct> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await lockProduct(tx, input.sku);
    if ((before.archivedAt !== null) === input.archived) return toProductDto(before);
    const after = { ...before, archivedAt: input.archived ? clock.now() : null, version: before.version + 1 };
    await Promise.all([
      tx.update(products).set({ archivedAt: after.archivedAt, version: after.version }).where(eq(products.id, before.id)),
      recordAudit(tx, { entityType: "product", entityId: before.sku, action: input.archived ? "archived" : "restored", actor }),
    ]);
    return toProductDto(after);
  });
}
