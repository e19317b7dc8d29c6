import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { adjustStock } from "./adjust-stock";
import { getAvailability } from "./availability";
import { ZSku } from "../catalog";
import { listStock } from "./list-stock";
import { ZAdjustStockInput, ZCreateWarehouseInput, ZListStockInput, ZStockLevel, ZStockMovement, ZWarehouse } from "./schemas";
import { createWarehouse, listWarehouses } from "./warehouses";

export const inventoryRouter = createTRPCRouter({
  warehouses: permissionProcedure("warehouses.view")
    .meta({ openapi: { method: "GET", path: "/warehouses", tags: ["warehouses"], summary: "List warehouses", protect: true } })
    .input(z.object({}).optional())
    .output(z.object({ items: z.array(ZWarehouse), nextCursor: z.null() }))
    .query(async ({ ctx }) => ({ items: await listWarehouses({ db: ctx.db }), nextCursor: null })),

  createWarehouse: permissionProcedure("warehouses.create")
    .meta({ openapi: { method: "POST", path: "/warehouses", tags: ["warehouses"], summary: "Create a warehouse", protect: true } })
    .input(ZCreateWarehouseInput)
    .output(ZWarehouse)
    .mutation(({ ctx, input }) => createWarehouse({ db: ctx.db, actor: ctx.actor, input })),

  stock: permissionProcedure("stock.view")
    .meta({ openapi: { method: "GET", path: "/stock", tags: ["stock"], summary: "Stock per SKU and warehouse", protect: true } })
    .input(ZListStockInput)
    .output(zPage(ZStockLevel))
    .query(({ ctx, input }) => listStock({ db: ctx.db, input })),

  availability: permissionProcedure("stock.view")
    .input(z.object({ lines: z.array(z.object({ sku: ZSku, quantity: z.number().int().positive() })).max(500) }))
    .query(({ ctx, input }) => getAvailability(ctx.db, input.lines)),

  adjust: permissionProcedure("stock.adjust")
    .meta({ openapi: { method: "POST", path: "/stock/adjustments", tags: ["stock"], summary: "Adjust on-hand stock (signed quantity, with a reason)", protect: true } })
    .input(ZAdjustStockInput)
    .output(ZStockMovement)
    .mutation(({ ctx, input }) => adjustStock({ db: ctx.db, actor: ctx.actor, input })),
});
