import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { products } from "../catalog";
import { creditExposure, getCustomerWithId } from "../customers";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { openExceptionsForCustomer } from "../exceptions";
import { openOrdersTotal } from "./queries";
import { orderLines, orders } from "./schema";

/** What a rep sees beside order entry: terms, credit, holds, and the last orders to copy from. */
export async function customerPanel(options: { db: DbOrTx; code: string }) {
  const { db, code } = options;
  const { id: customerId, customer, receivables } = await getCustomerWithId({ db, code });
  const [openOrders, holds, lastOrders] = await Promise.all([
    openOrdersTotal(db, customerId),
    openExceptionsForCustomer(db, customerId),
    db
      .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, createdAt: orders.createdAt })
      .from(orders)
      .where(and(eq(orders.customerId, customerId), eq(orders.kind, "order")))
      .orderBy(desc(orders.createdAt))
      .limit(5),
  ]);
  const lines = lastOrders.length
    ? await db
        .select({ orderId: orderLines.orderId, sku: products.sku, name: products.name, quantity: orderLines.quantity })
        .from(orderLines)
        .innerJoin(products, eq(products.id, orderLines.productId))
        .where(inArray(orderLines.orderId, lastOrders.map((o) => o.id)))
        .orderBy(asc(orderLines.lineNo))
    : [];
  const { unpaidInvoices, overdueHold } = receivables;
  const exposure = creditExposure({ openOrders, unpaidInvoices });
  return {
    customer,
    /** The desk's today (company time zone): order entry reads the certificates' expiry against it. */
    today: clock.today(),
    credit: { limit: customer.creditLimit, openOrders, unpaidInvoices, exposure, available: customer.creditLimit - exposure, overdueHold },
    holds,
    lastOrders: lastOrders.map(({ id, createdAt, ...o }) => ({
      ...o,
      createdAt: createdAt.toISOString(),
      lines: lines.filter((l) => l.orderId === id).map(({ orderId: _o, ...l }) => l),
    })),
  };
}
