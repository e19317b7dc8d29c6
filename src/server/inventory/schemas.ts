import { z } from "zod";
import { ZSku } from "../catalog";
import { ZAddress } from "../customers";
import { ZPageInput } from "../db/pagination";
import { MOVEMENT_KINDS } from "./constants";

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
  /** Expected receipts from open purchase orders, by date. */
  inbound: z.array(z.object({ date: z.string(), quantity: z.number().int() })),
});
export type TStockLevel = z.infer<typeof ZStockLevel>;

export const ZAdjustStockInput = z.object({
  sku: ZSku,
  warehouse: ZWarehouseCode,
  quantity: z
    .number()
    .int("Quantity must be a whole number")
    .refine((q) => q !== 0, "Quantity must not be zero: positive adds stock, negative removes it"),
  reason: z.string().trim().min(1, "A reason is required (e.g. cycle_count, damaged)").max(200),
  reference: z.string().trim().max(100).optional(),
});
export type TAdjustStockInput = z.infer<typeof ZAdjustStockInput>;

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
