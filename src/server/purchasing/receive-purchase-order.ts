import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { moveOnHand, warehouses, type StockArrivalHandler } from "../inventory";
import { assertPurchaseOrderTransition, RECEIVABLE_STATUSES, statusAfterReceipt } from "./purchase-order-states";
import { assertPurchaseOrderVersion, AUDIT_ENTITY, loadPurchaseOrder, loadPurchaseOrderLines, toPurchaseOrderDto } from "./queries";
import type { TReceiptResult, TReceivePurchaseOrderInput } from "./schemas";
import { purchaseOrderLines, purchaseOrders } from "./schema";

/** What the arrival handler reports per order line that took stock (orders' allocateBackorders). */
export type ArrivalAllocation = { orderNumber: string; sku: string; quantity: number };

function isArrivalAllocation(value: unknown): value is ArrivalAllocation {
  const v = value as Partial<ArrivalAllocation> | null;
  return !!v && typeof v.orderNumber === "string" && typeof v.sku === "string" && typeof v.quantity === "number";
}

/**
 * `POST /purchase-orders/{number}/receive`: goods arrive at the delivery warehouse. In one transaction:
 * the PO is locked, each line's quantity is checked against what remains (over-receipt names
 * `lines.N.quantity`), on hand rises with one guarded UPDATE beside its `receipt` movement, the lines'
 * `received` and the PO status follow, an audit row is written, and `onStockArrival` runs per product so
 * waiting backorders take the new stock before anyone else can.
 */
export async function receivePurchaseOrder(options: {
  db: Db;
  actor: Actor;
  input: TReceivePurchaseOrderInput;
  onStockArrival: StockArrivalHandler;
}): Promise<TReceiptResult> {
  const { db, actor, input, onStockArrival } = options;
  return db.transaction(async (tx) => {
    const po = await loadPurchaseOrder(tx, input.number, { forUpdate: true });
    // A retried or double-clicked receipt carries the version it saw: it is refused, not booked twice.
    await assertPurchaseOrderVersion(tx, po, input.version);
    if (!RECEIVABLE_STATUSES.includes(po.status)) assertPurchaseOrderTransition(po.status, "received", "receiving");
    const lines = await loadPurchaseOrderLines(tx, po.id);
    const bySku = new Map(lines.map((l) => [l.sku, l]));

    // Validate every line before changing anything.
    const seen = new Map<string, number>();
    const receipts = input.lines.map((entry, i) => {
      const line = bySku.get(entry.sku);
      if (!line) throw AppError.invalidField(`lines.${i}.sku`, `${entry.sku} is not on ${po.number}`);
      const earlier = seen.get(entry.sku);
      if (earlier !== undefined) throw AppError.invalidField(`lines.${i}.sku`, `${entry.sku} is already in entry ${earlier + 1}: receive each SKU once`);
      seen.set(entry.sku, i);
      const remaining = line.quantity - line.received;
      if (entry.quantity > remaining) {
        throw AppError.invalidField(
          `lines.${i}.quantity`,
          remaining === 0
            ? `${entry.sku} is fully received (${line.received} of ${line.quantity})`
            : `at most ${remaining} of ${entry.sku} remain to be received (${line.received} of ${line.quantity} received)`,
        );
      }
      return { line, quantity: entry.quantity };
    });

    const [warehouse] = await tx.select({ code: warehouses.code }).from(warehouses).where(eq(warehouses.id, po.warehouseId));
    const received: TReceiptResult["received"] = [];
    // Stock rows are locked in product-id order, as order submission does, so the two never deadlock.
    receipts.sort((a, b) => a.line.productId.localeCompare(b.line.productId));
    for (const { line, quantity } of receipts) {
      const level = await moveOnHand(tx, {
        productId: line.productId,
        warehouseId: po.warehouseId,
        quantity,
        kind: "receipt",
        reason: "purchase_order",
        reference: po.number,
        actor,
      });
      if (!level) throw new Error(`stock level of ${line.sku} in ${warehouse?.code} could not take a receipt of ${quantity}`);
      const [updatedLine] = await tx
        .update(purchaseOrderLines)
        .set({ received: sql`${purchaseOrderLines.received} + ${quantity}` })
        .where(and(eq(purchaseOrderLines.id, line.id), sql`${purchaseOrderLines.received} + ${quantity} <= ${purchaseOrderLines.quantity}`))
        .returning({ received: purchaseOrderLines.received });
      // The PO row is locked, so this only fails if someone wrote the line without taking that lock.
      if (!updatedLine) throw AppError.conflict("RECEIPT_CONFLICT", `${line.sku} on ${po.number} changed while receiving; try again.`);
      line.received = updatedLine.received;
      received.push({ sku: line.sku, quantity, warehouse: warehouse!.code, onHand: level.onHand });
    }

    const status = statusAfterReceipt(lines);
    assertPurchaseOrderTransition(po.status, status, "receiving");
    const [updated] = await tx
      .update(purchaseOrders)
      .set({ status, version: po.version + 1 })
      .where(eq(purchaseOrders.id, po.id))
      .returning();
    await recordAudit(tx, {
      entityType: AUDIT_ENTITY,
      entityId: po.number,
      action: "received",
      actor,
      before: { status: po.status },
      after: { status, warehouse: warehouse!.code, lines: received.map(({ sku, quantity }) => ({ sku, quantity })) },
    });

    // Backorders take the new stock inside this transaction, oldest first (orders decides the order).
    const allocated: TReceiptResult["allocated"] = [];
    for (const { line } of receipts) {
      const result = await onStockArrival(tx, { productId: line.productId, warehouseId: po.warehouseId, reference: po.number, actor });
      if (Array.isArray(result)) {
        for (const a of result) if (isArrivalAllocation(a)) allocated.push({ order: a.orderNumber, sku: a.sku, quantity: a.quantity });
      }
    }
    return { purchaseOrder: await toPurchaseOrderDto(tx, updated!), received, allocated };
  });
}
