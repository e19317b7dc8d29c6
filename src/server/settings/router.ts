import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { addReferenceValue } from "./add-reference-value";
import { archiveReferenceValue } from "./archive-reference-value";
import { listReferenceValues } from "./list-reference-values";
import { ZAddReferenceValueInput, ZArchiveReferenceValueInput, ZListReferenceValuesInput, ZReferenceValue, ZUpdateReferenceValueInput } from "./schemas";
import { updateReferenceValue } from "./update-reference-value";

const tags = ["settings"];

/** Admin → Settings: customer segments, tax categories and units (with their aliases). Everyone reads them; admins change them. */
export const settingsRouter = createTRPCRouter({
  list: permissionProcedure("settings.view")
    .meta({ openapi: { method: "GET", path: "/settings/{kind}", tags, summary: "A reference list (segments, tax-categories or units), archived values included", protect: true } })
    .input(ZListReferenceValuesInput)
    .output(z.object({ items: z.array(ZReferenceValue), nextCursor: z.null() }))
    .query(async ({ ctx, input }) => ({ items: await listReferenceValues({ db: ctx.db, kind: input.kind }), nextCursor: null })),

  add: permissionProcedure("settings.manage")
    .meta({ openapi: { method: "POST", path: "/settings/{kind}", tags, summary: "Add a value to a reference list (admins)", protect: true } })
    .input(ZAddReferenceValueInput)
    .output(ZReferenceValue)
    .mutation(({ ctx, input }) => addReferenceValue({ db: ctx.db, actor: ctx.actor, input })),

  update: permissionProcedure("settings.manage")
    .meta({ openapi: { method: "PATCH", path: "/settings/{kind}/{code}", tags, summary: "Rename a value, or set a unit's aliases (admins)", protect: true } })
    .input(ZUpdateReferenceValueInput)
    .output(ZReferenceValue)
    .mutation(({ ctx, input }) => updateReferenceValue({ db: ctx.db, actor: ctx.actor, input })),

  archive: permissionProcedure("settings.manage")
    .meta({ openapi: { method: "POST", path: "/settings/{kind}/{code}/archive", tags, summary: "Archive a value: no longer offered for new records (admins)", protect: true } })
    .input(ZArchiveReferenceValueInput)
    .output(ZReferenceValue)
    .mutation(({ ctx, input }) => archiveReferenceValue({ db: ctx.db, actor: ctx.actor, input, archived: true })),

  restore: permissionProcedure("settings.manage")
    .meta({ openapi: { method: "POST", path: "/settings/{kind}/{code}/restore", tags, summary: "Bring an archived value back (admins)", protect: true } })
    .input(ZArchiveReferenceValueInput)
    .output(ZReferenceValue)
    .mutation(({ ctx, input }) => archiveReferenceValue({ db: ctx.db, actor: ctx.actor, input, archived: false })),
});
