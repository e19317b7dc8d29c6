import { z } from "zod";
import { ZSku } from "../catalog";
import { ZAddress } from "../customers";
import { DEMAND_CLASSES } from "../customers/constants";
import { ZPageInput } from "../db/pagination";
import { MOVEMENT_KINDS } from "./constants";
import { SUPPLY_DAYS } from "./days-of-supply";
import { STOCK_STATUSES, STOCK_STATUS_FILTERS } from "./stock-status";

export const ZWarehouseCode = z
  .string()
  .trim()
  .min(1, "Warehouse code is required")
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Warehouse code may contain letters, digits, '_' and '-'");

export const ZCreateWarehouseInput = z.object({
  code: ZWarehouseCode,
  name: z.string().trim().min(1, "Name is required").max(200),
  address: ZAddress,
  priority: z.number().int().min(0).max(10_000).default(100),
});
export type TCreateWarehouseInput = z.infer<typeof ZCreateWarehouseInput>;

export const ZWarehouse = z.object({
  code: z.string(),
  name: z.string(),
  address: ZAddress,
  priority: z.number().int(),
  isActive: z.boolean(),
});
export type TWarehouse = z.infer<typeof ZWarehouse>;

export const ZListStockInput = ZPageInput.extend({
  sku: ZSku.optional(),
  warehouse: ZWarehouseCode.optional(),
  search: z.string().trim().max(100).optional(),
});
export type TListStockInput = z.infer<typeof ZListStockInput>;

export const ZStockLevel = z.object({
  sku: z.string(),
  productName: z.string(),
  warehouse: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  /** Expected receipts (open purchase orders, transfers in transit), by date. */
  inbound: z.array(z.object({ date: z.string(), quantity: z.number().int() })),
});
export type TStockLevel = z.infer<typeof ZStockLevel>;

export const ZAdjustStockInput = z.object({
  sku: ZSku,
  warehouse: ZWarehouseCode,
  quantity: z
    .number()
    .int("Quantity must be a whole number")
    .min(-1_000_000, "Quantity must be between -1,000,000 and 1,000,000")
    .max(1_000_000, "Quantity must be between -1,000,000 and 1,000,000")
    .refine((q) => q !== 0, "Quantity must not be zero: positive adds stock, negative removes it"),
  reason: z.string().trim().min(1, "A reason is required (e.g. cycle_count, damaged)").max(200),
  reference: z.string().trim().max(100).optional(),
});
export type TAdjustStockInput = z.infer<typeof ZAdjustStockInput>;

/** A physical count of one SKU in one warehouse: on hand becomes `counted`. */
export const ZCountStockInput = z.object({
  sku: ZSku,
  warehouse: ZWarehouseCode,
  counted: z.number().int("Counted must be a whole number").min(0, "Counted is 0 or more").max(1_000_000_000, "Counted is at most 1,000,000,000"),
  reference: z.string().trim().max(100).optional(),
});
export type TCountStockInput = z.infer<typeof ZCountStockInput>;

export const ZStockMovement = z.object({
  id: z.number().int(),
  sku: z.string(),
  warehouse: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  quantity: z.number().int(),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  actor: z.string(),
  createdAt: z.string(),
  /** Stock after the movement. */
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});
export type TStockMovement = z.infer<typeof ZStockMovement>;

// ---------------------------------------------------------------------------------------------
// Inventory views: the grid, the SKU page, hold-backs and reorder points.

const ZQuantityValue = z.number().int();
const ZInbound = z.object({ date: z.string(), quantity: z.number().int() });

/** Infinite queries start from a null cursor. */
const ZNullableCursor = z.string().max(500).nullish();

export const ZStockGridInput = ZPageInput.extend({
  /** Rows are SKUs: 200 per page by default (a page of the virtualized grid). */
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: ZNullableCursor,
  status: z.enum(STOCK_STATUS_FILTERS).optional(),
  /** The `low` filter's N: levels whose available lasts N days or fewer at the last 30 days' shipping rate. */
  days: z.number().int().min(SUPPLY_DAYS.min).max(SUPPLY_DAYS.max).default(SUPPLY_DAYS.default),
  /** Category code or id. */
  category: z.string().trim().min(1).max(100).optional(),
  /** Restricts the cells (and the status filter) to one warehouse. */
  warehouse: ZWarehouseCode.optional(),
  /** A SKU prefix or part of the product name. */
  search: z.string().trim().max(100).optional(),
  /** Also the warehouses that never stocked a SKU (all zero, no movement, nothing inbound): hidden by default. */
  allWarehouses: z.boolean().default(false),
});
export type TStockGridInput = z.infer<typeof ZStockGridInput>;

export const ZStockGridCell = z.object({
  warehouse: z.string(),
  onHand: ZQuantityValue,
  reserved: ZQuantityValue,
  /** On hand − reserved. */
  available: ZQuantityValue,
  reorderPoint: ZQuantityValue.nullable(),
  reorderQuantity: ZQuantityValue.nullable(),
  /** Units held back for demand classes (all classes together). */
  heldBack: ZQuantityValue,
  status: z.enum(STOCK_STATUSES),
  /** Net units shipped from this warehouse over the last 30 days (the demand behind days of supply). */
  shipped30d: ZQuantityValue,
  /** Days the available lasts at that rate, rounded up (0 when nothing is available); null without shipments. */
  daysOfSupply: ZQuantityValue.nullable(),
  /** All zero, no movement, nothing inbound: only listed when all warehouses are asked for. */
  neverStocked: z.boolean(),
});
export type TStockGridCell = z.infer<typeof ZStockGridCell>;

export const ZStockTotals = z.object({ onHand: ZQuantityValue, reserved: ZQuantityValue, available: ZQuantityValue, heldBack: ZQuantityValue });

export const ZStockGridRow = z.object({
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string(),
  /** One cell per warehouse that has a stock level for the SKU (active warehouses, by priority; those that never stocked it only with `allWarehouses`). */
  cells: z.array(ZStockGridCell),
  totals: ZStockTotals,
});
export type TStockGridRow = z.infer<typeof ZStockGridRow>;

export const ZStockGridOptions = z.object({
  warehouses: z.array(z.object({ code: z.string(), name: z.string() })),
  categories: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});
export type TStockGridOptions = z.infer<typeof ZStockGridOptions>;

export const ZSkuKey = z.object({ sku: ZSku });

export const ZHeldBackByClass = z.object({ A: ZQuantityValue, B: ZQuantityValue, C: ZQuantityValue });
export type THeldBackByClass = z.infer<typeof ZHeldBackByClass>;

export const ZStockDetailLevel = z.object({
  warehouse: z.string(),
  warehouseName: z.string(),
  /** False when the SKU has never had a stock level in this warehouse (all zero). */
  hasLevel: z.boolean(),
  onHand: ZQuantityValue,
  reserved: ZQuantityValue,
  available: ZQuantityValue,
  heldBack: ZHeldBackByClass,
  heldBackTotal: ZQuantityValue,
  reorderPoint: ZQuantityValue.nullable(),
  reorderQuantity: ZQuantityValue.nullable(),
  status: z.enum(STOCK_STATUSES),
  inbound: z.array(ZInbound),
  inboundTotal: ZQuantityValue,
  /** All zero, no movement in the ledger, nothing inbound: the page hides it unless asked for all warehouses. */
  neverStocked: z.boolean(),
});
export type TStockDetailLevel = z.infer<typeof ZStockDetailLevel>;

export const ZStockDetail = z.object({
  product: z.object({
    sku: z.string(),
    name: z.string(),
    unit: z.string(),
    category: z.string(),
    categoryName: z.string(),
    leadTimeDays: z.number().int(),
    isArchived: z.boolean(),
    vendor: z.object({ code: z.string(), name: z.string(), leadTimeDays: z.number().int(), vendorSku: z.string().nullable() }).nullable(),
  }),
  levels: z.array(ZStockDetailLevel),
  totals: ZStockTotals.extend({ inbound: ZQuantityValue }),
  /** Open purchase orders bringing the SKU (the supply's inbound documents). */
  purchaseOrders: z.array(
    z.object({
      number: z.string(),
      /** The purchase order's status: sent or partially_received. */
      status: z.string(),
      vendor: z.string(),
      vendorName: z.string(),
      warehouse: z.string(),
      expectedDate: z.string(),
      ordered: ZQuantityValue,
      received: ZQuantityValue,
      remaining: ZQuantityValue,
    }),
  ),
  transfers: z.array(
    z.object({ number: z.string(), from: z.string(), to: z.string(), expectedDate: z.string(), quantity: ZQuantityValue }),
  ),
});
export type TStockDetail = z.infer<typeof ZStockDetail>;

export const ZAtpTimelineInput = z.object({
  sku: ZSku,
  /** ATP as customers of this class see it (hold-backs of the other classes subtracted); all hold-backs when absent. */
  demandClass: z.enum(DEMAND_CLASSES).optional(),
});
export type TAtpTimelineInput = z.infer<typeof ZAtpTimelineInput>;

export const ZAtpPoint = z.object({ date: z.string(), atp: ZQuantityValue, inbound: ZQuantityValue });
export const ZAtpTimeline = z.object({
  today: z.string(),
  horizonDays: z.number().int(),
  demandClass: z.enum(DEMAND_CLASSES).nullable(),
  total: z.array(ZAtpPoint),
  warehouses: z.array(z.object({ warehouse: z.string(), points: z.array(ZAtpPoint) })),
});
export type TAtpTimeline = z.infer<typeof ZAtpTimeline>;

export const LEDGER_SCOPES = ["all", "on_hand", "reservations"] as const;

export const ZLedgerInput = ZPageInput.extend({
  cursor: ZNullableCursor,
  sku: ZSku,
  warehouse: ZWarehouseCode.optional(),
  /** on_hand: receipts, shipments, adjustments, transfers, returns; reservations: reservation and release. */
  scope: z.enum(LEDGER_SCOPES).default("all"),
});
export type TLedgerInput = z.infer<typeof ZLedgerInput>;

export const ZLedgerEntry = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  warehouse: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  /** Signed: what the movement did to on hand (reservations: to reserved). */
  quantity: ZQuantityValue,
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  actor: z.string(),
  /** On hand in the movement's warehouse right after it; null for reservation and release. */
  balance: ZQuantityValue.nullable(),
});
export type TLedgerEntry = z.infer<typeof ZLedgerEntry>;

const ZNonNegativeQuantity = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(0, `${field} must not be negative`)
    .max(100_000_000, `${field} is too large`);

export const ZSetHoldbackInput = z.object({
  sku: ZSku,
  warehouse: ZWarehouseCode,
  demandClass: z.enum(DEMAND_CLASSES, { error: "Demand class must be A, B or C" }),
  /** Units kept for the class; 0 clears the hold-back. */
  quantity: ZNonNegativeQuantity("Quantity"),
});
export type TSetHoldbackInput = z.infer<typeof ZSetHoldbackInput>;

export const ZHoldbacks = z.object({ sku: z.string(), warehouse: z.string(), heldBack: ZHeldBackByClass });
export type THoldbacks = z.infer<typeof ZHoldbacks>;

export const ZSetReorderPointInput = z
  .object({
    sku: ZSku,
    warehouse: ZWarehouseCode,
    /** null clears both the point and the quantity. */
    reorderPoint: ZNonNegativeQuantity("Reorder point").nullable(),
    reorderQuantity: ZNonNegativeQuantity("Reorder quantity").nullable(),
  })
  .superRefine((input, ctx) => {
    if (input.reorderPoint !== null && (input.reorderQuantity === null || input.reorderQuantity < 1)) {
      ctx.addIssue({ code: "custom", path: ["reorderQuantity"], message: "Reorder quantity must be at least 1 when a reorder point is set" });
    }
    if (input.reorderPoint === null && input.reorderQuantity !== null) {
      ctx.addIssue({ code: "custom", path: ["reorderPoint"], message: "Set a reorder point with the reorder quantity (or clear both)" });
    }
  });
export type TSetReorderPointInput = z.infer<typeof ZSetReorderPointInput>;

export const ZReorderPoint = z.object({
  sku: z.string(),
  warehouse: z.string(),
  reorderPoint: ZQuantityValue.nullable(),
  reorderQuantity: ZQuantityValue.nullable(),
});
export type TReorderPoint = z.infer<typeof ZReorderPoint>;

export const ZLowStockCount = z.object({ count: z.number().int() });
