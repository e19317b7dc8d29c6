import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { draftPurchaseOrders } from "./draft-purchase-orders";
import { getReplenishmentOverview } from "./get-replenishment-overview";
import { listReorderSuggestions } from "./list-reorder-suggestions";
import { runReplenishment } from "./run-replenishment";
import {
  ZDraftPurchaseOrdersInput,
  ZDraftPurchaseOrdersResult,
  ZListSuggestionsInput,
  ZReorderSuggestion,
  ZReplenishmentOverview,
  ZReplenishmentRun,
} from "./schemas";

const tags = ["replenishment"];

export const replenishmentRouter = createTRPCRouter({
  suggestions: permissionProcedure("replenishment.view")
    .meta({ openapi: { method: "GET", path: "/replenishment/suggestions", tags, summary: "Reorder suggestions, grouped by vendor", protect: true } })
    .input(ZListSuggestionsInput)
    .output(zPage(ZReorderSuggestion))
    .query(({ ctx, input }) => listReorderSuggestions({ db: ctx.db, input })),

  /** The page header: last run and open suggestions per vendor. */
  overview: permissionProcedure("replenishment.view")
    .input(z.void())
    .output(ZReplenishmentOverview)
    .query(({ ctx }) => getReplenishmentOverview({ db: ctx.db })),

  run: permissionProcedure("replenishment.run")
    .meta({ openapi: { method: "POST", path: "/replenishment/run", tags, summary: "Recalculate the reorder suggestions now", protect: true } })
    .input(z.object({}).optional())
    .output(ZReplenishmentRun)
    .mutation(({ ctx }) => runReplenishment(ctx.db, ctx.actor)),

  draftPurchaseOrders: permissionProcedure("replenishment.run")
    .meta({
      openapi: {
        method: "POST",
        path: "/replenishment/draft-purchase-orders",
        tags,
        summary: "Draft purchase orders from reorder suggestions (one per vendor and warehouse)",
        description: "Without `suggestionIds`, drafts every open suggestion whose product has a usual vendor.",
        protect: true,
      },
    })
    .input(ZDraftPurchaseOrdersInput)
    .output(ZDraftPurchaseOrdersResult)
    .mutation(({ ctx, input }) => draftPurchaseOrders({ db: ctx.db, actor: ctx.actor, input })),
});
