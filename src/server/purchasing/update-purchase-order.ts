import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { assertPurchaseOrderEditable } from "./purchase-order-states";
import { assertPurchaseOrderTotal, assertPurchaseOrderVersion, AUDIT_ENTITY, loadPurchaseOrder, resolveReferences, toPurchaseOrderDto, type PurchaseOrderRow } from "./queries";
import type { TPurchaseOrder, TUpdatePurchaseOrderInput } from "./schemas";
import { purchaseOrderLines, purchaseOrders } from "./schema";

/** The parts of a purchase order the audit trail keeps before and after a change. */
async function auditSnapshot(tx: DbOrTx, po: PurchaseOrderRow) {
  const dto = await toPurchaseOrderDto(tx, po);
  return {
    status: dto.status,
    vendor: dto.vendor.code,
    warehouse: dto.warehouse.code,
    expectedDate: dto.expectedDate,
    notes: dto.notes,
    lines: dto.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, received: l.received, unitCost: l.unitCost })),
  };
}

/** `PATCH /purchase-orders/{number}`: edits a draft (vendor, warehouse, date, notes, lines), version-checked. */
export async function updatePurchaseOrder(options: { db: Db; actor: Actor; input: TUpdatePurchaseOrderInput }): Promise<TPurchaseOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const po = await loadPurchaseOrder(tx, input.number, { forUpdate: true });
    await assertPurchaseOrderVersion(tx, po, input.version);
    assertPurchaseOrderEditable(po.status);
    const refs = await resolveReferences(tx, input);
    const before = await auditSnapshot(tx, po);

    const set: Partial<typeof purchaseOrders.$inferInsert> = { version: po.version + 1 };
    if (refs.vendorId) set.vendorId = refs.vendorId;
    if (refs.warehouseId) set.warehouseId = refs.warehouseId;
    if (input.expectedDate !== undefined) set.expectedDate = input.expectedDate;
    if (input.notes !== undefined) set.notes = input.notes;
    if (refs.lines) {
      const costs = await tx
        .select({ id: products.id, cost: products.cost })
        .from(products)
        .where(inArray(products.id, refs.lines.map((l) => l.productId)));
      const costById = new Map(costs.map((c) => [c.id, c.cost]));
      const lines = refs.lines.map((line, i) => ({
        purchaseOrderId: po.id,
        lineNo: i + 1,
        productId: line.productId,
        quantity: line.quantity,
        unitCost: line.unitCost ?? costById.get(line.productId)!,
      }));
      assertPurchaseOrderTotal(lines);
      // A draft's lines have no receipts and nothing refers to them: replace them.
      await tx.delete(purchaseOrderLines).where(eq(purchaseOrderLines.purchaseOrderId, po.id));
      await tx.insert(purchaseOrderLines).values(lines);
    }
    const [updated] = await tx.update(purchaseOrders).set(set).where(eq(purchaseOrders.id, po.id)).returning();
    const after = await auditSnapshot(tx, updated!);
    await recordAudit(tx, { entityType: AUDIT_ENTITY, entityId: po.number, action: "updated", actor, before: changedOnly(before, after), after: changedOnly(after, before) });
    return toPurchaseOrderDto(tx, updated!);
  });
}

function changedOnly<T extends Record<string, unknown>>(a: T, b: T): Partial<T> {
  return Object.fromEntries(Object.entries(a).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(b[k]))) as Partial<T>;
}
