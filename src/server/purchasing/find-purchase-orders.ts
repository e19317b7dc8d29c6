import { desc, eq, ilike, or } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { escapeLike } from "../db/search";
import { RECEIVABLE_STATUSES } from "./purchase-order-states";
import { purchaseOrders, vendors } from "./schema";

/** The command palette's purchase orders: by number ("PO-6000…" or just "6000…"), newest first, with whether goods can be received. */
export async function findPurchaseOrdersByNumber(db: DbOrTx, text: string, limit = 5) {
  const number = text.trim().toUpperCase();
  const rows = await db
    .select({ number: purchaseOrders.number, status: purchaseOrders.status, vendorName: vendors.name })
    .from(purchaseOrders)
    .innerJoin(vendors, eq(vendors.id, purchaseOrders.vendorId))
    .where(or(ilike(purchaseOrders.number, `${escapeLike(number)}%`), ilike(purchaseOrders.number, `%-${escapeLike(number)}%`)))
    .orderBy(desc(purchaseOrders.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, receivable: RECEIVABLE_STATUSES.includes(row.status) }));
}
