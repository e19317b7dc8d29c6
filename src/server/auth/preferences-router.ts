import { z } from "zod";
import { authedProcedure, createTRPCRouter } from "../api/trpc";
import { readPreference, savePreference, ZPreferenceKey, ZSavePreferenceInput } from "./preferences";

/** The signed-in user's own desk settings; each page reads its keys with its own schema and falls back to defaults. */
export const preferencesRouter = createTRPCRouter({
  get: authedProcedure
    .meta({ permission: "signedIn" })
    .input(z.object({ key: ZPreferenceKey }))
    .output(z.json().nullable())
    .query(({ ctx, input }) => readPreference(ctx.db, ctx.actor, input.key) as Promise<z.core.util.JSONType | null>),

  save: authedProcedure
    .meta({ permission: "signedIn" })
    .input(ZSavePreferenceInput)
    .output(z.object({ key: z.string(), value: z.json() }))
    .mutation(({ ctx, input }) => savePreference({ db: ctx.db, actor: ctx.actor, input })),
});
