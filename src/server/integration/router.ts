import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { createApiKey, listApiKeys, revokeApiKey, ZApiKey, ZCreateApiKeyInput } from "./api-keys";

export const integrationRouter = createTRPCRouter({
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
});
