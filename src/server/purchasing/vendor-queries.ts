// The vendor DTO, its counts and the loaders that the vendor use cases share.
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { INBOUND_PO_STATUSES } from "./constants";
import type { TVendor } from "./schemas";
import { productVendors, purchaseOrders, vendors } from "./schema";

type VendorRow = typeof vendors.$inferSelect;

/**
 * The outer vendor's id, always table-qualified: in a query without joins drizzle writes columns bare, and a
 * bare "id" inside a subquery would mean the subquery's own table.
 */
const vendorIdRef = sql`${sql.identifier("vendors")}.${sql.identifier("id")}`;
const inboundStatuses = sql.raw(INBOUND_PO_STATUSES.map((s) => `'${s}'`).join(", "));
export const productCountSql = sql<number>`(select count(*) from ${productVendors} pv where pv.vendor_id = ${vendorIdRef})`.mapWith(Number);
export const openPoCountSql = sql<number>`(select count(*) from ${purchaseOrders} po where po.vendor_id = ${vendorIdRef} and po.status in (${inboundStatuses}))`.mapWith(Number);

export function toVendorDto(row: VendorRow, counts: { productCount: number; openPurchaseOrders: number }): TVendor {
  return {
    code: row.code,
    name: row.name,
    contactName: row.contactName,
    email: row.email,
    phone: row.phone,
    leadTimeDays: row.leadTimeDays,
    isArchived: row.archivedAt !== null,
    productCount: counts.productCount,
    openPurchaseOrders: counts.openPurchaseOrders,
  };
}

/** What the audit trail keeps of a vendor: its editable fields. */
export const vendorAuditView = (v: TVendor) => ({
  name: v.name,
  contactName: v.contactName,
  email: v.email,
  phone: v.phone,
  leadTimeDays: v.leadTimeDays,
  isArchived: v.isArchived,
});

export async function findVendorByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(vendors).where(eq(vendors.code, code)).limit(1);
  return row;
}

export async function loadVendor(db: DbOrTx, code: string): Promise<TVendor> {
  const [row] = await db
    .select({ vendor: vendors, productCount: productCountSql, openPurchaseOrders: openPoCountSql })
    .from(vendors)
    .where(eq(vendors.code, code))
    .limit(1);
  if (!row) throw AppError.notFound("vendor", code);
  return toVendorDto(row.vendor, row);
}
