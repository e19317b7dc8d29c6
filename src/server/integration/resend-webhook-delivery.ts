import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { dispatchWebhooks } from "./dispatch-webhooks";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { webhookDeliveries } from "./schema";

/**
 * Resend: the same event (same id and body, so a receiver can tell it is a repeat) as a new delivery, sent at
 * once; the original stays in the log as it was. It keeps no place in its order's sequence: it is a manual replay.
 */
export async function resendWebhookDelivery(options: { db: Db; actor: Actor; id: string; fetch?: typeof fetch }) {
  const { db, actor, id } = options;
  const copy = await db.transaction(async (tx) => {
    const [original] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
    if (!original) throw AppError.notFound("webhook delivery", id);
    if (original.status === "pending" && original.attempts === 0) throw AppError.conflict("DELIVERY_NOT_SENT_YET", "This delivery has not been tried yet: it goes out by itself.");
    const now = clock.now();
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ subscriptionId: original.subscriptionId, eventId: original.eventId, eventType: original.eventType, orderingKey: null, nextAttemptAt: now, resendOf: original.id, createdAt: now })
      .returning({ id: webhookDeliveries.id });
    await recordAudit(tx, { entityType: "webhook_delivery", entityId: original.id, action: "resent", actor, after: { delivery: row!.id } });
    return { ...row!, subscriptionId: original.subscriptionId };
  });
  await dispatchWebhooks({ db, deliveryIds: [copy.id], fetch: options.fetch });
  return deliveryById(db, copy.subscriptionId, copy.id);
}

/** One delivery as the log shows it. */
export async function deliveryById(db: Db, subscriptionId: string, id: string) {
  const found = (await listWebhookDeliveries({ db, input: { subscriptionId, id, limit: 1 } })).items[0];
  if (!found) throw AppError.notFound("webhook delivery", id);
  return found;
}
