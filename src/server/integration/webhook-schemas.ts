import { z } from "zod";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, WEBHOOK_SUBSCRIPTION_HEALTH } from "./constants";

export const ZWebhookUrl = z
  .url({ protocol: /^https?$/, error: "An http:// or https:// URL" })
  .trim()
  .max(2_000);
const ZEvents = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

export const ZCreateWebhookSubscriptionInput = z.object({
  url: ZWebhookUrl,
  events: ZEvents,
  description: z.string().trim().max(200).nullish(),
  isActive: z.boolean().default(true),
});
export type TCreateWebhookSubscriptionInput = z.input<typeof ZCreateWebhookSubscriptionInput>;

export const ZUpdateWebhookSubscriptionInput = z.object({
  id: z.uuid("Not a webhook subscription id"),
  url: ZWebhookUrl.optional(),
  events: ZEvents.optional(),
  description: z.string().trim().max(200).nullish(),
  isActive: z.boolean().optional(),
  /** Optimistic locking: the version read; a stale one is 409 STALE_VERSION. */
  version: z.number().int().positive().optional(),
});
export type TUpdateWebhookSubscriptionInput = z.input<typeof ZUpdateWebhookSubscriptionInput>;

export const ZWebhookSubscription = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  isActive: z.boolean(),
  /** `failing` after a delivery gave up (24 h of failures) until one succeeds again. */
  health: z.enum(WEBHOOK_SUBSCRIPTION_HEALTH),
  failingSince: z.string().nullable(),
  /** The secret's first characters, so an admin can tell which one a receiver holds. */
  secretPrefix: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  /** Deliveries still to be made, and when the latest was attempted. */
  pendingDeliveries: z.number().int(),
  lastAttemptAt: z.string().nullable(),
});
export type TWebhookSubscription = z.infer<typeof ZWebhookSubscription>;

export const ZWebhookDelivery = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  orderingKey: z.string().nullable(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  resendOf: z.string().nullable(),
  createdAt: z.string(),
  /** The JSON body as sent (what the signature covers). */
  body: z.string(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;
