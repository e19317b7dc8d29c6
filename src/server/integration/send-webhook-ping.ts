import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { WEBHOOK_PING } from "./constants";
import { dispatchWebhooks } from "./dispatch-webhooks";
import { insertEvent } from "./record-webhook-event";
import { deliveryById } from "./resend-webhook-delivery";
import { webhookSubscriptions } from "./schema";

/** A `ping` event to one subscription, sent at once (active or not), so an admin sees whether the receiver answers. */
export async function sendWebhookPing(options: { db: Db; actor: Actor; id: string; fetch?: typeof fetch }) {
  const { db, actor, id } = options;
  const deliveryId = await db.transaction(async (tx) => {
    const [subscription] = await tx.select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events }).from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    if (!subscription) throw AppError.notFound("webhook subscription", id);
    const data = { subscriptionId: id, events: subscription.events, sentBy: actor.name, message: "A test ping from Orderdesk: answer 2xx to acknowledge it." };
    const { deliveryIds } = await insertEvent(tx, { type: WEBHOOK_PING, orderingKey: null, data }, [id]);
    return deliveryIds[0]!;
  });
  await dispatchWebhooks({ db, deliveryIds: [deliveryId], fetch: options.fetch });
  return deliveryById(db, id, deliveryId);
}
