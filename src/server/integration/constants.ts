/** pending: waiting to be sent (sending off, not yet tried, or waiting for a retry); sent; failed after retries. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What an API key may do: `read` calls queries only; `write` also makes the changes its role may make. */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** How many of a key's latest REST calls its request log keeps (Admin → API keys). */
export const REQUEST_LOG_SIZE = 1_000;

/** A file attached when the message is sent: rendered then from the record it names (invoice_pdf: an invoice number). */
export const OUTBOX_ATTACHMENT_KINDS = ["invoice_pdf"] as const;
export type OutboxAttachment = { kind: (typeof OUTBOX_ATTACHMENT_KINDS)[number]; ref: string };

/** What a webhook subscription may ask for. Each is written to the event outbox in the transaction of its change. */
export const WEBHOOK_EVENT_TYPES = [
  "order.created",
  "order.submitted",
  "order.on_hold",
  "order.released",
  "order.canceled",
  "shipment.shipped",
  "shipment.delivered",
  "invoice.issued",
  "payment.received",
  "return.received",
  "exception.opened",
  "exception.resolved",
  "stock.low",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** The test ping an admin sends: never subscribed to, delivered to the one subscription it was sent for. */
export const WEBHOOK_PING = "ping";

/** pending: to be tried (again) at next_attempt_at; delivered: a 2xx came back; failed: still failing 24 h after it was written. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** active: deliveries flow; failing: a delivery gave up after 24 h (an admin exception is open; still retried for new events). */
export const WEBHOOK_SUBSCRIPTION_HEALTH = ["healthy", "failing"] as const;
export type WebhookSubscriptionHealth = (typeof WEBHOOK_SUBSCRIPTION_HEALTH)[number];
