import { z } from "zod";
import { ROLES } from "../../auth/roles";
import { CHANNELS } from "../../orders/constants";
import { DURATION_UNITS, STEP_KINDS } from "../policies/policy";

export const ZLinePromise = z.object({
  lineId: z.string(),
  lineNo: z.number().int(),
  sku: z.string(),
  /** When the line's goods are in the warehouse: today, or when its backorder can be filled. */
  availableOn: z.string(),
  transitDays: z.number().int(),
  promisedDate: z.string(),
});

export const ZPlanStep = z.object({
  kind: z.enum(STEP_KINDS),
  label: z.string(),
  owner: z.enum(ROLES),
  duration: z.object({ amount: z.number(), unit: z.enum(DURATION_UNITS) }),
  /** When the step was due to end on the plan made at submission (no delays). */
  plannedEnd: z.string(),
  /** When it ended (done), or is projected to end at the pace the order is going. */
  end: z.string(),
  state: z.enum(["done", "current", "pending"]),
  by: z.string().nullable(),
  /** How late the step in progress already is, in hours (0 when on time). */
  lateHours: z.number(),
});

export const JEOPARDY_CAUSES = ["step_late", "stock_short", "inbound_late", "payment_missing"] as const;

export const ZOrderPlan = z.object({
  policy: z.object({ code: z.string(), name: z.string(), version: z.number().int(), chosenBy: z.string() }),
  startedAt: z.string(),
  promisedDate: z.string(),
  /** When the customer gets the goods at the pace the order is going. */
  projectedDate: z.string(),
  current: z.enum(STEP_KINDS).nullable(),
  jeopardy: z.object({ cause: z.enum(JEOPARDY_CAUSES), step: z.enum(STEP_KINDS), owner: z.enum(ROLES), reason: z.string() }).nullable(),
  steps: z.array(ZPlanStep),
  lines: z.array(ZLinePromise),
});
export type TOrderPlan = z.infer<typeof ZOrderPlan>;

/** What `GET /orders/{number}` adds to an order: its policy and steps, and the rest of its plan (null before submission). */
export const ZOrderPlanFields = {
  policy: ZOrderPlan.shape.policy.nullable(),
  steps: ZOrderPlan.shape.steps,
  plan: ZOrderPlan.omit({ policy: true, steps: true }).nullable(),
};

export const ZPromisePreviewInput = z.object({
  customer: z.string().trim().min(1).max(40),
  channel: z.enum(CHANNELS),
  /** The ship-to region when it is not the customer's usual address. */
  shipToRegion: z.string().trim().max(40).optional(),
  /** The order's total so far (minor units), for rules on order value. */
  total: z.number().int().min(0).optional(),
  lines: z.array(z.object({ sku: z.string().trim().min(1).max(64), quantity: z.number().int().min(0).max(1_000_000) })).max(500),
});
export type TPromisePreviewInput = z.infer<typeof ZPromisePreviewInput>;

export const ZPromisePreview = z.object({
  policy: ZOrderPlan.shape.policy,
  promisedDate: z.string().nullable(),
  lines: z.array(
    z.object({
      sku: z.string(),
      lineNo: z.number().int(),
      availableOn: z.string(),
      transitDays: z.number().int(),
      promisedDate: z.string(),
      /** Where the line's units would be reserved now (warehouse codes) and what would be backordered until `availableOn`. */
      sourcing: z.object({ takes: z.array(z.object({ warehouse: z.string(), quantity: z.number().int() })), short: z.number().int() }),
    }),
  ),
});
export type TPromisePreview = z.infer<typeof ZPromisePreview>;
