import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { findProductBySku, toProductDto } from "./queries";
import { products } from "./schema";
import type { TProduct } from "./schemas";

/**
 * Archives a product: it leaves the product lists, the type-ahead and the stock views, while documents that
 * name it keep it. Archiving an archived product changes nothing. Audited, in one transaction. No door calls
 * it yet (inventory's tests do, for views that must leave archived products out).
 */
export async function archiveProduct(options: { db: Db; actor: Actor; sku: string }): Promise<TProduct> {
  const { db, actor, sku } = options;
  return db.transaction(async (tx) => {
    const before = await findProductBySku(tx, sku);
    if (!before) throw AppError.notFound("product", sku);
    if (before.archivedAt) return toProductDto(before);
    const archivedAt = clock.now();
    await tx.update(products).set({ archivedAt }).where(and(eq(products.id, before.id), isNull(products.archivedAt)));
    await recordAudit(tx, { entityType: "product", entityId: before.sku, action: "archived", actor, before: toProductDto(before), after: toProductDto({ ...before, archivedAt }) });
    return toProductDto({ ...before, archivedAt });
  });
}
