import { asc, eq } from "drizzle-orm";
import { products } from "../catalog";
import type { DbOrTx } from "../db";
import { listPurchaseOrders } from "./list-purchase-orders";
import type { TVendorDetail, TVendorProduct } from "./schemas";
import { productVendors, vendors } from "./schema";
import { loadVendor } from "./vendor-queries";

/** A vendor with the products it usually supplies and its recent purchase orders. */
export async function getVendor(options: { db: DbOrTx; code: string }): Promise<TVendorDetail> {
  const { db, code } = options;
  const vendor = await loadVendor(db, code);
  const [vendorProducts, orders] = await Promise.all([
    listVendorProducts(db, code),
    listPurchaseOrders({ db, input: { vendor: code, limit: 50 } }),
  ]);
  return { ...vendor, products: vendorProducts, purchaseOrders: orders.items };
}

export async function listVendorProducts(db: DbOrTx, code: string): Promise<TVendorProduct[]> {
  return db
    .select({ sku: products.sku, name: products.name, vendorSku: productVendors.vendorSku, cost: products.cost, currency: products.currency })
    .from(productVendors)
    .innerJoin(vendors, eq(vendors.id, productVendors.vendorId))
    .innerJoin(products, eq(products.id, productVendors.productId))
    .where(eq(vendors.code, code))
    .orderBy(asc(products.sku));
}
