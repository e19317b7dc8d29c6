import { z } from "zod";
import { ZSku } from "../catalog";
import { ZPageInput } from "../db/pagination";
import { TRANSFER_STATUSES } from "./constants";
import { ZWarehouseCode } from "./schemas";

const ZIsoDate = z.iso.date("Use a date like 2026-11-21");

export const ZTransferNumber = z
  .string()
  .trim()
  .regex(/^TR-\d+$/, "A transfer number looks like TR-800001");

export const ZCreateTransferInput = z
  .object({
    sku: ZSku,
    /** Source warehouse code: the stock leaves it now. */
    from: ZWarehouseCode,
    /** Destination warehouse code: the stock arrives when the transfer is received. */
    to: ZWarehouseCode,
    quantity: z.number().int("Quantity must be a whole number").positive("Quantity must be at least 1").max(1_000_000),
    /** When it should arrive; default tomorrow (company time zone). */
    expectedDate: ZIsoDate.optional(),
  })
  .refine((t) => t.from !== t.to, { path: ["to"], message: "Choose a destination other than the source warehouse" });
export type TCreateTransferInput = z.infer<typeof ZCreateTransferInput>;

export const ZTransferKey = z.object({ number: ZTransferNumber });

export const ZCancelTransferInput = ZTransferKey.extend({
  reason: z.string().trim().max(200).optional(),
});
export type TCancelTransferInput = z.infer<typeof ZCancelTransferInput>;

export const ZListTransfersInput = ZPageInput.extend({
  status: z.enum(TRANSFER_STATUSES).optional(),
  sku: ZSku.optional(),
  /** A warehouse on either end. */
  warehouse: ZWarehouseCode.optional(),
});
export type TListTransfersInput = z.infer<typeof ZListTransfersInput>;

export const ZTransfer = z.object({
  number: z.string(),
  sku: z.string(),
  productName: z.string(),
  from: z.string(),
  to: z.string(),
  quantity: z.number().int(),
  status: z.enum(TRANSFER_STATUSES),
  expectedDate: z.string(),
  /** In transit past its expected date. */
  isOverdue: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  receivedBy: z.string().nullable(),
  receivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TTransfer = z.infer<typeof ZTransfer>;

/** A received transfer, with the backordered order lines the arriving stock was reserved for. */
export const ZReceivedTransfer = ZTransfer.extend({
  allocatedToBackorders: z.array(z.object({ orderNumber: z.string(), sku: z.string(), quantity: z.number().int() })),
});
export type TReceivedTransfer = z.infer<typeof ZReceivedTransfer>;
