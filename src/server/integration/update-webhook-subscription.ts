import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { listWebhookSubscriptions } from "./list-webhook-subscriptions";
import { webhookSubscriptions } from "./schema";
import { type TUpdateWebhookSubscriptionInput, ZUpdateWebhookSubscriptionInput } from "./webhook-schemas";
import { newWebhookSecret } from "./webhook-signature";

async function lockSubscription(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], id: string, version?: number) {
  const [row] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).for("update");
  if (!row) throw AppError.notFound("webhook subscription", id);
  if (version !== undefined && version !== row.version) {
    throw AppError.conflict("STALE_VERSION", `The subscription changed since you read it (version ${row.version}, you sent ${version}): reload and try again.`);
  }
  return row;
}

/** Changes a subscription's URL, events, description or whether it is active. Deliveries already written keep going to it. */
export async function updateWebhookSubscription(options: { db: Db; actor: Actor; input: TUpdateWebhookSubscriptionInput }) {
  const { db, actor } = options;
  const input = ZUpdateWebhookSubscriptionInput.parse(options.input);
  await db.transaction(async (tx) => {
    const before = await lockSubscription(tx, input.id, input.version);
    const change = {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.description !== undefined ? { description: input.description ?? null } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    };
    await tx.update(webhookSubscriptions).set({ ...change, version: before.version + 1 }).where(eq(webhookSubscriptions.id, input.id));
    await recordAudit(tx, { entityType: "webhook_subscription", entityId: input.id, action: "updated", actor, before: { url: before.url, events: before.events, isActive: before.isActive }, after: change });
  });
  return (await listWebhookSubscriptions({ db, id: input.id }))[0]!;
}

/** A new secret for a subscription, returned in full this once; the old one stops signing at once. */
export async function rotateWebhookSecret(options: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = options;
  const secret = newWebhookSecret();
  await db.transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    await tx.update(webhookSubscriptions).set({ secret, version: before.version + 1 }).where(eq(webhookSubscriptions.id, id));
    await recordAudit(tx, { entityType: "webhook_subscription", entityId: id, action: "secret_rotated", actor });
  });
  return { ...(await listWebhookSubscriptions({ db, id }))[0]!, secret };
}

/** Deletes a subscription and its delivery log (nothing else refers to them). */
export async function deleteWebhookSubscription(options: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = options;
  return db.transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    await recordAudit(tx, { entityType: "webhook_subscription", entityId: id, action: "deleted", actor, before: { url: before.url, events: before.events } });
    return { id, deleted: true as const };
  });
}
