import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { listOrders } from "./list-orders";
import { ZListOrdersInput, ZOrderSummary } from "./schemas";

export const ordersRouter = createTRPCRouter({
  list: permissionProcedure("orders.view")
    .input(ZListOrdersInput)
    .output(zPage(ZOrderSummary))
    .query(({ ctx, input }) => listOrders({ db: ctx.db, input })),
});
