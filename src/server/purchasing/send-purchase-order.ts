import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { warehouses } from "../inventory";
import type { TSendPurchaseOrderInput } from "./schemas";
import { vendors } from "./schema";
import { transitionPurchaseOrder } from "./transition-purchase-order";
import * as clock from "../clock";

/** `POST /purchase-orders/{number}/send`: the draft goes to the vendor; its quantities become inbound. */
export function sendPurchaseOrder(options: { db: Db; actor: Actor; input: TSendPurchaseOrderInput }) {
  return transitionPurchaseOrder({
    ...options,
    number: options.input.number,
    version: options.input.version,
    to: "sent",
    set: { sentAt: clock.now() },
    // A draft can outlive its vendor or warehouse: nothing goes out to an archived vendor or into a closed warehouse.
    guard: async (_lines, po, tx) => {
      const [row] = await tx
        .select({ vendor: vendors.code, vendorArchived: vendors.archivedAt, warehouse: warehouses.code, warehouseActive: warehouses.isActive, warehouseArchived: warehouses.archivedAt })
        .from(vendors)
        .innerJoin(warehouses, eq(warehouses.id, po.warehouseId))
        .where(eq(vendors.id, po.vendorId));
      if (row?.vendorArchived) throw new AppError("business_rule", "VENDOR_ARCHIVED", `Vendor ${row.vendor} is archived: choose another vendor before sending ${po.number}.`, { fields: { vendor: ["is archived"] } });
      if (row && (!row.warehouseActive || row.warehouseArchived)) throw new AppError("business_rule", "WAREHOUSE_INACTIVE", `Warehouse ${row.warehouse} does not receive stock: choose another before sending ${po.number}.`, { fields: { warehouse: ["is not active"] } });
    },
    audit: () => ({}),
  });
}
