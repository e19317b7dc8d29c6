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

export const ZCreateProductInput = z
  .object({
    sku: ZSku,
    name: z.string().trim().min(1, "Name is required").max(300),
    category: z.string().trim().min(1, "Category is required").max(100),
    /** A code of an active unit, or one of its aliases (EA, KGM): stored as the unit's code. */
    unit: referenceCodeField("unit").default("each"),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "Currency must be an ISO 4217 code, e.g. USD")
      .default("USD"),
    listPrice: z.number().int("List price is in minor units (cents)").min(0).max(MAX_UNIT_PRICE, "List price is at most 1,000,000,000 minor units"),
    cost: z.number().int("Cost is in minor units (cents)").min(0).max(MAX_UNIT_PRICE, "Cost is at most 1,000,000,000 minor units"),
    weightGrams: z.number().int("Weight is in whole grams").min(0).max(10_000_000, "Weight is at most 10,000,000 g").default(0),
    taxCategory: referenceCodeField("tax category").default("standard"),
    leadTimeDays: z.number().int().min(0).max(365).default(14),
    /** Sold in multiples of this; other quantities are checked with the customer. */
    packSize: z.number().int("Pack size is a whole number").min(1, "Pack size is at least 1").max(10_000).optional(),
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
});
export type TProduct = z.infer<typeof ZProduct>;

export const ZListProductsInput = ZPageInput.extend({
  search: z.string().trim().max(100).optional(),
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
