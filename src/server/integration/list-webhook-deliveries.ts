import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { decodeCursor, toPage } from "../db/pagination";
import type { WebhookDeliveryStatus } from "./constants";
import { webhookDeliveries, webhookEvents } from "./schema";
import type { TWebhookDelivery } from "./webhook-schemas";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A subscription's delivery log, newest first, keyset pages on (created, seq). */
export async function listWebhookDeliveries(options: { db: DbOrTx; input: { subscriptionId: string; id?: string; limit: number; cursor?: string | null; status?: WebhookDeliveryStatus } }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [eq(webhookDeliveries.subscriptionId, input.subscriptionId), input.status ? eq(webhookDeliveries.status, input.status) : undefined, input.id ? eq(webhookDeliveries.id, input.id) : undefined];
  if (input.cursor) {
    const [seq] = decodeCursor(input.cursor, 1);
    if (!Number.isSafeInteger(Number(seq))) throw AppError.invalidField("cursor", "is not a cursor of this list");
    conditions.push(sql`${webhookDeliveries.seq} < ${Number(seq)}`);
  }
  const rows = await db
    .select({ delivery: webhookDeliveries, body: webhookEvents.body })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, ({ delivery: d, body }): TWebhookDelivery => ({
    id: d.id,
    subscriptionId: d.subscriptionId,
    eventId: d.eventId,
    eventType: d.eventType,
    orderingKey: d.orderingKey,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    durationMs: d.durationMs,
    lastError: d.lastError,
    lastAttemptAt: iso(d.lastAttemptAt),
    nextAttemptAt: d.status === "pending" ? iso(d.nextAttemptAt) : null,
    deliveredAt: iso(d.deliveredAt),
    resendOf: d.resendOf,
    createdAt: d.createdAt.toISOString(),
    body,
  }), ({ delivery }) => [delivery.seq]);
}
