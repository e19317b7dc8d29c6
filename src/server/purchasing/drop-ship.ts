import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { createPurchaseOrderInTx } from "./create-purchase-order";
import { AUDIT_ENTITY } from "./queries";
import { productVendors, purchaseOrders, vendors } from "./schema";

type DropShipLine = { productId: string; sku: string; quantity: number };

/**
 * A drop-ship order's purchase orders, in the submitting transaction: one per usual vendor of its products,
 * sent at once (so its quantities are inbound), linked to the order and naming where the goods go. Products
 * without a usual vendor are returned, for the caller to say so.
 */
export async function placeDropShipPurchaseOrders(
  tx: DbOrTx,
  input: { orderId: string; orderNumber: string; warehouseId: string; shipTo: string; lines: DropShipLine[] },
  actor: Actor,
): Promise<{ purchaseOrders: string[]; unsourced: string[] }> {
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const sources = ids.length
    ? await tx
        .select({ productId: productVendors.productId, vendorId: productVendors.vendorId })
        .from(productVendors)
        .innerJoin(vendors, eq(vendors.id, productVendors.vendorId))
        .where(and(inArray(productVendors.productId, ids), isNull(vendors.archivedAt)))
    : [];
  const vendorOf = new Map(sources.map((s) => [s.productId, s.vendorId]));
  const byVendor = new Map<string, Map<string, number>>();
  const unsourced: string[] = [];
  for (const line of input.lines) {
    const vendorId = vendorOf.get(line.productId);
    if (!vendorId) {
      if (!unsourced.includes(line.sku)) unsourced.push(line.sku);
      continue;
    }
    const products = byVendor.get(vendorId) ?? new Map<string, number>();
    products.set(line.productId, (products.get(line.productId) ?? 0) + line.quantity);
    byVendor.set(vendorId, products);
  }
  const numbers: string[] = [];
  for (const [vendorId, products] of [...byVendor].sort(([a], [b]) => a.localeCompare(b))) {
    const po = await createPurchaseOrderInTx(
      tx,
      {
        vendorId,
        warehouseId: input.warehouseId,
        orderId: input.orderId,
        notes: `Drop-ship for order ${input.orderNumber}: deliver to ${input.shipTo}.`,
        lines: [...products].map(([productId, quantity]) => ({ productId, quantity })),
      },
      actor,
    );
    await tx.update(purchaseOrders).set({ status: "sent", sentAt: clock.now(), version: sql`${purchaseOrders.version} + 1` }).where(eq(purchaseOrders.id, po.id));
    await recordAudit(tx, { entityType: AUDIT_ENTITY, entityId: po.number, action: "sent", actor, before: { status: "draft" }, after: { status: "sent", dropShipFor: input.orderNumber } });
    numbers.push(po.number);
  }
  return { purchaseOrders: numbers, unsourced };
}

/** The purchase orders placed for a drop-ship order, oldest first, with how far the vendor got. */
export async function dropShipPurchaseOrders(db: DbOrTx, orderId: string) {
  return db
    .select({
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      createdBy: purchaseOrders.createdBy,
      sentAt: purchaseOrders.sentAt,
      updatedAt: purchaseOrders.updatedAt,
    })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.orderId, orderId))
    .orderBy(asc(purchaseOrders.createdAt));
}
