import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { roleEnum, users } from "../auth/schema";
import { createdAt, id, timestamps } from "../db/columns";
import { API_KEY_SCOPES, OUTBOX_STATUSES, type OutboxAttachment, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_SUBSCRIPTION_HEALTH } from "./constants";

export const apiKeyScopeEnum = pgEnum("api_key_scope", API_KEY_SCOPES);

/** API keys: shown once, stored as a SHA-256 hash; a key acts with one role. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    /** First characters of the key, shown in lists so an admin can tell keys apart. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    /** `read`: queries only; `write`: whatever the role may do. */
    scope: apiKeyScopeEnum("scope").notNull().default("write"),
    /** The last day (company time zone) the key works; null for no end. */
    expiresOn: date("expires_on", { mode: "string" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.keyHash), index("api_keys_created_idx").on(t.createdAt)],
);

/** Each key's latest REST calls (REQUEST_LOG_SIZE of them are kept): what an admin checks when a system says it failed. */
export const apiKeyRequests = pgTable(
  "api_key_requests",
  {
    id: id(),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    method: text("method").notNull(),
    /** Below /api/v1, without the query string. */
    path: text("path").notNull(),
    status: smallint("status").notNull(),
    durationMs: integer("duration_ms").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("api_key_requests_key_created_idx").on(t.apiKeyId, t.createdAt)],
);

export const outboxStatusEnum = pgEnum("outbox_status", OUTBOX_STATUSES);

/**
 * Messages to the outside world (customer e-mails), written in the same transaction as the change they tell
 * about and sent after commit by the e-mail job (send-outbox.ts) when SMTP_URL is set; without it they wait
 * here, viewable by admins.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    /** What it is: "email.shipment_confirmation", "email.delivery", … */
    topic: text("topic").notNull(),
    recipient: text("recipient"),
    subject: text("subject").notNull(),
    /** The plain-text body (the e-mail's text alternative). */
    body: text("body").notNull(),
    /** Files rendered when sent (so the queued row stays small), e.g. { kind: "invoice_pdf", ref: "INV-200001" }. */
    attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
    /** The record it is about, e.g. { order: "SO-100123", shipment: "SH-700001" }, and what the topic's HTML template shows (email-templates/). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Pending: not before this time (the retry's backoff, or a sender's lease while it sends); null: at once. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }),
    /** Why the last attempt failed (the SMTP server's answer), kept after a later success is not needed: cleared when sent. */
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_messages_status_idx").on(t.status, t.createdAt), index("outbox_messages_created_idx").on(t.createdAt)],
);

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);
export const webhookHealthEnum = pgEnum("webhook_health", WEBHOOK_SUBSCRIPTION_HEALTH);

/** Where admins asked events to be POSTed. The secret signs each body (X-Orderdesk-Signature). */
export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: id(),
    url: text("url").notNull(),
    description: text("description"),
    /** Event types (WEBHOOK_EVENT_TYPES) it wants; the outbox fans an event out only to those that want it. */
    events: text("events").array().notNull(),
    secret: text("secret").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    health: webhookHealthEnum("health").notNull().default("healthy"),
    failingSince: timestamp("failing_since", { withTimezone: true, mode: "date" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
);

/**
 * The event outbox: one row per event, written in the transaction of the change (only when an active
 * subscription wants it), with the body every delivery of it sends.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    type: text("type").notNull(),
    /** The JSON body sent, byte for byte (it is what the signature covers): {id, type, occurredAt, data}. */
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_events_created_idx").on(t.createdAt)],
);

/** One delivery of an event to one subscription, and its attempts so far (the delivery log). */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    /** Write order: a subscription's deliveries of one ordering key go out in it. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    /** Events with the same key (an order's number) are delivered one after the other, oldest first. */
    orderingKey: text("ordering_key"),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Due time while pending; a dispatcher claiming it pushes it out (a lease), so a crash only delays it. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date", precision: 3 }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true, mode: "date", precision: 3 }),
    responseStatus: smallint("response_status"),
    durationMs: integer("duration_ms"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date", precision: 3 }),
    /** A Resend's copy names the delivery it repeats. */
    resendOf: uuid("resend_of"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_key_idx").on(t.subscriptionId, t.orderingKey, t.seq).where(sql`status = 'pending'`),
    index("webhook_deliveries_log_idx").on(t.subscriptionId, t.createdAt),
  ],
);
