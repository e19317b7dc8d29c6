import { eq, inArray } from "drizzle-orm";
import { addDays } from "~/lib/dates";
import { actorLabel, type Actor } from "../auth/actor";
import { products } from "../catalog";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { nextDocumentNumber } from "../db/sequences";
import { AppError } from "../errors";
import { warehouses } from "../inventory";
import { getPurchaseOrder } from "./get-purchase-order";
import { assertPurchaseOrderTotal, AUDIT_ENTITY, resolveReferences } from "./queries";
import type { TCreatePurchaseOrderInput, TPurchaseOrder } from "./schemas";
import { purchaseOrderLines, purchaseOrders, vendors } from "./schema";
import * as clock from "../clock";

export type CreatePurchaseOrderInTxInput = {
  vendorId: string;
  warehouseId: string;
  /** YYYY-MM-DD; defaults to today (company time zone) plus the vendor's lead time. */
  expectedDate?: string;
  notes?: string | null;
  /** Drop-ship: the customer order it buys for. */
  orderId?: string | null;
  lines: { productId: string; quantity: number; unitCost?: number }[];
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Drafts a purchase order inside the caller's transaction: the next PO number, the vendor and delivery
 * warehouse, one line per product (unit cost defaults to the product's cost) and a "created" audit row.
 * Replenishment calls it to turn suggestions into drafts; the REST/page use case calls it after resolving
 * codes and SKUs. Field names in errors follow this input (`vendorId`, `lines.N.productId`, …).
 */
export async function createPurchaseOrderInTx(
  tx: DbOrTx,
  input: CreatePurchaseOrderInTxInput,
  actor: Actor,
): Promise<{ id: string; number: string }> {
  if (input.lines.length === 0) throw AppError.invalidField("lines", "a purchase order needs at least one line");
  const [vendor] = await tx.select().from(vendors).where(eq(vendors.id, input.vendorId)).limit(1);
  if (!vendor) throw AppError.invalidField("vendorId", "no such vendor");
  if (vendor.archivedAt) throw AppError.invalidField("vendorId", `vendor ${vendor.code} is archived`);
  const [warehouse] = await tx.select().from(warehouses).where(eq(warehouses.id, input.warehouseId)).limit(1);
  if (!warehouse) throw AppError.invalidField("warehouseId", "no such warehouse");
  if (input.expectedDate !== undefined && !ISO_DATE.test(input.expectedDate)) {
    throw AppError.invalidField("expectedDate", "must be a date like 2026-11-21");
  }

  const productIds = [...new Set(input.lines.map((l) => l.productId))];
  const rows = await tx
    .select({ id: products.id, sku: products.sku, cost: products.cost, archivedAt: products.archivedAt })
    .from(products)
    .where(inArray(products.id, productIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    const product = byId.get(line.productId);
    if (!product) throw AppError.invalidField(`lines.${i}.productId`, "no such product");
    if (seen.has(line.productId)) throw AppError.invalidField(`lines.${i}.productId`, `${product.sku} is already on line ${[...seen].indexOf(line.productId) + 1}`);
    seen.add(line.productId);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw AppError.invalidField(`lines.${i}.quantity`, "must be a whole number above zero");
    if (line.unitCost !== undefined && (!Number.isInteger(line.unitCost) || line.unitCost < 0)) {
      throw AppError.invalidField(`lines.${i}.unitCost`, "must be a whole number of minor units, zero or more");
    }
  });

  const number = await nextDocumentNumber(tx, "purchase_order");
  const expectedDate = input.expectedDate ?? addDays(clock.today(), vendor.leadTimeDays);
  const [po] = await tx
    .insert(purchaseOrders)
    .values({
      number,
      vendorId: vendor.id,
      warehouseId: warehouse.id,
      status: "draft",
      expectedDate,
      notes: input.notes ?? null,
      orderId: input.orderId ?? null,
      createdBy: actorLabel(actor),
    })
    .returning({ id: purchaseOrders.id });
  const lines = input.lines.map((line, i) => ({
    purchaseOrderId: po!.id,
    lineNo: i + 1,
    productId: line.productId,
    quantity: line.quantity,
    unitCost: line.unitCost ?? byId.get(line.productId)!.cost,
  }));
  assertPurchaseOrderTotal(lines);
  await tx.insert(purchaseOrderLines).values(lines);
  await recordAudit(tx, {
    entityType: AUDIT_ENTITY,
    entityId: number,
    action: "created",
    actor,
    after: {
      status: "draft",
      vendor: vendor.code,
      warehouse: warehouse.code,
      expectedDate,
      lines: lines.map((l) => ({ sku: byId.get(l.productId)!.sku, quantity: l.quantity, unitCost: l.unitCost })),
    },
  });
  return { id: po!.id, number };
}

/** `POST /purchase-orders`: a draft purchase order from vendor and warehouse codes and SKU lines. */
export async function createPurchaseOrder(options: { db: Db; actor: Actor; input: TCreatePurchaseOrderInput }): Promise<TPurchaseOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const refs = await resolveReferences(tx, input);
    const { number } = await createPurchaseOrderInTx(
      tx,
      { vendorId: refs.vendorId!, warehouseId: refs.warehouseId!, expectedDate: input.expectedDate, notes: input.notes, lines: refs.lines! },
      actor,
    );
    return getPurchaseOrder({ db: tx, number });
  });
}
