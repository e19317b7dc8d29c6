import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { auditEvents } from "../db/schema";
import { AUDIT_ENTITY, loadPurchaseOrder } from "./queries";
import type { TPurchaseOrderEvent } from "./schemas";

/** The purchase order's history: every audit row, oldest first. */
export async function purchaseOrderHistory(options: { db: DbOrTx; number: string }): Promise<TPurchaseOrderEvent[]> {
  const { db, number } = options;
  await loadPurchaseOrder(db, number);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, AUDIT_ENTITY), eq(auditEvents.entityId, number)))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => ({ id: r.id, action: r.action, actor: r.actor, at: r.createdAt.toISOString(), before: r.before, after: r.after }));
}
