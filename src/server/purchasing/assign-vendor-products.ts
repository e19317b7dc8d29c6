import { eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { getVendor } from "./get-vendor";
import type { TAssignVendorProductsInput, TVendorDetail } from "./schemas";
import { productVendors, vendors } from "./schema";
import { findVendorByCode } from "./vendor-queries";

/**
 * Makes this vendor the usual vendor of the given products (a product has one usual vendor, so this
 * moves it from any other). Unknown SKUs are refused naming the entry (`skus.N`).
 */
export async function assignVendorProducts(options: { db: Db; actor: Actor; input: TAssignVendorProductsInput }): Promise<TVendorDetail> {
  const { db, actor, input } = options;
  await db.transaction(async (tx) => {
    const vendor = await findVendorByCode(tx, input.code);
    if (!vendor) throw AppError.notFound("vendor", input.code);
    const entries = input.skus.map((entry) => (typeof entry === "string" ? { sku: entry, vendorSku: undefined } : entry));
    const found = await tx
      .select({ id: products.id, sku: products.sku })
      .from(products)
      .where(inArray(products.sku, [...new Set(entries.map((e) => e.sku))]));
    const bySku = new Map(found.map((p) => [p.sku, p.id]));
    const seen = new Set<string>();
    const rows = entries.map((entry, i) => {
      const productId = bySku.get(entry.sku);
      if (!productId) throw AppError.invalidField(`skus.${i}`, `no product with SKU "${entry.sku}"`);
      if (seen.has(entry.sku)) throw AppError.invalidField(`skus.${i}`, `${entry.sku} is listed twice`);
      seen.add(entry.sku);
      return { productId, vendorId: vendor.id, vendorSku: entry.vendorSku ?? null, sku: entry.sku, hasVendorSku: entry.vendorSku !== undefined };
    });
    const previous = await tx
      .select({ sku: products.sku, vendor: vendors.code })
      .from(productVendors)
      .innerJoin(products, eq(products.id, productVendors.productId))
      .innerJoin(vendors, eq(vendors.id, productVendors.vendorId))
      .where(inArray(productVendors.productId, rows.map((r) => r.productId)));
    // One upsert for the entries naming a vendor SKU, one for plain SKUs (whatever their number): a plain
    // SKU keeps the vendor SKU the product already had with this vendor.
    for (const named of [true, false]) {
      const group = rows.filter((row) => row.hasVendorSku === named);
      if (group.length === 0) continue;
      await tx
        .insert(productVendors)
        .values(group.map((row) => ({ productId: row.productId, vendorId: row.vendorId, vendorSku: row.vendorSku })))
        .onConflictDoUpdate({
          target: productVendors.productId,
          set: named
            ? { vendorId: sql`excluded.vendor_id`, vendorSku: sql`excluded.vendor_sku` }
            : { vendorId: sql`excluded.vendor_id`, vendorSku: sql`case when ${productVendors.vendorId} = excluded.vendor_id then ${productVendors.vendorSku} else null end` },
        });
    }
    await recordAudit(tx, {
      entityType: "vendor",
      entityId: vendor.code,
      action: "products_assigned",
      actor,
      before: { products: previous },
      after: { products: rows.map((r) => ({ sku: r.sku, vendorSku: r.vendorSku })) },
    });
  });
  return getVendor({ db, code: input.code });
}
