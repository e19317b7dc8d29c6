import { catalogRouter } from "../catalog/router";
import { customersRouter } from "../customers/router";
import { exceptionsRouter } from "../exceptions/router";
import { integrationRouter } from "../integration/router";
import { inventoryRouter } from "../inventory/router";
import { purchasingRouter } from "../inventory/purchasing-router";
import { replenishmentRouter } from "../inventory/replenishment-router";
import { transfersRouter } from "../inventory/transfers-router";
import { ordersRouter, quotesRouter } from "../orders/router";
import { pricingRouter } from "../pricing/router";
import { searchRouter } from "./search-router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  customers: customersRouter,
  products: catalogRouter,
  inventory: inventoryRouter,
  orders: ordersRouter,
  exceptions: exceptionsRouter,
  quotes: quotesRouter,
  pricing: pricingRouter,
  integration: integrationRouter,
  search: searchRouter,
  purchasing: purchasingRouter,
  replenishment: replenishmentRouter,
  transfers: transfersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
