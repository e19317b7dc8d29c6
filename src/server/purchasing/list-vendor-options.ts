import { asc, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { vendors } from "./schema";

/** Vendor codes and names for selects (active only). */
export async function listVendorOptions(db: DbOrTx) {
  return db
    .select({ code: vendors.code, name: vendors.name, leadTimeDays: vendors.leadTimeDays })
    .from(vendors)
    .where(isNull(vendors.archivedAt))
    .orderBy(asc(vendors.name));
}
