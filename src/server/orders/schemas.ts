import { z } from "zod";
import { ZIsoDate } from "~/lib/iso-date";
import { ZSku } from "../catalog";
import { ZAddress } from "../customers";
import { ZPageInput } from "../db/pagination";
import { EXCEPTION_SEVERITIES, EXCEPTION_STATUSES, EXCEPTION_TYPES } from "../exceptions/constants";
import { BILLING_STATUSES, CHANNELS, FULFILLMENT_STATUSES, ORDER_KINDS, ORDER_STATUSES } from "./constants";

const ZOrderNumber = z.string().trim().min(1).max(40);

export const ZOrderLineInput = z
  .object({
    sku: ZSku,
    quantity: z.number().int("Quantity must be a whole number").positive("Quantity must be more than 0").max(1_000_000),
    /** A manual unit price in minor units; needs overrideReason. */
    unitPrice: z.number().int("Unit price is in minor units (cents)").min(0).optional(),
    overrideReason: z.string().trim().max(200).optional(),
  })
  .refine((line) => line.unitPrice === undefined || !!line.overrideReason, {
    message: "A manual unit price needs an override reason",
    path: ["overrideReason"],
  });
export type TOrderLineInput = z.infer<typeof ZOrderLineInput>;

const orderHeaderFields = {
  channel: z.enum(CHANNELS).default("phone"),
  customerReference: z.string().trim().max(60).nullish(),
  shipTo: ZAddress.nullish(),
  billTo: ZAddress.nullish(),
  requestedDate: ZIsoDate.nullish(),
  notes: z.string().trim().max(2000).nullish(),
};

export const ZCreateOrderInput = z.object({
  /** Customer code. */
  customer: z.string().trim().min(1, "Choose a customer"),
  ...orderHeaderFields,
  lines: z.array(ZOrderLineInput).min(1, "Add at least one line").max(500),
  /** Keep it as a draft instead of submitting at once. */
  draft: z.boolean().default(false),
});
export type TCreateOrderInput = z.infer<typeof ZCreateOrderInput>;

export const ZCreateQuoteInput = ZCreateOrderInput.omit({ draft: true }).extend({
  validUntil: ZIsoDate.optional(),
});
export type TCreateQuoteInput = z.infer<typeof ZCreateQuoteInput>;

export const ZUpdateOrderInput = z.object({
  number: ZOrderNumber,
  /** The version the edit was based on: a stale one is refused with 409. */
  version: z.number().int().positive(),
  lines: z.array(ZOrderLineInput).min(1, "Add at least one line").max(500).optional(),
  ...orderHeaderFields,
  channel: z.enum(CHANNELS).optional(),
});
export type TUpdateOrderInput = z.infer<typeof ZUpdateOrderInput>;

export const ZOrderKey = z.object({ number: ZOrderNumber });
export const ZCancelOrderInput = ZOrderKey.extend({
  reason: z.string().trim().min(1, "Say why the order is canceled").max(500),
  version: z.number().int().positive().optional(),
});
export const ZReleaseHoldInput = ZOrderKey.extend({
  note: z.string().trim().max(500).optional(),
  version: z.number().int().positive().optional(),
});

/** The order list sorts; each is keyset-paginated with the order id as the tiebreak. */
export const ORDER_SORTS = ["created", "total", "number", "status", "customer"] as const;

export const ZListOrdersInput = ZPageInput.extend({
  kind: z.enum(ORDER_KINDS).default("order"),
  status: z.enum(ORDER_STATUSES).optional(),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES).optional(),
  billingStatus: z.enum(BILLING_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  /** Customer code. */
  customer: z.string().trim().max(40).optional(),
  /** Order number, customer reference (PO), customer name, SKU or product name. */
  search: z.string().trim().max(100).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  /** "me": only orders the caller created. */
  createdBy: z.literal("me").optional(),
  /** "me": assigned to the caller; "none": to nobody; or a user id. */
  assignedTo: z.union([z.enum(["me", "none"]), z.uuid("assignedTo is me, none or a user id")]).optional(),
  sort: z.enum(ORDER_SORTS).default("created"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  /** Pages back: the rows just before this cursor (a page's prevCursor). Ignored when `cursor` is given. */
  before: z.string().max(500).optional(),
});
export type TListOrdersInput = z.infer<typeof ZListOrdersInput>;

/** Up to 200 orders at once (a list page holds at most 100), each named once. */
export const ZAssignOrdersInput = z.object({
  numbers: z
    .array(ZOrderNumber)
    .min(1, "Pick at least one order")
    .max(200, "At most 200 orders at once")
    .refine((numbers) => new Set(numbers).size === numbers.length, "An order is named twice"),
  /** The user who looks after them from now on; null takes the assignment away. */
  assignee: z.uuid("assignee is a user id").nullable(),
});
export type TAssignOrdersInput = z.infer<typeof ZAssignOrdersInput>;
export const ZAssignOrdersResult = z.object({
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The orders whose assignment changed; the others already had this assignee. */
  changed: z.array(z.string()),
  unchanged: z.array(z.string()),
});

export const ZOrderSummary = z.object({
  number: z.string(),
  kind: z.enum(ORDER_KINDS),
  status: z.enum(ORDER_STATUSES),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
  billingStatus: z.enum(BILLING_STATUSES),
  channel: z.enum(CHANNELS),
  customer: z.object({ code: z.string(), name: z.string() }),
  customerReference: z.string().nullable(),
  currency: z.string(),
  total: z.number().int(),
  lineCount: z.number().int(),
  createdAt: z.string(),
  validUntil: z.string().nullable(),
  assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TOrderSummary = z.infer<typeof ZOrderSummary>;

export const ZExplanationStep = z.object({
  step: z.string(),
  description: z.string(),
  unitPrice: z.number().optional(),
  amount: z.number().optional(),
});

export const ZOrderLine = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  lineTotal: z.number().int(),
  reserved: z.number().int(),
  shipped: z.number().int(),
  invoiced: z.number().int(),
  returned: z.number().int(),
  backordered: z.number().int(),
  warehouse: z.string().nullable(),
  /** Where the reserved units sit when a line is split across warehouses (per SKU of the order). */
  allocations: z.array(z.object({ warehouse: z.string(), quantity: z.number().int() })),
  overrideReason: z.string().nullable(),
  /** The manual unit price when the line has one (`unitPrice` is the engine's; the difference is in `discount`). */
  manualPrice: z.number().int().nullable(),
  priceExplanation: z.array(ZExplanationStep),
});

export const ZOrderException = z.object({
  id: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  severity: z.enum(EXCEPTION_SEVERITIES),
  status: z.enum(EXCEPTION_STATUSES),
  team: z.string(),
  reason: z.string(),
  dueAt: z.string(),
  /** The assignee's name. */
  assignee: z.string().nullable(),
  createdAt: z.string(),
  resolution: z.string().nullable(),
});

export const ZOrderEvent = z.object({
  /** Order events are numbered; an exception's history entries (type `exception.*`) have uuids. */
  id: z.union([z.number().int(), z.string()]),
  type: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const ZOrder = z.object({
  number: z.string(),
  kind: z.enum(ORDER_KINDS),
  status: z.enum(ORDER_STATUSES),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
  billingStatus: z.enum(BILLING_STATUSES),
  /** Customer code. */
  customer: z.string(),
  customerName: z.string(),
  channel: z.enum(CHANNELS),
  customerReference: z.string().nullable(),
  currency: z.string(),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  taxTotal: z.number().int(),
  shippingTotal: z.number().int(),
  total: z.number().int(),
  shipTo: ZAddress.nullable(),
  billTo: ZAddress.nullable(),
  requestedDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  /** Shipments are planned by a job once every line is reserved. */
  autoPlan: z.boolean(),
  validUntil: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string(),
  /** The desk user who looks after the order, or null. */
  assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  canceledReason: z.string().nullable(),
  /** Quote → order links, by number. */
  convertedFrom: z.string().nullable(),
  convertedTo: z.string().nullable(),
  lines: z.array(ZOrderLine),
  exceptions: z.array(ZOrderException),
});
export type TOrder = z.infer<typeof ZOrder>;

export const ZDuplicateCheckInput = z.object({
  customer: z.string().trim().min(1),
  lines: z.array(z.object({ sku: ZSku, quantity: z.number().int().positive() })).min(1),
});
