// How reorder suggestions find their vendor, shared by the suggestion list and the overview.
import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { productVendors, purchaseOrders, reorderSuggestions, vendors } from "./schema";

/**
 * The vendor a suggestion is bought from: a drafted one's purchase order vendor; an open one's current usual
 * vendor (so a vendor assigned after the run counts at once), else the one the run found. An archived
 * vendor takes no new purchase orders: an open suggestion shows none.
 */
export const suggestionVendorJoin = and(
  eq(vendors.id, sql`coalesce(${purchaseOrders.vendorId}, ${productVendors.vendorId}, ${reorderSuggestions.vendorId})`),
  or(isNotNull(reorderSuggestions.purchaseOrderId), isNull(vendors.archivedAt)),
);

/** Vendors first by code, suggestions without a usual vendor last; then SKU and warehouse. */
export const noVendor = sql<number>`(case when ${vendors.code} is null then 1 else 0 end)`.mapWith(Number);
export const vendorSort = sql<string>`coalesce(${vendors.code}, '')`;
