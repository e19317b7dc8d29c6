import { z } from "zod";
import { ZPageInput } from "../db/pagination";
import { referenceCodeField } from "../settings/schemas";

export const ZSku = z
  .string()
  .trim()
  .min(1, "SKU is required")
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "SKU may contain letters, digits, '.', '_', '/' and '-'");

/** A unit's price or cost, in minor units: what a purchase order line takes too ($10,000,000.00). */
const MAX_UNIT_PRICE = 1_000_000_000;

/** What a product is, as the API takes it (no defaults: a new product's are below, an edit's are "as it was"). */
const PRODUCT_FIELDS = {
  name: z.string().trim().min(1, "Name is required").max(300),
  category: z.string().trim().min(1, "Category is required").max(100),
  /** A code of an active unit, or one of its aliases (EA, KGM): stored as the unit's code. */
  unit: referenceCodeField("unit"),
  listPrice: z.number().int("List price is in minor units (cents)").min(0, "List price cannot be negative").max(MAX_UNIT_PRICE, "List price is at most 1,000,000,000 minor units"),
  cost: z.number().int("Cost is in minor units (cents)").min(0, "Cost cannot be negative").max(MAX_UNIT_PRICE, "Cost is at most 1,000,000,000 minor units"),
  weightGrams: z.number().int("Weight is in whole grams").min(0).max(10_000_000, "Weight is at most 10,000,000 g"),
  taxCategory: referenceCodeField("tax category"),
  leadTimeDays: z.number().int("Lead time is in whole days").min(0).max(365),
  /** Sold in multiples of this; other quantities are checked with the customer. */
  packSize: z.number().int("Pack size is a whole number").min(1, "Pack size is at least 1").max(10_000),
};

export const ZCreateProductInput = z
  .object({
    ...PRODUCT_FIELDS,
    sku: ZSku,
    unit: PRODUCT_FIELDS.unit.default("each"),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "Currency must be an ISO 4217 code, e.g. USD")
      .default("USD"),
    weightGrams: PRODUCT_FIELDS.weightGrams.default(0),
    taxCategory: PRODUCT_FIELDS.taxCategory.default("standard"),
    leadTimeDays: PRODUCT_FIELDS.leadTimeDays.default(14),
    packSize: PRODUCT_FIELDS.packSize.optional(),
  })
  .strict();
export type TCreateProductInput = z.infer<typeof ZCreateProductInput>;

export const ZProduct = z.object({
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  currency: z.string(),
  listPrice: z.number().int(),
  cost: z.number().int(),
  weightGrams: z.number().int(),
  taxCategory: z.string(),
  leadTimeDays: z.number().int(),
  packSize: z.number().int(),
  isArchived: z.boolean(),
  /** Optimistic locking: send it back with an edit (PATCH /products/{sku}); a stale one is 409 STALE_VERSION. */
  version: z.number().int(),
});
export type TProduct = z.infer<typeof ZProduct>;

/**
 * An edit of a product: fields left out stay as they are. The SKU and currency are not edited (documents name the
 * SKU; prices are in the currency). New orders are priced from the new list price; orders already entered keep theirs.
 */
export const ZUpdateProductInput = z
  .object(PRODUCT_FIELDS)
  .partial()
  .extend({ sku: ZSku, version: z.number().int().min(1).optional() })
  .strict();
export type TUpdateProductInput = z.infer<typeof ZUpdateProductInput>;

export const ZSetProductArchivedInput = z.object({ sku: ZSku, archived: z.boolean() });
export type TSetProductArchivedInput = z.infer<typeof ZSetProductArchivedInput>;

export const ZListProductsInput = ZPageInput.extend({
  search: z.string().trim().max(100).optional(),
  /** Active products (the default) or the archived ones. */
  status: z.enum(["active", "archived"]).default("active"),
  category: z.string().trim().max(100).optional(),
});
export type TListProductsInput = z.infer<typeof ZListProductsInput>;

export const ZProductKey = z.object({ sku: ZSku });

/** Categories are a short list: one page of at most `limit`, best matches first. */
export const ZListCategoriesInput = z.object({
  search: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TListCategoriesInput = z.infer<typeof ZListCategoriesInput>;

export const ZCategory = z.object({ code: z.string(), name: z.string(), products: z.number().int() });
export type TCategory = z.infer<typeof ZCategory>;
