import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import type { InboundSupply, SupplySource, UsualSupplier } from "../inventory";
import { INBOUND_PO_STATUSES } from "./constants";
import { productVendors, purchaseOrderLines, purchaseOrders, vendors } from "./schema";

/**
 * Inventory's SupplySource, from purchasing's tables: what sent and partially received purchase orders still
 * bring (one entry per purchase order and product), and each product's usual vendor with its lead time.
 */
export const purchasingSupply: SupplySource = {
  async inbound(db: DbOrTx, productIds: string[]): Promise<InboundSupply[]> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return [];
    const rows = await db
      .select({
        productId: purchaseOrderLines.productId,
        warehouseId: purchaseOrders.warehouseId,
        date: purchaseOrders.expectedDate,
        number: purchaseOrders.number,
        status: purchaseOrders.status,
        vendor: vendors.code,
        vendorName: vendors.name,
        ordered: sql<number>`sum(${purchaseOrderLines.quantity})`.mapWith(Number),
        received: sql<number>`sum(${purchaseOrderLines.received})`.mapWith(Number),
      })
      .from(purchaseOrderLines)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
      .innerJoin(vendors, eq(vendors.id, purchaseOrders.vendorId))
      .where(and(inArray(purchaseOrderLines.productId, ids), inArray(purchaseOrders.status, [...INBOUND_PO_STATUSES])))
      .groupBy(purchaseOrderLines.productId, purchaseOrders.id, vendors.id);
    return rows.map((r) => ({
      productId: r.productId,
      warehouseId: r.warehouseId,
      date: r.date,
      quantity: Math.max(0, r.ordered - r.received),
      reference: { number: r.number, status: r.status, supplier: r.vendor, supplierName: r.vendorName, ordered: r.ordered, received: r.received },
    }));
  },

  async leadTimes(db: DbOrTx, productIds: string[]): Promise<Map<string, number>> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ productId: productVendors.productId, days: vendors.leadTimeDays })
      .from(productVendors)
      .innerJoin(vendors, eq(vendors.id, productVendors.vendorId))
      .where(inArray(productVendors.productId, ids));
    return new Map(rows.map((r) => [r.productId, r.days]));
  },

  async usualSuppliers(db: DbOrTx, productIds: string[]): Promise<Map<string, UsualSupplier>> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ productId: productVendors.productId, code: vendors.code, name: vendors.name, leadTimeDays: vendors.leadTimeDays, supplierSku: productVendors.vendorSku })
      .from(productVendors)
      .innerJoin(vendors, eq(vendors.id, productVendors.vendorId))
      .where(inArray(productVendors.productId, ids));
    return new Map(rows.map(({ productId, ...supplier }) => [productId, supplier]));
  },
};
