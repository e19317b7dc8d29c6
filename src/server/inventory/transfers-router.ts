import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { allocateAndPromise } from "../fulfillment";
import { ZCancelTransferInput, ZCreateTransferInput, ZListTransfersInput, ZReceivedTransfer, ZReceiveTransferInput, ZTransfer, ZTransferKey } from "./transfer-schemas";
import { cancelTransfer, createTransfer, getTransfer, listTransfers, receiveTransfer } from "./transfers";

const tags = ["transfers"];

export const transfersRouter = createTRPCRouter({
  list: permissionProcedure("stock.view")
    .meta({ openapi: { method: "GET", path: "/transfers", tags, summary: "List transfers between warehouses", protect: true } })
    .input(ZListTransfersInput)
    .output(zPage(ZTransfer))
    .query(({ ctx, input }) => listTransfers({ db: ctx.db, input })),

  get: permissionProcedure("stock.view")
    .meta({ openapi: { method: "GET", path: "/transfers/{number}", tags, summary: "Get a transfer", protect: true } })
    .input(ZTransferKey)
    .output(ZTransfer)
    .query(({ ctx, input }) => getTransfer({ db: ctx.db, number: input.number })),

  create: permissionProcedure("stock.transfer")
    .meta({ openapi: { method: "POST", path: "/transfers", tags, summary: "Ship stock from one warehouse to another", protect: true } })
    .input(ZCreateTransferInput)
    .output(ZTransfer)
    .mutation(({ ctx, input }) => createTransfer({ db: ctx.db, actor: ctx.actor, input })),

  receive: permissionProcedure("stock.transfer")
    .meta({ openapi: { method: "POST", path: "/transfers/{number}/receive", tags, summary: "Receive a transfer at its destination: everything in transit, or per SKU what arrived", protect: true } })
    .input(ZReceiveTransferInput)
    .output(ZReceivedTransfer)
    .mutation(({ ctx, input }) => receiveTransfer({ db: ctx.db, actor: ctx.actor, input, onStockArrival: allocateAndPromise })),

  cancel: permissionProcedure("stock.transfer")
    .meta({ openapi: { method: "POST", path: "/transfers/{number}/cancel", tags, summary: "Cancel a transfer in transit (stock returns to the source)", protect: true } })
    .input(ZCancelTransferInput)
    .output(ZTransfer)
    .mutation(({ ctx, input }) => cancelTransfer({ db: ctx.db, actor: ctx.actor, input, onStockArrival: allocateAndPromise })),
});
