import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { ZPageInput } from "../db/pagination";
import { createApiKey, listApiKeys, revokeApiKey, ZApiKey, ZCreateApiKeyInput } from "./api-keys";
import { OUTBOX_STATUSES } from "./constants";
import { listOutbox, ZOutboxMessage } from "./list-outbox";
import { retryOutboxMessage } from "./retry-outbox-message";
import { listApiKeyRequests, ZApiKeyRequest } from "./request-log";
import { webhooksRouter } from "./webhooks-router";

export const integrationRouter = createTRPCRouter({
  webhooks: webhooksRouter,

  apiKeys: permissionProcedure("apiKeys.manage")
    .input(z.void())
    .output(z.array(ZApiKey))
    .query(({ ctx }) => listApiKeys({ db: ctx.db })),

  createApiKey: permissionProcedure("apiKeys.manage")
    .input(ZCreateApiKeyInput)
    .output(ZApiKey.extend({ key: z.string() }))
    .mutation(({ ctx, input }) => createApiKey({ db: ctx.db, actor: ctx.actor, input })),

  revokeApiKey: permissionProcedure("apiKeys.manage")
    .input(z.object({ id: z.uuid("Not an API key id") }))
    .output(ZApiKey)
    .mutation(({ ctx, input }) => revokeApiKey({ db: ctx.db, actor: ctx.actor, id: input.id })),

  apiKeyRequests: permissionProcedure("apiKeys.manage")
    .input(z.object({ id: z.uuid("Not an API key id") }))
    .output(z.array(ZApiKeyRequest))
    .query(({ ctx, input }) => listApiKeyRequests({ db: ctx.db, apiKeyId: input.id })),

  outbox: permissionProcedure("outbox.view")
    .meta({ openapi: { method: "GET", path: "/outbox", tags: ["outbox"], summary: "Customer e-mails: pending, sent and failed, with attempts and the last error, newest first (admins)", protect: true } })
    .input(ZPageInput.extend({ cursor: z.string().max(500).nullish(), status: z.enum(OUTBOX_STATUSES).optional(), topic: z.string().trim().max(100).optional() }))
    .output(z.object({ items: z.array(ZOutboxMessage), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listOutbox({ db: ctx.db, input })),

  retryOutboxMessage: permissionProcedure("outbox.retry")
    .meta({ openapi: { method: "POST", path: "/outbox/{id}/retry", tags: ["outbox"], summary: "Send a failed e-mail again: back to pending with fresh attempts (admins)", protect: true } })
    .input(z.object({ id: z.uuid("Not an outbox message id") }))
    .output(ZOutboxMessage)
    .mutation(({ ctx, input }) => retryOutboxMessage({ db: ctx.db, actor: ctx.actor, id: input.id })),
});
