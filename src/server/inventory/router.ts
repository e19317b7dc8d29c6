import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { adjustStock } from "./adjust-stock";
import { getAvailability } from "./availability";
import { ZSku } from "../catalog";
import { AppError } from "../errors";
import { findCustomerByCode } from "../customers";
import { allocateAndPromise } from "../fulfillment";
import { purchasingSupply } from "../purchasing";
import { setHoldback } from "./holdbacks";
import { listStock } from "./list-stock";
import { countLowStock } from "./low-stock";
import { setReorderPoint } from "./reorder-points";
import {
  ZAdjustStockInput,
  ZAtpTimeline,
  ZAtpTimelineInput,
  ZCreateWarehouseInput,
  ZHoldbacks,
  ZLedgerEntry,
  ZLedgerInput,
  ZListStockInput,
  ZLowStockCount,
  ZReorderPoint,
  ZSetHoldbackInput,
  ZSetReorderPointInput,
  ZSkuKey,
  ZStockDetail,
  ZStockGridInput,
  ZStockGridOptions,
  ZStockGridRow,
  ZStockLevel,
  ZStockMovement,
  ZWarehouse,
} from "./schemas";
import { getAtpTimeline, getStockDetail } from "./stock-detail";
import { listStockGrid, stockGridOptions } from "./stock-grid";
import { listStockLedger } from "./stock-ledger";
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
    .query(({ ctx, input }) => listStock({ db: ctx.db, input, supply: purchasingSupply })),

  availability: permissionProcedure("stock.view")
    .input(
      z.object({
        lines: z.array(z.object({ sku: ZSku, quantity: z.number().int().positive() })).max(500),
        /** The ordering customer: stock held back for other demand classes is not available to it. */
        customer: z.string().trim().max(40).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const customer = input.customer ? await findCustomerByCode(ctx.db, input.customer) : undefined;
      if (input.customer && !customer) throw AppError.invalidField("customer", `no customer with code "${input.customer}"`);
      return getAvailability(ctx.db, input.lines, { demandClass: customer?.demandClass, supply: purchasingSupply });
    }),

  adjust: permissionProcedure("stock.adjust")
    .meta({ openapi: { method: "POST", path: "/stock/adjustments", tags: ["stock"], summary: "Adjust on-hand stock (signed quantity, with a reason)", protect: true } })
    .input(ZAdjustStockInput)
    .output(ZStockMovement)
    // Found stock goes to waiting backorders first, oldest order first.
    .mutation(({ ctx, input }) => adjustStock({ db: ctx.db, actor: ctx.actor, input, onStockArrival: allocateAndPromise })),

  grid: permissionProcedure("stock.view")
    .meta({ openapi: { method: "GET", path: "/stock/grid", tags: ["stock"], summary: "Stock by SKU × warehouse (rows are SKUs; filters: status, days (of supply, for status=low), category, warehouse, search)", protect: true } })
    .input(ZStockGridInput)
    .output(zPage(ZStockGridRow))
    .query(({ ctx, input }) => listStockGrid({ db: ctx.db, input })),

  gridOptions: permissionProcedure("stock.view")
    .input(z.void())
    .output(ZStockGridOptions)
    .query(({ ctx }) => stockGridOptions({ db: ctx.db })),

  detail: permissionProcedure("stock.view")
    .input(ZSkuKey)
    .output(ZStockDetail)
    .query(({ ctx, input }) => getStockDetail({ db: ctx.db, sku: input.sku, supply: purchasingSupply })),

  atpTimeline: permissionProcedure("stock.view")
    .input(ZAtpTimelineInput)
    .output(ZAtpTimeline)
    .query(({ ctx, input }) => getAtpTimeline({ db: ctx.db, input, supply: purchasingSupply })),

  ledger: permissionProcedure("stock.view")
    .meta({ openapi: { method: "GET", path: "/stock/movements", tags: ["stock"], summary: "The stock ledger of a SKU, newest first", protect: true } })
    .input(ZLedgerInput)
    .output(zPage(ZLedgerEntry))
    .query(({ ctx, input }) => listStockLedger({ db: ctx.db, input })),

  lowStockCount: permissionProcedure("stock.view")
    .input(z.void())
    .output(ZLowStockCount)
    .query(({ ctx }) => countLowStock({ db: ctx.db })),

  setHoldback: permissionProcedure("stock.configure")
    .meta({ openapi: { method: "POST", path: "/stock/holdbacks", tags: ["stock"], summary: "Hold back units of a SKU in a warehouse for a demand class (0 clears)", protect: true } })
    .input(ZSetHoldbackInput)
    .output(ZHoldbacks)
    .mutation(({ ctx, input }) => setHoldback({ db: ctx.db, actor: ctx.actor, input })),

  setReorderPoint: permissionProcedure("stock.configure")
    .meta({ openapi: { method: "POST", path: "/stock/reorder-points", tags: ["stock"], summary: "Set or clear the reorder point and quantity of a SKU in a warehouse", protect: true } })
    .input(ZSetReorderPointInput)
    .output(ZReorderPoint)
    .mutation(({ ctx, input }) => setReorderPoint({ db: ctx.db, actor: ctx.actor, input })),
});
