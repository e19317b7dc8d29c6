import { z } from "zod";
import { ROLES } from "../../auth/roles";
import { CHANNELS } from "../../orders/constants";
import { referenceCodeField } from "../../settings/schemas";
import { DURATION_UNITS, STEP_KINDS } from "./policy";

export const ZPolicyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,29}$/, "Use 2–30 letters, digits, '_' or '-'");

export const ZPolicyStep = z.object({
  kind: z.enum(STEP_KINDS),
  duration: z.object({
    amount: z.number().min(0, "A duration is 0 or more").max(365 * 24, "At most a year"),
    unit: z.enum(DURATION_UNITS),
  }),
  owner: z.enum(ROLES),
});

export const ZPolicy = z.object({
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  isDefault: z.boolean(),
  isArchived: z.boolean(),
  steps: z.array(ZPolicyStep),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type TPolicy = z.infer<typeof ZPolicy>;

/** A new version of a policy's steps (and its name): based on the version the admin saw, or refused as stale. */
export const ZSavePolicyInput = z.object({
  code: ZPolicyCode,
  version: z.number().int().min(1),
  name: z.string().trim().min(1, "Name is required").max(60).optional(),
  steps: z.array(ZPolicyStep).min(1, "A policy needs at least one step").max(12),
});
export type TSavePolicyInput = z.infer<typeof ZSavePolicyInput>;

export const ZCopyPolicyInput = z.object({
  from: ZPolicyCode,
  code: ZPolicyCode,
  name: z.string().trim().min(1, "Name is required").max(60),
});
export type TCopyPolicyInput = z.infer<typeof ZCopyPolicyInput>;

export const ZPolicyRule = z.object({
  policyCode: ZPolicyCode,
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  /** Codes of customer segments (Admin → Settings). */
  segments: z.array(referenceCodeField("segment")).max(50).default([]),
  categories: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  /** Order total bounds in minor units, inclusive. */
  minTotal: z.number().int().min(0).nullable().default(null),
  maxTotal: z.number().int().min(0).nullable().default(null),
});
export type TPolicyRule = z.infer<typeof ZPolicyRule>;

export const ZSavePolicyRulesInput = z.object({ rules: z.array(ZPolicyRule).max(50) });
export type TSavePolicyRulesInput = z.infer<typeof ZSavePolicyRulesInput>;

export const ZTransitTime = z.object({
  warehouse: z.string().trim().min(1).max(20),
  /** A ship-to region (state or province code as addresses carry it), or "*" for the warehouse's default. */
  region: z.string().trim().toUpperCase().min(1).max(40),
  days: z.number().int().min(0, "0 or more business days").max(60, "At most 60 business days"),
});
export type TTransitTime = z.infer<typeof ZTransitTime>;

export const ZSaveTransitTimesInput = z.object({ times: z.array(ZTransitTime).max(2000) });
export type TSaveTransitTimesInput = z.infer<typeof ZSaveTransitTimesInput>;
