import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import type { OrderRow } from "./queries";

/**
 * What orders asks of billing, which owns invoices and depends on orders (not the reverse): the routers
 * pass billing's implementation to the use cases that submit orders.
 */
export type OrderBilling = {
  /**
   * In the submitting transaction of a customer invoiced on order, or of an order whose policy bills first
   * (`invoiceNow`, prepaid): its invoice now.
   */
  onSubmitted(tx: DbOrTx, order: OrderRow, actor: Actor, options?: { invoiceNow?: boolean }): Promise<void>;
};
