import { asc, eq } from "drizzle-orm";
import type { Actor } from "~/server/auth/actor";
import { categories, products } from "~/server/catalog/schema";
import type { Db } from "~/server/db/client";
import { assignVendorProducts } from "~/server/purchasing/assign-vendor-products";
import { createVendor } from "~/server/purchasing/create-vendor";
import type { Random } from "./random";

/** The usual vendors of the demo distributor, each supplying a few of the catalog's categories. */
export const VENDOR_SPECS = [
  { code: "MFS", name: "Midwest Fastener Supply", contact: "Dale Kowalski", leadTimeDays: 7, categories: ["BLT", "NUT", "ANC"] },
  { code: "KPF", name: "Keystone Plumbing & Fluid Power", contact: "Angela Ruiz", leadTimeDays: 14, categories: ["FIT", "HYD", "VAL", "PLB", "PNE"] },
  { code: "RTC", name: "Ridgeline Tool Company", contact: "Marcus Bell", leadTimeDays: 21, categories: ["HTL", "PWT", "PTA", "ABR", "SAW", "MSR"] },
  { code: "SSP", name: "Sentinel Safety Products", contact: "Priya Natarajan", leadTimeDays: 10, categories: ["GLV", "EYE", "RSP", "FAL", "HIV", "FAK"] },
  { code: "TSC", name: "Tri-State Chemical & Janitorial", contact: "Gary Olsen", leadTimeDays: 5, categories: ["ADH", "TAP", "LUB", "CHM", "JAN", "PAK"] },
  { code: "GLE", name: "Great Lakes Electric Supply", contact: "Tanya Brooks", leadTimeDays: 12, categories: ["WIR", "CND", "ELC", "LGT", "BAT"] },
  { code: "PTP", name: "Power Transmission Partners", contact: "Luis Ortega", leadTimeDays: 30, categories: ["MOT", "BRG", "PTR", "WLD"] },
  { code: "AMH", name: "Atlas Material Handling", contact: "Karen Whitfield", leadTimeDays: 25, categories: ["MHD", "SHL", "HVC", "PNT", "GRD", "LAD"] },
] as const;
export type VendorCode = (typeof VENDOR_SPECS)[number]["code"];

/** SKUs per assignVendorProducts call (its input takes at most 500). */
const SKUS_PER_ASSIGNMENT = 500;

/**
 * The vendors (through purchasing's createVendor, so each has its "created" history) and every
 * product's usual vendor: the one for its category, about half with the vendor's own part number,
 * assigned through purchasing's assignVendorProducts (one call per vendor, each audited).
 */
export async function seedVendors(db: Db, actor: Actor, random: Random): Promise<{ vendors: number }> {
  for (const spec of VENDOR_SPECS) {
    const domain = spec.name.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "").slice(0, 24);
    await createVendor({
      db,
      actor,
      input: {
        code: spec.code,
        name: spec.name,
        contactName: spec.contact,
        email: `orders@${domain}.com`,
        phone: random.faker.phone.number({ style: "national" }),
        leadTimeDays: spec.leadTimeDays,
      },
    });
  }

  const vendorOfCategory = new Map<string, VendorCode>(VENDOR_SPECS.flatMap((spec) => spec.categories.map((c) => [c, spec.code] as const)));
  const catalog = await db
    .select({ id: products.id, sku: products.sku, category: categories.code })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .orderBy(asc(products.sku));
  const skusOf = new Map<VendorCode, { sku: string; vendorSku: string | null }[]>(VENDOR_SPECS.map((spec) => [spec.code, []]));
  for (const product of catalog) {
    const code = vendorOfCategory.get(product.category) ?? random.pick(VENDOR_SPECS).code;
    skusOf.get(code)!.push({ sku: product.sku, vendorSku: random.chance(0.5) ? `${code}-${product.sku.replace(/-/g, "")}` : null });
  }
  for (const [code, skus] of skusOf) {
    for (let i = 0; i < skus.length; i += SKUS_PER_ASSIGNMENT) {
      await assignVendorProducts({ db, actor, input: { code, skus: skus.slice(i, i + SKUS_PER_ASSIGNMENT) } });
    }
  }
  return { vendors: VENDOR_SPECS.length };
}
