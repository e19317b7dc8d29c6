import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { creditCheck, customers } from "../customers";
import type { DbOrTx } from "../db";
import { BLOCKING_TYPES, exceptionsForOrder, openException, releasedCreditTotal, resolveOrderExceptions } from "../exceptions";
import { formatMoney } from "~/lib/money";
import { openOrdersTotal, recordOrderEvent, type OrderRow } from "./queries";
import { orderLines, orders } from "./schema";
import { assertTransition } from "./state-machine";

/**
 * Runs the hold checks of DESIGN.md on a submitted (or edited) order and moves it to on_hold or open:
 * credit (open orders + unpaid invoices past the limit) and price approval (a manual price beyond the
 * role's limit or below cost). Each hold is an exception in the queue; an edit that removes the cause
 * resolves it, and an order with no blocking exception left opens again.
 */
export async function applyHolds(tx: DbOrTx, order: OrderRow, actor: Actor): Promise<OrderRow["status"]> {
  const [customer] = await tx.select().from(customers).where(eq(customers.id, order.customerId));
  const exposureWithoutOrder = await openOrdersTotal(tx, order.customerId, order.id); // + unpaid invoices when billing lands
  const credit = creditCheck({ creditLimit: customer!.creditLimit, exposureWithoutOrder, orderTotal: order.total });
  // A person who released a credit hold approved the order up to that total: only more asks again.
  const approvedTotal = await releasedCreditTotal(tx, order.id);
  const needsCreditHold = credit.isOverLimit && !(approvedTotal !== null && order.total <= approvedTotal);
  const approvals = await tx
    .select({ lineNo: orderLines.lineNo, reason: orderLines.approvalReason })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), isNotNull(orderLines.approvalReason)));
  const money = (n: number) => formatMoney(n, order.currency, "en-US");

  const holds: { type: "credit_hold" | "price_approval"; isNeeded: boolean; open: () => Promise<unknown> }[] = [
    {
      type: "credit_hold",
      isNeeded: needsCreditHold,
      open: () =>
        openException(tx, {
          type: "credit_hold",
          orderId: order.id,
          customerId: order.customerId,
          severity: "high",
          actor,
          reason: `Credit limit ${money(customer!.creditLimit)} exceeded by ${money(credit.overBy)} (exposure ${money(credit.exposure)} with this order).`,
          details: { creditLimit: customer!.creditLimit, exposure: credit.exposure, overBy: credit.overBy, orderTotal: order.total },
        }),
    },
    {
      type: "price_approval",
      isNeeded: approvals.length > 0,
      open: () =>
        openException(tx, {
          type: "price_approval",
          orderId: order.id,
          customerId: order.customerId,
          actor,
          reason: approvals.map((a) => `Line ${a.lineNo}: ${a.reason}`).join("; "),
          details: { lines: approvals.map((a) => a.lineNo) },
        }),
    },
  ];
  for (const hold of holds) {
    if (hold.isNeeded) await hold.open();
    else await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "no_longer_needed", types: [hold.type] });
  }
  const stillBlocked = (await exceptionsForOrder(tx, order.id)).some((e) => e.status === "open" && BLOCKING_TYPES.includes(e.type));

  const next: OrderRow["status"] = stillBlocked ? "on_hold" : "open";
  if (next !== order.status) {
    assertTransition(order.status, next, "system");
    await tx.update(orders).set({ status: next }).where(eq(orders.id, order.id));
    await recordOrderEvent(tx, order.id, next === "on_hold" ? "held" : "opened", actor, {
      before: { status: order.status },
      after: { status: next },
      reasons: holds.filter((h) => h.isNeeded).map((h) => h.type),
    });
  }
  return next;
}
