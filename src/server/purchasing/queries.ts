// Loaders, the DTO and the version check that the purchase-order use cases share.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { auditEvents } from "../db/schema";
import { AppError } from "../errors";
import { warehouses } from "../inventory";
import { INBOUND_PO_STATUSES, type PurchaseOrderStatus } from "./constants";
import { remainingInbound } from "./purchase-order-states";
import type { TPurchaseOrder, TPurchaseOrderLineInput } from "./schemas";
import { purchaseOrderLines, purchaseOrders, vendors } from "./schema";
import * as clock from "../clock";

/** Audit rows of purchase orders: entity type "purchase_order", entity id the PO number. */
export const AUDIT_ENTITY = "purchase_order";

export type PurchaseOrderRow = typeof purchaseOrders.$inferSelect;

/** Sent or partially received, and the expected date is before today (company time zone). */
export function isPurchaseOrderOverdue(row: { status: PurchaseOrderStatus; expectedDate: string }, today = clock.today()): boolean {
  return (INBOUND_PO_STATUSES as readonly string[]).includes(row.status) && row.expectedDate < today;
}

/** The most a purchase order may come to, in minor units: its total stays an exact number (and its DTO valid). */
export const MAX_PURCHASE_ORDER_TOTAL = 10_000_000_000_000;

/** Refuses lines whose quantities × unit costs come to more than MAX_PURCHASE_ORDER_TOTAL (400 naming the line). */
export function assertPurchaseOrderTotal(lines: { quantity: number; unitCost: number }[]) {
  let total = 0;
  lines.forEach((line, i) => {
    total += line.quantity * line.unitCost;
    if (!(total <= MAX_PURCHASE_ORDER_TOTAL)) {
      throw AppError.invalidField(`lines.${i}.quantity`, `the purchase order comes to more than ${MAX_PURCHASE_ORDER_TOTAL.toLocaleString("en-US")} minor units`);
    }
  });
}

/** A purchase order by number, locked for the rest of the transaction when asked. 404 when absent. */
export async function loadPurchaseOrder(db: DbOrTx, number: string, options: { forUpdate?: boolean } = {}): Promise<PurchaseOrderRow> {
  const query = db.select().from(purchaseOrders).where(eq(purchaseOrders.number, number)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("purchase order", number);
  return row;
}

/** The lines of one purchase order, by line number. */
export async function loadPurchaseOrderLines(db: DbOrTx, purchaseOrderId: string) {
  return db
    .select({
      id: purchaseOrderLines.id,
      lineNo: purchaseOrderLines.lineNo,
      productId: purchaseOrderLines.productId,
      sku: products.sku,
      productName: products.name,
      quantity: purchaseOrderLines.quantity,
      received: purchaseOrderLines.received,
      unitCost: purchaseOrderLines.unitCost,
    })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(eq(purchaseOrderLines.purchaseOrderId, purchaseOrderId))
    .orderBy(asc(purchaseOrderLines.lineNo));
}

/** The full purchase order as the API and the page show it. */
export async function toPurchaseOrderDto(db: DbOrTx, po: PurchaseOrderRow): Promise<TPurchaseOrder> {
  const [[vendor], [warehouse], lines, [ending]] = await Promise.all([
    db.select({ code: vendors.code, name: vendors.name, leadTimeDays: vendors.leadTimeDays }).from(vendors).where(eq(vendors.id, po.vendorId)),
    db.select({ code: warehouses.code, name: warehouses.name }).from(warehouses).where(eq(warehouses.id, po.warehouseId)),
    loadPurchaseOrderLines(db, po.id),
    po.status === "closed" || po.status === "canceled"
      ? db
          .select({ after: auditEvents.after })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityType, AUDIT_ENTITY), eq(auditEvents.entityId, po.number), inArray(auditEvents.action, ["closed", "canceled"])))
          .orderBy(desc(auditEvents.id))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const dtoLines = lines.map((l) => ({
    lineNo: l.lineNo,
    sku: l.sku,
    productName: l.productName,
    quantity: l.quantity,
    received: l.received,
    remaining: remainingInbound(po.status, l),
    unitCost: l.unitCost,
    lineTotal: l.quantity * l.unitCost,
  }));
  const reason = (ending?.after as { reason?: unknown } | null | undefined)?.reason;
  return {
    number: po.number,
    status: po.status,
    vendor: vendor!,
    warehouse: warehouse!,
    currency: po.currency,
    expectedDate: po.expectedDate,
    isOverdue: isPurchaseOrderOverdue(po),
    lineCount: dtoLines.length,
    quantity: dtoLines.reduce((sum, l) => sum + l.quantity, 0),
    received: dtoLines.reduce((sum, l) => sum + l.received, 0),
    total: dtoLines.reduce((sum, l) => sum + l.lineTotal, 0),
    createdAt: po.createdAt.toISOString(),
    notes: po.notes,
    createdBy: po.createdBy,
    sentAt: po.sentAt?.toISOString() ?? null,
    closedAt: po.closedAt?.toISOString() ?? null,
    closeReason: typeof reason === "string" && reason ? reason : null,
    version: po.version,
    lines: dtoLines,
  };
}

/** Refuses an edit based on an older version (409 STALE_VERSION), naming who changed it since. */
export async function assertPurchaseOrderVersion(tx: DbOrTx, po: PurchaseOrderRow, version: number | undefined) {
  if (version === undefined || version === po.version) return;
  const [last] = await tx
    .select({ actor: auditEvents.actor })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, AUDIT_ENTITY), eq(auditEvents.entityId, po.number)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  throw AppError.conflict(
    "STALE_VERSION",
    `Purchase order ${po.number} was changed${last ? ` by ${last.actor}` : ""} after you opened it (your version ${version}, now ${po.version}). Reload it, then try again.`,
    { currentVersion: po.version, yourVersion: version },
  );
}

/** Vendor and warehouse codes and SKU lines → ids, with errors naming the request's fields. */
export async function resolveReferences(
  tx: DbOrTx,
  input: { vendor?: string; warehouse?: string; lines?: TPurchaseOrderLineInput[] },
) {
  let vendorId: string | undefined;
  let warehouseId: string | undefined;
  if (input.vendor !== undefined) {
    const [vendor] = await tx.select().from(vendors).where(eq(vendors.code, input.vendor)).limit(1);
    if (!vendor) throw AppError.invalidField("vendor", `no vendor with code "${input.vendor}"`);
    if (vendor.archivedAt) throw AppError.invalidField("vendor", `vendor ${vendor.code} is archived`);
    vendorId = vendor.id;
  }
  if (input.warehouse !== undefined) {
    const [warehouse] = await tx.select().from(warehouses).where(eq(warehouses.code, input.warehouse)).limit(1);
    if (!warehouse) throw AppError.invalidField("warehouse", `no warehouse with code "${input.warehouse}"`);
    if (!warehouse.isActive || warehouse.archivedAt) throw AppError.invalidField("warehouse", `warehouse ${warehouse.code} is not active`);
    warehouseId = warehouse.id;
  }
  let lines: { productId: string; quantity: number; unitCost?: number }[] | undefined;
  if (input.lines) {
    const found = await tx
      .select({ id: products.id, sku: products.sku, archivedAt: products.archivedAt })
      .from(products)
      .where(inArray(products.sku, [...new Set(input.lines.map((l) => l.sku))]));
    const bySku = new Map(found.map((p) => [p.sku, p]));
    const seen = new Map<string, number>();
    lines = input.lines.map((line, i) => {
      const product = bySku.get(line.sku);
      if (!product) throw AppError.invalidField(`lines.${i}.sku`, `no product with SKU "${line.sku}"`);
      if (product.archivedAt) throw AppError.invalidField(`lines.${i}.sku`, `${line.sku} is archived`);
      const earlier = seen.get(line.sku);
      if (earlier !== undefined) throw AppError.invalidField(`lines.${i}.sku`, `${line.sku} is already on line ${earlier + 1}`);
      seen.set(line.sku, i);
      return { productId: product.id, quantity: line.quantity, ...(line.unitCost !== undefined ? { unitCost: line.unitCost } : {}) };
    });
  }
  return { vendorId, warehouseId, lines };
}
