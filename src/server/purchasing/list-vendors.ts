import { and, asc, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import type { TListVendorsInput } from "./schemas";
import { vendors } from "./schema";
import { openPoCountSql, productCountSql, toVendorDto } from "./vendor-queries";

/** Vendors by code, keyset-paginated; archived ones only when asked. Search matches code or name. */
export async function listVendors(options: { db: DbOrTx; input: TListVendorsInput }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [];
  if (!input.includeArchived) conditions.push(isNull(vendors.archivedAt));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    conditions.push(or(ilike(vendors.code, pattern), ilike(vendors.name, pattern)));
  }
  if (input.cursor) {
    const [code] = decodeCursor(input.cursor, 1);
    conditions.push(sql`${vendors.code} > ${String(code)}`);
  }
  const rows = await db
    .select({ vendor: vendors, productCount: productCountSql, openPurchaseOrders: openPoCountSql })
    .from(vendors)
    .where(and(...conditions))
    .orderBy(asc(vendors.code))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r) => toVendorDto(r.vendor, r),
    (r) => [r.vendor.code],
  );
}
