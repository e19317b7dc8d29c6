import { z } from "zod";
import { ZIsoDate } from "~/lib/iso-date";
import { ZSku } from "../catalog";
import { ZPageInput } from "../db/pagination";
import { SHIPMENT_STATUSES } from "./constants";

const ZWarehouseCode = z.string().trim().min(1, "Choose a warehouse").max(20);
const ZUnits = z.number().int("Quantities are whole units").positive("Must be more than 0").max(1_000_000);
/** A shipment by its number (SH-700123) or id. */
const ZShipmentKey = z.string().trim().min(1).max(60);

export const ZShipmentRef = z.object({ id: ZShipmentKey });

export const ZPlanShipmentsInput = z.object({
  number: z.string().trim().min(1).max(40),
  /** The warehouse to ship from; without it, one shipment per warehouse that holds reserved units. */
  warehouse: ZWarehouseCode.optional(),
  /** What to ship; without it, everything reserved there that is not on a shipment yet. */
  lines: z.array(z.object({ sku: ZSku, quantity: ZUnits })).min(1).max(500).optional(),
});
export type TPlanShipmentsInput = z.infer<typeof ZPlanShipmentsInput>;

export const ZCreatePickListInput = z.object({
  warehouse: ZWarehouseCode,
  shipments: z.array(ZShipmentKey).min(1, "Choose at least one planned shipment").max(200),
});
export type TCreatePickListInput = z.infer<typeof ZCreatePickListInput>;

export const ZPickShipmentInput = ZShipmentRef.extend({
  /** What was found per SKU; fewer than planned is a short pick. Lines left out were picked in full. */
  lines: z.array(z.object({ sku: ZSku, picked: z.number().int("Picked is a whole number").min(0, "Picked cannot be negative") })).max(500).default([]),
  version: z.number().int().positive().optional(),
});
export type TPickShipmentInput = z.infer<typeof ZPickShipmentInput>;

const ZPackage = z.object({
  weightGrams: z.number().int("Weight is in whole grams").positive("Weight must be more than 0").max(10_000_000),
  lengthMm: z.number().int().positive().max(100_000).optional(),
  widthMm: z.number().int().positive().max(100_000).optional(),
  heightMm: z.number().int().positive().max(100_000).optional(),
  /** What is in it; without it (one package), everything picked. */
  items: z.array(z.object({ sku: ZSku, quantity: ZUnits })).max(500).optional(),
});
export type TPackage = z.infer<typeof ZPackage>;

export const ZPackShipmentInput = ZShipmentRef.extend({
  packages: z.array(ZPackage).min(1, "Add at least one package").max(100),
  version: z.number().int().positive().optional(),
});
export type TPackShipmentInput = z.infer<typeof ZPackShipmentInput>;

export const ZShipShipmentInput = ZShipmentRef.extend({
  carrier: z.string().trim().min(1, "Choose a carrier").max(20),
  service: z.string().trim().max(60).optional(),
  trackingNumber: z.string().trim().min(1, "Enter the tracking number").max(60),
  /** What the carrier charges, in minor units of the order's currency. */
  freightCost: z.number().int("Freight is in minor units (cents)").min(0).max(100_000_000).optional(),
  /** Packages, when the shipment was not packed before. */
  packages: z.array(ZPackage).min(1).max(100).optional(),
});
export type TShipShipmentInput = z.infer<typeof ZShipShipmentInput>;

export const ZDeliverShipmentInput = ZShipmentRef.extend({
  outcome: z.enum(["delivered", "failed"]).default("delivered"),
  /** The day it arrived (defaults to today). */
  deliveredOn: ZIsoDate.optional(),
  /** Why it failed (required for a failed delivery). */
  reason: z.string().trim().max(500).optional(),
}).refine((d) => d.outcome !== "failed" || !!d.reason, { message: "Say why the delivery failed", path: ["reason"] });
export type TDeliverShipmentInput = z.infer<typeof ZDeliverShipmentInput>;

export const ZCancelShipmentInput = ZShipmentRef.extend({
  reason: z.string().trim().min(1, "Say why the shipment is canceled").max(500),
});
export type TCancelShipmentInput = z.infer<typeof ZCancelShipmentInput>;

export const ZListShipmentsInput = ZPageInput.extend({
  cursor: z.string().max(500).nullish(),
  order: z.string().trim().max(40).optional(),
  warehouse: ZWarehouseCode.optional(),
  status: z.enum(SHIPMENT_STATUSES).optional(),
  pickList: z.string().trim().max(40).optional(),
});
export type TListShipmentsInput = z.infer<typeof ZListShipmentsInput>;

export const ZShipmentLine = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  sku: z.string(),
  productName: z.string(),
  bin: z.string().nullable(),
  quantity: z.number().int(),
  /** Null until the picker confirms the line. */
  picked: z.number().int().nullable(),
});

export const ZShipmentPackage = z.object({
  packageNo: z.number().int(),
  weightGrams: z.number().int(),
  lengthMm: z.number().int().nullable(),
  widthMm: z.number().int().nullable(),
  heightMm: z.number().int().nullable(),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
});

export const ZShipment = z.object({
  id: z.string(),
  number: z.string(),
  order: z.string(),
  customer: z.string(),
  customerName: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  warehouse: z.string(),
  pickList: z.string().nullable(),
  carrier: z.object({ code: z.string(), name: z.string() }).nullable(),
  service: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  freightCost: z.number().int().nullable(),
  currency: z.string(),
  units: z.number().int(),
  lines: z.array(ZShipmentLine),
  packages: z.array(ZShipmentPackage),
  plannedBy: z.string(),
  createdAt: z.string(),
  pickedAt: z.string().nullable(),
  packedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  shippedBy: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  failureReason: z.string().nullable(),
  canceledAt: z.string().nullable(),
  canceledReason: z.string().nullable(),
  version: z.number().int(),
});
export type TShipment = z.infer<typeof ZShipment>;

export const ZPickList = z.object({
  id: z.string(),
  number: z.string(),
  warehouse: z.string(),
  warehouseName: z.string(),
  status: z.enum(["open", "completed"]),
  createdBy: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  shipments: z.array(z.object({ number: z.string(), order: z.string(), customerName: z.string(), status: z.enum(SHIPMENT_STATUSES) })),
  /** What to take from each bin, in walking order: one row per SKU, with the shipments it goes to. */
  picks: z.array(
    z.object({
      bin: z.string().nullable(),
      sku: z.string(),
      productName: z.string(),
      quantity: z.number().int(),
      picked: z.number().int().nullable(),
      shipments: z.array(z.object({ number: z.string(), order: z.string(), quantity: z.number().int(), picked: z.number().int().nullable() })),
    }),
  ),
});
export type TPickList = z.infer<typeof ZPickList>;

export const ZCarrier = z.object({ code: z.string(), name: z.string(), trackingUrlTemplate: z.string(), isActive: z.boolean() });
export type TCarrier = z.infer<typeof ZCarrier>;

export const ZUpdateCarrierInput = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1, "Name is required").max(60).optional(),
  trackingUrlTemplate: z
    .string()
    .trim()
    .max(500)
    .refine((t) => /^https:\/\/[^\s]+$/.test(t), "Use an https:// address")
    .refine((t) => t.includes("{tracking}"), "Put {tracking} where the tracking number goes")
    .optional(),
  isActive: z.boolean().optional(),
});
export type TUpdateCarrierInput = z.infer<typeof ZUpdateCarrierInput>;

export const ZFulfillmentDeskInput = z.object({ warehouse: ZWarehouseCode });
