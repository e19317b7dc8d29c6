import { z } from "zod";
import { ZIsoDate } from "~/lib/iso-date";
import { ZSku } from "../catalog";
import { ZPageInput } from "../db/pagination";
import { TRANSFER_STATUSES } from "./constants";
import { ZWarehouseCode } from "./schemas";

export const ZTransferNumber = z
  .string()
  .trim()
  .regex(/^TR-\d+$/, "A transfer number looks like TR-800001");

const ZTransferQuantity = z.number().int("Quantity must be a whole number").positive("Quantity must be at least 1").max(1_000_000);

export const ZTransferLineInput = z.object({ sku: ZSku, quantity: ZTransferQuantity });
export type TTransferLineInput = z.infer<typeof ZTransferLineInput>;

/** A transfer carries `lines`, or one SKU given as `sku` and `quantity` (the short form). */
export const ZCreateTransferInput = z
  .object({
    /** One line per SKU (at most 100). */
    lines: z.array(ZTransferLineInput).min(1, "Add at least one SKU").max(100, "At most 100 lines per transfer").optional(),
    /** The short form for one SKU, instead of `lines`. */
    sku: ZSku.optional(),
    quantity: ZTransferQuantity.optional(),
    /** Source warehouse code: the stock leaves it now. */
    from: ZWarehouseCode,
    /** Destination warehouse code: the stock arrives when the transfer is received. */
    to: ZWarehouseCode,
    /** When it should arrive; default tomorrow (company time zone). */
    expectedDate: ZIsoDate.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.from === t.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose a destination other than the source warehouse" });
    if (t.lines) {
      if (t.sku !== undefined || t.quantity !== undefined) ctx.addIssue({ code: "custom", path: ["lines"], message: "Give either lines or sku and quantity, not both" });
      const seen = new Map<string, number>();
      t.lines.forEach((line, i) => {
        const first = seen.get(line.sku);
        if (first !== undefined) ctx.addIssue({ code: "custom", path: ["lines", i, "sku"], message: `${line.sku} is already on line ${first + 1}` });
        else seen.set(line.sku, i);
      });
      return;
    }
    if (t.sku === undefined) ctx.addIssue({ code: "custom", path: ["sku"], message: "Enter the SKU to transfer (or give lines)" });
    if (t.quantity === undefined) ctx.addIssue({ code: "custom", path: ["quantity"], message: "Enter the quantity to transfer" });
  });
export type TCreateTransferInput = z.infer<typeof ZCreateTransferInput>;

/** The lines of a create input, with the field path each one's errors are reported under. */
export function transferLinesOf(input: Pick<TCreateTransferInput, "lines" | "sku" | "quantity">): (TTransferLineInput & { path: string })[] {
  if (input.lines) return input.lines.map((line, i) => ({ ...line, path: `lines.${i}` }));
  if (input.sku === undefined || input.quantity === undefined) return [];
  return [{ sku: input.sku, quantity: input.quantity, path: "" }];
}

export const ZTransferKey = z.object({ number: ZTransferNumber });

/** Receive everything in transit (no `lines`), or per SKU what arrived: a partial receipt leaves the rest in transit. */
export const ZReceiveTransferInput = ZTransferKey.extend({
  lines: z
    .array(z.object({ sku: ZSku, quantity: z.number().int("Quantity must be a whole number").min(0, "Quantity cannot be negative").max(1_000_000) }))
    .min(1)
    .max(100)
    .optional(),
});
export type TReceiveTransferInput = z.infer<typeof ZReceiveTransferInput>;

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

export const ZTransferLine = z.object({
  sku: z.string(),
  productName: z.string(),
  /** Shipped. */
  quantity: z.number().int(),
  received: z.number().int(),
  /** Shipped, not received, and still expected (0 once the transfer is received or canceled). */
  inTransit: z.number().int(),
});
export type TTransferLine = z.infer<typeof ZTransferLine>;

export const ZTransfer = z.object({
  number: z.string(),
  from: z.string(),
  to: z.string(),
  lines: z.array(ZTransferLine),
  /** Units shipped, over all lines. */
  quantity: z.number().int(),
  /** Units received so far, over all lines. */
  received: z.number().int(),
  inTransit: z.number().int(),
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
