import { and, eq, sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { executeRows } from "../db/execute";
import { openException } from "../exceptions";
import { webhookDeliveries, webhookEvents, webhookSubscriptions } from "./schema";
import { nextWebhookAttempt } from "./webhook-backoff";
import { signWebhook } from "./webhook-signature";

/** A receiver has this long to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
// A claimed delivery is due again after this (its lease): if the process dies mid-send, it is retried then.
const LEASE_MS = 120_000;
const BATCH = 20;
// Each round delivers at most one event per subscription and order: later ones of the order wait their turn.
const MAX_ROUNDS = 25;

export type DispatchOptions = {
  db: Db;
  /** The dispatcher's clock: tests pass a later "now" to drive retries without waiting. */
  now?: Date;
  /** Only these deliveries (Resend, test ping), whether or not their subscription is active. */
  deliveryIds?: string[];
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export type DispatchResult = { attempted: number; delivered: number; retrying: number; failed: number };

type Claimed = { id: string; subscription_id: string; event_id: string; event_type: string; attempts: number; created_at: Date | string };

/**
 * Sends the deliveries that are due (the scheduled sweep, the job woken after a commit, Resend and the test
 * ping all come here): claims a batch (SKIP LOCKED, so several workers share the work), POSTs each signed
 * body, and records the answer. A delivery waits while an earlier one of its subscription and order is
 * still pending, so an order's events arrive in order. Failures retry with backoff for 24 h; then the
 * delivery fails, its subscription is marked failing and an admin exception opens.
 */
export async function dispatchWebhooks(options: DispatchOptions): Promise<DispatchResult> {
  const { db } = options;
  const result: DispatchResult = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = options.now ?? clock.now();
    const claimed = await claim(db, now, options.deliveryIds);
    if (claimed.length === 0) break;
    await Promise.all(claimed.map((delivery) => attempt(options, delivery, now, result)));
    if (options.deliveryIds) break;
  }
  return result;
}

async function claim(db: Db, now: Date, ids: string[] | undefined): Promise<Claimed[]> {
  const only = ids ? sql`and d1.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`and s.is_active`;
  if (ids?.length === 0) return [];
  return executeRows<Claimed>(
    db,
    sql`update ${webhookDeliveries} d set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
      where d.id in (
        select d1.id from ${webhookDeliveries} d1 join ${webhookSubscriptions} s on s.id = d1.subscription_id
        where d1.status = 'pending' and d1.next_attempt_at <= ${now.toISOString()}::timestamptz ${only}
          and (d1.ordering_key is null or not exists (
            select 1 from ${webhookDeliveries} d2
            where d2.subscription_id = d1.subscription_id and d2.ordering_key = d1.ordering_key and d2.status = 'pending' and d2.seq < d1.seq))
        order by d1.seq limit ${BATCH}
        for update of d1 skip locked)
      returning d.id, d.subscription_id, d.event_id, d.event_type, d.attempts, d.created_at`,
  );
}

async function attempt(options: DispatchOptions, delivery: Claimed, now: Date, result: DispatchResult) {
  const { db } = options;
  const [target] = await db
    .select({ url: webhookSubscriptions.url, secret: webhookSubscriptions.secret, health: webhookSubscriptions.health, body: webhookEvents.body })
    .from(webhookSubscriptions)
    .innerJoin(webhookEvents, eq(webhookEvents.id, delivery.event_id))
    .where(eq(webhookSubscriptions.id, delivery.subscription_id));
  if (!target) return;
  result.attempted += 1;
  const outcome = await post(options, target, delivery, now);
  const attempts = delivery.attempts + 1;
  const common = { attempts, lastAttemptAt: now, responseStatus: outcome.status, durationMs: outcome.durationMs };
  if (outcome.ok) {
    result.delivered += 1;
    await db.transaction(async (tx) => {
      await tx.update(webhookDeliveries).set({ ...common, status: "delivered", deliveredAt: now, nextAttemptAt: null, lastError: null }).where(eq(webhookDeliveries.id, delivery.id));
      // A receiver that answers again is healthy again (the exception stays for the admin to close).
      if (target.health === "failing") await tx.update(webhookSubscriptions).set({ health: "healthy", failingSince: null }).where(eq(webhookSubscriptions.id, delivery.subscription_id));
    });
    return;
  }
  const next = nextWebhookAttempt({ attempts, createdAt: new Date(delivery.created_at), now, jitter: Math.random() });
  if (next) {
    result.retrying += 1;
    await db.update(webhookDeliveries).set({ ...common, nextAttemptAt: next, lastError: outcome.error }).where(eq(webhookDeliveries.id, delivery.id));
    return;
  }
  result.failed += 1;
  await db.transaction(async (tx) => {
    await tx.update(webhookDeliveries).set({ ...common, status: "failed", nextAttemptAt: null, lastError: outcome.error }).where(eq(webhookDeliveries.id, delivery.id));
    const [marked] = await tx
      .update(webhookSubscriptions)
      .set({ health: "failing", failingSince: now })
      .where(and(eq(webhookSubscriptions.id, delivery.subscription_id), eq(webhookSubscriptions.health, "healthy")))
      .returning({ id: webhookSubscriptions.id });
    // Once per bout of failing: later failed deliveries of a failing subscription add no exceptions.
    if (marked) {
      await clock.runAt(now, () =>
        openException(tx, {
          type: "webhook_failing",
          severity: "high",
          reason: `Webhook deliveries to ${target.url} have failed for 24 hours (${delivery.event_type}: ${outcome.error})`,
          cause: `webhook:${delivery.subscription_id}`,
          details: { subscriptionId: delivery.subscription_id, url: target.url, deliveryId: delivery.id, eventType: delivery.event_type },
          actor: SYSTEM_ACTOR,
        }),
      );
    }
  });
}

type Outcome = { ok: boolean; status: number | null; durationMs: number; error: string | null };

async function post(options: DispatchOptions, target: { url: string; secret: string; body: string }, delivery: Claimed, now: Date): Promise<Outcome> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await (options.fetch ?? fetch)(target.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Orderdesk-Webhooks/1",
        "X-Orderdesk-Event": delivery.event_type,
        "X-Orderdesk-Delivery": delivery.id,
        "X-Orderdesk-Timestamp": String(timestamp),
        "X-Orderdesk-Signature": signWebhook(target.secret, timestamp, target.body),
      },
      body: target.body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    const text = await response.text().catch(() => "");
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, durationMs: elapsed(), error: ok ? null : `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}` };
  } catch (error) {
    const cause = error instanceof Error ? (error.name === "TimeoutError" ? `no answer within ${(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s` : describe(error)) : String(error);
    return { ok: false, status: null, durationMs: elapsed(), error: cause.slice(0, 300) };
  }
}

function describe(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : cause?.message ? `${error.message}: ${cause.message}` : error.message;
}
