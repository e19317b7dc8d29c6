import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { AppError } from "../../errors";
import type { OrderRow } from "../../orders";
import type { PolicyStep } from "../policies/policy";
import { loadPolicy } from "../policies/queries";
import { orderPlans } from "../schema";

/** The policy takes payment before the goods are picked (Prepaid): its paid step comes before its pick or ship step. */
export function paysBeforePicking(steps: PolicyStep[]): boolean {
  const paid = steps.findIndex((s) => s.kind === "paid");
  const goods = steps.findIndex((s) => s.kind === "pick" || s.kind === "ship" || s.kind === "collect");
  return paid >= 0 && goods >= 0 && paid < goods;
}

/** A prepaid order's goods do not leave the shelf before it is paid: 409 naming the policy and what is owed. */
export async function assertPaidIfPrepaid(db: DbOrTx, order: Pick<OrderRow, "id" | "number" | "billingStatus">, doing: "picked" | "shipped" | "put on a pick list") {
  if (order.billingStatus === "paid") return;
  const [plan] = await db.select({ code: orderPlans.policyCode, version: orderPlans.policyVersion }).from(orderPlans).where(eq(orderPlans.orderId, order.id));
  if (!plan) return;
  const { policy, version } = await loadPolicy(db, plan.code, { version: plan.version });
  if (!paysBeforePicking(version.steps)) return;
  throw new AppError("conflict", "AWAITING_PAYMENT", `${order.number} follows the ${policy.name} policy: it is ${doing} once it is paid (its invoice is ${order.billingStatus.replace("_", " ")}).`, {
    policy: policy.code,
    billingStatus: order.billingStatus,
  });
}
