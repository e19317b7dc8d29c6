import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { creditCheck, customers } from "../customers";
import type { DbOrTx } from "../db";
import { openException, resolveOrderExceptions } from "../exceptions";
import { formatMoney } from "~/lib/money";
import { openOrdersTotal, recordOrderEvent, type OrderRow } from "./queries";
import { orders } from "./schema";
import { assertTransition } from "./state-machine";

/**
 * Runs the hold checks of DESIGN.md on a submitted (or edited) order and moves it to on_hold or open.
 * Today: credit (open orders + unpaid invoices past the limit). A hold opens an exception in the queue;
 * an edit that brings the order back within the limit resolves it and reopens the order.
 */
export async function applyHolds(tx: DbOrTx, order: OrderRow, actor: Actor): Promise<OrderRow["status"]> {
  const [customer] = await tx.select().from(customers).where(eq(customers.id, order.customerId));
  const exposureWithoutOrder = await openOrdersTotal(tx, order.customerId, order.id); // + unpaid invoices when billing lands
  const credit = creditCheck({ creditLimit: customer!.creditLimit, exposureWithoutOrder, orderTotal: order.total });

  let next: OrderRow["status"] = order.status === "submitted" ? "open" : order.status;
  if (credit.isOverLimit) {
    const money = (n: number) => formatMoney(n, order.currency, "en-US");
    await openException(tx, {
      type: "credit_hold",
      orderId: order.id,
      customerId: order.customerId,
      severity: "high",
      actor,
      reason: `Credit limit ${money(customer!.creditLimit)} exceeded by ${money(credit.overBy)} (exposure ${money(credit.exposure)} with this order).`,
      details: { creditLimit: customer!.creditLimit, exposure: credit.exposure, overBy: credit.overBy },
    });
    next = "on_hold";
  } else if (order.status === "on_hold") {
    const resolved = await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "within_limit", types: ["credit_hold"] });
    if (resolved.length > 0) next = "open";
  }

  if (next !== order.status) {
    assertTransition(order.status, next, "system");
    await tx.update(orders).set({ status: next }).where(eq(orders.id, order.id));
    await recordOrderEvent(tx, order.id, next === "on_hold" ? "held" : "opened", actor, {
      before: { status: order.status },
      after: { status: next },
      ...(credit.isOverLimit ? { reason: "credit limit exceeded", overBy: credit.overBy } : {}),
    });
  }
  return next;
}
