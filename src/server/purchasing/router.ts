import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { allocateAndPromise } from "../fulfillment";
import { assignVendorProducts } from "./assign-vendor-products";
import { cancelPurchaseOrder } from "./cancel-purchase-order";
import { closePurchaseOrder } from "./close-purchase-order";
import { createPurchaseOrder } from "./create-purchase-order";
import { createVendor } from "./create-vendor";
import { getPurchaseOrder } from "./get-purchase-order";
import { getVendor } from "./get-vendor";
import { listPurchaseOrders } from "./list-purchase-orders";
import { listVendorOptions } from "./list-vendor-options";
import { listVendors } from "./list-vendors";
import { purchaseOrderHistory } from "./purchase-order-history";
import { receivePurchaseOrder } from "./receive-purchase-order";
import {
  ZAssignVendorProductsInput,
  ZCancelPurchaseOrderInput,
  ZClosePurchaseOrderInput,
  ZCreatePurchaseOrderInput,
  ZCreateVendorInput,
  ZListPurchaseOrdersInput,
  ZListVendorsInput,
  ZPurchaseOrder,
  ZPurchaseOrderEvent,
  ZPurchaseOrderKey,
  ZPurchaseOrderSummary,
  ZReceiptResult,
  ZReceivePurchaseOrderInput,
  ZSendPurchaseOrderInput,
  ZUnassignVendorProductInput,
  ZUpdatePurchaseOrderInput,
  ZUpdateVendorInput,
  ZVendor,
  ZVendorDetail,
  ZVendorKey,
} from "./schemas";
import { sendPurchaseOrder } from "./send-purchase-order";
import { unassignVendorProduct } from "./unassign-vendor-product";
import { updatePurchaseOrder } from "./update-purchase-order";
import { updateVendor } from "./update-vendor";

const vendorTags = ["vendors"];
const poTags = ["purchase orders"];

const vendorsRouter = createTRPCRouter({
  list: permissionProcedure("purchasing.view")
    .meta({ openapi: { method: "GET", path: "/vendors", tags: vendorTags, summary: "List vendors (search by code or name)", protect: true } })
    .input(ZListVendorsInput)
    .output(zPage(ZVendor))
    .query(({ ctx, input }) => listVendors({ db: ctx.db, input })),

  /** Active vendors for selects. */
  options: permissionProcedure("purchasing.view")
    .input(z.void())
    .query(({ ctx }) => listVendorOptions(ctx.db)),

  get: permissionProcedure("purchasing.view")
    .meta({ openapi: { method: "GET", path: "/vendors/{code}", tags: vendorTags, summary: "A vendor with its products and purchase orders", protect: true } })
    .input(ZVendorKey)
    .output(ZVendorDetail)
    .query(({ ctx, input }) => getVendor({ db: ctx.db, code: input.code })),

  create: permissionProcedure("purchasing.manage")
    .meta({ openapi: { method: "POST", path: "/vendors", tags: vendorTags, summary: "Create a vendor", protect: true } })
    .input(ZCreateVendorInput)
    .output(ZVendor)
    .mutation(({ ctx, input }) => createVendor({ db: ctx.db, actor: ctx.actor, input })),

  update: permissionProcedure("purchasing.manage")
    .meta({ openapi: { method: "PATCH", path: "/vendors/{code}", tags: vendorTags, summary: "Edit a vendor; archived: true archives it", protect: true } })
    .input(ZUpdateVendorInput)
    .output(ZVendor)
    .mutation(({ ctx, input }) => updateVendor({ db: ctx.db, actor: ctx.actor, input })),

  assignProducts: permissionProcedure("purchasing.manage")
    .meta({
      openapi: { method: "POST", path: "/vendors/{code}/products", tags: vendorTags, summary: "Make this vendor the usual vendor of SKUs", protect: true },
    })
    .input(ZAssignVendorProductsInput)
    .output(ZVendorDetail)
    .mutation(({ ctx, input }) => assignVendorProducts({ db: ctx.db, actor: ctx.actor, input })),

  unassignProduct: permissionProcedure("purchasing.manage")
    .meta({
      openapi: { method: "DELETE", path: "/vendors/{code}/products/{sku}", tags: vendorTags, summary: "Take a SKU off this vendor", protect: true },
    })
    .input(ZUnassignVendorProductInput)
    .output(ZVendorDetail)
    .mutation(({ ctx, input }) => unassignVendorProduct({ db: ctx.db, actor: ctx.actor, input })),
});

const purchaseOrdersRouter = createTRPCRouter({
  list: permissionProcedure("purchasing.view")
    .meta({ openapi: { method: "GET", path: "/purchase-orders", tags: poTags, summary: "List purchase orders (status, vendor, warehouse, SKU)", protect: true } })
    .input(ZListPurchaseOrdersInput)
    .output(zPage(ZPurchaseOrderSummary))
    .query(({ ctx, input }) => listPurchaseOrders({ db: ctx.db, input })),

  get: permissionProcedure("purchasing.view")
    .meta({ openapi: { method: "GET", path: "/purchase-orders/{number}", tags: poTags, summary: "Get a purchase order by number", protect: true } })
    .input(ZPurchaseOrderKey)
    .output(ZPurchaseOrder)
    .query(({ ctx, input }) => getPurchaseOrder({ db: ctx.db, number: input.number })),

  history: permissionProcedure("purchasing.view")
    .meta({ openapi: { method: "GET", path: "/purchase-orders/{number}/history", tags: poTags, summary: "Who changed a purchase order, and how", protect: true } })
    .input(ZPurchaseOrderKey)
    .output(z.array(ZPurchaseOrderEvent))
    .query(({ ctx, input }) => purchaseOrderHistory({ db: ctx.db, number: input.number })),

  create: permissionProcedure("purchasing.manage")
    .meta({ openapi: { method: "POST", path: "/purchase-orders", tags: poTags, summary: "Draft a purchase order", protect: true } })
    .input(ZCreatePurchaseOrderInput)
    .output(ZPurchaseOrder)
    .mutation(({ ctx, input }) => createPurchaseOrder({ db: ctx.db, actor: ctx.actor, input })),

  update: permissionProcedure("purchasing.manage")
    .meta({ openapi: { method: "PATCH", path: "/purchase-orders/{number}", tags: poTags, summary: "Edit a draft; 409 on a stale version", protect: true } })
    .input(ZUpdatePurchaseOrderInput)
    .output(ZPurchaseOrder)
    .mutation(({ ctx, input }) => updatePurchaseOrder({ db: ctx.db, actor: ctx.actor, input })),

  send: permissionProcedure("purchasing.manage")
    .meta({ openapi: { method: "POST", path: "/purchase-orders/{number}/send", tags: poTags, summary: "Send a draft to the vendor", protect: true } })
    .input(ZSendPurchaseOrderInput)
    .output(ZPurchaseOrder)
    .mutation(({ ctx, input }) => sendPurchaseOrder({ db: ctx.db, actor: ctx.actor, input })),

  receive: permissionProcedure("purchasing.receive")
    .meta({
      openapi: {
        method: "POST",
        path: "/purchase-orders/{number}/receive",
        tags: poTags,
        summary: "Receive goods: on hand rises and backorders take the stock, oldest first",
        protect: true,
      },
    })
    .input(ZReceivePurchaseOrderInput)
    .output(ZReceiptResult)
    .mutation(({ ctx, input }) => receivePurchaseOrder({ db: ctx.db, actor: ctx.actor, input, onStockArrival: allocateAndPromise })),

  close: permissionProcedure("purchasing.manage")
    .meta({ openapi: { method: "POST", path: "/purchase-orders/{number}/close", tags: poTags, summary: "Short-close: the rest will not be delivered", protect: true } })
    .input(ZClosePurchaseOrderInput)
    .output(ZPurchaseOrder)
    .mutation(({ ctx, input }) => closePurchaseOrder({ db: ctx.db, actor: ctx.actor, input })),

  cancel: permissionProcedure("purchasing.manage")
    .meta({ openapi: { method: "POST", path: "/purchase-orders/{number}/cancel", tags: poTags, summary: "Cancel a purchase order nothing was received on", protect: true } })
    .input(ZCancelPurchaseOrderInput)
    .output(ZPurchaseOrder)
    .mutation(({ ctx, input }) => cancelPurchaseOrder({ db: ctx.db, actor: ctx.actor, input })),
});

export const purchasingRouter = createTRPCRouter({
  vendors: vendorsRouter,
  orders: purchaseOrdersRouter,
});
