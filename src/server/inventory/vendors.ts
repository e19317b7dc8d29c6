import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { products } from "../catalog";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { decodeCursor, toPage } from "../db/pagination";
import { escapeLike } from "../db/search";
import { AppError, isUniqueViolation } from "../errors";
import { INBOUND_PO_STATUSES } from "./constants";
import { listPurchaseOrders } from "./purchase-orders";
import type {
  TAssignVendorProductsInput,
  TCreateVendorInput,
  TListVendorsInput,
  TUpdateVendorInput,
  TVendor,
  TVendorDetail,
  TVendorProduct,
} from "./purchasing-schemas";
import { productVendors, purchaseOrders, vendors } from "./schema";
import * as clock from "../clock";

type VendorRow = typeof vendors.$inferSelect;

/**
 * The outer vendor's id, always table-qualified: in a query without joins drizzle writes columns bare, and a
 * bare "id" inside a subquery would mean the subquery's own table.
 */
const vendorIdRef = sql`${sql.identifier("vendors")}.${sql.identifier("id")}`;
const inboundStatuses = sql.raw(INBOUND_PO_STATUSES.map((s) => `'${s}'`).join(", "));
const productCountSql = sql<number>`(select count(*) from ${productVendors} pv where pv.vendor_id = ${vendorIdRef})`.mapWith(Number);
const openPoCountSql = sql<number>`(select count(*) from ${purchaseOrders} po where po.vendor_id = ${vendorIdRef} and po.status in (${inboundStatuses}))`.mapWith(Number);

function toVendorDto(row: VendorRow, counts: { productCount: number; openPurchaseOrders: number }): TVendor {
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
const auditView = (v: TVendor) => ({
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

async function loadVendor(db: DbOrTx, code: string): Promise<TVendor> {
  const [row] = await db
    .select({ vendor: vendors, productCount: productCountSql, openPurchaseOrders: openPoCountSql })
    .from(vendors)
    .where(eq(vendors.code, code))
    .limit(1);
  if (!row) throw AppError.notFound("vendor", code);
  return toVendorDto(row.vendor, row);
}

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

export async function createVendor(options: { db: Db; actor: Actor; input: TCreateVendorInput }): Promise<TVendor> {
  const { db, actor, input } = options;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(vendors)
        .values({
          code: input.code,
          name: input.name,
          contactName: input.contactName || null,
          email: input.email || null,
          phone: input.phone || null,
          leadTimeDays: input.leadTimeDays ?? 14,
        })
        .returning();
      const dto = toVendorDto(row!, { productCount: 0, openPurchaseOrders: 0 });
      await recordAudit(tx, { entityType: "vendor", entityId: dto.code, action: "created", actor, after: auditView(dto) });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, "vendors_code_uq")) {
      throw new AppError("conflict", "VENDOR_CODE_TAKEN", `code: a vendor with code "${input.code}" already exists.`, {
        fields: { code: ["is already used by another vendor"] },
      });
    }
    throw error;
  }
}

/** Edits a vendor's fields; `archived: true` archives it (no new purchase orders), `false` restores it. */
export async function updateVendor(options: { db: Db; actor: Actor; input: TUpdateVendorInput }): Promise<TVendor> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(vendors).where(eq(vendors.code, input.code)).for("update");
    if (!current) throw AppError.notFound("vendor", input.code);
    const before = await loadVendor(tx, input.code);
    const set: Partial<typeof vendors.$inferInsert> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.contactName !== undefined) set.contactName = input.contactName;
    if (input.email !== undefined) set.email = input.email;
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.leadTimeDays !== undefined) set.leadTimeDays = input.leadTimeDays;
    if (input.archived !== undefined && input.archived !== (current.archivedAt !== null)) {
      set.archivedAt = input.archived ? clock.now() : null;
    }
    if (Object.keys(set).length === 0) return before;
    await tx.update(vendors).set(set).where(eq(vendors.id, current.id));
    const after = await loadVendor(tx, input.code);
    const action = set.archivedAt !== undefined ? (set.archivedAt ? "archived" : "restored") : "updated";
    await recordAudit(tx, { entityType: "vendor", entityId: input.code, action, actor, before: auditView(before), after: auditView(after) });
    return after;
  });
}

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
    for (const row of rows) {
      // A plain SKU keeps the vendor SKU the product already had with this vendor.
      await tx
        .insert(productVendors)
        .values({ productId: row.productId, vendorId: row.vendorId, vendorSku: row.vendorSku })
        .onConflictDoUpdate({
          target: productVendors.productId,
          set: row.hasVendorSku
            ? { vendorId: row.vendorId, vendorSku: row.vendorSku }
            : { vendorId: row.vendorId, vendorSku: sql`case when ${productVendors.vendorId} = ${row.vendorId} then ${productVendors.vendorSku} else null end` },
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

/** Vendor codes and names for selects (active only). */
export async function vendorOptions(db: DbOrTx) {
  return db
    .select({ code: vendors.code, name: vendors.name, leadTimeDays: vendors.leadTimeDays })
    .from(vendors)
    .where(isNull(vendors.archivedAt))
    .orderBy(asc(vendors.name));
}
