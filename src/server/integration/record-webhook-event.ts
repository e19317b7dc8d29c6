import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import type { WebhookEventType } from "./constants";
import { webhookDeliveries, webhookEvents, webhookSubscriptions } from "./schema";

export type WebhookEvent = {
  type: WebhookEventType;
  /** Events with the same key (an order's number) reach each subscriber in the order they were written. */
  orderingKey?: string | null;
  /** The resource as the REST API returns it. A function is only called when someone subscribed. */
  data: unknown | (() => Promise<unknown>);
};

type ActiveSubscription = { id: string; events: string[] };
// One read of the active subscriptions per transaction, however many events it writes.
const subscribersOf = new WeakMap<object, Promise<ActiveSubscription[]>>();

/**
 * Writes a webhook event to the outbox in the caller's transaction, so it exists exactly when the change does,
 * with one pending delivery per active subscription that wants its type (fanned out now, not at dispatch: a
 * subscription made later does not receive older events, and each delivery keeps its own attempts and log).
 * When nobody subscribed, the cost is one read of the (small) subscriptions table per transaction, and the resource is
 * never built. Delivery happens after commit (dispatchWebhooks).
 */
export async function recordWebhookEvent(tx: DbOrTx, event: WebhookEvent): Promise<void> {
  const wanting = (await activeSubscriptions(tx)).filter((s) => s.events.includes(event.type));
  if (wanting.length === 0) return;
  const data = typeof event.data === "function" ? await (event.data as () => Promise<unknown>)() : event.data;
  await insertEvent(tx, { type: event.type, orderingKey: event.orderingKey ?? null, data }, wanting.map((s) => s.id));
  webhookDispatchRequested();
}

/** Whether an active subscription wants this type: for events that take a read to detect (stock.low). */
export async function webhookWanted(tx: DbOrTx, type: WebhookEventType): Promise<boolean> {
  return (await activeSubscriptions(tx)).some((s) => s.events.includes(type));
}

/**
 * Reads the transaction's active subscriptions now, so that the read rides in the caller's round trip instead of
 * costing one of its own at the first event (a use case that will record events, with its first reads).
 */
export async function readWebhookSubscriptions(tx: DbOrTx): Promise<void> {
  await activeSubscriptions(tx);
}

function activeSubscriptions(tx: DbOrTx): Promise<ActiveSubscription[]> {
  let subscriptions = subscribersOf.get(tx);
  if (!subscriptions) {
    subscriptions = tx.select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events }).from(webhookSubscriptions).where(eq(webhookSubscriptions.isActive, true)).then((rows) => rows);
    // Only a transaction's read may be reused (it ends with the transaction); a plain handle reads each time.
    if ("rollback" in tx) subscribersOf.set(tx, subscriptions);
  }
  return subscriptions;
}

/** The event row and its deliveries; also the test ping's (to its one subscription). */
export async function insertEvent(tx: DbOrTx, event: { type: string; orderingKey: string | null; data: unknown }, subscriptionIds: string[]) {
  const id = crypto.randomUUID();
  const occurredAt = clock.now();
  const body = JSON.stringify({ id, type: event.type, occurredAt: occurredAt.toISOString(), data: event.data });
  await tx.insert(webhookEvents).values({ id, type: event.type, body, createdAt: occurredAt });
  const rows = await tx
    .insert(webhookDeliveries)
    .values(subscriptionIds.map((subscriptionId) => ({ subscriptionId, eventId: id, eventType: event.type, orderingKey: event.orderingKey, nextAttemptAt: occurredAt, createdAt: occurredAt })))
    .returning({ id: webhookDeliveries.id });
  return { eventId: id, deliveryIds: rows.map((r) => r.id) };
}

// The job worker registers how to wake the delivery queue; without a worker (tests, scripts) the sweep or a direct call delivers.
const holder = globalThis as unknown as { __orderdeskWebhookKick?: () => void };

/** Set by the job worker: called after an event is written (the job starts a moment later, after the commit). */
export function onWebhookDispatchRequested(kick: (() => void) | undefined) {
  holder.__orderdeskWebhookKick = kick;
}

function webhookDispatchRequested() {
  holder.__orderdeskWebhookKick?.();
}
