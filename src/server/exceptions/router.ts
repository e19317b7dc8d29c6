import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { ROLES } from "../auth/roles";
import { findProductBySku } from "../catalog";
import { zPage } from "../db/pagination";
import { orderPlanning, orderShipments } from "../fulfillment";
import { decideOrderReturns } from "../billing";
import { exceptionOrders } from "../orders/exception-orders";
import { assignExceptions, ZAssignExceptionsInput } from "./assign-exceptions";
import { commentException, ZCommentExceptionInput } from "./comment-exception";
import { exceptionDashboard, ZDashboard } from "./dashboard";
import { dismissExceptions, ZDismissExceptionsInput } from "./dismiss-exceptions";
import { getException, ZException } from "./get-exception";
import { listAssignees, ZListAssigneesInput } from "./list-assignees";
import { exceptionCounts, listExceptions, ZExceptionListItem, ZListExceptionsInput } from "./list-exceptions";
import { reopenException, ZReopenExceptionInput } from "./reopen-exception";
import { resolveExceptions, ZResolveExceptionsInput } from "./resolve-exceptions";
import { addRestrictedItem, listRestrictedItems, removeRestrictedItem, ZAddRestrictedItemInput, ZRemoveRestrictedItemInput, ZRestrictedItem } from "./restricted-items";
import { listSlaTable, updateSla, ZSlaRow, ZUpdateSlaInput } from "./sla";

const tags = ["exceptions"];
const orders = { ...exceptionOrders(orderShipments, orderPlanning), decideReturns: decideOrderReturns };
const ZIds = z.object({ ids: z.array(z.string()) });
const ZId = z.object({ id: z.string().uuid("id must be an exception id") });
const ZAssigned = z.object({ ids: z.array(z.string()), assignee: z.object({ id: z.string(), name: z.string() }).nullable() });
/** REST works on one exception (`/exceptions/{id}/…`); the desk's bulk actions send `ids` to the same use case. */
const byId = <T extends z.ZodObject>(schema: T) => schema.omit({ ids: true } as never).extend(ZId.shape);

export const exceptionsRouter = createTRPCRouter({
  list: permissionProcedure("exceptions.view")
    .meta({ openapi: { method: "GET", path: "/exceptions", tags, summary: "The exception queue, most urgent first (SLA state, severity, due time)", protect: true } })
    .input(ZListExceptionsInput)
    .output(zPage(ZExceptionListItem))
    .query(({ ctx, input }) => listExceptions({ db: ctx.db, actor: ctx.actor, input })),

  counts: permissionProcedure("exceptions.view")
    .input(z.object({}).optional())
    .output(z.object({ mine: z.number(), team: z.number(), all: z.number() }))
    .query(({ ctx }) => exceptionCounts({ db: ctx.db, actor: ctx.actor })),

  get: permissionProcedure("exceptions.view")
    .meta({ openapi: { method: "GET", path: "/exceptions/{id}", tags, summary: "One exception with its history and ways to resolve it", protect: true } })
    .input(ZId)
    .output(ZException)
    .query(({ ctx, input }) => getException({ db: ctx.db, id: input.id })),

  assign: permissionProcedure("exceptions.work")
    .input(ZAssignExceptionsInput)
    .output(ZAssigned)
    .mutation(({ ctx, input }) => assignExceptions({ db: ctx.db, actor: ctx.actor, input })),

  assignOne: permissionProcedure("exceptions.work")
    .meta({ openapi: { method: "POST", path: "/exceptions/{id}/assign", tags, summary: "Take (assignee \"me\"), assign to a user, or hand back (null)", protect: true } })
    .input(byId(ZAssignExceptionsInput))
    .output(ZAssigned)
    .mutation(({ ctx, input: { id, ...rest } }) => assignExceptions({ db: ctx.db, actor: ctx.actor, input: { ...(rest as Omit<z.infer<typeof ZAssignExceptionsInput>, "ids">), ids: [id] } })),

  assignees: permissionProcedure("exceptions.work")
    .input(ZListAssigneesInput)
    .output(z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) })))
    .query(({ ctx, input }) => listAssignees({ db: ctx.db, input })),

  comment: permissionProcedure("exceptions.work")
    .meta({ openapi: { method: "POST", path: "/exceptions/{id}/comment", tags, summary: "Add a note to the exception's thread", protect: true } })
    .input(ZCommentExceptionInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => commentException({ db: ctx.db, actor: ctx.actor, input })),

  resolve: permissionProcedure("exceptions.work")
    .input(ZResolveExceptionsInput)
    .output(ZIds)
    .mutation(({ ctx, input }) => resolveExceptions({ db: ctx.db, actor: ctx.actor, orders, input })),

  resolveOne: permissionProcedure("exceptions.work")
    .meta({ openapi: { method: "POST", path: "/exceptions/{id}/resolve", tags, summary: "Resolve with one of the type's actions and a note; releases the order when no blocking exception is left", protect: true } })
    .input(byId(ZResolveExceptionsInput))
    .output(ZIds)
    .mutation(({ ctx, input: { id, ...rest } }) => resolveExceptions({ db: ctx.db, actor: ctx.actor, orders, input: { ...(rest as Omit<z.infer<typeof ZResolveExceptionsInput>, "ids">), ids: [id] } })),

  dismiss: permissionProcedure("exceptions.work")
    .input(ZDismissExceptionsInput)
    .output(ZIds)
    .mutation(({ ctx, input }) => dismissExceptions({ db: ctx.db, actor: ctx.actor, orders, input })),

  dismissOne: permissionProcedure("exceptions.work")
    .meta({ openapi: { method: "POST", path: "/exceptions/{id}/dismiss", tags, summary: "Dismiss with a reason (nothing to do)", protect: true } })
    .input(byId(ZDismissExceptionsInput))
    .output(ZIds)
    .mutation(({ ctx, input: { id, ...rest } }) => dismissExceptions({ db: ctx.db, actor: ctx.actor, orders, input: { ...(rest as Omit<z.infer<typeof ZDismissExceptionsInput>, "ids">), ids: [id] } })),

  reopen: permissionProcedure("exceptions.work")
    .meta({ openapi: { method: "POST", path: "/exceptions/{id}/reopen", tags, summary: "Reopen a resolved or dismissed exception with a note", protect: true } })
    .input(ZReopenExceptionInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => reopenException({ db: ctx.db, actor: ctx.actor, orders, input })),

  dashboard: permissionProcedure("exceptions.dashboard")
    .meta({ openapi: { method: "GET", path: "/dashboards/exceptions", tags, summary: "The manager's dashboard: open by type and age, breaches, trend, time to resolve, top offenders, holds", protect: true } })
    .input(z.object({}).optional())
    .output(ZDashboard)
    .query(({ ctx }) => exceptionDashboard({ db: ctx.db })),

  slaTable: permissionProcedure("exceptions.view")
    .input(z.object({}).optional())
    .output(z.array(ZSlaRow))
    .query(({ ctx }) => listSlaTable({ db: ctx.db })),

  updateSla: permissionProcedure("exceptions.configure")
    .input(ZUpdateSlaInput)
    .output(z.array(ZSlaRow))
    .mutation(({ ctx, input }) => updateSla({ db: ctx.db, actor: ctx.actor, input })),

  restricted: permissionProcedure("exceptions.view")
    .input(z.object({}).optional())
    .output(z.array(ZRestrictedItem))
    .query(({ ctx }) => listRestrictedItems({ db: ctx.db })),

  addRestricted: permissionProcedure("exceptions.configure")
    .input(ZAddRestrictedItemInput)
    .output(ZRestrictedItem)
    .mutation(({ ctx, input }) => addRestrictedItem({ db: ctx.db, actor: ctx.actor, input, skuExists: async (sku) => !!(await findProductBySku(ctx.db, sku)) })),

  removeRestricted: permissionProcedure("exceptions.configure")
    .input(ZRemoveRestrictedItemInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => removeRestrictedItem({ db: ctx.db, actor: ctx.actor, input })),
});
