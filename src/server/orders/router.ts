import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { listAssignees } from "../auth/assignees";
import { assignOrders } from "./assign-orders";
import { cancelOrder } from "./cancel-order";
import { closeOrder } from "./close-order";
import { convertQuote } from "./convert-quote";
import { createOrder, createQuote } from "./create-order";
import { customerPanel } from "./customer-panel";
import { duplicateOrder } from "./duplicate-order";
import { findRecentDuplicates } from "./find-duplicates";
import { listReservationsForSku, ZReservationsForSkuInput, ZSkuReservation } from "./list-allocations";
import { countOrders, listOrders } from "./list-orders";
import { orderTimeline } from "./order-timeline";
import { loadOrder, toOrderDto } from "./queries";
import { releaseHold } from "./release-hold";
import { setAutoPlan } from "./set-auto-plan";
import { deleteView, listSavedViews, saveView, ZSavedViewList, ZSaveViewInput } from "./saved-views";
import {
  ZAssignOrdersInput,
  ZAssignOrdersResult,
  ZCancelOrderInput,
  ZCreateOrderInput,
  ZCreateQuoteInput,
  ZDuplicateCheckInput,
  ZListOrdersInput,
  ZOrder,
  ZOrderEvent,
  ZOrderKey,
  ZOrderSummary,
  ZReleaseHoldInput,
  ZUpdateOrderInput,
} from "./schemas";
import { submitOrder } from "./submit-order";
import { updateOrder } from "./update-order";
import { orderBilling } from "../billing";
import { orderPlanning, orderShipments, withPlan, ZOrderPlanFields } from "../fulfillment";

const tags = ["orders"];

export const ordersRouter = createTRPCRouter({
  list: permissionProcedure("orders.view")
    .meta({ openapi: { method: "GET", path: "/orders", tags, summary: "List and search orders", protect: true } })
    .input(ZListOrdersInput)
    .output(zPage(ZOrderSummary).extend({ prevCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listOrders({ db: ctx.db, input, actorId: ctx.actor.id })),

  count: permissionProcedure("orders.view")
    .meta({
      openapi: { method: "GET", path: "/orders/count", tags, summary: "Count the orders a list query matches (exact up to 10,000; capped beyond)", protect: true },
    })
    .input(ZListOrdersInput.omit({ cursor: true, before: true, limit: true, sort: true, direction: true }))
    .output(z.object({ count: z.number().int(), capped: z.boolean() }))
    .query(({ ctx, input }) =>
      countOrders({ db: ctx.db, input: { ...input, limit: 1, sort: "created", direction: "desc" }, actorId: ctx.actor.id }),
    ),

  assignees: permissionProcedure("orders.view")
    .meta({ openapi: { method: "GET", path: "/orders/assignees", tags, summary: "The active users orders can be assigned to", protect: true } })
    .input(z.object({}).optional())
    .output(z.array(z.object({ id: z.string(), name: z.string() })))
    .query(({ ctx }) => listAssignees(ctx.db)),

  assign: permissionProcedure("orders.assign")
    .meta({
      openapi: { method: "POST", path: "/orders/assign", tags, summary: "Assign orders to a desk user (or unassign them with assignee: null), all or none", protect: true },
    })
    .input(ZAssignOrdersInput)
    .output(ZAssignOrdersResult)
    .mutation(({ ctx, input }) => assignOrders({ db: ctx.db, actor: ctx.actor, input })),

  get: permissionProcedure("orders.view")
    .meta({ openapi: { method: "GET", path: "/orders/{number}", tags, summary: "Get an order (or quote) by number, with its policy, steps and promise dates", protect: true } })
    .input(ZOrderKey)
    .output(ZOrder.extend(ZOrderPlanFields))
    .query(async ({ ctx, input }) => {
      const order = await loadOrder(ctx.db, input.number);
      return withPlan(ctx.db, order, await toOrderDto(ctx.db, order));
    }),

  create: permissionProcedure("orders.create")
    .meta({
      openapi: {
        method: "POST",
        path: "/orders",
        tags,
        summary: "Create an order (submitted at once unless draft: true)",
        description: "Send an `Idempotency-Key` header: a retry with the same key and body returns the first order; another body is a 409.",
        // Declared so generated clients can send it; read from ctx.headers by the procedure.
        requestHeaders: z.object({ "Idempotency-Key": z.string().max(200).optional().describe("At most 200 characters, scoped to the API key") }),
        protect: true,
      },
    })
    .input(ZCreateOrderInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) => createOrder({ db: ctx.db, actor: ctx.actor, input, idempotencyKey: ctx.headers.get("idempotency-key"), billing: orderBilling, planning: orderPlanning })),

  update: permissionProcedure("orders.edit")
    .meta({ openapi: { method: "PATCH", path: "/orders/{number}", tags, summary: "Edit an order: re-priced; 409 on a stale version", protect: true } })
    .input(ZUpdateOrderInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) => updateOrder({ shipments: orderShipments, planning: orderPlanning, db: ctx.db, actor: ctx.actor, input })),

  submit: permissionProcedure("orders.submit")
    .meta({ openapi: { method: "POST", path: "/orders/{number}/submit", tags, summary: "Submit a draft order", protect: true } })
    .input(ZOrderKey)
    .output(ZOrder)
    .mutation(({ ctx, input }) => submitOrder({ db: ctx.db, actor: ctx.actor, number: input.number, billing: orderBilling, planning: orderPlanning })),

  cancel: permissionProcedure("orders.cancel")
    .meta({ openapi: { method: "POST", path: "/orders/{number}/cancel", tags, summary: "Cancel an order (reason required)", protect: true } })
    .input(ZCancelOrderInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) => cancelOrder({ shipments: orderShipments, db: ctx.db, actor: ctx.actor, input })),

  releaseHold: permissionProcedure("orders.releaseHold")
    .meta({ openapi: { method: "POST", path: "/orders/{number}/release-hold", tags, summary: "Release a held order (managers)", protect: true } })
    .input(ZReleaseHoldInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) => releaseHold({ db: ctx.db, actor: ctx.actor, input })),

  close: permissionProcedure("orders.close")
    .meta({
      openapi: { method: "POST", path: "/orders/{number}/close", tags, summary: "Close a partly shipped order: keep what shipped, cancel the rest", protect: true },
    })
    .input(ZCancelOrderInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) => closeOrder({ shipments: orderShipments, db: ctx.db, actor: ctx.actor, input })),

  autoPlan: permissionProcedure("orders.autoPlan")
    .meta({ openapi: { method: "POST", path: "/orders/{number}/auto-plan", tags, summary: "Plan shipments automatically once every line is reserved (or not)", protect: true } })
    .input(ZOrderKey.extend({ enabled: z.boolean() }))
    .output(ZOrder)
    .mutation(({ ctx, input }) => setAutoPlan({ db: ctx.db, actor: ctx.actor, input })),

  duplicate: permissionProcedure("orders.create")
    .input(ZOrderKey)
    .output(ZOrder)
    .mutation(({ ctx, input }) => duplicateOrder({ db: ctx.db, actor: ctx.actor, number: input.number })),

  timeline: permissionProcedure("orders.view")
    .input(ZOrderKey)
    .output(z.array(ZOrderEvent))
    .query(({ ctx, input }) => orderTimeline({ db: ctx.db, number: input.number })),

  recentDuplicates: permissionProcedure("orders.create")
    .input(ZDuplicateCheckInput)
    .query(({ ctx, input }) => findRecentDuplicates(ctx.db, input)),

  customerPanel: permissionProcedure("customers.view")
    .input(z.object({ code: z.string().trim().min(1) }))
    .query(({ ctx, input }) => customerPanel({ db: ctx.db, code: input.code })),

  savedViews: permissionProcedure("orders.view")
    .input(ZSavedViewList.optional())
    .query(({ ctx, input }) => listSavedViews({ db: ctx.db, actor: ctx.actor, list: input?.list })),

  saveView: permissionProcedure("orders.view")
    .input(ZSaveViewInput)
    .mutation(({ ctx, input }) => saveView({ db: ctx.db, actor: ctx.actor, input })),

  deleteView: permissionProcedure("orders.view")
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => deleteView({ db: ctx.db, actor: ctx.actor, id: input.id })),

  /** Open reservations of a SKU with their orders (the inventory SKU page). */
  reservationsForSku: permissionProcedure("stock.view")
    .input(ZReservationsForSkuInput)
    .output(zPage(ZSkuReservation))
    .query(({ ctx, input }) => listReservationsForSku({ db: ctx.db, input })),
});

export const quotesRouter = createTRPCRouter({
  create: permissionProcedure("quotes.create")
    .meta({ openapi: { method: "POST", path: "/quotes", tags: ["quotes"], summary: "Create a quote", protect: true } })
    .input(ZCreateQuoteInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) => createQuote({ db: ctx.db, actor: ctx.actor, input })),

  convert: permissionProcedure("quotes.convert")
    .meta({ openapi: { method: "POST", path: "/quotes/{number}/convert", tags: ["quotes"], summary: "Convert a quote to an order (re-priced)", protect: true } })
    .input(ZOrderKey)
    .output(ZOrder)
    .mutation(({ ctx, input }) => convertQuote({ db: ctx.db, actor: ctx.actor, number: input.number, billing: orderBilling, planning: orderPlanning })),
});
