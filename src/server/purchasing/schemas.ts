import { z } from "zod";
import { ZIsoDate } from "~/lib/iso-date";
import { ZSku } from "../catalog";
import { ZPageInput } from "../db/pagination";
import { ZWarehouseCode } from "../inventory/schemas";
import { PURCHASE_ORDER_STATUSES, REPLENISHMENT_TRIGGERS, SUGGESTION_STATUSES } from "./constants";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * A boolean in a REST query string ("true"/"false") or from a page (true/false). A plain z.boolean() would
 * be coerced by the REST door, and Boolean("false") is true.
 */
const ZQueryBoolean = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean("Use true or false"));

// ─── Vendors ─────────────────────────────────────────────────────────────────────────────────────

export const ZVendorCode = z
  .string()
  .trim()
  .min(1, "Vendor code is required")
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Vendor code may contain letters, digits, '_' and '-'");

const ZLeadTimeDays = z.number().int("Lead time is whole days").min(0, "Lead time cannot be negative").max(365, "Lead time is at most 365 days");
const ZEmail = z.union([z.email("Enter an e-mail address like orders@vendor.com"), z.literal("")]);

const vendorFields = {
  name: z.string().trim().min(1, "Name is required").max(200),
  contactName: optionalText(200),
  email: ZEmail.nullish().transform((v) => (v ? v : null)),
  phone: optionalText(50),
  leadTimeDays: ZLeadTimeDays,
};

export const ZCreateVendorInput = z.object({ code: ZVendorCode, ...vendorFields, leadTimeDays: ZLeadTimeDays.default(14) });
/** What callers pass (optional contact fields may be left out). */
export type TCreateVendorInput = z.input<typeof ZCreateVendorInput>;

export const ZUpdateVendorInput = z.object({
  code: ZVendorCode,
  name: vendorFields.name.optional(),
  contactName: vendorFields.contactName.optional(),
  email: vendorFields.email.optional(),
  phone: vendorFields.phone.optional(),
  leadTimeDays: ZLeadTimeDays.optional(),
  /** true archives the vendor (no new purchase orders), false restores it. */
  archived: z.boolean().optional(),
});
export type TUpdateVendorInput = z.infer<typeof ZUpdateVendorInput>;

export const ZVendorKey = z.object({ code: ZVendorCode });

export const ZListVendorsInput = ZPageInput.extend({
  search: z.string().trim().max(100).optional(),
  includeArchived: ZQueryBoolean.optional().default(false),
});
export type TListVendorsInput = z.infer<typeof ZListVendorsInput>;

export const ZVendor = z.object({
  code: z.string(),
  name: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  leadTimeDays: z.number().int(),
  isArchived: z.boolean(),
  /** Products for which this is the usual vendor. */
  productCount: z.number().int(),
  /** Purchase orders sent and not yet fully received. */
  openPurchaseOrders: z.number().int(),
});
export type TVendor = z.infer<typeof ZVendor>;

export const ZVendorProduct = z.object({
  sku: z.string(),
  name: z.string(),
  vendorSku: z.string().nullable(),
  cost: z.number().int(),
  currency: z.string(),
});
export type TVendorProduct = z.infer<typeof ZVendorProduct>;

export const ZAssignVendorProductsInput = z.object({
  code: ZVendorCode,
  /** SKUs (or `{ sku, vendorSku }`) whose usual vendor becomes this one; a product has one usual vendor. */
  skus: z
    .array(z.union([ZSku, z.object({ sku: ZSku, vendorSku: z.string().trim().max(64).nullish() })]))
    .min(1, "Name at least one SKU")
    .max(500),
});
export type TAssignVendorProductsInput = z.infer<typeof ZAssignVendorProductsInput>;

export const ZUnassignVendorProductInput = z.object({ code: ZVendorCode, sku: ZSku });

// ─── Purchase orders ─────────────────────────────────────────────────────────────────────────────

export const ZPurchaseOrderNumber = z
  .string()
  .trim()
  .min(1, "Purchase order number is required")
  .max(40)
  .transform((v) => v.toUpperCase());
export const ZPurchaseOrderKey = z.object({ number: ZPurchaseOrderNumber });

export const ZPurchaseOrderLineInput = z.object({
  sku: ZSku,
  quantity: z.number().int("Quantity must be a whole number").positive("Quantity must be more than 0").max(1_000_000),
  /** Minor units per unit; defaults to the product's cost. */
  unitCost: z.number().int("Unit cost is in minor units (cents)").min(0, "Unit cost cannot be negative").max(1_000_000_000).optional(),
});
export type TPurchaseOrderLineInput = z.infer<typeof ZPurchaseOrderLineInput>;

export const ZCreatePurchaseOrderInput = z.object({
  vendor: ZVendorCode,
  /** Delivery warehouse code. */
  warehouse: ZWarehouseCode,
  /** Defaults to today plus the vendor's lead time. */
  expectedDate: ZIsoDate.optional(),
  notes: optionalText(2000),
  lines: z.array(ZPurchaseOrderLineInput).min(1, "Add at least one line").max(500),
});
export type TCreatePurchaseOrderInput = z.infer<typeof ZCreatePurchaseOrderInput>;

export const ZUpdatePurchaseOrderInput = z.object({
  number: ZPurchaseOrderNumber,
  /** The version the edit was based on: a stale one is refused with 409 STALE_VERSION. */
  version: z.number().int().positive(),
  vendor: ZVendorCode.optional(),
  warehouse: ZWarehouseCode.optional(),
  expectedDate: ZIsoDate.optional(),
  notes: optionalText(2000).optional(),
  lines: z.array(ZPurchaseOrderLineInput).min(1, "Add at least one line").max(500).optional(),
});
export type TUpdatePurchaseOrderInput = z.infer<typeof ZUpdatePurchaseOrderInput>;

export const ZSendPurchaseOrderInput = ZPurchaseOrderKey.extend({ version: z.number().int().positive().optional() });
export type TSendPurchaseOrderInput = z.infer<typeof ZSendPurchaseOrderInput>;

export const ZClosePurchaseOrderInput = ZPurchaseOrderKey.extend({
  reason: z.string().trim().min(1, "Say why the rest will not be delivered").max(500),
  version: z.number().int().positive().optional(),
});
export type TClosePurchaseOrderInput = z.infer<typeof ZClosePurchaseOrderInput>;

export const ZCancelPurchaseOrderInput = ZPurchaseOrderKey.extend({
  reason: z.string().trim().max(500).optional(),
  version: z.number().int().positive().optional(),
});
export type TCancelPurchaseOrderInput = z.infer<typeof ZCancelPurchaseOrderInput>;

export const ZReceivePurchaseOrderInput = ZPurchaseOrderKey.extend({
  /** The purchase order's version the receiver saw: a repeated or stale receipt is refused (409), never booked twice. */
  version: z.number().int().positive().optional(),
  lines: z
    .array(
      z.object({
        sku: ZSku,
        quantity: z.number().int("Quantity must be a whole number").positive("Quantity must be more than 0").max(1_000_000),
      }),
    )
    .min(1, "Receive at least one line")
    .max(500),
});
export type TReceivePurchaseOrderInput = z.infer<typeof ZReceivePurchaseOrderInput>;

export const ZListPurchaseOrdersInput = ZPageInput.extend({
  status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
  vendor: ZVendorCode.optional(),
  warehouse: ZWarehouseCode.optional(),
  sku: ZSku.optional(),
  /** PO number (or its digits) by prefix, or a SKU by prefix. */
  search: z.string().trim().max(100).optional(),
  /** Only sent / partially received orders whose expected date has passed. */
  overdue: ZQueryBoolean.optional(),
});
export type TListPurchaseOrdersInput = z.infer<typeof ZListPurchaseOrdersInput>;

const ZParty = z.object({ code: z.string(), name: z.string() });

export const ZPurchaseOrderSummary = z.object({
  number: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  vendor: ZParty,
  warehouse: ZParty,
  currency: z.string(),
  expectedDate: z.string(),
  /** Sent or partially received, and the expected date has passed. */
  isOverdue: z.boolean(),
  lineCount: z.number().int(),
  quantity: z.number().int(),
  received: z.number().int(),
  /** Σ quantity × unitCost, minor units. */
  total: z.number().int(),
  createdAt: z.string(),
});
export type TPurchaseOrderSummary = z.infer<typeof ZPurchaseOrderSummary>;

export const ZPurchaseOrderLine = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  received: z.number().int(),
  /** Still expected from the vendor: 0 once received, closed or canceled. */
  remaining: z.number().int(),
  unitCost: z.number().int(),
  lineTotal: z.number().int(),
});
export type TPurchaseOrderLine = z.infer<typeof ZPurchaseOrderLine>;

export const ZPurchaseOrder = ZPurchaseOrderSummary.extend({
  vendor: ZParty.extend({ leadTimeDays: z.number().int() }),
  notes: z.string().nullable(),
  createdBy: z.string(),
  sentAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Why it was short-closed or canceled. */
  closeReason: z.string().nullable(),
  version: z.number().int(),
  lines: z.array(ZPurchaseOrderLine),
});
export type TPurchaseOrder = z.infer<typeof ZPurchaseOrder>;

export const ZReceiptResult = z.object({
  purchaseOrder: ZPurchaseOrder,
  received: z.array(z.object({ sku: z.string(), quantity: z.number().int(), warehouse: z.string(), onHand: z.number().int() })),
  /** Backordered order lines that took the received stock, oldest order first. */
  allocated: z.array(z.object({ order: z.string(), sku: z.string(), quantity: z.number().int() })),
});
export type TReceiptResult = z.infer<typeof ZReceiptResult>;

export const ZPurchaseOrderEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TPurchaseOrderEvent = z.infer<typeof ZPurchaseOrderEvent>;

export const ZVendorDetail = ZVendor.extend({
  products: z.array(ZVendorProduct),
  purchaseOrders: z.array(ZPurchaseOrderSummary),
});
export type TVendorDetail = z.infer<typeof ZVendorDetail>;

// ─── Replenishment ───────────────────────────────────────────────────────────────────────────────

export const ZListSuggestionsInput = ZPageInput.extend({
  status: z.enum(SUGGESTION_STATUSES).default("open"),
  /** Vendor code; `none` lists the suggestions whose product has no usual vendor. */
  vendor: z.string().trim().min(1).max(40).optional(),
  warehouse: ZWarehouseCode.optional(),
});
export type TListSuggestionsInput = z.infer<typeof ZListSuggestionsInput>;

export const ZSuggestionVendor = z.object({ code: z.string(), name: z.string() });

export const ZReorderSuggestion = z.object({
  id: z.string().uuid(),
  sku: z.string(),
  productName: z.string(),
  warehouse: z.string(),
  /** The product's usual vendor; null when it has none (it cannot be drafted until it has one). */
  vendor: ZSuggestionVendor.nullable(),
  /** Now, for the explanation columns: on hand − reserved + inbound − backordered = position. */
  onHand: z.number().int(),
  reserved: z.number().int(),
  inbound: z.number().int(),
  backordered: z.number().int(),
  position: z.number().int(),
  /** The position when the suggestion was computed (it triggered the suggestion). */
  computedPosition: z.number().int(),
  reorderPoint: z.number().int(),
  reorderQuantity: z.number().int().nullable(),
  /** Suggested quantity to buy. */
  quantity: z.number().int(),
  /** The product's cost per unit, minor units; estimatedCost = quantity × unitCost. */
  unitCost: z.number().int(),
  estimatedCost: z.number().int(),
  currency: z.string(),
  computedAt: z.string(),
  /** The purchase order it became (drafted suggestions). */
  purchaseOrder: z.object({ number: z.string(), status: z.enum(PURCHASE_ORDER_STATUSES) }).nullable(),
});
export type TReorderSuggestion = z.infer<typeof ZReorderSuggestion>;

export const ZReplenishmentRun = z.object({
  computedAt: z.string(),
  trigger: z.enum(REPLENISHMENT_TRIGGERS),
  /** Who ran it: a user, an API key, or the nightly job. */
  actor: z.string(),
  /** Open suggestions the run left (one per product and warehouse at or below its reorder point). */
  suggestions: z.number().int(),
  /** Of those, how many have no usual vendor. */
  withoutVendor: z.number().int(),
  /** Levels at or below their point skipped because a draft purchase order already covers them. */
  coveredByDrafts: z.number().int(),
  durationMs: z.number().int(),
});
export type TReplenishmentRun = z.infer<typeof ZReplenishmentRun>;

export const ZReplenishmentOverview = z.object({
  lastRun: ZReplenishmentRun.nullable(),
  open: z.number().int(),
  withoutVendor: z.number().int(),
  /** Open suggestions per vendor (null: no usual vendor), with the estimated cost of drafting them. */
  vendors: z.array(
    z.object({
      vendor: ZSuggestionVendor.nullable(),
      suggestions: z.number().int(),
      /** How many purchase orders drafting them makes (one per delivery warehouse). */
      purchaseOrders: z.number().int(),
      estimatedCost: z.number().int(),
      currency: z.string(),
    }),
  ),
});
export type TReplenishmentOverview = z.infer<typeof ZReplenishmentOverview>;

export const ZDraftPurchaseOrdersInput = z.object({
  /** The suggestions to draft; omitted: every open suggestion whose product has a usual vendor. */
  suggestionIds: z.array(z.string().uuid("suggestionIds: each must be a suggestion id")).min(1).max(5_000).optional(),
});
export type TDraftPurchaseOrdersInput = z.infer<typeof ZDraftPurchaseOrdersInput>;

export const ZDraftPurchaseOrdersResult = z.object({
  purchaseOrders: z.array(
    z.object({
      number: z.string(),
      vendor: z.string(),
      warehouse: z.string(),
      lines: z.number().int(),
      quantity: z.number().int(),
    }),
  ),
  /** How many suggestions became purchase order lines. */
  drafted: z.number().int(),
  /** Open suggestions left out of a "draft all" because their product has no usual vendor. */
  skippedWithoutVendor: z.array(z.object({ sku: z.string(), warehouse: z.string() })),
});
export type TDraftPurchaseOrdersResult = z.infer<typeof ZDraftPurchaseOrdersResult>;
