import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { creditCheck } from "../customers";
import type { DbOrTx } from "../db";
import { BLOCKING_TYPES, exceptionsForOrder, openException, releasedCreditTotal, resolveOrderExceptions } from "../exceptions";
import { formatMoney } from "~/lib/money";
import { openOrdersTotal, type OrderCustomer, type OrderRow } from "./queries";
import { orderLines } from "./schema";

type HoldType = "credit_hold" | "price_approval";

export type HoldReview = { status: "on_hold" | "open"; reasons: HoldType[] };

/**
 * Runs the hold checks (docs/architecture.md) on a submitted (or re-priced) order: credit (open orders + unpaid
 * invoices past the limit, unless a person released the order up to this total) and price approval (a
 * manual price beyond the role's limit or below cost). Each hold is an exception in the queue, opened
 * here; one whose cause is gone is resolved. Says whether the order is on hold or open; the caller
 * writes the status with the rest of its change. `fresh`: the order has never been checked (no exception
 * can exist yet), which spares reading them.
 */
export async function reviewHolds(
  tx: DbOrTx,
  order: OrderRow,
  actor: Actor,
  customer: OrderCustomer,
  options: { fresh?: boolean; approvals?: { lineNo: number; reason: string | null }[]; exposureWithoutOrder?: number } = {},
): Promise<HoldReview> {
  // + unpaid invoices when billing lands
  const exposureWithoutOrder = options.exposureWithoutOrder ?? (await openOrdersTotal(tx, order.customerId, order.id));
  const credit = creditCheck({ creditLimit: customer.creditLimit, exposureWithoutOrder, orderTotal: order.total });
  const approvedTotal = credit.isOverLimit && !options.fresh ? await releasedCreditTotal(tx, order.id) : null;
  const needsCreditHold = credit.isOverLimit && !(approvedTotal !== null && order.total <= approvedTotal);
  const approvals =
    options.approvals ??
    (await tx
      .select({ lineNo: orderLines.lineNo, reason: orderLines.approvalReason })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, order.id), isNotNull(orderLines.approvalReason))));
  const money = (n: number) => formatMoney(n, order.currency, "en-US");

  const holds: { type: HoldType; isNeeded: boolean; open: () => Promise<unknown> }[] = [
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
          reason: `Credit limit ${money(customer.creditLimit)} exceeded by ${money(credit.overBy)} (exposure ${money(credit.exposure)} with this order).`,
          details: { creditLimit: customer.creditLimit, exposure: credit.exposure, overBy: credit.overBy, orderTotal: order.total },
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
  const open = options.fresh ? [] : (await exceptionsForOrder(tx, order.id)).filter((e) => e.status === "open");
  for (const hold of holds) {
    if (hold.isNeeded) await hold.open();
    else if (open.some((e) => e.type === hold.type)) {
      await resolveOrderExceptions(tx, { orderId: order.id, actor, resolution: "no_longer_needed", types: [hold.type] });
    }
  }
  const reasons = holds.filter((h) => h.isNeeded).map((h) => h.type);
  const otherBlocking = open.some((e) => BLOCKING_TYPES.includes(e.type) && !holds.some((h) => h.type === e.type));
  return { status: reasons.length > 0 || otherBlocking ? "on_hold" : "open", reasons };
}
