import { z } from "zod";
import { can } from "../auth/permissions";
import { lookupProducts } from "../catalog";
import { searchCustomers } from "../customers";
import { findOrdersByNumber } from "../orders";
import { findPurchaseOrdersByNumber } from "../purchasing";
import { authedProcedure, createTRPCRouter } from "./trpc";

/**
 * The command palette: orders and quotes by number, customers by name, products by SKU or name and purchase
 * orders by number, each only for roles that may see them.
 */
export const searchRouter = createTRPCRouter({
  palette: authedProcedure.meta({ permission: "signedIn" }).input(z.object({ q: z.string().trim().min(2).max(100) })).query(async ({ ctx, input }) => {
    const role = ctx.actor.role;
    const [orders, customers, products, purchaseOrders] = await Promise.all([
      can(role, "orders.view") ? findOrdersByNumber(ctx.db, input.q) : [],
      can(role, "customers.view") ? searchCustomers(ctx.db, input.q) : [],
      can(role, "products.view") ? lookupProducts(ctx.db, input.q, 5).then((rows) => rows.map(({ sku, name }) => ({ sku, name }))) : [],
      can(role, "purchasing.view") ? findPurchaseOrdersByNumber(ctx.db, input.q) : [],
    ]);
    return { orders, customers, products, purchaseOrders };
  }),
});
