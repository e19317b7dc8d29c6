import { z } from "zod";
import { ZPageInput } from "../db/pagination";
import { DEMAND_CLASSES, SEGMENTS } from "./constants";

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
  segment: z.enum(SEGMENTS),
  demandClass: z.enum(DEMAND_CLASSES).default("B"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "Currency must be an ISO 4217 code, e.g. USD")
    .default("USD"),
  creditLimit: z.number().int("Credit limit is in minor units (cents)").min(0).default(0),
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
  taxExempt: z.boolean().default(false),
  /** Prepaid: invoiced when the order is submitted instead of when it ships. */
  invoiceOnOrder: z.boolean().optional(),
  /** Freight terms "prepay and add": shipments' freight is billed on their invoices. */
  billFreight: z.boolean().optional(),
  email: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
  billingAddress: ZAddress,
  shippingAddress: ZAddress.optional(),
});
export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;

export const ZCustomer = z.object({
  code: z.string(),
  name: z.string(),
  segment: z.enum(SEGMENTS),
  demandClass: z.enum(DEMAND_CLASSES),
  currency: z.string(),
  creditLimit: z.number().int(),
  paymentTermsDays: z.number().int(),
  taxExempt: z.boolean(),
  invoiceOnOrder: z.boolean(),
  billFreight: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  billingAddress: ZAddress.nullable(),
  shippingAddress: ZAddress.nullable(),
  isArchived: z.boolean(),
  createdAt: z.string(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZListCustomersInput = ZPageInput.extend({
  search: z.string().trim().max(100).optional(),
  segment: z.enum(SEGMENTS).optional(),
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
