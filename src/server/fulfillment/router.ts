import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { cancelShipment } from "./cancel-shipment";
import { PICK_LIST_STATUSES } from "./constants";
import { createPickList } from "./create-pick-list";
import { deliverShipment } from "./deliver-shipment";
import { fulfillmentDesk } from "./fulfillment-desk";
import { getPickList } from "./get-pick-list";
import { getShipment, shipmentsOfOrder } from "./get-shipment";
import { listCarriers } from "./list-carriers";
import { listPickLists } from "./list-pick-lists";
import { listShipments } from "./list-shipments";
import { packShipment } from "./pack-shipment";
import { pickShipment } from "./pick-shipment";
import { planShipments } from "./plan-shipments";
import {
  ZCancelShipmentInput,
  ZCarrier,
  ZCreatePickListInput,
  ZDeliverShipmentInput,
  ZFulfillmentDeskInput,
  ZListShipmentsInput,
  ZPackShipmentInput,
  ZPickList,
  ZPickShipmentInput,
  ZPlanShipmentsInput,
  ZShipment,
  ZShipmentRef,
  ZShipShipmentInput,
  ZUpdateCarrierInput,
} from "./schemas";
import { shipShipment } from "./ship-shipment";
import { updateCarrier } from "./update-carrier";

const tags = ["shipments"];

export const fulfillmentRouter = createTRPCRouter({
  plan: permissionProcedure("fulfillment.plan")
    .meta({ openapi: { method: "POST", path: "/orders/{number}/shipments", tags, summary: "Plan shipments from what is reserved (one per warehouse unless one is named)", protect: true } })
    .input(ZPlanShipmentsInput)
    .output(z.object({ shipments: z.array(ZShipment) }))
    .mutation(({ ctx, input }) => planShipments({ db: ctx.db, actor: ctx.actor, input })),

  list: permissionProcedure("shipments.view")
    .meta({ openapi: { method: "GET", path: "/shipments", tags, summary: "List shipments by order, warehouse, status or pick list", protect: true } })
    .input(ZListShipmentsInput)
    .output(zPage(ZShipment))
    .query(({ ctx, input }) => listShipments({ db: ctx.db, input })),

  get: permissionProcedure("shipments.view")
    .meta({ openapi: { method: "GET", path: "/shipments/{id}", tags, summary: "Get a shipment by number (SH-…) or id", protect: true } })
    .input(ZShipmentRef)
    .output(ZShipment)
    .query(({ ctx, input }) => getShipment({ db: ctx.db, id: input.id })),

  ofOrder: permissionProcedure("shipments.view")
    .input(z.object({ number: z.string().trim().min(1).max(40) }))
    .output(z.array(ZShipment))
    .query(({ ctx, input }) => shipmentsOfOrder({ db: ctx.db, number: input.number })),

  pick: permissionProcedure("fulfillment.pick")
    .meta({ openapi: { method: "POST", path: "/shipments/{id}/pick", tags, summary: "Confirm what was picked (fewer is a short pick)", protect: true } })
    .input(ZPickShipmentInput)
    .output(ZShipment)
    .mutation(({ ctx, input }) => pickShipment({ db: ctx.db, actor: ctx.actor, input })),

  pack: permissionProcedure("fulfillment.pick")
    .meta({ openapi: { method: "POST", path: "/shipments/{id}/pack", tags, summary: "Pack a picked shipment into packages", protect: true } })
    .input(ZPackShipmentInput)
    .output(ZShipment)
    .mutation(({ ctx, input }) => packShipment({ db: ctx.db, actor: ctx.actor, input })),

  ship: permissionProcedure("fulfillment.ship")
    .meta({ openapi: { method: "POST", path: "/shipments/{id}/ship", tags, summary: "Ship with a carrier and tracking number: stock leaves through the ledger", protect: true } })
    .input(ZShipShipmentInput)
    .output(ZShipment)
    .mutation(({ ctx, input }) => shipShipment({ db: ctx.db, actor: ctx.actor, input })),

  deliver: permissionProcedure("fulfillment.deliver")
    .meta({ openapi: { method: "POST", path: "/shipments/{id}/deliver", tags, summary: "Mark delivered (with a date) or the delivery failed (with a reason)", protect: true } })
    .input(ZDeliverShipmentInput)
    .output(ZShipment)
    .mutation(({ ctx, input }) => deliverShipment({ db: ctx.db, actor: ctx.actor, input })),

  cancel: permissionProcedure("fulfillment.ship")
    .meta({ openapi: { method: "POST", path: "/shipments/{id}/cancel", tags, summary: "Cancel a shipment (a shipped one that came back is restocked)", protect: true } })
    .input(ZCancelShipmentInput)
    .output(ZShipment)
    .mutation(({ ctx, input }) => cancelShipment({ db: ctx.db, actor: ctx.actor, input })),

  desk: permissionProcedure("fulfillment.view")
    .input(ZFulfillmentDeskInput)
    .query(({ ctx, input }) => fulfillmentDesk({ db: ctx.db, warehouse: input.warehouse })),

  createPickList: permissionProcedure("fulfillment.pick")
    .meta({ openapi: { method: "POST", path: "/pick-lists", tags: ["pick lists"], summary: "Batch planned shipments of a warehouse into a pick list", protect: true } })
    .input(ZCreatePickListInput)
    .output(ZPickList)
    .mutation(({ ctx, input }) => createPickList({ db: ctx.db, actor: ctx.actor, input })),

  pickList: permissionProcedure("fulfillment.view")
    .meta({ openapi: { method: "GET", path: "/pick-lists/{id}", tags: ["pick lists"], summary: "A pick list in bin order, by number (PL-…) or id", protect: true } })
    .input(z.object({ id: z.string().trim().min(1).max(60) }))
    .output(ZPickList)
    .query(({ ctx, input }) => getPickList({ db: ctx.db, id: input.id })),

  pickLists: permissionProcedure("fulfillment.view")
    .input(z.object({ warehouse: z.string().trim().min(1).max(20), status: z.enum(PICK_LIST_STATUSES).optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listPickLists({ db: ctx.db, input })),

  carriers: permissionProcedure("shipments.view")
    .meta({ openapi: { method: "GET", path: "/carriers", tags: ["carriers"], summary: "Carriers and their tracking links", protect: true } })
    .input(z.object({}))
    .output(z.object({ items: z.array(ZCarrier), nextCursor: z.null() }))
    .query(async ({ ctx }) => ({ items: await listCarriers({ db: ctx.db }), nextCursor: null })),

  updateCarrier: permissionProcedure("carriers.manage")
    .meta({ openapi: { method: "PATCH", path: "/carriers/{code}", tags: ["carriers"], summary: "Edit a carrier's name, tracking link or availability (admins)", protect: true } })
    .input(ZUpdateCarrierInput)
    .output(ZCarrier)
    .mutation(({ ctx, input }) => updateCarrier({ db: ctx.db, actor: ctx.actor, input })),
});
