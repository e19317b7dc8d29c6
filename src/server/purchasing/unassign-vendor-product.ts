import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { getVendor } from "./get-vendor";
import type { TVendorDetail } from "./schemas";
import { productVendors } from "./schema";
import { findVendorByCode } from "./vendor-queries";

/** Takes a product off this vendor: it has no usual vendor until assigned again. */
export async function unassignVendorProduct(options: { db: Db; actor: Actor; input: { code: string; sku: string } }): Promise<TVendorDetail> {
  const { db, actor, input } = options;
  await db.transaction(async (tx) => {
    const vendor = await findVendorByCode(tx, input.code);
    if (!vendor) throw AppError.notFound("vendor", input.code);
    const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.sku, input.sku));
    if (!product) throw AppError.invalidField("sku", `no product with SKU "${input.sku}"`);
    const removed = await tx
      .delete(productVendors)
      .where(and(eq(productVendors.productId, product.id), eq(productVendors.vendorId, vendor.id)))
      .returning();
    if (removed.length === 0) throw AppError.invalidField("sku", `${input.sku} is not supplied by ${vendor.code}`);
    await recordAudit(tx, { entityType: "vendor", entityId: vendor.code, action: "product_unassigned", actor, before: { sku: input.sku, vendorSku: removed[0]!.vendorSku } });
  });
  return getVendor({ db, code: input.code });
}
