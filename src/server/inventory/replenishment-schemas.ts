import { z } from "zod";
import { ZPageInput } from "../db/pagination";
import { PURCHASE_ORDER_STATUSES } from "./constants";
import { ZWarehouseCode } from "./schemas";

/** open: not yet on a purchase order; drafted: turned into a purchase order (kept as history). */
export const SUGGESTION_STATUSES = ["open", "drafted"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const REPLENISHMENT_TRIGGERS = ["nightly", "manual"] as const;
export type ReplenishmentTrigger = (typeof REPLENISHMENT_TRIGGERS)[number];

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
