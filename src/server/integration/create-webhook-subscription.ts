import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { toSubscriptionDto } from "./list-webhook-subscriptions";
import { webhookSubscriptions } from "./schema";
import { type TCreateWebhookSubscriptionInput, ZCreateWebhookSubscriptionInput } from "./webhook-schemas";
import { newWebhookSecret } from "./webhook-signature";

/** Creates a subscription with a new secret, returned in full this once (the receiver needs it to verify). */
export async function createWebhookSubscription(options: { db: Db; actor: Actor; input: TCreateWebhookSubscriptionInput }) {
  const { db, actor } = options;
  const input = ZCreateWebhookSubscriptionInput.parse(options.input);
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        isActive: input.isActive,
        secret,
      })
      .returning();
    const dto = toSubscriptionDto(row!);
    await recordAudit(tx, { entityType: "webhook_subscription", entityId: dto.id, action: "created", actor, after: { url: dto.url, events: dto.events, isActive: dto.isActive } });
    return { ...dto, secret };
  });
}
