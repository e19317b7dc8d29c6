import { eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { AppError } from "../../errors";
import type { OrderRow } from "../../orders";
import type { PolicyStep } from "../policies/policy";
import { goodsPaid } from "../../billing";
import { orderPlans, policies } from "../schema";

/** The policy takes payment before the goods are picked (Prepaid): its paid step comes before its pick or ship step. */
export function paysBeforePicking(steps: PolicyStep[]): boolean {
  const paid = steps.findIndex((s) => s.kind === "paid");
  const goods = steps.findIndex((s) => s.kind === "pick" || s.kind === "ship" || s.kind === "collect");
  return paid >= 0 && goods >= 0 && paid < goods;
}

/** SQL: the order (an id expression) follows a policy that is paid first and its goods are not paid yet — the warehouse waits. */
export const awaitingPayment = (orderId: SQL) => sql`(exists (select 1 from ${orderPlans} op where op.order_id = ${orderId} and op.pays_first) and not ${goodsPaid(orderId)})`;

/** A prepaid order's goods do not leave the shelf before it is paid: 409 naming the policy and what is owed. */
export async function assertPaidIfPrepaid(db: DbOrTx, order: Pick<OrderRow, "id" | "number" | "billingStatus">, doing: "picked" | "shipped" | "put on a pick list") {
  const [plan] = await db
    .select({ paysFirst: orderPlans.paysFirst, name: policies.name, code: policies.code, paid: sql<boolean>`${goodsPaid(sql`${order.id}::uuid`)}` })
    .from(orderPlans)
    .innerJoin(policies, eq(policies.code, orderPlans.policyCode))
    .where(eq(orderPlans.orderId, order.id));
  if (!plan?.paysFirst || plan.paid) return;
  throw new AppError("conflict", "AWAITING_PAYMENT", `${order.number} follows the ${plan.name} policy: it is ${doing} once it is paid (its invoice is ${order.billingStatus.replace("_", " ")}).`, {
    policy: plan.code,
    billingStatus: order.billingStatus,
  });
}
