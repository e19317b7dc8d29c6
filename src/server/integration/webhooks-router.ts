import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { ZPageInput } from "../db/pagination";
import { WEBHOOK_DELIVERY_STATUSES } from "./constants";
import { createWebhookSubscription } from "./create-webhook-subscription";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { listWebhookSubscriptions } from "./list-webhook-subscriptions";
import { resendWebhookDelivery } from "./resend-webhook-delivery";
import { sendWebhookPing } from "./send-webhook-ping";
import { deleteWebhookSubscription, rotateWebhookSecret, updateWebhookSubscription } from "./update-webhook-subscription";
import { ZCreateWebhookSubscriptionInput, ZUpdateWebhookSubscriptionInput, ZWebhookDelivery, ZWebhookSubscription } from "./webhook-schemas";

const tags = ["webhooks"];
const ZId = z.object({ id: z.uuid("Not a webhook subscription id") });
const ZWithSecret = ZWebhookSubscription.extend({ secret: z.string() });

/** Admin → Webhooks and its REST twin (/webhooks). */
export const webhooksRouter = createTRPCRouter({
  list: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "GET", path: "/webhooks", tags, summary: "Webhook subscriptions, newest first (admins)", protect: true } })
    .input(z.object({}).optional())
    .output(z.object({ items: z.array(ZWebhookSubscription), nextCursor: z.null() }))
    .query(async ({ ctx }) => ({ items: await listWebhookSubscriptions({ db: ctx.db }), nextCursor: null })),

  create: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "POST", path: "/webhooks", tags, summary: "Subscribe a URL to events; the answer carries the signing secret, shown this once", protect: true } })
    .input(ZCreateWebhookSubscriptionInput)
    .output(ZWithSecret)
    .mutation(({ ctx, input }) => createWebhookSubscription({ db: ctx.db, actor: ctx.actor, input })),

  update: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "PATCH", path: "/webhooks/{id}", tags, summary: "Change a subscription's URL, events, description or active flag; 409 on a stale version", protect: true } })
    .input(ZUpdateWebhookSubscriptionInput)
    .output(ZWebhookSubscription)
    .mutation(({ ctx, input }) => updateWebhookSubscription({ db: ctx.db, actor: ctx.actor, input })),

  delete: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "DELETE", path: "/webhooks/{id}", tags, summary: "Delete a subscription and its delivery log", protect: true } })
    .input(ZId)
    .output(z.object({ id: z.string(), deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteWebhookSubscription({ db: ctx.db, actor: ctx.actor, id: input.id })),

  rotateSecret: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "POST", path: "/webhooks/{id}/rotate-secret", tags, summary: "Replace the signing secret; the answer carries the new one, shown this once", protect: true } })
    .input(ZId)
    .output(ZWithSecret)
    .mutation(({ ctx, input }) => rotateWebhookSecret({ db: ctx.db, actor: ctx.actor, id: input.id })),

  ping: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "POST", path: "/webhooks/{id}/ping", tags, summary: "Send a test ping now; answers the delivery with the receiver's status", protect: true } })
    .input(ZId)
    .output(ZWebhookDelivery)
    .mutation(({ ctx, input }) => sendWebhookPing({ db: ctx.db, actor: ctx.actor, id: input.id })),

  deliveries: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "GET", path: "/webhooks/{id}/deliveries", tags, summary: "A subscription's delivery log, newest first", protect: true } })
    .input(ZPageInput.extend({ id: z.uuid("Not a webhook subscription id"), cursor: z.string().max(500).nullish(), status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional() }))
    .output(z.object({ items: z.array(ZWebhookDelivery), nextCursor: z.string().nullable() }))
    .query(({ ctx, input: { id, ...page } }) => listWebhookDeliveries({ db: ctx.db, input: { ...page, subscriptionId: id } })),

  resend: permissionProcedure("integration.webhooks")
    .meta({ openapi: { method: "POST", path: "/webhooks/deliveries/{id}/resend", tags, summary: "Send a delivery's event again now, as a new delivery", protect: true } })
    .input(z.object({ id: z.uuid("Not a webhook delivery id") }))
    .output(ZWebhookDelivery)
    .mutation(({ ctx, input }) => resendWebhookDelivery({ db: ctx.db, actor: ctx.actor, id: input.id })),
});
