import { z } from "zod";
import { ZPageInput } from "../db/pagination";
import { BILLING_STATUSES, CHANNELS, FULFILLMENT_STATUSES, ORDER_KINDS, ORDER_STATUSES } from "./constants";

export const ZListOrdersInput = ZPageInput.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  kind: z.enum(ORDER_KINDS).default("order"),
  /** Customer code. */
  customer: z.string().trim().max(40).optional(),
  search: z.string().trim().max(100).optional(),
});
export type TListOrdersInput = z.infer<typeof ZListOrdersInput>;

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
});
export type TOrderSummary = z.infer<typeof ZOrderSummary>;
