import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { webhookDeliveries, webhookSubscriptions } from "./schema";
import type { TWebhookSubscription } from "./webhook-schemas";

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

export const toSubscriptionDto = (row: SubscriptionRow, stats: { pending: number; lastAttemptAt: Date | null } = { pending: 0, lastAttemptAt: null }): TWebhookSubscription => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: row.events,
  isActive: row.isActive,
  health: row.health,
  failingSince: row.failingSince?.toISOString() ?? null,
  secretPrefix: row.secret.slice(0, 12),
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  pendingDeliveries: stats.pending,
  lastAttemptAt: stats.lastAttemptAt?.toISOString() ?? null,
});

/** Every subscription, newest first, with how many deliveries wait and when one was last attempted. */
export async function listWebhookSubscriptions(options: { db: DbOrTx; id?: string }): Promise<TWebhookSubscription[]> {
  const { db } = options;
  const stats = db
    .select({
      subscriptionId: webhookDeliveries.subscriptionId,
      pending: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'pending')`.mapWith(Number).as("pending"),
      lastAttemptAt: sql<Date | null>`max(${webhookDeliveries.lastAttemptAt})`.as("last_attempt_at"),
    })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.subscriptionId)
    .as("stats");
  const rows = await db
    .select({ subscription: webhookSubscriptions, pending: stats.pending, lastAttemptAt: stats.lastAttemptAt })
    .from(webhookSubscriptions)
    .leftJoin(stats, eq(stats.subscriptionId, webhookSubscriptions.id))
    .where(options.id ? eq(webhookSubscriptions.id, options.id) : undefined)
    .orderBy(desc(webhookSubscriptions.createdAt));
  return rows.map((r) => toSubscriptionDto(r.subscription, { pending: Number(r.pending ?? 0), lastAttemptAt: r.lastAttemptAt ? new Date(r.lastAttemptAt) : null }));
}
