import { z } from "zod";
import { ZIsoDate } from "~/lib/iso-date";
import { ROLES } from "../auth/roles";
import { ZSku } from "../catalog/schemas";
import { CHANNELS } from "../orders/constants";
import { referenceCodeField } from "../settings/schemas";
import { DISCOUNT_SCOPES, TIER_BASES } from "./constants";

const ZCurrency = z.string().regex(/^[A-Z]{3}$/, "Currency must be an ISO 4217 code, e.g. USD");
const ZCode = z
  .string()
  .trim()
  .min(1, "Code is required")
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Code may contain letters, digits, '.', '_' and '-'");
/** Quantities in rules (tiers, buy X get Y): an order-wide quantity never comes near a billion. */
const MAX_QUANTITY = 1_000_000_000;
const QUANTITY_TOO_BIG = "Quantity is at most 1,000,000,000";
/** Stored in basis points: below 0.01 % it would round to none (the table refuses 0). */
const ZPercent = z.number().min(0.01, "Percent off is at least 0.01").max(100, "Percent off is at most 100");

const validity = { validFrom: ZIsoDate.nullish(), validTo: ZIsoDate.nullish() };
const datesInOrder: [(v: { validFrom?: string | null; validTo?: string | null }) => boolean, { message: string; path: string[] }] = [
  (v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo,
  { message: "Must be on or after Valid from", path: ["validTo"] },
];

export const ZPriceListItemInput = z
  .object({
    sku: ZSku.optional(),
    /** Category name or code. */
    category: z.string().trim().min(1).max(100).optional(),
    minQuantity: z.number().int().min(1, "Tiers start at a quantity of 1 or more").max(MAX_QUANTITY, QUANTITY_TOO_BIG).default(1),
    unitPrice: z.number().int("Unit price is in minor units (cents)").min(0),
  })
  .refine((i) => !!i.sku !== !!i.category, { message: "Give either a SKU or a category", path: ["sku"] });

export const ZPriceListInput = z
  .object({
  ...validity,
  code: ZCode,
  name: z.string().trim().min(1, "Name is required").max(120),
  currency: ZCurrency.default("USD"),
  segment: referenceCodeField("segment").nullish(),
  /** Customer code. */
  customer: z.string().trim().min(1).max(40).nullish(),
  priority: z.number().int().min(-1000).max(1000).default(0),
  tierBasis: z.enum(TIER_BASES).default("line"),
  items: z.array(ZPriceListItemInput).max(5000).default([]),
  })
  .refine(...datesInOrder)
  .refine((l) => !(l.segment && l.customer), { message: "A price list is for a customer or a segment, not both", path: ["customer"] });
export type TPriceListInput = z.infer<typeof ZPriceListInput>;

export const ZPriceList = z.object({
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  segment: z.string().nullable(),
  customer: z.string().nullable(),
  customerName: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  priority: z.number().int(),
  tierBasis: z.enum(TIER_BASES),
  items: z.array(
    z.object({ sku: z.string().nullable(), productName: z.string().nullable(), category: z.string().nullable(), minQuantity: z.number().int(), unitPrice: z.number().int() }),
  ),
  version: z.number().int(),
  isArchived: z.boolean(),
  updatedAt: z.string(),
});
export type TPriceList = z.infer<typeof ZPriceList>;

export const ZDiscountRuleInput = z
  .object({
  ...validity,
  code: ZCode,
  name: z.string().trim().min(1, "Name is required").max(120),
  scope: z.enum(DISCOUNT_SCOPES).default("line"),
  percentOff: ZPercent.optional(),
  amountOff: z.number().int("Amount off is in minor units (cents)").positive().optional(),
  /** The currency of amountOff and conditions.minOrderAmount (such a rule prices only orders in it). */
  currency: ZCurrency.default("USD"),
  buyQuantity: z.number().int().positive().max(MAX_QUANTITY, QUANTITY_TOO_BIG).optional(),
  getQuantity: z.number().int().positive().max(MAX_QUANTITY, QUANTITY_TOO_BIG).optional(),
  conditions: z
    .object({
      segment: referenceCodeField("segment").nullish(),
      /** Customer code. */
      customer: z.string().trim().min(1).max(40).nullish(),
      sku: ZSku.nullish(),
      /** Category name or code. */
      category: z.string().trim().min(1).max(100).nullish(),
      minQuantity: z.number().int().positive().max(MAX_QUANTITY, QUANTITY_TOO_BIG).nullish(),
      minOrderAmount: z.number().int().positive().nullish(),
      channel: z.enum(CHANNELS).nullish(),
    })
    .default({}),
  priority: z.number().int().min(-1000).max(1000).default(0),
  stackable: z.boolean().default(false),
  })
  .refine(...datesInOrder)
  .refine((r) => [r.percentOff, r.amountOff, r.buyQuantity].filter((v) => v !== undefined).length === 1, {
    message: "Give exactly one of percentOff, amountOff, or buyQuantity with getQuantity",
    path: ["percentOff"],
  })
  .refine((r) => (r.buyQuantity === undefined) === (r.getQuantity === undefined), { message: "Buy X get Y needs both quantities", path: ["getQuantity"] })
  .refine((r) => r.scope === "line" || r.buyQuantity === undefined, { message: "Buy X get Y applies to lines", path: ["scope"] });
export type TDiscountRuleInput = z.infer<typeof ZDiscountRuleInput>;

export const ZDiscountRule = z.object({
  code: z.string(),
  name: z.string(),
  scope: z.enum(DISCOUNT_SCOPES),
  percentOff: z.number().nullable(),
  amountOff: z.number().int().nullable(),
  currency: z.string(),
  buyQuantity: z.number().int().nullable(),
  getQuantity: z.number().int().nullable(),
  conditions: z.object({
    segment: z.string().nullable(),
    customer: z.string().nullable(),
    sku: z.string().nullable(),
    category: z.string().nullable(),
    minQuantity: z.number().int().nullable(),
    minOrderAmount: z.number().int().nullable(),
    channel: z.enum(CHANNELS).nullable(),
  }),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  priority: z.number().int(),
  stackable: z.boolean(),
  /** The rule as a sentence: "10% off category Fasteners for segment wholesale when quantity ≥ 100, Jan 1 – Mar 31". */
  summary: z.string(),
  /** Configuration conflicts with other rules (same priority and specificity, both exclusive, overlapping). */
  warnings: z.array(z.string()),
  version: z.number().int(),
  isArchived: z.boolean(),
  updatedAt: z.string(),
});
export type TDiscountRule = z.infer<typeof ZDiscountRule>;

export const ZTaxRateInput = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Country must be a two-letter ISO code, e.g. US"),
  region: z.string().trim().max(100).default(""),
  taxCategory: referenceCodeField("tax category"),
  ratePercent: z.number().min(0).max(100),
});
export const ZTaxRate = ZTaxRateInput.extend({ id: z.string(), version: z.number().int(), updatedAt: z.string() });

export const ZOverrideLimit = z.object({ role: z.enum(ROLES), maxBelowPercent: z.number().min(0).max(100) });

export const ZSimulateInput = z.object({
  customer: z.string().trim().min(1, "Choose a customer"),
  channel: z.enum(CHANNELS).default("phone"),
  date: ZIsoDate.optional(),
  lines: z
    .array(
      z.object({
        sku: ZSku,
        quantity: z.number().int().positive("Quantity must be more than 0"),
        unitPrice: z.number().int().min(0).optional(),
        overrideReason: z.string().trim().max(200).optional(),
      }),
    )
    .min(1, "Add at least one line")
    .max(500),
});
