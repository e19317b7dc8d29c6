import { z } from "zod";
import { can } from "../auth/permissions";
import { searchCustomers } from "../customers";
import { findOrdersByNumber } from "../orders";
import { authedProcedure, createTRPCRouter } from "./trpc";

/** The command palette: orders by number and customers by name, each only for roles that may see them. */
export const searchRouter = createTRPCRouter({
  palette: authedProcedure.input(z.object({ q: z.string().trim().min(2).max(100) })).query(async ({ ctx, input }) => {
    const [orders, customers] = await Promise.all([
      can(ctx.actor.role, "orders.view") ? findOrdersByNumber(ctx.db, input.q) : [],
      can(ctx.actor.role, "customers.view") ? searchCustomers(ctx.db, input.q) : [],
    ]);
    return { orders, customers };
  }),
});
