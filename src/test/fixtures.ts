import type { Actor } from "~/server/auth/actor";
import { createProduct } from "~/server/catalog/create-product";
import { createCustomer } from "~/server/customers/create-customer";
import type { Db } from "~/server/db";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { createWarehouse } from "~/server/inventory/warehouses";

export const actors = {
  rep: { kind: "user", id: "00000000-0000-0000-0000-00000000000a", name: "Riley Rep", role: "rep" },
  manager: { kind: "user", id: "00000000-0000-0000-0000-00000000000b", name: "Morgan Manager", role: "manager" },
  admin: { kind: "user", id: "00000000-0000-0000-0000-00000000000c", name: "Ada Admin", role: "admin" },
  warehouse: { kind: "user", id: "00000000-0000-0000-0000-00000000000d", name: "Wes Warehouse", role: "warehouse" },
  finance: { kind: "user", id: "00000000-0000-0000-0000-00000000000e", name: "Fran Finance", role: "finance" },
} satisfies Record<string, Actor>;

export const address = { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };

/** A small catalog and two customers, created through the domain's own use cases. */
export async function seedOrderFixtures(db: Db) {
  for (const [sku, listPrice] of [["BOLT-M8", 1999], ["NUT-M8", 250], ["WASHER-M8", 99]] as const) {
    await createProduct({ db, actor: actors.admin, input: { sku, name: `${sku} part`, category: "Fasteners", unit: "box", currency: "USD", listPrice, cost: Math.round(listPrice / 2), weightGrams: 100, taxCategory: "standard", leadTimeDays: 14 } });
  }
  await createCustomer({
    db,
    actor: actors.admin,
    input: { code: "ACME", name: "Acme Industrial", segment: "industrial", demandClass: "A", currency: "USD", creditLimit: 1_000_000, paymentTermsDays: 30, taxExempt: false, billingAddress: address },
  });
  await createCustomer({
    db,
    actor: actors.admin,
    input: { code: "TIGHT", name: "Tight Budget LLC", segment: "retail", demandClass: "C", currency: "USD", creditLimit: 5_000, paymentTermsDays: 15, taxExempt: false, billingAddress: address },
  });
}

/** A warehouse in the fixtures' region holding `quantity` of each SKU, so orders reserve in full. */
export async function stockFixtures(db: Db, options: { warehouse?: string; quantity?: number; skus?: string[] } = {}) {
  const code = options.warehouse ?? "EAST";
  await createWarehouse({ db, actor: actors.admin, input: { code, name: `${code} warehouse`, address, priority: 10 } });
  for (const sku of options.skus ?? ["BOLT-M8", "NUT-M8", "WASHER-M8"]) {
    await adjustStock({ db, actor: actors.admin, input: { sku, warehouse: code, quantity: options.quantity ?? 10_000, reason: "initial_stock" } });
  }
}
