import { z } from "zod";
import { ZPageInput } from "../db/pagination";
import { referenceCodeField } from "../settings/schemas";
import { ALL_REGIONS, US_REGIONS } from "~/lib/tax-exemptions";
import { ZIsoDate } from "~/lib/iso-date";
import { DEMAND_CLASSES } from "./constants";

export const ZAddress = z.object({
  line1: z.string().trim().min(1, "Street address is required").max(200),
  city: z.string().trim().min(1, "City is required").max(100),
  region: z.string().trim().max(100).default(""),
  postalCode: z.string().trim().min(1, "Postal code is required").max(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Country must be a two-letter ISO code, e.g. US"),
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZCustomerCode = z
  .string()
  .trim()
  .min(1, "Code is required")
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Code may contain letters, digits, '.', '_' and '-'");

export const ZCreateCustomerInput = z.object({
  code: ZCustomerCode,
  name: z.string().trim().min(1, "Name is required").max(200),
  /** A code of an active segment (Admin → Settings). */
  segment: referenceCodeField("segment"),
  demandClass: z.enum(DEMAND_CLASSES).default("B"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "Currency must be an ISO 4217 code, e.g. USD")
    .default("USD"),
  creditLimit: z.number().int("Credit limit is in minor units (cents)").min(0).default(0),
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
  /**
   * Kept for existing clients: true records a country-wide certificate numbered ON-FILE, without expiry, for
   * finance to replace with the real one (Add certificate). Certificates are the source of truth.
   */
  taxExempt: z.boolean().default(false),
  /** Prepaid: invoiced when the order is submitted instead of when it ships. */
  invoiceOnOrder: z.boolean().optional(),
  /** Freight terms "prepay and add": shipments' freight is billed on their invoices. */
  billFreight: z.boolean().optional(),
  email: z.email().nullish(),
  /** Where invoices and payment reminders go (accounts payable); unset: the main e-mail. */
  billingEmail: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
  billingAddress: ZAddress,
  shippingAddress: ZAddress.optional(),
});
export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;

export const ZTaxExemption = z.object({
  id: z.string(),
  certificateNumber: z.string(),
  country: z.string(),
  /** A state code, or "ALL" for every region of the country. */
  region: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  /** On today's date (company time zone): valid, expiring (within 30 days), expired, or not yet valid. */
  status: z.enum(["valid", "expiring", "expired", "not_yet_valid"]),
  /** Days until it expires (0: expires today), or since it expired; null without an expiry date. */
  days: z.number().int().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type TTaxExemption = z.infer<typeof ZTaxExemption>;

export const ZCustomer = z.object({
  code: z.string(),
  name: z.string(),
  segment: z.string(),
  demandClass: z.enum(DEMAND_CLASSES),
  currency: z.string(),
  creditLimit: z.number().int(),
  paymentTermsDays: z.number().int(),
  /** Holds an exemption certificate valid today (for some region: see taxExemptions). */
  taxExempt: z.boolean(),
  taxExemptions: z.array(ZTaxExemption),
  invoiceOnOrder: z.boolean(),
  billFreight: z.boolean(),
  email: z.string().nullable(),
  /** Invoices and payment reminders go here; null: to `email`. */
  billingEmail: z.string().nullable(),
  phone: z.string().nullable(),
  billingAddress: ZAddress.nullable(),
  shippingAddress: ZAddress.nullable(),
  isArchived: z.boolean(),
  createdAt: z.string(),
  /** Optimistic locking: send it back with an edit (PATCH /customers/{code}); a stale one is 409 STALE_VERSION. */
  version: z.number().int(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZListCustomersInput = ZPageInput.extend({
  search: z.string().trim().max(100).optional(),
  /** Active customers (the default) or the archived ones. */
  status: z.enum(["active", "archived"]).default("active"),
  segment: z.string().trim().max(40).optional(),
});
export type TListCustomersInput = z.infer<typeof ZListCustomersInput>;

export const ZCustomerKey = z.object({ code: ZCustomerCode });

export const ZSetBillingTermsInput = z.object({
  code: ZCustomerCode,
  paymentTermsDays: z.number().int("Whole days").min(0, "Terms cannot be negative").max(365).optional(),
  invoiceOnOrder: z.boolean().optional(),
  billFreight: z.boolean().optional(),
});
export type TSetBillingTermsInput = z.infer<typeof ZSetBillingTermsInput>;

const ZCertificateNumber = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "Certificate number is required")
  .max(60)
  .regex(/^[A-Z0-9][A-Z0-9 ./-]*$/, "Use letters, digits, spaces, '.', '/' and '-'");

/**
 * An edit of a customer's account details: fields left out stay as they are; `null` clears an optional one (an
 * e-mail, the phone). The code, currency and billing terms are not edited here (terms: ZSetBillingTermsInput).
 */
export const ZUpdateCustomerInput = z.object({
  code: ZCustomerCode,
  /** The version the edit was based on; left out, the edit applies to whatever is current. */
  version: z.number().int().min(1).optional(),
  name: z.string().trim().min(1, "Name is required").max(200).optional(),
  segment: referenceCodeField("segment").optional(),
  demandClass: z.enum(DEMAND_CLASSES).optional(),
  email: z.email().nullish(),
  billingEmail: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
  billingAddress: ZAddress.optional(),
  shippingAddress: ZAddress.optional(),
});
export type TUpdateCustomerInput = z.infer<typeof ZUpdateCustomerInput>;

export const ZSetCreditLimitInput = z.object({
  code: ZCustomerCode,
  creditLimit: z.number().int("Credit limit is in minor units (cents)").min(0, "Credit limit cannot be negative"),
  /** Why: kept in the audit trail with the old and new limit. */
  reason: z.string().trim().min(1, "Say why the limit changes").max(500),
});
export type TSetCreditLimitInput = z.infer<typeof ZSetCreditLimitInput>;

export const ZSetCustomerArchivedInput = z.object({ code: ZCustomerCode, archived: z.boolean() });
export type TSetCustomerArchivedInput = z.infer<typeof ZSetCustomerArchivedInput>;

export const ZAddTaxExemptionInput = z
  .object({
    code: ZCustomerCode,
    certificateNumber: ZCertificateNumber,
    /** Only US certificates for now: the regions are US states. */
    country: z.literal("US", "Only US certificates are supported").default("US"),
    region: z
      .string()
      .trim()
      .toUpperCase()
      .refine((r) => r === ALL_REGIONS || (US_REGIONS as readonly string[]).includes(r), "Use a US state code (e.g. NJ) or ALL for every state"),
    issuedOn: ZIsoDate,
    expiresOn: ZIsoDate.nullish(),
  })
  .refine((i) => !i.expiresOn || i.expiresOn >= i.issuedOn, { path: ["expiresOn"], message: "The expiry date cannot be before the issue date" });
export type TAddTaxExemptionInput = z.infer<typeof ZAddTaxExemptionInput>;

export const ZRemoveTaxExemptionInput = z.object({ code: ZCustomerCode, id: z.uuid("Not a certificate id") });
export type TRemoveTaxExemptionInput = z.infer<typeof ZRemoveTaxExemptionInput>;
