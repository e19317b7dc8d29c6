import { and, asc, eq, not, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { loadOrderForFulfillment, orders } from "../orders";
import { OPEN_SHIPMENT_STATUSES } from "./constants";
import { planInTx } from "./plan-shipments";
import { awaitingPayment } from "./plans/payment-gate";

/** Who plans when nobody clicks: the job's name on timelines. */
export const AUTO_PLANNER: Actor = { kind: "user", id: "system", name: "Auto-planning", role: "manager" };

/**
 * The auto-planning job: every open order a manager set to plan automatically whose lines are all reserved
 * (nothing backordered) gets one shipment per warehouse for what is not on a shipment yet — so a backorder
 * that a receipt filled becomes a planned shipment without anyone watching. Each order in its own
 * transaction; an order someone is changing right now is skipped until the next run.
 */
export async function planReadyOrders(db: Db, options: { limit?: number } = {}): Promise<{ planned: string[] }> {
  const open = sql.join(OPEN_SHIPMENT_STATUSES.map((s) => sql`${s}`), sql`, `);
  const candidates = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.autoPlan, true),
        eq(orders.status, "open"),
        // A prepaid order is planned once it is paid.
        not(awaitingPayment(sql`${orders.id}`)),
        sql`not exists (select 1 from order_lines l where l.order_id = ${orders.id} and l.reserved + l.shipped < l.quantity)`,
        sql`(select coalesce(sum(a.quantity), 0) from stock_allocations a where a.order_id = ${orders.id})
            > (select coalesce(sum(coalesce(sl.picked, sl.quantity)), 0) from shipments s join shipment_lines sl on sl.shipment_id = s.id
               where s.order_id = ${orders.id} and s.status in (${open}))`,
      ),
    )
    .orderBy(asc(orders.promisedDate), asc(orders.submittedAt))
    .limit(options.limit ?? 500);
  const planned: string[] = [];
  for (const { id } of candidates) {
    const numbers = await db
      .transaction(async (tx) => {
        const [locked] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, id)).for("update", { skipLocked: true });
        if (!locked) return [];
        const loaded = await loadOrderForFulfillment(tx, { id });
        return (await planInTx(tx, loaded!, AUTO_PLANNER)).map((s) => s.number);
      })
      .catch((error: unknown) => {
        // Changed since it was picked (held, canceled, planned by hand): nothing to do now.
        if (error instanceof AppError && error.kind === "conflict") return [];
        throw error;
      });
    planned.push(...numbers);
  }
  return { planned };
}
