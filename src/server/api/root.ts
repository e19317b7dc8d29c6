import { creditNotesRouter, invoicesRouter, paymentsRouter, receivablesRouter, returnsRouter } from "../billing/router";
import { usersRouter } from "../auth/router";
import { preferencesRouter } from "../auth/preferences-router";
import { catalogRouter } from "../catalog/router";
import { customersRouter } from "../customers/router";
import { exceptionsRouter } from "../exceptions/router";
import { policiesRouter } from "../fulfillment/policies-router";
import { fulfillmentRouter } from "../fulfillment/router";
import { importsRouter } from "../imports/router";
import { integrationRouter } from "../integration/router";
import { inventoryRouter } from "../inventory/router";
import { transfersRouter } from "../inventory/transfers-router";
import { ordersRouter, quotesRouter } from "../orders/router";
import { pricingRouter } from "../pricing/router";
import { replenishmentRouter } from "../purchasing/replenishment-router";
import { purchasingRouter } from "../purchasing/router";
import { settingsRouter } from "../settings/router";
import { searchRouter } from "./search-router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  customers: customersRouter,
  products: catalogRouter,
  inventory: inventoryRouter,
  orders: ordersRouter,
  exceptions: exceptionsRouter,
  fulfillment: fulfillmentRouter,
  policies: policiesRouter,
  quotes: quotesRouter,
  pricing: pricingRouter,
  integration: integrationRouter,
  imports: importsRouter,
  search: searchRouter,
  purchasing: purchasingRouter,
  replenishment: replenishmentRouter,
  transfers: transfersRouter,
  invoices: invoicesRouter,
  creditNotes: creditNotesRouter,
  payments: paymentsRouter,
  returns: returnsRouter,
  receivables: receivablesRouter,
  users: usersRouter,
  preferences: preferencesRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
