import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { assertPurchaseOrderTransition } from "./purchase-order-states";
import { assertPurchaseOrderVersion, AUDIT_ENTITY, loadPurchaseOrder, loadPurchaseOrderLines, toPurchaseOrderDto, type PurchaseOrderRow } from "./queries";
import type { TPurchaseOrder } from "./schemas";
import { purchaseOrders } from "./schema";

/** One status change with its guard, version check and audit row, in one transaction. */
export async function transitionPurchaseOrder(options: {
  db: Db;
  actor: Actor;
  number: string;
  version?: number;
  to: "sent" | "closed" | "canceled";
  set: Partial<typeof purchaseOrders.$inferInsert>;
  guard?: (lines: Awaited<ReturnType<typeof loadPurchaseOrderLines>>, po: PurchaseOrderRow, tx: DbOrTx) => void | Promise<void>;
  audit: (lines: Awaited<ReturnType<typeof loadPurchaseOrderLines>>) => Record<string, unknown>;
}): Promise<TPurchaseOrder> {
  const { db, actor } = options;
  return db.transaction(async (tx) => {
    const po = await loadPurchaseOrder(tx, options.number, { forUpdate: true });
    await assertPurchaseOrderVersion(tx, po, options.version);
    assertPurchaseOrderTransition(po.status, options.to, actor.role);
    const lines = await loadPurchaseOrderLines(tx, po.id);
    await options.guard?.(lines, po, tx);
    const [updated] = await tx
      .update(purchaseOrders)
      .set({ ...options.set, status: options.to, version: po.version + 1 })
      .where(eq(purchaseOrders.id, po.id))
      .returning();
    await recordAudit(tx, {
      entityType: AUDIT_ENTITY,
      entityId: po.number,
      action: options.to,
      actor,
      before: { status: po.status },
      after: { status: options.to, ...options.audit(lines) },
    });
    return toPurchaseOrderDto(tx, updated!);
  });
}
