import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import * as clock from "../../clock";
import type { Db } from "../../db";
import { openException, resolveOrderExceptions } from "../../exceptions";
import { LIVE_ORDER_STATUSES, orders } from "../../orders";
import { orderPlans } from "../schema";
import { projectPlan } from "./order-plan";
import { planOrder } from "./plan-order";

const live = (status: string) => (LIVE_ORDER_STATUSES as readonly string[]).includes(status);

/** Who checks the plans when nobody looks: the job's name on exceptions and timelines. */
export const JEOPARDY_WATCH: Actor = { kind: "user", id: "system", name: "Jeopardy watch", role: "manager" };

/**
 * The jeopardy job (every 15 minutes): projects each live order along its plan from the step it is in; when
 * the projection passes the promise date it opens (or updates) a `jeopardy` exception naming the cause, in the
 * late step's owner's queue, and when the order is back on track it closes it. Live orders without a plan
 * (submitted before plans existed) get one first. Each order in its own transaction.
 */
export async function checkJeopardy(db: Db, options: { limit?: number } = {}): Promise<{ checked: number; atRisk: string[]; backOnTrack: string[] }> {
  const candidates = await db
    .select({ id: orders.id, number: orders.number, plan: orderPlans })
    .from(orders)
    .leftJoin(orderPlans, eq(orderPlans.orderId, orders.id))
    // Live orders, and any whose jeopardy is still open (one that shipped and completed closes it here).
    .where(and(eq(orders.kind, "order"), or(inArray(orders.status, [...LIVE_ORDER_STATUSES]), isNotNull(orderPlans.jeopardyCause))))
    .orderBy(orders.submittedAt, orders.number)
    .limit(options.limit ?? 5000);
  const atRisk: string[] = [];
  const backOnTrack: string[] = [];
  for (const candidate of candidates) {
    await db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, candidate.id)).for("update", { skipLocked: true });
      if (!order) return;
      // No plan yet (submitted before plans), or orders moved its promise date on its own (a return's stock
      // filled a backorder): planned and promised on its policy again.
      const replan = !candidate.plan || (candidate.plan.promisedDate !== order.promisedDate && live(order.status));
      if (replan) await planOrder(tx, order);
      const plan = replan ? (await tx.select().from(orderPlans).where(eq(orderPlans.orderId, order.id)))[0] : candidate.plan;
      const { projectedDate, finding } = live(order.status) ? await projectPlan(tx, order, plan!) : { projectedDate: plan!.projectedDate, finding: null };
      await tx.update(orderPlans).set({ projectedDate, jeopardyCause: finding?.cause ?? null, checkedAt: clock.now() }).where(eq(orderPlans.orderId, order.id));
      if (finding) {
        const opened = await openException(tx, {
          type: "jeopardy",
          orderId: order.id,
          customerId: order.customerId,
          severity: finding.cause === "step_late" ? "medium" : "high",
          team: finding.owner,
          actor: JEOPARDY_WATCH,
          reason: finding.reason,
          details: { cause: finding.cause, step: finding.step, promisedDate: plan!.promisedDate, projectedDate },
          cause: `${finding.cause}:${finding.step}`,
        });
        if (opened.change !== "accepted") atRisk.push(order.number);
      } else if (plan!.jeopardyCause) {
        const note = live(order.status) ? `Back on track: the customer gets it by ${projectedDate} (promised ${plan!.promisedDate}).` : `The order is ${order.status}.`;
        await resolveOrderExceptions(tx, { orderId: order.id, actor: JEOPARDY_WATCH, resolution: "back_on_track", note, types: ["jeopardy"] });
        backOnTrack.push(order.number);
      }
    });
  }
  return { checked: candidates.length, atRisk, backOnTrack };
}
