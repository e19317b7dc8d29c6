import { and, asc, eq, isNull } from "drizzle-orm";
import { users } from "~/server/auth/schema";
import { categories, products } from "~/server/catalog/schema";
import type { DemandClass, Segment } from "~/server/customers/constants";
import { customerAddresses, customers } from "~/server/customers/schema";
import { stockLevels, warehouses } from "~/server/inventory/schema";
import type { ShipTo } from "~/server/orders/schema";
import type { Db } from "../client";
import { CATEGORY_SPECS } from "./catalog-data";
import { homeWarehouseCode, ORDER_FREQUENCY_BY_CLASS, productPopularity } from "./market";
import { WeightedTable } from "./random";

export type SeedCustomer = {
  id: string;
  segment: Segment;
  demandClass: DemandClass;
  taxExempt: boolean;
  paymentTermsDays: number;
  shipTo: ShipTo;
  homeWarehouse: number;
};
export type SeedProduct = { index: number; id: string; listPrice: number; qty: readonly [number, number] };

/** What order generation needs from the master data; loaded from the database so appending works too. */
export type OrderSeedContext = {
  customers: WeightedTable<SeedCustomer>;
  products: WeightedTable<SeedProduct>;
  /** Warehouse ids, most preferred first. */
  warehouseIds: string[];
  /** On hand minus reserved per product (index × warehouses + warehouse), drawn down as orders reserve. */
  available: Int32Array;
  /** User ids by display name, so seeded orders know their creator ("My open orders"). */
  userIds: Map<string, string>;
};

export async function loadOrderSeedContext(db: Db): Promise<OrderSeedContext> {
  const warehouseRows = await db
    .select({ id: warehouses.id, code: warehouses.code })
    .from(warehouses)
    .where(and(isNull(warehouses.archivedAt), eq(warehouses.isActive, true)))
    .orderBy(asc(warehouses.priority), asc(warehouses.code));
  const productRows = await db
    .select({
      id: products.id,
      sku: products.sku,
      listPrice: products.listPrice,
      categoryCode: categories.code,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(isNull(products.archivedAt))
    .orderBy(asc(products.sku));
  const customerRows = await db
    .select({
      id: customers.id,
      segment: customers.segment,
      demandClass: customers.demandClass,
      taxExempt: customers.taxExempt,
      paymentTermsDays: customers.paymentTermsDays,
      line1: customerAddresses.line1,
      city: customerAddresses.city,
      region: customerAddresses.region,
      postalCode: customerAddresses.postalCode,
      country: customerAddresses.country,
    })
    .from(customers)
    .innerJoin(customerAddresses, and(eq(customerAddresses.customerId, customers.id), eq(customerAddresses.kind, "shipping")))
    .where(isNull(customers.archivedAt))
    .orderBy(asc(customers.code));
  if (warehouseRows.length === 0 || productRows.length === 0 || customerRows.length === 0) {
    throw new Error("Seeding orders needs warehouses, products and customers");
  }

  const warehouseIndex = new Map(warehouseRows.map((w, i) => [w.id, i]));
  const qtyByCategory = new Map(CATEGORY_SPECS.map((spec) => [spec.code, spec.qty]));
  const productIndex = new Map(productRows.map((p, index) => [p.id, index]));
  const productEntries = productRows.map((p, index): [SeedProduct, number] => {
    const product = {
      index,
      id: p.id,
      listPrice: p.listPrice,
      // Categories added by users have no typical quantity: assume small ones.
      qty: qtyByCategory.get(p.categoryCode) ?? ([1, 10] as const),
    };
    return [product, productPopularity(p.sku)];
  });
  const customerEntries = customerRows.map((c): [SeedCustomer, number] => {
    const home = warehouseRows.findIndex((w) => w.code === homeWarehouseCode(c.region));
    const shipTo = { line1: c.line1, city: c.city, region: c.region, postalCode: c.postalCode, country: c.country };
    const customer = {
      id: c.id,
      segment: c.segment,
      demandClass: c.demandClass,
      taxExempt: c.taxExempt,
      paymentTermsDays: c.paymentTermsDays,
      shipTo,
      homeWarehouse: Math.max(home, 0),
    };
    return [customer, ORDER_FREQUENCY_BY_CLASS[c.demandClass]];
  });

  const available = new Int32Array(productRows.length * warehouseRows.length);
  const stock = await db
    .select({
      productId: stockLevels.productId,
      warehouseId: stockLevels.warehouseId,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
    })
    .from(stockLevels);
  for (const level of stock) {
    const p = productIndex.get(level.productId);
    const w = warehouseIndex.get(level.warehouseId);
    if (p !== undefined && w !== undefined) available[p * warehouseRows.length + w] = level.onHand - level.reserved;
  }

  const userRows = await db.select({ id: users.id, name: users.name }).from(users);

  return {
    userIds: new Map(userRows.map((u) => [u.name, u.id])),
    customers: new WeightedTable(customerEntries),
    products: new WeightedTable(productEntries),
    warehouseIds: warehouseRows.map((w) => w.id),
    available,
  };
}
